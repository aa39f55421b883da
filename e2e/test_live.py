"""Live coverage in a browser: a journalist posts on the live desk, and a reader's open page
offers the new entry without moving; with JavaScript off, a reload shows it. axe-core on
the live pages.

The page checks every LIVE_POLL_SECONDS; production waits 20–30 s between checks, these
tests set 1 s so that they wait for what they judge, not for a timer.
"""

import json
import time
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone

from articles import workflow
from articles.models import LiveEntry, Photo
from articles.roles import AUTHOR, sync_roles
from articles.tests.factories import bulk_entries, make_entry, make_live_story
from authors.tests.factories import make_author
from imaging.tests.factories import image_bytes

from .browser import axe_violations, screenshot

pytestmark = [
    pytest.mark.browser,
    pytest.mark.filterwarnings("ignore:No directory at:UserWarning"),
]

PASSWORD = "a long passphrase for tests"
OFFERED_WITHIN_MS = 30_000  # the promise to readers
ENTRIES = "#live-entries > li"
NEW_UPDATES = "[data-live-show]"


def photo(name, colour):
    return ContentFile(image_bytes("JPEG", (960, 540), colour), name=name)


def wait_until(page, condition, timeout_s=10):
    deadline = time.monotonic() + timeout_s
    while not condition() and time.monotonic() < deadline:
        page.wait_for_timeout(100)
    return condition()


@pytest.fixture
def live_story(site, settings, django_user_model):
    """A live story on the byline of a journalist (Author role) who can sign in."""
    settings.LIVE_POLL_SECONDS = 1
    sync_roles()  # the browser tests' database is emptied between tests, groups with it
    journalist = django_user_model.objects.create_user(
        "rhea", password=PASSWORD, is_staff=True, first_name="Rhea"
    )
    journalist.groups.add(Group.objects.get(name=AUTHOR))
    rhea = make_author(name="Rhea Marsh", user=journalist, role="Weather correspondent")
    story = make_live_story(
        title="Storm Ylva crosses the coast",
        slug="storm",
        standfirst="Follow the storm as it happens.",
        authors=[rhea],
        primary_tag="Weather",
        tags=["Weather"],
        lead_photo=Photo.objects.create(
            image=photo("storm.jpg", "steelblue"), alt_text="Waves over a harbour wall"
        ),
    )
    now = timezone.now()
    make_entry(
        story,
        headline="Red warning issued",
        body="Gusts of 150 km/h are expected on the coast.",
        is_key_event=True,
        authors=[rhea],
        published_at=now - timedelta(minutes=50),
    )
    make_entry(
        story,
        body="Ferries are cancelled.\n\n> We stay in port tonight, said a captain.",
        authors=[rhea],
        published_at=now - timedelta(minutes=30),
        photo=Photo.objects.create(
            image=photo("quay.jpg", "slategray"),
            alt_text="An empty ferry terminal",
            caption="The terminal at Saltmouth.",
        ),
    )
    make_entry(
        story,
        headline="What we know",
        body="- The storm reaches the coast at four.\n- Schools close at noon.",
        is_pinned=True,
        authors=[rhea],
        published_at=now - timedelta(minutes=10),
    )
    story.journalist = journalist
    return story


