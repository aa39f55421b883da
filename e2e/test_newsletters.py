"""A reader signs up under a story, confirms from the mail that arrives at a real SMTP
server, receives an edition, and unsubscribes with the mail client's one click; the
newsletters' and account pages pass axe-core."""

import pytest
from django.core.management import call_command

from articles.tests.factories import make_article
from newsletters.models import Subscription
from newsletters.services import editions, sending
from newsletters.tests.factories import make_newsletter
from readers.tests.mailbox import links, text_of

from .browser import axe_violations, screenshot

pytestmark = [
    pytest.mark.browser,
    pytest.mark.filterwarnings("ignore:No directory at:UserWarning"),
]

EMAIL = "reader@example.net"


def test_sign_up_confirm_receive_and_unsubscribe_in_one_click(
    site, settings, mailbox, new_page, viewport
):
    settings.SITE_URL = site
    briefing = make_newsletter(offered_on_stories=True)
    story = make_article(title="The ferry timetable changes")
    page = new_page()

    page.goto(site + story.get_absolute_url())
    form = page.locator("form.signup__form")
    form.get_by_label("Email address").fill(EMAIL)
    form.get_by_role("button", name="Sign up").click()
    page.wait_for_url(site + "/newsletters/sign-up/")
    assert page.get_by_role("heading", level=1).inner_text() == "Check your inbox"

    (confirmation,) = mailbox.wait_for(1)
    (confirm_url,) = [u for u in links(confirmation) if "/newsletters/confirm/" in u]
    page.goto(confirm_url)
    assert not Subscription.objects.exists()  # opening the link changed nothing
    page.get_by_role("button", name="Confirm my subscription").click()
    page.get_by_role("heading", name="You are subscribed").wait_for()
    assert Subscription.objects.get().newsletter == briefing
    screenshot(page, "newsletter-confirmed", viewport)

    sending.start(edition=editions.make_daily(newsletter=briefing, send=False))
    call_command("run_worker", worker_id="tests", batch=True, verbosity=0)
    edition_mail = mailbox.wait_for(2)[1]
    assert "The ferry timetable changes" in text_of(edition_mail)
    assert edition_mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    # What a mail client does for its "Unsubscribe" button (RFC 8058): one POST.
    one_click = edition_mail["List-Unsubscribe"].strip().strip("<>")
    response = page.request.post(
        one_click,
        data="List-Unsubscribe=One-Click",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert response.status == 200
    assert not Subscription.objects.exists()


def test_newsletter_and_account_pages_pass_axe(site, settings, axe_page, viewport):
    briefing = make_newsletter(offered_on_stories=True)
    story = make_article()
    editions.make_daily(newsletter=briefing, send=False)
    found = {}
    for url in (
        "/newsletters/",
        briefing.get_absolute_url(),
        "/account/",
        story.get_absolute_url(),
    ):
        axe_page.goto(site + url)
        found[url] = axe_violations(axe_page)
    assert {url: lines for url, lines in found.items() if lines} == {}


def test_a_signed_in_reader_sees_their_name_on_the_same_cached_page(
    site, settings, mailbox, new_page, viewport
):
    settings.SITE_URL = site
    story = make_article()
    page = new_page()
    page.goto(site + "/account/")
    page.get_by_label("Email address").fill(EMAIL)
    page.get_by_role("button", name="Email me a sign-in link").click()
    (message,) = mailbox.wait_for(1)
    (link,) = [u for u in links(message) if "/account/link/" in u]
    page.goto(link)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(site + "/account/")

    response = page.goto(site + story.get_absolute_url())
    assert "public" in response.headers["cache-control"]
    slot = page.locator("[data-reader-slot]")
    slot.filter(has_text=f"Signed in as {EMAIL}").wait_for()
    assert page.locator("#signup-email-story").input_value() == EMAIL
    assert page.problems == []
