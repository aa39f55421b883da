"""RSS feeds per edition: a story's translation is only in its own edition's feeds, which
speak its language."""

import xml.etree.ElementTree as ET

import pytest

from articles.models import TagTranslation
from articles.tests.factories import make_article, make_live_story, make_translation
from authors.tests.factories import make_author
from public.tests.pages import SITE_URL

pytestmark = pytest.mark.usefixtures("site_url")


def channel(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return ET.fromstring(response.content).find("channel")


def links(feed):
    return [item.findtext("link") for item in feed.findall("item")]


@pytest.fixture
def stories():
    author = make_author(name="Olena Writer", name_uk="Олена Авторка")
    source = make_article(title="Harbour reopens", authors=[author], tags=["Ports"])
    TagTranslation.objects.create(tag=source.tags.get(), name_uk="Порти")
    translation = make_translation(
        source, title="Гавань знову відкрита", slug="havan-vidkryta", authors=[author]
    )
    translation.tags.add("Ports")
    english_only = make_article(title="Tram strike", authors=[author], tags=["Ports"])
    return source, translation, english_only


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["rss/", "tags/ports/rss/", "authors/olena-writer/rss/"])
@pytest.mark.usefixtures("stories")
def test_each_edition_feed_lists_its_own_stories_only(client, path):
    english = links(channel(client, f"/{path}"))
    ukrainian = links(channel(client, f"/uk/{path}"))
    assert sorted(english) == sorted(
        [f"{SITE_URL}/news/harbour-reopens/", f"{SITE_URL}/news/tram-strike/"]
    )
    assert ukrainian == [f"{SITE_URL}/uk/news/havan-vidkryta/"]


@pytest.mark.django_db
def test_a_feed_speaks_its_edition_language(client, stories, settings):
    english = channel(client, "/rss/")
    ukrainian = channel(client, "/uk/rss/")
    assert english.findtext("language") == "en-gb"
    assert ukrainian.findtext("language") == "uk"
    assert english.findtext("title") == settings.SITE_NAME
    assert ukrainian.findtext("title") == settings.SITE_NAMES["uk"]
    assert ukrainian.findtext("link") == f"{SITE_URL}/uk/"
    [item] = ukrainian.findall("item")
    assert [c.text for c in item.findall("category")] == ["Порти"]
    assert item.findtext("{http://purl.org/dc/elements/1.1/}creator") == "Олена Авторка"


@pytest.mark.django_db
def test_tag_and_author_feeds_are_titled_in_the_edition(client, stories, settings):
    site = settings.SITE_NAMES["uk"]
    assert channel(client, "/uk/tags/ports/rss/").findtext("title") == f"Порти · {site}"
    assert channel(client, "/uk/authors/olena-writer/rss/").findtext("title") == (
        f"Олена Авторка · {site}"
    )


@pytest.mark.django_db
def test_a_tag_with_no_story_in_the_edition_has_no_feed_there(client):
    make_article(title="Only in English", tags=["Weather"])
    assert client.get("/tags/weather/rss/").status_code == 200
    assert client.get("/uk/tags/weather/rss/").status_code == 404


@pytest.mark.django_db
def test_a_live_story_feed_is_in_its_own_edition_only(client):
    story = make_live_story(title="Жива стрічка", slug="zhyva-strichka", language="uk")
    assert client.get(f"/uk/news/{story.slug}/rss/").status_code == 200
    assert client.get(f"/news/{story.slug}/rss/").status_code == 404
    feed = channel(client, f"/uk/news/{story.slug}/rss/")
    assert feed.findtext("language") == "uk"
