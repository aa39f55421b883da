"""'Show More': keyset pages that never repeat or skip a story, and junk cursors as 400s."""

from datetime import UTC, datetime, timedelta
from itertools import chain

import pytest
from django.db import connection

from articles.models import Article
from articles.tests.factories import NOW, bulk_articles, make_article, make_tag
from authors.tests.factories import make_author
from public.pagination import Cursor, InvalidCursor, paginate
from public.tests.pages import element, list_slugs, next_link, walk_pages
from public.tests.steps import sqlite_steps

pytestmark = pytest.mark.django_db

JUNK_CURSORS = [
    "abc",
    "1-",
    "-1",
    "-",
    "--1-2",
    "-99999999999999999-1",  # before year 1
    "1-2-3",
    " 1-2",
    "1.5-2",
    "1e5-2",
    "0x10-2",
    "99999999999999999999-1",  # past year 5000
    "1-9999999999999999999999",  # beyond a bigint
    "١٢٣-4",  # Arabic-Indic digits are digits, but not ours
    "１２３-4",  # fullwidth digits
    "123-٤",
    "²-1",
    "9" * 5000,
    "1-" + "9" * 5000,
    "\x00-1",
]


@pytest.fixture
def pages_exist():
    """The tag and the author whose pages the junk cursors are sent to (a tag is a page
    once a public story is filed under it)."""
    make_article(authors=[make_author(name="Ann Lee")], tags=[make_tag("Politics")])


@pytest.fixture
def listings(clock):
    """45 stories for /news/ (20 a page); 30 of them by one author and on one tag (12 a page)."""
    author = make_author(name="Ann Lee")
    tag = make_tag("Politics")
    newest = NOW - timedelta(minutes=1)
    tagged = bulk_articles(30, newest=newest, author=author, tag=tag, prefix="Tagged")
    other = bulk_articles(15, newest=newest - timedelta(seconds=30), prefix="Other")
    everything = sorted([*tagged, *other], key=lambda a: (a.published_at, a.pk), reverse=True)
    return {
        "/news/": [a.slug for a in everything],
        "/tags/politics/": [a.slug for a in tagged],
        "/authors/ann-lee/": [a.slug for a in tagged],
    }


# --- The cursor itself --------------------------------------------------------------------


@pytest.mark.parametrize(
    "moment",
    [
        datetime(2025, 7, 1, 8, 5, tzinfo=UTC),
        datetime(2025, 7, 1, 8, 5, 0, 123456, tzinfo=UTC),
        datetime(1970, 1, 1, tzinfo=UTC),
        datetime(4999, 12, 31, 23, 59, 59, 999999, tzinfo=UTC),
    ],
)
def test_cursor_round_trips_exactly_to_the_microsecond(moment):
    cursor = Cursor(published_at=moment, pk=42)

    assert Cursor.decode(cursor.encode()) == cursor


@pytest.mark.parametrize("value", JUNK_CURSORS)
def test_junk_cursor_does_not_decode(value):
    with pytest.raises(InvalidCursor):
        Cursor.decode(value)


# --- Walking the pages --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "sizes"),
    [("/news/", [20, 20, 5]), ("/tags/politics/", [12, 12, 6]), ("/authors/ann-lee/", [12, 12, 6])],
)
def test_show_more_walks_every_story_once_in_order(client, listings, url, sizes):
    pages = walk_pages(client, url)

    assert [len(page) for page in pages] == sizes
    assert list(chain.from_iterable(pages)) == listings[url]


def test_stories_published_at_the_same_moment_are_neither_repeated_nor_skipped(client, clock):
    same = bulk_articles(45, newest=NOW - timedelta(hours=1), step=timedelta(0))

    pages = walk_pages(client, "/news/")

    shown = list(chain.from_iterable(pages))
    assert len(shown) == len(set(shown)) == 45
    assert shown == [a.slug for a in sorted(same, key=lambda a: a.pk, reverse=True)]


def test_stories_published_between_two_pages_cause_no_repeat_and_no_gap(client, listings, clock):
    expected = listings["/news/"]
    first = client.get("/news/")
    assert list_slugs(first.content) == expected[:20]

    def just_before(slug):
        return Article.objects.get(slug=slug).published_at - timedelta(seconds=10)

    clock.shift(timedelta(minutes=1))
    make_article(slug="breaking", published_at=NOW + timedelta(seconds=30))  # newest of all
    make_article(slug="backdated-early", published_at=just_before(expected[5]))  # page 1's range
    make_article(slug="backdated-late", published_at=just_before(expected[24]))  # page 2's range
    second = client.get(next_link(first.content))

    assert list_slugs(second.content) == [*expected[20:25], "backdated-late", *expected[25:39]]
    assert list_slugs(client.get("/news/").content)[:1] == ["breaking"]


def test_show_more_link_drops_fragment_and_what_the_page_does_not_read(client, listings):
    response = client.get("/news/?utm_source=mail&fragment=1")

    link = next_link(response.content, list_id=None)
    assert link.startswith("/news/?after=")
    assert "utm_source" not in link  # the page does not read it (public_page's `reads`)
    assert "fragment" not in link


