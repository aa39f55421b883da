"""The API's editions: each story says its language; lists, search and the corrections
feed read one edition, the default one unless `?edition=` names another; a story never
leaks into the other edition's list."""

import pytest

from api.stories import story_document
from articles.models import Correction, TagTranslation
from articles.tests.factories import (
    make_article,
    make_entry,
    make_live_story,
    make_photo,
    make_translation,
)
from authors.tests.factories import make_author
from public.tests.pages import SITE_URL

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_url")]


@pytest.fixture
def group():
    author = make_author(name="Ann Lee")
    source = make_article(
        title="Harbour wall repaired", slug="harbour", tags=["Ports"], authors=[author]
    )
    translated = make_translation(
        source, title="Стіну гавані відремонтували", slug="havan", authors=[author]
    )
    translated.tags.add("Ports")
    only_here = make_article(
        title="Вибори до ради", slug="vybory", language="uk", tags=["Ports"], authors=[author]
    )
    Correction.objects.create(article=source, text="The wall is 40 m long.")
    Correction.objects.create(article=translated, text="Стіна завдовжки 40 м.")
    return source, translated, only_here


def slugs(response):
    assert response.status_code == 200, response.content
    return [
        item["slug"] if "slug" in item else item["story"]["slug"]
        for item in response.json()["results"]
    ]


@pytest.mark.usefixtures("group")
@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/stories/",
        "/api/v1/stories/?tag=ports",
        "/api/v1/stories/?author=ann-lee",
        "/api/v1/stories/?tag=ports&author=ann-lee",
        "/api/v1/search/?q=harbour",
        "/api/v1/corrections/",
    ],
)
def test_without_an_edition_lists_are_the_default_edition_as_before(api, path):
    assert slugs(api.get(path)) == ["harbour"]


@pytest.mark.usefixtures("group")
@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/api/v1/stories/?edition=uk", {"havan", "vybory"}),
        ("/api/v1/stories/?edition=uk&tag=ports", {"havan", "vybory"}),
        ("/api/v1/stories/?edition=uk&author=ann-lee", {"havan", "vybory"}),
        ("/api/v1/search/?edition=uk&q=гавані", {"havan"}),
        ("/api/v1/search/?edition=uk&q=ГАВАНІ", {"havan"}),
        ("/api/v1/search/?edition=uk&q=harbour", set()),
        ("/api/v1/corrections/?edition=uk", {"havan"}),
        ("/api/v1/stories/?edition=en-gb", {"harbour"}),
    ],
)
def test_an_edition_lists_its_own_stories_only(api, path, expected):
    assert set(slugs(api.get(path))) == expected


@pytest.mark.parametrize(
    "path", ["/api/v1/stories/", "/api/v1/search/?q=harbour", "/api/v1/corrections/"]
)
@pytest.mark.parametrize("edition", ["fr", "UK", "en", ""])
def test_an_unknown_edition_is_a_clear_400(api, path, edition):
    separator = "&" if "?" in path else "?"
    response = api.get(f"{path}{separator}edition={edition}")
    assert response.status_code == 400
    assert "edition" in response.json()["detail"]
    assert "uk" in response.json()["detail"]


@pytest.mark.usefixtures("group")
def test_each_story_says_its_language_and_lives_at_its_edition_address(api):
    english = api.get("/api/v1/stories/harbour/").json()
    ukrainian = api.get("/api/v1/stories/havan/").json()
    assert english["language"] == "en-gb"
    assert english["url"] == f"{SITE_URL}/news/harbour/"
    assert ukrainian["language"] == "uk"
    assert ukrainian["url"] == f"{SITE_URL}/uk/news/havan/"
    assert [tag["url"] for tag in ukrainian["tags"]] == [f"{SITE_URL}/uk/tags/ports/"]
    listed = api.get("/api/v1/stories/?edition=uk").json()["results"]
    assert {item["language"] for item in listed} == {"uk"}


def test_ninjs_carries_the_story_language(api, group):
    assert api.get("/api/v1/stories/harbour/ninjs/").json()["language"] == "en"
    assert api.get("/api/v1/stories/havan/ninjs/").json()["language"] == "uk"


