"""Signing in to the admin as staff do: the password, then the code their phone shows.

The code is computed here from the device's key, as an authenticator app computes it.
"""

from staff.tests.factories import code_for


def submit(page):
    page.locator("#content-main input[type=submit]").first.click()


def give_password(page, site, username, password):
    page.goto(site + "/admin/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    submit(page)


def sign_in(page, site, username, password, device, *, steps_ahead=0):
    """Both steps; `steps_ahead` takes a later code (one already used is never taken twice)."""
    give_password(page, site, username, password)
    page.wait_for_url(site + "/admin/login/code/")
    page.fill("input[name=code]", code_for(device, steps_ahead=steps_ahead))
    submit(page)
    page.wait_for_url(site + "/admin/")