@pytest.mark.parametrize("url", ["/news/", "/tags/politics/", "/authors/ann-lee/"])
def test_fragment_is_just_the_items_and_the_next_link(client, listings, url):
    page_one = client.get(url)
    page_two_url = next_link(page_one.content)

    full = client.get(page_two_url)
    fragment = client.get(page_two_url + "&fragment=1")

    assert fragment.status_code == 200
    text = fragment.text.strip()
    assert "<html" not in text
    assert "<head" not in text
    assert "News Feed</h2>" not in text  # no sidebar either
    assert text.startswith("<li")
    assert list_slugs(text) == list_slugs(full.content)
    assert next_link(text, list_id=None) == next_link(full.content)


def test_fragment_of_the_last_page_has_no_show_more(client, listings):
    last_url = next_link(client.get(next_link(client.get("/news/").content)).content)

    fragment = client.get(last_url + "&fragment=1")

    assert len(list_slugs(fragment.content)) == 5
    assert "Show More" not in fragment.text


def test_sidebar_show_more_continues_after_the_sidebar_items(client, listings):
    story = listings["/tags/politics/"][0]
    page = client.get(f"/news/{story}/").text
    sidebar = element(page, 'class="news-feed"')
    sidebar_items = list_slugs(sidebar, list_id="sidebar-feed")

    more = client.get(next_link(sidebar, list_id="sidebar-feed"))

    assert sidebar_items == listings["/news/"][:10]
    assert list_slugs(more.content) == listings["/news/"][10:30]


def test_show_more_works_past_stories_dated_before_1970(client):
    # An archive story dated 1969 gives a negative cursor ("-…-id"), which decode refuses.
    bulk_articles(25, newest=datetime(1969, 7, 20, 20, 17, tzinfo=UTC), step=timedelta(days=1))

    pages = walk_pages(client, "/news/")

    assert [len(page) for page in pages] == [20, 5]


# --- Bad and forged cursors ---------------------------------------------------------------


@pytest.mark.parametrize("url", ["/news/", "/tags/politics/", "/authors/ann-lee/"])
@pytest.mark.parametrize("cursor", JUNK_CURSORS)
def test_junk_cursor_is_a_helpful_400_not_a_500(client, pages_exist, url, cursor):
    response = client.get(url, {"after": cursor})

    assert response.status_code == 400
    assert "This page link is broken" in response.text
    assert f'href="{url}"' in element(response.text, 'class="notice"')


def test_junk_cursor_in_a_fragment_request_is_also_a_400(client, pages_exist):
    response = client.get("/news/", {"after": "abc", "fragment": "1"})

    assert response.status_code == 400
    assert "This page link is broken" in response.text


@pytest.mark.parametrize(
    ("cursor", "expected"),
    [
        ("99999999999999999-1", slice(0, 20)),  # year 5138: everything is older
        (f"{int(NOW.timestamp() * 1_000_000)}-999999999999999999", slice(0, 20)),
        ("0-0", slice(0, 0)),  # 1970: nothing is older
        ("000-000", slice(0, 0)),
        ("-1000000-1", slice(0, 0)),  # a second before 1970
    ],
)
def test_well_formed_forged_cursor_is_answered_normally(client, listings, cursor, expected):
    response = client.get("/news/", {"after": cursor})

    assert response.status_code == 200
    assert list_slugs(response.content) == listings["/news/"][expected]


@pytest.mark.skipif(
    connection.vendor != "sqlite",
    reason="SQLite only: PostgreSQL weighs both bounds of a page and plans the same either way",
)
def test_a_deep_page_costs_what_the_first_does_when_the_view_says_what_is_public(clock):
    """The view writes `published()` first; the cursor's bound must still lead the WHERE
    clause, or SQLite walks every newer story from the top to reach a deep page."""
    stories = bulk_articles(3000, newest=NOW - timedelta(hours=1))
    deep = stories[-30]
    feed, public = Article.objects.for_feed(), Article.objects.published()

    def steps(cursor):
        return sqlite_steps(lambda: paginate(feed, visible=public, cursor=cursor, per_page=20))

    first, first_steps = steps(None)
    page, deep_steps = steps(Cursor(published_at=deep.published_at, pk=deep.pk))

    assert [story.pk for story in first.items] == [story.pk for story in stories[:20]]
    assert [story.pk for story in page.items] == [story.pk for story in stories[-29:-9]]
    assert deep_steps < 3 * first_steps + 10


@pytest.mark.parametrize("url", ["/tags/politics/", "/authors/ann-lee/"])
def test_a_story_deleted_between_a_pages_two_queries_is_left_out_not_an_error(
    client, listings, url, monkeypatch
):
    """A walked list reads its ids, then its rows: a story deleted in between is not on
    the page, which is drawn again from both queries after the deletion."""
    from public import listing

    real, deleted = listing.paginate, []

    def paginate_then_delete(*args, **kwargs):
        page = real(*args, **kwargs)
        if not deleted:
            deleted.append(page.items[0].pk)
            Article.objects.filter(pk=deleted[0]).delete()
        return page

    monkeypatch.setattr(listing, "paginate", paginate_then_delete)
    response = client.get(url)

    assert response.status_code == 200
    assert list_slugs(response.content) == listings[url][1:13]