@pytest.fixture
def shared_words():
    """An English story and its translation sharing a tag, a byline of two and a lead
    photo, each with words in both languages."""
    ann = make_author(name="Ann Lee", name_uk="Анна Лі", role_uk="Репортерка")
    ben = make_author(name="Ben Ray", name_uk="Бен Рей", short_bio_uk="Пише про порти.")
    photo = make_photo(
        alt_text="Waves over the wall",
        alt_text_uk="Хвилі над стіною",
        caption="The wall at noon.",
        caption_uk="Стіна опівдні.",
    )
    source = make_article(
        title="Harbour wall repaired",
        slug="harbour",
        tags=["Ports"],
        primary_tag="Ports",
        authors=[ann, ben],
        lead_photo=photo,
    )
    translated = make_translation(
        source, title="Стіну гавані відремонтували", slug="havan", authors=[ann, ben]
    )
    translated.tags.add("Ports")
    translated.primary_tag = source.primary_tag
    translated.lead_photo = photo
    translated.save()
    TagTranslation.objects.create(tag=source.primary_tag, name_uk="Порти")
    return source, translated


def words(story):
    """A story's words in the API's shape that come from its tags, byline and photo."""
    return {
        "section": story["section"]["name"],
        "tags": [tag["name"] for tag in story["tags"]],
        "byline": [(a["name"], a["role"], a["short_bio"]) for a in story["byline"]],
        "photo": (story["lead_photo"]["alt_text"], story["lead_photo"]["caption"]),
    }


UKRAINIAN_WORDS = {
    "section": "Порти",
    "tags": ["Порти"],
    "byline": [
        ("Анна Лі", "Репортерка", "Ann Lee covers the news."),  # no Ukrainian bio: English
        ("Бен Рей", "Reporter", "Пише про порти."),
    ],
    "photo": ("Хвилі над стіною", "Стіна опівдні."),
}


def test_a_story_is_written_in_its_edition_words_tags_byline_and_photo_included(api, shared_words):
    _, translated = shared_words
    english = api.get("/api/v1/stories/harbour/").json()
    assert words(english) == {
        "section": "Ports",
        "tags": ["Ports"],
        "byline": [
            ("Ann Lee", "Reporter", "Ann Lee covers the news."),
            ("Ben Ray", "Reporter", "Ben Ray covers the news."),
        ],
        "photo": ("Waves over the wall", "The wall at noon."),
    }
    assert words(api.get("/api/v1/stories/havan/").json()) == UKRAINIAN_WORDS
    [listed] = api.get("/api/v1/stories/?edition=uk").json()["results"]
    assert words(listed) == UKRAINIAN_WORDS
    [found] = api.get("/api/v1/search/?edition=uk&q=гавані").json()["results"]
    assert words(found) == UKRAINIAN_WORDS
    # Webhooks carry the same document.
    assert words(story_document(translated)) == UKRAINIAN_WORDS
    # The English list is as before, though the Ukrainian story was written first.
    [english_listed] = api.get("/api/v1/stories/").json()["results"]
    assert words(english_listed) == words(english)


def test_ninjs_writes_a_story_in_its_edition_words(api, shared_words):
    ukrainian = api.get("/api/v1/stories/havan/ninjs/").json()
    assert ukrainian["by"] == "Анна Лі та Бен Рей"
    assert [subject["name"] for subject in ukrainian["subjects"]] == ["Порти"]
    picture = ukrainian["associations"]["featureimage"]
    assert picture["descriptions"][0]["value"] == "Хвилі над стіною"
    assert picture["headlines"][0]["value"] == "Стіна опівдні."
    english = api.get("/api/v1/stories/harbour/ninjs/").json()
    assert english["by"] == "Ann Lee and Ben Ray"
    assert english["associations"]["featureimage"]["descriptions"][0]["value"] == (
        "Waves over the wall"
    )


def test_a_ukrainian_live_story_entries_are_at_its_edition_addresses(api, clock):
    story = make_live_story(title="Жива", slug="zhyva", language="uk")
    photo = make_photo(alt_text="A crowd", alt_text_uk="Натовп")
    entry = make_entry(story, photo=photo)
    data = api.get("/api/v1/stories/zhyva/entries/").json()
    assert data["results"][0]["url"] == f"{SITE_URL}/uk/news/zhyva/entries/{entry.pk}/"
    assert data["results"][0]["photo"]["alt_text"] == "Натовп"
    in_story = api.get("/api/v1/stories/zhyva/").json()["live"]["entries"]
    assert in_story[0]["photo"]["alt_text"] == "Натовп"


def test_the_openapi_document_names_the_editions(api):
    schema = api.get("/api/v1/openapi.json").json()
    for path in ("/api/v1/stories/", "/api/v1/search/", "/api/v1/corrections/"):
        [edition] = [
            p for p in schema["paths"][path]["get"]["parameters"] if p["name"] == "edition"
        ]
        assert edition["schema"]["enum"] == ["en-gb", "uk"]
        assert edition["schema"]["default"] == "en-gb"
    story = schema["components"]["schemas"]["Story"]["properties"]
    assert "language" in story
