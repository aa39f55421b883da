"""A live story's pages: the live page, its new entries for the script, each entry's own
page, its feed and its JSON-LD; what drafts never show; what caches let go of."""

import json
import re
import xml.etree.ElementTree as ET
from datetime import UTC, timedelta

import pytest
from django.utils import timezone

from articles import workflow
from articles.models import LiveEntry
from articles.roles import EDITOR
from articles.tests.factories import (
    ENTRY_DRAFT,
    NOW,
    bulk_entries,
    make_article,
    make_entry,
    make_live_story,
    make_tag,
    make_user,
)
from authors.tests.factories import make_author
from pagecache import store
from public import freshness
from public.live_views import NEW_ENTRIES_MAX, PER_PAGE
from public.pagination import Cursor
from public.tests.pages import SITE_URL, element, machine_time, next_link

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_url")]

DC = "{http://purl.org/dc/elements/1.1/}"
ENTRY_ID = re.compile(r'<li class="live-entry[^"]*" id="entry-(\d+)"')


def stream_ids(content, list_id="live-entries"):
    """Entry ids, in order, in the stream with `list_id`."""
    text = content.decode() if isinstance(content, bytes) else content
    return [int(pk) for pk in ENTRY_ID.findall(element(text, f'id="{list_id}"'))]


def jsonld(content):
    [block] = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', content.decode(), re.DOTALL
    )
    return json.loads(block)


@pytest.fixture
def story(clock):
    """A live story by Ann Lee: three entries, a pinned one, a key event and a draft."""
    ann = make_author(name="Ann Lee")
    story = make_live_story(
        title="Storm Edda crosses the coast",
        slug="storm",
        standfirst="Live: the storm as it happens.",
        authors=[ann],
        primary_tag=make_tag("Weather"),
        tags=["Weather"],
        published_at=NOW - timedelta(hours=6),
        started=NOW - timedelta(hours=5),
    )
    times = [NOW - timedelta(minutes=m) for m in (90, 60, 30)]
    story.first = make_entry(story, body="Warnings issued.", published_at=times[0], authors=[ann])
    story.key = make_entry(
        story,
        headline="Harbour wall breached",
        body="Water pours into **Quay Street**.\n\n> It came so fast, said one resident.",
        is_key_event=True,
        published_at=times[1],
        authors=[ann],
    )
    story.pinned = make_entry(
        story,
        headline="What we know so far",
        body="The storm is moving north.",
        is_pinned=True,
        published_at=times[2],
        authors=[ann],
    )
    story.draft = make_entry(story, body="Secret draft entry.", status=ENTRY_DRAFT)
    story.updated_at = times[2]
    story.save(update_fields=["updated_at"])
    return story


# The live page


def test_the_live_page_shows_label_key_events_pinned_entry_and_newest_entries_first(
    client, story, settings
):
    settings.LIVE_POLL_SECONDS = 25
    response = client.get("/news/storm/")

    assert response.status_code == 200
    page = response.content.decode()
    assert '<span class="live-label">Live</span>' in element(page, 'class="live-state"')
    events = element(page, 'class="key-events"')
    assert f'href="#entry-{story.key.pk}"' in events
    assert "Harbour wall breached" in events
    pinned = element(page, 'class="live-pinned"')
    assert "What we know so far" in pinned
    assert 'id="entry-' not in pinned  # the stream holds the anchor
    assert stream_ids(page) == [story.pinned.pk, story.key.pk, story.first.pk]
    assert "<strong>Quay Street</strong>" in page
    assert "<blockquote>" in page
    assert "Secret draft entry" not in page
    bar = element(page, "data-live-updates")
    assert 'data-live-url="/news/storm/entries/new/"' in bar
    assert f'data-live-since="{Cursor(story.pinned.published_at, story.pinned.pk).encode()}"' in bar
    assert 'data-live-poll-seconds="25"' in bar
    assert 'role="status"' in bar
    assert "js/live.js" in page
    assert "Updated:" in element(page, 'class="dateline"')
    assert f'href="/news/storm/entries/{story.key.pk}/"' in page


