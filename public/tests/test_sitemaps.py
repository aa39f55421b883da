"""Sitemaps, the Google News sitemap and robots.txt: public pages only, on SITE_URL."""

import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.cache import cache
from django.utils import timezone

from articles.tests.factories import hidden_articles, make_article
from authors.tests.factories import make_author
from public import sitemap_views
from public.tests.pages import SITE_URL

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
NOW = datetime(2025, 3, 14, 12, 0, tzinfo=UTC)


pytestmark = pytest.mark.usefixtures("site_url")


def urlset(client, url, **headers):
    response = client.get(url, headers=headers)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{SM}urlset"
    return root


def locations(root):
    return [url.findtext(f"{SM}loc") for url in root.findall(f"{SM}url")]


def every_sitemap(client, **headers):
    """One <urlset> holding the <url>s of every sitemap the index at /sitemap.xml lists."""
    response = client.get("/sitemap.xml", headers=headers)
    assert response.status_code == 200
    index = ET.fromstring(response.content)
    assert index.tag == f"{SM}sitemapindex"
    merged = ET.Element(f"{SM}urlset")
    for loc in index.iterfind(f"{SM}sitemap/{SM}loc"):
        assert loc.text.startswith(SITE_URL), loc.text
        merged.extend(urlset(client, loc.text.removeprefix(SITE_URL), **headers))
    return merged


@pytest.mark.django_db
def test_sitemap_lists_public_pages_on_site_url(client):
    ada = make_author(name="Ada Reporter")
    article = make_article(
        title="Budget passes", authors=[ada], tags=["Politics"], primary_tag="Politics"
    )
    hidden_articles(tags=["Scoop"], primary_tag="Scoop")

    root = every_sitemap(client)
    assert set(locations(root)) == {
        f"{SITE_URL}/",
        f"{SITE_URL}/news/",
        f"{SITE_URL}/authors/",
        f"{SITE_URL}/news/budget-passes/",
        f"{SITE_URL}/tags/politics/",
        f"{SITE_URL}/authors/ada-reporter/",
    }
    [entry] = [u for u in root.findall(f"{SM}url") if "budget" in u.findtext(f"{SM}loc")]
    assert entry.findtext(f"{SM}lastmod") == timezone.localdate(article.last_modified).isoformat()


@pytest.mark.django_db
def test_sitemap_lastmod_follows_updates(client):
    published = timezone.now() - timedelta(days=3)
    updated = timezone.now() - timedelta(days=1)
    make_article(title="Updated story", published_at=published, updated_at=updated)
    root = every_sitemap(client)
    [entry] = [u for u in root.findall(f"{SM}url") if "updated" in u.findtext(f"{SM}loc")]
    assert entry.findtext(f"{SM}lastmod") == timezone.localdate(updated).isoformat()


@pytest.mark.django_db
def test_sitemap_ignores_the_request_host(client, settings):
    settings.ALLOWED_HOSTS = ["*"]
    make_article(title="Host test")
    root = every_sitemap(client, host="other.example")
    assert f"{SITE_URL}/news/host-test/" in locations(root)
    assert not [loc for loc in locations(root) if "other.example" in loc]


def news_entries(client):
    root = urlset(client, "/news-sitemap.xml")
    return {url.findtext(f"{SM}loc"): url.find(f"{NEWS}news") for url in root.findall(f"{SM}url")}


@pytest.mark.django_db
def test_news_sitemap_follows_google_news_format(client, settings):
    with time_machine.travel(NOW, tick=False):
        make_article(
            title="Rates & <em>risks</em>", slug="rates", published_at=NOW - timedelta(hours=2)
        )
        response = client.get("/news-sitemap.xml")
        assert b'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"' in response.content
        assert b"<em>" not in response.content  # titles are escaped
        [(loc, news)] = news_entries(client).items()

    assert loc == f"{SITE_URL}/news/rates/"
    assert news.findtext(f"{NEWS}publication/{NEWS}name") == settings.SITE_NAME
    assert news.findtext(f"{NEWS}publication/{NEWS}language") == "en"
    assert news.findtext(f"{NEWS}title") == "Rates & <em>risks</em>"
    published = datetime.fromisoformat(news.findtext(f"{NEWS}publication_date"))
    assert published == NOW - timedelta(hours=2)


@pytest.mark.django_db
def test_news_sitemap_holds_only_the_last_48_hours_of_public_stories(client):
    with time_machine.travel(NOW, tick=False):
        make_article(title="Fresh", published_at=NOW - timedelta(hours=1))
        make_article(title="Two days old", published_at=NOW - timedelta(hours=47))
        make_article(title="Too old", published_at=NOW - timedelta(hours=49))
        make_article(title="Scheduled", published_at=NOW + timedelta(hours=1))
        hidden_articles()
        assert sorted(news_entries(client)) == [
            f"{SITE_URL}/news/fresh/",
            f"{SITE_URL}/news/two-days-old/",
        ]

    # Two hours on, one story has aged out and the scheduled one has appeared by itself.
    with time_machine.travel(NOW + timedelta(hours=2), tick=False):
        cache.clear()
        assert sorted(news_entries(client)) == [
            f"{SITE_URL}/news/fresh/",
            f"{SITE_URL}/news/scheduled/",
        ]


@pytest.mark.django_db
def test_news_sitemap_is_capped(client, monkeypatch):
    monkeypatch.setattr(sitemap_views, "NEWS_MAX_ITEMS", 2)
    for n in range(3):
        make_article(title=f"Story {n}", published_at=timezone.now() - timedelta(minutes=n + 1))
    assert sorted(news_entries(client)) == [
        f"{SITE_URL}/news/story-0/",
        f"{SITE_URL}/news/story-1/",
    ]


@pytest.mark.django_db
def test_robots_txt(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Allow: /" in lines
    assert "Disallow: /admin/" in lines
    assert "Disallow: /search/" in lines
    assert f"Sitemap: {SITE_URL}/sitemap.xml" in lines
    assert f"Sitemap: {SITE_URL}/news-sitemap.xml" in lines
