"""Live coverage and a story's machine-readable meta per edition: a Ukrainian live
story's entries are under /uk/, and every story's JSON-LD and Open Graph say its
language, its canonical address being its own edition's."""

import json
import re

import pytest

from articles.tests.factories import make_article, make_entry, make_live_story, make_translation
from public.tests.pages import SITE_URL

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_url")]


@pytest.fixture
def live(clock):
    story = make_live_story(title="Повінь: наживо", slug="povin", language="uk")
    entry = make_entry(story, headline="Рівень води росте")
    return story, entry


def test_a_ukrainian_live_story_entries_are_under_its_prefix(client, live):
    _, entry = live
    assert entry.get_absolute_url() == f"/uk/news/povin/entries/{entry.pk}/"
    page = client.get("/uk/news/povin/")
    assert page.status_code == 200
    assert f'href="/uk/news/povin/entries/{entry.pk}/"' in page.content.decode()
    assert client.get(f"/uk/news/povin/entries/{entry.pk}/").status_code == 200
    assert client.get("/uk/news/povin/entries/new/", {"since": "x"}).status_code == 400


def test_a_live_entry_at_another_edition_prefix_moves_to_its_own(client, live):
    _, entry = live
    response = client.get(f"/news/povin/entries/{entry.pk}/")
    assert response.status_code == 301
    assert response["Location"] == f"/uk/news/povin/entries/{entry.pk}/"
    assert client.get("/news/povin/entries/new/", {"since": "x"}).status_code == 404


def jsonld(content):
    [data] = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', content.decode(), re.S
    )
    return json.loads(data)


def meta(content, prop):
    [value] = re.findall(rf'<meta property="{prop}" content="([^"]*)"', content.decode())
    return value


def test_a_story_meta_says_its_edition(client, settings):
    source = make_article(title="Harbour reopens", slug="harbour", tags=["Ports"])
    make_translation(source, title="Гавань відкрита", slug="havan")
    english = client.get("/news/harbour/").content
    ukrainian = client.get("/uk/news/havan/").content

    assert jsonld(english)["inLanguage"] == "en-GB"
    assert jsonld(ukrainian)["inLanguage"] == "uk"
    assert jsonld(ukrainian)["url"] == f"{SITE_URL}/uk/news/havan/"
    assert jsonld(ukrainian)["publisher"]["name"] == settings.SITE_NAMES["uk"]
    assert jsonld(ukrainian)["publisher"]["url"] == f"{SITE_URL}/uk/"
    assert meta(english, "og:locale") == "en_GB"
    assert meta(ukrainian, "og:locale") == "uk_UA"
    assert f'<link rel="canonical" href="{SITE_URL}/uk/news/havan/">' in ukrainian.decode()


def test_a_live_story_jsonld_says_its_language(client, live):
    data = jsonld(client.get("/uk/news/povin/").content)
    assert data["@type"] == "LiveBlogPosting"
    assert data["inLanguage"] == "uk"
    _, entry = live
    entry_page = jsonld(client.get(f"/uk/news/povin/entries/{entry.pk}/").content)
    assert entry_page["inLanguage"] == "uk"
    assert entry_page["url"] == f"{SITE_URL}/uk/news/povin/entries/{entry.pk}/"
