"""The API's editions: each story says its language; lists, search and the corrections
feed read one edition, the default one unless `?edition=` names another; a story never
leaks into the other edition's list."""

import pytest

from articles.models import Correction
from articles.tests.factories import (
    make_article,
    make_entry,
    make_live_story,
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


def test_a_ukrainian_live_story_entries_are_at_its_edition_addresses(api, clock):
    story = make_live_story(title="Жива", slug="zhyva", language="uk")
    entry = make_entry(story)
    data = api.get("/api/v1/stories/zhyva/entries/").json()
    assert data["results"][0]["url"] == f"{SITE_URL}/uk/news/zhyva/entries/{entry.pk}/"


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