def sign_in(page, site, user):
    page.goto(site + "/admin/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    page.locator("input[type=submit]").click()
    page.wait_for_url(site + "/admin/")


def first_entry_top(page):
    return page.locator(ENTRIES).first.evaluate("el => el.getBoundingClientRect().top")


def test_an_open_page_offers_a_new_entry_posted_on_the_live_desk(
    site, live_story, new_page, viewport
):
    reader = new_page()
    reader.goto(site + live_story.get_absolute_url())
    before = reader.locator(ENTRIES).count()
    # The reader is reading the stream, not the top of the page.
    reader.locator(ENTRIES).nth(1).scroll_into_view_if_needed()
    top = first_entry_top(reader)

    desk = new_page()
    sign_in(desk, site, live_story.journalist)
    desk.goto(site + f"/admin/articles/article/{live_story.pk}/live/")
    # The body has focus as the desk opens; Ctrl+Enter publishes.
    assert desk.evaluate("document.activeElement.name") == "body"
    desk.keyboard.type("The harbour wall at Greyholm has been breached.")
    desk.keyboard.press("Control+Enter")
    desk.wait_for_selector(".messagelist .success")
    posted = time.monotonic()
    assert "Published at" in desk.locator(".messagelist .success").inner_text()
    screenshot(desk, "live-desk", viewport)

    offer = reader.locator(NEW_UPDATES)
    offer.wait_for(state="visible", timeout=OFFERED_WITHIN_MS)
    waited = time.monotonic() - posted
    assert waited < OFFERED_WITHIN_MS / 1000
    assert offer.inner_text() == "1 new update"
    assert reader.locator("[data-live-status]").inner_text() == "1 new update"
    # Offered, not inserted: nothing moved under the reader.
    assert reader.locator(ENTRIES).count() == before
    assert first_entry_top(reader) == top

    offer.click()
    reader.wait_for_function(f"n => document.querySelectorAll('{ENTRIES}').length > n", arg=before)
    newest = reader.locator(ENTRIES).first
    assert "The harbour wall at Greyholm has been breached." in newest.inner_text()
    assert "Rhea Marsh" in newest.inner_text()
    assert reader.evaluate("document.activeElement.id") == newest.get_attribute("id")
    assert offer.is_hidden()
    screenshot(reader, "live-page", viewport)
    assert reader.problems == []
    # The admin's pages ask for a /favicon.ico the site does not have: only scripts count.
    assert [p for p in desk.problems if p.startswith("JS error")] == []


def test_an_answer_overtaken_by_the_readers_click_offers_nothing_again(
    site, live_story, new_page, viewport
):
    """A check already on its way when the reader takes the entries in answers about the
    page as it was: it must not offer those entries a second time."""
    reader = new_page()
    reader.goto(site + live_story.get_absolute_url())
    workflow.post_entry(
        entry=LiveEntry(body="The ferry to Greyholm is suspended."),
        article=live_story,
        user=live_story.journalist,
        authors=live_story.byline,
        publish=True,
    )
    offer = reader.locator(NEW_UPDATES)
    offer.wait_for(state="visible", timeout=OFFERED_WITHIN_MS)

    held = []  # the next check, kept on its way until the reader has clicked
    reader.route("**/entries/new/**", lambda route: held.append(route))
    wait_until(reader, lambda: held, timeout_s=30)
    offer.click()
    assert offer.is_hidden()
    # The following check is scheduled only once the held one's answer has been read.
    with reader.expect_request("**/entries/new/**", timeout=30_000):
        held[0].continue_()
        reader.unroute("**/entries/new/**")

    assert offer.is_hidden()
    assert reader.locator(ENTRIES).filter(has_text="The ferry to Greyholm").count() == 1


def test_without_javascript_a_reload_shows_the_new_entry(site, live_story, new_page, viewport):
    reader = new_page(java_script_enabled=False)
    reader.goto(site + live_story.get_absolute_url())
    assert reader.get_by_text("Reload the page to see new updates.").is_visible()
    shown = reader.locator(ENTRIES).first.get_attribute("id")

    entry = workflow.post_entry(
        entry=LiveEntry(body="Trains north of Brannock are cancelled."),
        article=live_story,
        user=live_story.journalist,
        authors=live_story.byline,
        publish=True,
    )
    reader.reload()

    first = reader.locator(ENTRIES).first
    assert first.get_attribute("id") == f"entry-{entry.pk}"
    assert "Trains north of Brannock are cancelled." in first.inner_text()
    assert reader.locator(f"#{shown}").count() == 1
    # What search engines read: a LiveBlogPosting whose updates begin with the new entry.
    data = json.loads(reader.locator("script[type='application/ld+json']").text_content())
    assert data["@type"] == "LiveBlogPosting"
    assert data["liveBlogUpdate"][0]["articleBody"] == "Trains north of Brannock are cancelled."
    assert len(data["liveBlogUpdate"]) == 4
    assert reader.problems == []


def test_show_more_appends_older_entries_in_place(site, live_story, new_page, viewport):
    author = live_story.byline[0]
    bulk_entries(live_story, 30, newest=timezone.now() - timedelta(hours=1), author=author)
    page = new_page()
    page.goto(site + live_story.get_absolute_url())
    before = page.locator(ENTRIES).count()
    address = page.url

    page.locator("a[data-show-more='live-entries']").click()
    page.wait_for_function(f"n => document.querySelectorAll('{ENTRIES}').length > n", arg=before)

    ids = page.locator(ENTRIES).evaluate_all("items => items.map(li => li.id)")
    assert len(ids) == len(set(ids)) == 33
    # Focus moves to the first older entry; the live page keeps its own address.
    focused = page.evaluate("document.activeElement.closest('#live-entries > li').id")
    assert focused == ids[before]
    assert page.url == address
    assert page.problems == []


def test_checks_pause_while_the_tab_is_hidden(site, live_story, new_page, viewport):
    page = new_page()
    checks = []
    page.on("request", lambda r: checks.append(r.url) if "/entries/new/" in r.url else None)
    page.goto(site + live_story.get_absolute_url())
    assert wait_until(page, lambda: checks), "the page checks for new entries while visible"

    page.evaluate(
        """() => {
            Object.defineProperty(document, "hidden", {configurable: true, get: () => true});
            document.dispatchEvent(new Event("visibilitychange"));
        }"""
    )
    page.wait_for_timeout(1500)  # let a check already under way finish
    paused = len(checks)
    page.wait_for_timeout(3000)  # three intervals
    assert len(checks) == paused, "no checks while the tab is hidden"

    page.evaluate(
        """() => {
            Object.defineProperty(document, "hidden", {configurable: true, get: () => false});
            document.dispatchEvent(new Event("visibilitychange"));
        }"""
    )
    assert wait_until(page, lambda: len(checks) > paused), "checks resume on the tab's return"
    assert page.problems == []


def test_axe_finds_no_violations_on_live_pages(site, live_story, axe_page, viewport):
    found = {}
    axe_page.goto(site + live_story.get_absolute_url())
    found["live page"] = axe_violations(axe_page)

    make_entry(live_story, body="Power is back in Greyholm.", authors=live_story.byline)
    axe_page.locator(NEW_UPDATES).wait_for(state="visible", timeout=OFFERED_WITHIN_MS)
    found["live page offering an update"] = axe_violations(axe_page)
    axe_page.locator(NEW_UPDATES).click()
    axe_page.wait_for_function("() => document.activeElement.matches('#live-entries > li')")
    found["live page with the update inserted"] = axe_violations(axe_page)

    entry = live_story.live_entries.get(headline="Red warning issued")
    axe_page.goto(site + entry.get_absolute_url())
    found["entry page"] = axe_violations(axe_page)

    live_story.coverage_ended_at = timezone.now()
    live_story.save()
    axe_page.goto(site + live_story.get_absolute_url() + "?order=oldest")
    found["ended, oldest first"] = axe_violations(axe_page)

    assert {name: lines for name, lines in found.items() if lines} == {}
