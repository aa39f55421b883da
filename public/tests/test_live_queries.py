"""A live story's pages cost a fixed number of queries, however many entries, key events
and authors it has (see test_queries.py for the ordinary pages).

The numbers are pinned on purpose: a new query fails here until it is counted.
"""

from datetime import timedelta

import pytest
from django.core.cache import cache

from articles.models import LiveEntry, LiveEntryAuthorship
from articles.tests.factories import NOW, bulk_entries, make_entry, make_live_story
from authors.tests.factories import make_author
from public.tests.pages import next_link

pytestmark = pytest.mark.django_db

# The live page: the story (which says whether it has corrections: none here), its
# bylines and tags (3); its entries, the pinned entry, the key events and the entries'
# bylines (4); the sidebar, the masthead's sections and the next scheduled publication (3);
# the banner (1, frontpage/banner.py).
LIVE_PAGE = 11
# A later page: no pinned entry and no key events.
LATER_PAGE = 9
# New entries: the schedule, the story, the entries and their bylines.
NEW_ENTRIES = 4
# An entry's page: the entry with its story and kicker, its byline, sidebar, sections,
# schedule, the banner.
ENTRY_PAGE = 6
# The feed: the schedule, the story, the entries, their bylines.
FEED = 4


@pytest.fixture
def story(clock):
    ann = make_author(name="Ann Lee")
    story = make_live_story(slug="storm", authors=[ann], tags=["Weather"])
    make_entry(story, headline="Pinned", is_pinned=True, authors=[ann])
    make_entry(story, headline="A key event", is_key_event=True, authors=[ann])
    story.ann = ann
    return story


def render(client, url, django_assert_num_queries, expected):
    cache.clear()
    with django_assert_num_queries(expected) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def grow(story, count):
    """`count` more entries, some of them key events, each with three authors."""
    entries = bulk_entries(
        story, count, newest=NOW - timedelta(minutes=1), step=timedelta(seconds=5)
    )
    LiveEntry.objects.filter(pk__in=[e.pk for e in entries[::3]]).update(is_key_event=True)
    authors = [story.ann, *(make_author(name=f"Reporter {count} {i}") for i in range(2))]
    LiveEntryAuthorship.objects.bulk_create(
        LiveEntryAuthorship(entry=entry, author=author, position=position)
        for entry in entries
        for position, author in enumerate(authors)
    )
    return entries


def test_the_live_page_costs_the_same_with_3_or_300_entries(
    client, story, django_assert_num_queries
):
    grow(story, 3)
    small = render(client, "/news/storm/", django_assert_num_queries, LIVE_PAGE)

    grow(story, 300)
    large = render(client, "/news/storm/", django_assert_num_queries, LIVE_PAGE)

    later_url = next_link(client.get("/news/storm/").content, "live-entries")
    later = render(client, later_url, django_assert_num_queries, LATER_PAGE)

    assert (small, large, later) == (LIVE_PAGE, LIVE_PAGE, LATER_PAGE)


def test_new_entries_cost_the_same_for_1_or_25_new_entries(
    client, story, django_assert_num_queries
):
    url = "/news/storm/entries/new/?since=0-0"
    small = render(client, url, django_assert_num_queries, NEW_ENTRIES)
    grow(story, 25)
    large = render(client, url, django_assert_num_queries, NEW_ENTRIES)

    assert small == large == NEW_ENTRIES


def test_an_entry_page_and_the_feed_cost_a_fixed_number(client, story, django_assert_num_queries):
    entry = grow(story, 40)[10]
    entry_url = f"/news/storm/entries/{entry.pk}/"

    assert render(client, entry_url, django_assert_num_queries, ENTRY_PAGE) == ENTRY_PAGE
    assert render(client, "/news/storm/rss/", django_assert_num_queries, FEED) == FEED
