"""Sitemaps split by month: an index, a sitemap per month (paged past MONTH_LIMIT), each
cached until a story in it changes."""

import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from articles.tests.factories import DRAFT, make_article
from public import sitemaps

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NOW = datetime(2025, 3, 14, 12, 0, tzinfo=UTC)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_url")]


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def index(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    root = ET.fromstring(response.content)
    assert root.tag == f"{SM}sitemapindex"
    return [loc.text.split("://", 1)[1].split("/", 1)[1] for loc in root.iter(f"{SM}loc")]


def slugs(client, url):
    response = client.get(url)
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return [loc.text.rstrip("/").rsplit("/", 1)[1] for loc in root.iter(f"{SM}loc")]


def story(slug, when, **fields):
    return make_article(title=slug, slug=slug, published_at=when, **fields)


def test_the_index_lists_sections_then_each_month_with_stories_newest_first(client):
    story("march", datetime(2025, 3, 1, tzinfo=UTC))
    story("january", datetime(2025, 1, 31, 23, 59, tzinfo=UTC))
    story("december", datetime(2024, 12, 1, tzinfo=UTC))
    story("draft-in-february", datetime(2025, 2, 1, tzinfo=UTC), status=DRAFT)
    assert index(client) == [
        "sitemaps/pages.xml",
        "sitemaps/tags.xml",
        "sitemaps/authors.xml",
        "sitemaps/articles-2025-03.xml",
        "sitemaps/articles-2025-01.xml",  # no public story in February: no sitemap
        "sitemaps/articles-2024-12.xml",
    ]


def test_a_month_holds_only_its_own_public_stories(client):
    story("in-january", datetime(2025, 1, 10, tzinfo=UTC))
    story("last-second-of-january", datetime(2025, 1, 31, 23, 59, 59, tzinfo=UTC))
    story("in-february", datetime(2025, 2, 1, tzinfo=UTC))
    story("draft-in-january", datetime(2025, 1, 11, tzinfo=UTC), status=DRAFT)
    assert slugs(client, "/sitemaps/articles-2025-01.xml") == [
        "last-second-of-january",
        "in-january",
    ]


def test_a_big_month_is_split_into_pages(client, monkeypatch):
    monkeypatch.setattr(sitemaps, "MONTH_LIMIT", 2)
    monkeypatch.setattr(sitemaps.ArticleMonthSitemap, "limit", 2)
    for day in range(1, 6):
        story(f"day-{day}", datetime(2025, 1, day, tzinfo=UTC))
    assert index(client)[3:] == [
        "sitemaps/articles-2025-01.xml",
        "sitemaps/articles-2025-01.xml?p=2",
        "sitemaps/articles-2025-01.xml?p=3",
    ]
    pages = [slugs(client, f"/sitemaps/articles-2025-01.xml?p={p}") for p in (1, 2, 3)]
    assert pages == [["day-5", "day-4"], ["day-3", "day-2"], ["day-1"]]
    assert client.get("/sitemaps/articles-2025-01.xml?p=4").status_code == 404


def test_a_month_is_cached_until_a_story_in_it_changes(client, django_assert_num_queries):
    january = story("january", datetime(2025, 1, 10, tzinfo=UTC))
    february = story("february", datetime(2025, 2, 10, tzinfo=UTC))
    assert slugs(client, "/sitemaps/articles-2025-01.xml") == ["january"]
    # None: the month's copy, and the time of the next scheduled story (which bounds the
    # edge cache's lifetime), are both kept until a change to them.
    with django_assert_num_queries(0):
        client.get("/sitemaps/articles-2025-01.xml")

    february.title = "Changed"
    february.save()  # another month, and no change to the schedule: all still holds
    with django_assert_num_queries(0):
        client.get("/sitemaps/articles-2025-01.xml")

    january.updated_at = datetime(2025, 3, 1, tzinfo=UTC)
    january.save()
    response = client.get("/sitemaps/articles-2025-01.xml")
    assert b"<lastmod>2025-03-01</lastmod>" in response.content


def test_moving_a_story_to_another_month_refreshes_both(client):
    moving = story("moving", datetime(2025, 1, 10, tzinfo=UTC))
    story("staying", datetime(2025, 2, 10, tzinfo=UTC))
    assert slugs(client, "/sitemaps/articles-2025-01.xml") == ["moving"]
    assert slugs(client, "/sitemaps/articles-2025-02.xml") == ["staying"]

    moving.published_at = datetime(2025, 2, 20, tzinfo=UTC)
    moving.save()
    assert slugs(client, "/sitemaps/articles-2025-01.xml") == []
    assert slugs(client, "/sitemaps/articles-2025-02.xml") == ["moving", "staying"]


def test_deleting_a_story_refreshes_its_month(client):
    doomed = story("doomed", datetime(2025, 1, 10, tzinfo=UTC))
    assert slugs(client, "/sitemaps/articles-2025-01.xml") == ["doomed"]
    doomed.delete()
    assert slugs(client, "/sitemaps/articles-2025-01.xml") == []


def test_a_scheduled_story_appears_in_this_months_sitemap_on_time(client, clock):
    story("now", NOW - timedelta(hours=1))
    story("scheduled", NOW + timedelta(hours=2))
    assert slugs(client, "/sitemaps/articles-2025-03.xml") == ["now"]
    clock.shift(timedelta(hours=2, seconds=1))
    assert slugs(client, "/sitemaps/articles-2025-03.xml") == ["scheduled", "now"]


@pytest.mark.parametrize(
    "url",
    [
        "/sitemaps/articles-2025-13.xml",
        "/sitemaps/articles-2025-00.xml",
        "/sitemaps/articles-0001-01.xml",
        "/sitemaps/articles-9999-12.xml",
        "/sitemaps/articles-2025-1.xml",
        "/sitemaps/nothing.xml",
        "/sitemaps/articles-2025-01.xml?p=x",
    ],
)
def test_addresses_that_are_not_sitemaps_are_404(client, url):
    story("january", datetime(2025, 1, 10, tzinfo=UTC))
    assert client.get(url).status_code == 404


def test_the_index_costs_one_count_per_month(client, django_assert_max_num_queries):
    for months_back in range(24):
        year, month = divmod(2025 * 12 + 2 - months_back, 12)
        story(f"story-{months_back}", datetime(year, month + 1, 5, tzinfo=UTC))
    # Tags and authors (2), newest and oldest (2), 24 month counts, the schedule (1).
    with django_assert_max_num_queries(29):
        entries = index(client)
    assert len(entries) == 3 + 24