def test_show_more_walks_back_through_every_entry_once(client, story):
    older = bulk_entries(story, 45, newest=NOW - timedelta(hours=2), author=story.byline[0])

    seen, url = [], "/news/storm/"
    while url:
        response = client.get(url)
        assert response.status_code == 200
        seen.append(stream_ids(response.content))
        url = next_link(response.content, "live-entries")
    pages = [len(ids) for ids in seen]

    assert pages == [PER_PAGE, PER_PAGE, 48 - 2 * PER_PAGE]
    everything = [pk for ids in seen for pk in ids]
    assert everything == [story.pinned.pk, story.key.pk, story.first.pk] + [e.pk for e in older]
    # Later pages are not live pages: no key events, no pinned copy, no checking.
    later = client.get(next_link(client.get("/news/storm/").content, "live-entries")).text
    assert "key-events" not in later
    assert "data-live-updates" not in later


def test_show_more_fragment_holds_entries_and_the_next_link(client, story):
    bulk_entries(story, 30, newest=NOW - timedelta(hours=2))
    url = next_link(client.get("/news/storm/").content, "live-entries")

    fragment = client.get(url + "&fragment=1").content.decode()

    assert fragment.lstrip().startswith('<li class="live-entry')
    assert len(ENTRY_ID.findall(fragment)) == 13
    assert "<html" not in fragment


def test_a_key_event_beyond_the_first_page_links_to_its_own_page(client, story):
    bulk_entries(story, PER_PAGE, newest=NOW - timedelta(minutes=20))

    events = element(client.get("/news/storm/").content, 'class="key-events"')

    assert f'href="/news/storm/entries/{story.key.pk}/"' in events


def test_an_ended_story_is_an_archive_readable_oldest_first(client, story):
    story.coverage_ended_at = NOW - timedelta(minutes=10)
    story.save()
    bulk_entries(story, 25, newest=NOW - timedelta(hours=2))

    newest = client.get("/news/storm/").content.decode()
    oldest = client.get("/news/storm/?order=oldest")

    assert 'class="live-label"' not in newest
    assert "Live coverage ended" in newest
    assert "data-live-updates" not in newest
    assert "js/live.js" not in newest
    assert 'href="/news/storm/?order=oldest"' in newest
    first_page = stream_ids(oldest.content)
    assert first_page[-1] != story.pinned.pk
    ids_oldest = first_page
    url = next_link(oldest.content, "live-entries")
    assert "order=oldest" in url
    ids_oldest += stream_ids(client.get(url).content)
    assert ids_oldest[-3:] == [story.first.pk, story.key.pk, story.pinned.pk]
    assert len(ids_oldest) == 28


def test_a_story_without_entries_yet_says_so_and_checks_from_the_start(client, clock):
    make_live_story(slug="quiet", authors=[make_author()])

    page = client.get("/news/quiet/").content.decode()

    assert "No updates yet" in page
    assert 'data-live-since="0-0"' in page


def test_a_forged_cursor_is_a_clear_400(client, story):
    response = client.get("/news/storm/?after=junk")

    assert response.status_code == 400
    assert "This page link is broken" in response.text


# Entries after X


def new_entries(client, since):
    response = client.get(f"/news/storm/entries/new/?since={since}")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response.json()


def test_new_entries_after_the_newest_shown_come_as_html_newest_first(client, story, clock):
    shown = Cursor(story.pinned.published_at, story.pinned.pk).encode()
    assert new_entries(client, shown) == {
        "count": 0,
        "more": False,
        "since": shown,
        "live": True,
        "html": "",
    }

    editor = make_user(EDITOR)
    posted = []
    for text in ("Power cut in the north.", "Trains stopped."):
        clock.shift(timedelta(minutes=1))
        posted.append(
            workflow.post_entry(
                entry=LiveEntry(body=text),
                article=story,
                user=editor,
                authors=story.byline,
                publish=True,
            )
        )
    workflow.post_entry(
        entry=LiveEntry(body="Not yet."),
        article=story,
        user=editor,
        authors=story.byline,
        publish=False,
    )

    answer = new_entries(client, shown)

    assert answer["count"] == 2
    assert answer["since"] == Cursor(posted[1].published_at, posted[1].pk).encode()
    assert [int(pk) for pk in ENTRY_ID.findall(answer["html"])] == [posted[1].pk, posted[0].pk]
    assert "Trains stopped." in answer["html"]
    assert "Not yet." not in answer["html"]
    assert "Ann Lee" in answer["html"]
    # Asked again from the newest, nothing is new.
    assert new_entries(client, answer["since"])["count"] == 0


def test_a_tab_left_for_hours_is_offered_a_reload(client, story):
    bulk_entries(
        story, NEW_ENTRIES_MAX + 5, newest=NOW - timedelta(minutes=1), step=timedelta(seconds=5)
    )
    shown = Cursor(story.pinned.published_at, story.pinned.pk).encode()

    answer = new_entries(client, shown)

    assert answer["count"] == NEW_ENTRIES_MAX
    assert answer["more"] is True


