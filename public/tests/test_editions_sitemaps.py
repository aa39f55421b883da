"""Sitemaps per edition: each edition's index lists its own sitemaps; a story with a
translation names every member of its group, itself included, and x-default."""

import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.utils import timezone

from articles.tests.factories import make_article, make_translation
from public.tests.pages import SITE_URL

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"

pytestmark = pytest.mark.usefixtures("site_url")


def get_xml(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return ET.fromstring(response.content)


def index(client, path):
    root = get_xml(client, path)
    return [loc.text for loc in root.iterfind(f"{SM}sitemap/{SM}loc")]


def every_url(client, index_path):
    """Each <url> of every sitemap the index lists: location -> {hreflang: href}."""
    found = {}
    for loc in index(client, index_path):
        assert loc.startswith(SITE_URL), loc
        for url in get_xml(client, loc.removeprefix(SITE_URL)).iterfind(f"{SM}url"):
            found[url.findtext(f"{SM}loc")] = alternates(url)
    return found


def alternates(url):
    return {link.get("hreflang"): link.get("href") for link in url.iterfind(f"{XHTML}link")}


@pytest.fixture
def group():
    now = timezone.now()
    source = make_article(title="Harbour reopens", tags=["Ports"], published_at=now)
    translation = make_translation(source, title="Гавань відкрита", slug="havan")
    translation.tags.add("Ports")
    alone = make_article(title="Tram strike", tags=["Trams"], published_at=now)
    ukrainian_only = make_article(
        title="Лише українською", slug="lyshe", language="uk", published_at=now
    )
    return source, translation, alone, ukrainian_only


@pytest.mark.django_db
def test_each_edition_index_lists_its_own_sitemaps(client, group):
    english, ukrainian = index(client, "/sitemap.xml"), index(client, "/uk/sitemap.xml")
    assert english
    assert ukrainian
    assert all(not loc.startswith(f"{SITE_URL}/uk/") for loc in english)
    assert all(loc.startswith(f"{SITE_URL}/uk/sitemaps/") for loc in ukrainian)


@pytest.mark.django_db
def test_a_story_is_in_its_own_edition_sitemaps_only(client, group):
    english, ukrainian = every_url(client, "/sitemap.xml"), every_url(client, "/uk/sitemap.xml")
    stories = {loc for loc in english if "/news/" in loc and not loc.endswith("/news/")}
    assert stories == {f"{SITE_URL}/news/harbour-reopens/", f"{SITE_URL}/news/tram-strike/"}
    stories = {loc for loc in ukrainian if "/news/" in loc and not loc.endswith("/news/")}
    assert stories == {f"{SITE_URL}/uk/news/havan/", f"{SITE_URL}/uk/news/lyshe/"}
    # Topics: the edition's own.
    assert f"{SITE_URL}/tags/trams/" in english
    assert f"{SITE_URL}/uk/tags/ports/" in ukrainian
    assert f"{SITE_URL}/uk/tags/trams/" not in ukrainian


@pytest.mark.django_db
def test_translated_stories_name_each_other_reciprocally(client, group):
    english, ukrainian = every_url(client, "/sitemap.xml"), every_url(client, "/uk/sitemap.xml")
    en, uk = f"{SITE_URL}/news/harbour-reopens/", f"{SITE_URL}/uk/news/havan/"
    expected = {"en-GB": en, "uk": uk, "x-default": en}
    assert english[en] == expected
    assert ukrainian[uk] == expected
    # A story with no translation names no alternates.
    assert english[f"{SITE_URL}/news/tram-strike/"] == {}
    assert ukrainian[f"{SITE_URL}/uk/news/lyshe/"] == {}
    # A topic both editions have names its page in each; one only here names none.
    assert ukrainian[f"{SITE_URL}/uk/tags/ports/"] == {
        "en-GB": f"{SITE_URL}/tags/ports/",
        "uk": f"{SITE_URL}/uk/tags/ports/",
        "x-default": f"{SITE_URL}/tags/ports/",
    }
    assert english[f"{SITE_URL}/tags/trams/"] == {}
    # The pages every edition has name each other.
    assert english[f"{SITE_URL}/news/"] == {
        "en-GB": f"{SITE_URL}/news/",
        "uk": f"{SITE_URL}/uk/news/",
        "x-default": f"{SITE_URL}/news/",
    }


@pytest.mark.django_db
def test_an_unpublished_translation_is_no_alternate(client):
    source = make_article(title="Harbour reopens")
    make_translation(source, title="Чернетка", slug="chernetka", status="draft", published_at=None)
    english = every_url(client, "/sitemap.xml")
    assert english[f"{SITE_URL}/news/harbour-reopens/"] == {}


@pytest.mark.django_db
def test_month_sitemap_reads_the_groups_in_one_query(client, django_assert_num_queries):
    now = timezone.now()
    for n in range(3):
        source = make_article(title=f"Story {n}", published_at=now - timedelta(minutes=n))
        make_translation(source, title=f"Історія {n}", slug=f"istoriia-{n}")
    make_article(title="Alone", published_at=now)
    [month] = [loc for loc in index(client, "/sitemap.xml") if "articles-" in loc]
    path = month.removeprefix(SITE_URL)
    # The page's count, its stories, then their groups: however many have translations.
    with django_assert_num_queries(3):
        root = get_xml(client, path)
    assert sum(1 for _ in root.iterfind(f"{SM}url/{XHTML}link")) == 3 * 3
    [uk_month] = [loc for loc in index(client, "/uk/sitemap.xml") if "articles-" in loc]
    uk_path = uk_month.removeprefix(SITE_URL)
    assert uk_path == path.replace("/sitemaps/", "/uk/sitemaps/", 1)
    with django_assert_num_queries(3):
        get_xml(client, uk_path)


@pytest.mark.django_db
def test_news_sitemap_per_edition(client, group, settings):
    english = get_xml(client, "/news-sitemap.xml")
    ukrainian = get_xml(client, "/uk/news-sitemap.xml")
    [uk_entry, *_] = [
        u for u in ukrainian.iterfind(f"{SM}url") if "havan" in u.findtext(f"{SM}loc")
    ]
    assert {u.findtext(f"{SM}loc") for u in ukrainian.iterfind(f"{SM}url")} == {
        f"{SITE_URL}/uk/news/havan/",
        f"{SITE_URL}/uk/news/lyshe/",
    }
    assert uk_entry.findtext(f"{NEWS}news/{NEWS}publication/{NEWS}language") == "uk"
    assert (
        uk_entry.findtext(f"{NEWS}news/{NEWS}publication/{NEWS}name") == (settings.SITE_NAMES["uk"])
    )
    assert alternates(uk_entry) == {
        "en-GB": f"{SITE_URL}/news/harbour-reopens/",
        "uk": f"{SITE_URL}/uk/news/havan/",
        "x-default": f"{SITE_URL}/news/harbour-reopens/",
    }
    languages = {u.findtext(f"{NEWS}news/{NEWS}publication/{NEWS}language") for u in english}
    assert languages == {"en"}
    assert {u.findtext(f"{SM}loc") for u in english.iterfind(f"{SM}url")} == {
        f"{SITE_URL}/news/harbour-reopens/",
        f"{SITE_URL}/news/tram-strike/",
    }


@pytest.mark.django_db
def test_robots_names_every_edition_sitemaps(client):
    lines = client.get("/robots.txt").content.decode().splitlines()
    for prefix in ("", "/uk"):
        assert f"Sitemap: {SITE_URL}{prefix}/sitemap.xml" in lines
        assert f"Sitemap: {SITE_URL}{prefix}/news-sitemap.xml" in lines
        assert f"Disallow: {prefix}/search/" in lines
    assert client.get("/uk/robots.txt").status_code == 404


@pytest.mark.django_db
def test_the_ukrainian_sitemaps_hold_ukrainian_addresses_only(client, group):
    ukrainian = every_url(client, "/uk/sitemap.xml")
    assert f"{SITE_URL}/uk/" in ukrainian
    assert f"{SITE_URL}/uk/authors/" in ukrainian
    assert all(loc.startswith(f"{SITE_URL}/uk/") for loc in ukrainian), sorted(ukrainian)
