"""An editor's first sign-in: set up an authenticator app, then sign in with it.

The code is computed from the key the page shows, as the phone that scans the QR code
would compute it.
"""

import base64
import re

import pytest
from django.contrib.auth.models import Group
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from articles.roles import EDITOR, sync_roles
from staff.models import AuditEntry

from .browser import loaded_width, screenshot
from .staff import give_password, sign_in, submit

pytestmark = [
    pytest.mark.browser,
    pytest.mark.filterwarnings("ignore:No directory at:UserWarning"),
]

PASSWORD = "a long passphrase for tests"
Action = AuditEntry.Action


def make_editor(username, django_user_model):
    # Browser tests empty the database after each test, roles included: make them again.
    sync_roles()
    user = django_user_model.objects.create_user(username, password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=EDITOR))
    return user


@pytest.fixture
def new_editor(django_user_model):
    """An Editor who has never signed in: no second factor yet."""
    return make_editor("new-editor", django_user_model)


def phone_code(key_text, *, steps_ahead=0):
    """What an authenticator app shows for the key typed in by hand (RFC 6238, 30 s steps)."""
    key = base64.b32decode(key_text.replace(" ", ""))
    return f"{totp(key, t0=-steps_ahead * 30):06d}"


def test_an_editor_sets_up_two_factor_then_signs_in_with_it(site, new_editor, new_page, viewport):
    page = new_page()
    before = AuditEntry.objects.count()

    # The password alone leads to the setup, not to the desk.
    give_password(page, site, new_editor.username, PASSWORD)
    page.wait_for_url(site + "/admin/two-factor/enrol/")
    qr = page.get_by_role("img", name="QR code of the key for your authenticator app")
    assert loaded_width(qr) > 0, "the QR code did not load"
    assert qr.get_attribute("src").startswith("data:image/svg+xml;base64,")
    key_text = page.locator("#totp-key").inner_text()
    assert base64.b32decode(key_text.replace(" ", "")) == TOTPDevice.objects.get().bin_key
    screenshot(page, "admin-two-factor-enrol", viewport)

    # A wrong code is refused and says so; the right one turns it on.
    page.fill("input[name=code]", f"{(int(phone_code(key_text)) + 1) % 1_000_000:06d}")
    submit(page)
    page.wait_for_selector(".errorlist")
    assert "not the one the app shows" in page.locator(".errorlist").inner_text()
    page.fill("input[name=code]", phone_code(key_text))
    submit(page)

    # Backup codes, shown once; then the desk. The page answering the POST is read
    # only once it has drawn all ten: reading at once may still see the form.
    shown = page.locator("#backup-codes code")
    expect(shown).to_have_count(10)
    codes = shown.all_inner_texts()
    screenshot(page, "admin-backup-codes", viewport)
    assert all(re.fullmatch(r"[a-z0-9]{4}(-[a-z0-9]{4}){3}", code) for code in codes)
    page.get_by_role("link", name="I have saved them: continue").click()
    page.wait_for_url(site + "/admin/")
    assert page.get_by_role("link", name="Two-factor sign-in").count()

    # Signed out, and back in with the password and the app's next code (the one used
    # to set it up is never taken twice).
    page.get_by_role("button", name="Log out").click()
    page.wait_for_load_state()
    device = TOTPDevice.objects.get(user=new_editor, confirmed=True)
    sign_in(page, site, new_editor.username, PASSWORD, device, steps_ahead=1)
    assert page.get_by_role("link", name="Articles").count()
    assert [p for p in page.problems if "JS error" in p or p.startswith("5")] == []

    done = list(AuditEntry.objects.order_by("pk").values_list("action", "actor_id"))[before:]
    assert done == [
        (Action.TWO_FACTOR_ENABLED, new_editor.pk),
        (Action.SIGNED_IN, new_editor.pk),
        (Action.SIGNED_OUT, new_editor.pk),
        (Action.SIGNED_IN, new_editor.pk),
    ]


def test_a_wrong_code_at_sign_in_is_refused_and_the_right_one_accepted(
    site, django_user_model, new_page, settings
):
    # django-otp makes the next try wait a second after a wrong code; not what this tests.
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    editor = make_editor("busy-editor", django_user_model)
    device = TOTPDevice.objects.create(user=editor, name="Phone", confirmed=True)
    page = new_page()
    give_password(page, site, editor.username, PASSWORD)
    page.wait_for_url(site + "/admin/login/code/")

    right = f"{totp(device.bin_key):06d}"
    page.fill("input[name=code]", "000000" if right != "000000" else "111111")
    submit(page)
    page.wait_for_selector(".errorlist")
    assert "That code is not right" in page.locator(".errorlist").inner_text()
    page.fill("input[name=code]", right)
    submit(page)
    page.wait_for_url(site + "/admin/")

    refused = AuditEntry.objects.get(action=Action.SIGN_IN_REFUSED)
    assert refused.detail.startswith("wrong code")