def test_an_ended_story_tells_the_script_to_stop(client, story):
    story.coverage_ended_at = NOW
    story.save()

    assert new_entries(client, "0-0")["live"] is False


@pytest.mark.parametrize("query", ["", "?since=", "?since=yesterday", "?since=1-2-3"])
def test_new_entries_without_a_valid_cursor_is_a_clear_400(client, story, query):
    response = client.get(f"/news/storm/entries/new/{query}")

    assert response.status_code == 400
    assert "since" in response.json()["error"]


def test_new_entries_of_a_story_readers_cannot_see_is_404(client, clock):
    make_live_story(slug="scheduled", published_at=NOW + timedelta(hours=1))
    make_article(slug="plain")

    for slug in ("scheduled", "plain", "missing"):
        assert client.get(f"/news/{slug}/entries/new/?since=0-0").status_code == 404


def test_new_entries_answers_are_cacheable_and_let_go_when_an_entry_is_posted(
    client, story, clock, django_assert_num_queries
):
    shown = Cursor(story.pinned.published_at, story.pinned.pk).encode()
    first = client.get(f"/news/storm/entries/new/?since={shown}")
    assert "public" in first["Cache-Control"]
    assert "max-age=10" in first["Cache-Control"]
    with django_assert_num_queries(0):
        client.get(f"/news/storm/entries/new/?since={shown}")

    make_entry(story, body="Fresh news.", published_at=NOW)

    assert new_entries(client, shown)["count"] == 1


# The page cache


def test_a_posted_entry_is_on_the_next_request_of_the_cached_page(client, story, clock):
    assert "Roads reopen." not in client.get("/news/storm/").text
    assert "Roads reopen." not in client.get("/news/").text

    clock.shift(timedelta(minutes=3))
    workflow.post_entry(
        entry=LiveEntry(body="Roads reopen."),
        article=story,
        user=make_user(EDITOR),
        authors=story.byline,
        publish=True,
    )

    page = client.get("/news/storm/").text
    assert stream_ids(page)[0] == LiveEntry.objects.get(body="Roads reopen.").pk
    assert "Roads reopen." in page
    # The news feed shows the story's new "Updated:" time at once too.
    feed = element(client.get("/news/").content, 'id="story-list"')
    posted = machine_time(NOW + timedelta(minutes=3))
    assert f'(Updated: <time datetime="{posted}">' in feed


def test_an_edited_or_deleted_entry_changes_the_cached_page_at_once(client, story):
    assert "Warnings issued." in client.get("/news/storm/").text

    story.first.body = "Red warnings issued."
    story.first.save()
    assert "Red warnings issued." in client.get("/news/storm/").text

    story.first.delete()
    assert "Red warnings issued." not in client.get("/news/storm/").text


# Each entry's own page


def test_an_entry_has_its_own_page_with_its_own_title_and_card(client, story):
    url = f"/news/storm/entries/{story.key.pk}/"
    response = client.get(url)

    assert response.status_code == 200
    page = response.content.decode()
    assert "<title>Harbour wall breached · Storm Edda crosses the coast" in page
    assert '<h1 class="story__title">Harbour wall breached</h1>' in page
    assert f'<link rel="canonical" href="{SITE_URL}{url}">' in page
    assert '<meta property="og:title" content="Harbour wall breached">' in page
    assert '<meta property="og:description" content="Water pours into Quay Street.' in page
    assert f'<meta property="og:url" content="{SITE_URL}{url}">' in page
    assert f'href="/news/storm/#entry-{story.key.pk}"' in page
    data = jsonld(response.content)
    assert data["@type"] == "BlogPosting"
    assert data["isPartOf"] == {
        "@type": "LiveBlogPosting",
        "@id": f"{SITE_URL}/news/storm/",
        "url": f"{SITE_URL}/news/storm/",
    }


def test_an_entry_without_a_headline_is_titled_by_its_time(client, story):
    page = client.get(f"/news/storm/entries/{story.first.pk}/").text

    local = timezone.localtime(story.first.published_at)
    assert f'<h1 class="story__title">Update at {local:%H:%M}, {local.day} July</h1>' in page


