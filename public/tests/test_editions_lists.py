"""Every list a reader sees, per edition: a story's translation appears only in its own
edition's home, news feed, sidebar, tag and author pages and "Most read", and links
there to its own edition's address."""

import re

import pytest
from django.test import RequestFactory
from django.utils import translation

from articles.tests.factories import make_article, make_translation
from authors.tests.factories import make_author
from frontpage import most_read
from frontpage.models import StoryViews
from public.templatetags.front import most_read_list

pytestmark = pytest.mark.django_db

_STORY = re.compile(r'href="((?:/uk)?/news/[\w-]+/)"')


def stories_on(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return set(_STORY.findall(response.content.decode()))


@pytest.fixture
def group():
    author = make_author(name="Olena Writer")
    source = make_article(title="Harbour reopens", tags=["Ports"], authors=[author])
    translated = make_translation(source, title="Гавань відкрита", slug="havan", authors=[author])
    translated.tags.add("Ports")
    make_article(title="Tram strike", tags=["Ports"], authors=[author])
    make_article(
        title="Лише тут", slug="lyshe-tut", language="uk", tags=["Ports"], authors=[author]
    )
    return source, translated


ENGLISH = {"/news/harbour-reopens/", "/news/tram-strike/"}
UKRAINIAN = {"/uk/news/havan/", "/uk/news/lyshe-tut/"}


@pytest.mark.usefixtures("group")
@pytest.mark.parametrize("path", ["/", "/news/", "/tags/ports/", "/authors/olena-writer/"])
def test_each_list_shows_its_own_edition_stories(client, path):
    assert stories_on(client, path) == ENGLISH
    assert stories_on(client, f"/uk{path}") == UKRAINIAN


def test_a_story_page_sidebar_is_its_edition(client, group):
    # The sidebar ("News Feed") beside the story, and nothing of the other edition but
    # the language switch's link to the story's counterpart.
    on_english = stories_on(client, "/news/tram-strike/")
    assert on_english <= ENGLISH
    on_ukrainian = stories_on(client, "/uk/news/lyshe-tut/")
    assert on_ukrainian <= UKRAINIAN
    translated = stories_on(client, "/uk/news/havan/")
    assert translated - UKRAINIAN == {"/news/harbour-reopens/"}  # the switch, hreflang


def test_another_edition_story_at_this_prefix_moves_to_its_own(client, group):
    response = client.get("/news/havan/")
    assert response.status_code == 301
    assert response["Location"] == "/uk/news/havan/"


def test_the_most_read_list_links_to_the_edition_pages(group):
    source, translated = group
    for story in (source, translated):
        StoryViews.objects.create(article=story, hour=most_read.timezone.now(), count=5)
    with translation.override("uk"):
        ukrainian = most_read_list({"request": RequestFactory().get("/uk/")})
    with translation.override("en-gb"):
        english = most_read_list({"request": RequestFactory().get("/")})
    assert set(_STORY.findall(ukrainian)) == {"/uk/news/havan/"}
    assert set(_STORY.findall(english)) == {"/news/harbour-reopens/"}