def test_entry_pages_readers_may_not_see_are_404_and_an_old_address_moves(client, story, clock):
    assert client.get(f"/news/storm/entries/{story.draft.pk}/").status_code == 404
    assert client.get("/news/storm/entries/999999/").status_code == 404
    assert client.get("/news/storm/entries/99999999999999999999999/").status_code == 404
    hidden = make_live_story(slug="hidden", published_at=NOW + timedelta(hours=2))
    entry = make_entry(hidden)
    assert client.get(f"/news/hidden/entries/{entry.pk}/").status_code == 404

    moved = client.get(f"/news/old-slug/entries/{story.key.pk}/")
    assert moved.status_code == 301
    assert moved["Location"] == f"/news/storm/entries/{story.key.pk}/"


# JSON-LD, the feed, lists


def test_the_json_ld_is_a_live_blog_posting_with_its_updates(client, story):
    data = jsonld(client.get("/news/storm/").content)

    assert data["@type"] == "LiveBlogPosting"
    assert data["headline"] == "Storm Edda crosses the coast"
    assert data["coverageStartTime"] == machine_time(story.coverage_started_at)
    assert "coverageEndTime" not in data
    updates = data["liveBlogUpdate"]
    assert [u["headline"] for u in updates][:2] == ["What we know so far", "Harbour wall breached"]
    assert all(u["@type"] == "BlogPosting" for u in updates)
    assert updates[1]["url"] == f"{SITE_URL}/news/storm/entries/{story.key.pk}/"
    assert updates[1]["articleBody"].startswith("Water pours into Quay Street.")
    assert updates[1]["author"] == [
        {"@type": "Person", "name": "Ann Lee", "url": f"{SITE_URL}/authors/ann-lee/"}
    ]
    assert data["dateModified"] == machine_time(story.pinned.published_at)

    story.coverage_ended_at = NOW
    story.save()
    ended = jsonld(client.get("/news/storm/").content)
    assert ended["coverageEndTime"] == machine_time(NOW)


def test_the_story_has_a_feed_of_its_entries(client, story):
    response = client.get("/news/storm/rss/")

    assert response.status_code == 200
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("title").startswith("Storm Edda crosses the coast: live updates")
    items = channel.findall("item")
    assert [item.findtext("title") for item in items][:2] == [
        "What we know so far",
        "Harbour wall breached",
    ]
    assert items[1].findtext("link") == f"{SITE_URL}/news/storm/entries/{story.key.pk}/"
    assert "<strong>Quay Street</strong>" in items[1].findtext("description")
    assert items[1].findtext(f"{DC}creator") == "Ann Lee"
    assert len(items) == 3  # the draft is not in it
    assert '/news/storm/rss/"' in client.get("/news/storm/").text
    assert client.get("/news/plain-story/rss/").status_code == 404


def test_lists_mark_a_live_story_and_show_its_latest_entry_time(client, story):
    make_article(slug="plain-story", title="A plain story", tags=["Weather"])
    updated = machine_time(story.pinned.published_at)

    labelled = re.compile(r'<span class="live-label">Live</span> <a[^>]* href="/news/([\w-]+)/"')
    for url in ("/", "/news/", "/tags/weather/"):
        page = client.get(url).content.decode()
        # Cards on the home and tag pages, and the news feed (also in their sidebars).
        expected = 1 if url == "/news/" else 2
        assert labelled.findall(page) == ["storm"] * expected, url
    feed = element(client.get("/news/").content, 'id="story-list"')
    assert f'(Updated: <time datetime="{updated}">' in feed

    story.coverage_ended_at = NOW
    story.save()
    assert 'class="live-label"' not in client.get("/news/").text


def test_a_live_story_is_in_the_main_feed_and_the_news_sitemap_like_any_story(client, story):
    assert "Storm Edda crosses the coast" in client.get("/rss/").text
    assert f"{SITE_URL}/news/storm/" in client.get("/news-sitemap.xml").text
    month = f"/sitemaps/articles-{story.published_at.astimezone(UTC):%Y-%m}.xml"
    assert f"<loc>{SITE_URL}{month}</loc>" in client.get("/sitemap.xml").text
    assert f"<loc>{SITE_URL}/news/storm/</loc>" in client.get(month).text


def test_an_entry_empties_the_page_cache_again_once_it_is_committed(
    story, django_capture_on_commit_callbacks
):
    """A reader's page rendered between the save and the commit is not kept."""
    with django_capture_on_commit_callbacks() as callbacks:
        make_entry(story, body="Committed later.")
    shown_by_the_page = [freshness.article(story.pk)]
    before = store._versions(shown_by_the_page)

    for callback in callbacks:
        callback()

    assert store._versions(shown_by_the_page) != before
