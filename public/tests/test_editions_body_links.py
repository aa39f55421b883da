"""Links inside a body to another story follow the edition being drawn: to the story's
translation there when it has one, in one query for the lot."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.tests.factories import make_article, make_entry, make_live_story, make_translation
from public.body_links import follow_edition

pytestmark = pytest.mark.django_db

_BODY = re.compile(r'<div class="story__body">(.*?)</div>', re.S)


def body_links(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    [body] = _BODY.findall(response.content.decode())
    return re.findall(r'href="([^"]+)"', body)


@pytest.fixture
def harbour():
    source = make_article(title="Harbour reopens", slug="harbour")
    make_translation(source, title="Гавань відкрита", slug="havan")
    make_article(title="Tram strike", slug="trams")
    return source


@pytest.mark.usefixtures("harbour")
def test_a_ukrainian_body_links_to_the_translation_of_an_english_story(client):
    make_article(
        title="Огляд тижня",
        slug="ohliad",
        language="uk",
        body=(
            "Див. [гавань](/news/harbour/), [розділ](/news/harbour/#map) і [трамваї](/news/trams/)."
        ),
    )
    assert body_links(client, "/uk/news/ohliad/") == [
        "/uk/news/havan/",
        "/uk/news/havan/#map",
        "/news/trams/",  # no Ukrainian version: as written
    ]


@pytest.mark.usefixtures("harbour")
def test_an_english_body_links_to_the_source_of_a_ukrainian_story(client):
    make_article(title="Week in review", slug="review", body="See [it](/uk/news/havan/).")
    assert body_links(client, "/news/review/") == ["/news/harbour/"]


@pytest.mark.usefixtures("harbour")
def test_links_on_the_site_own_address_are_followed_too(settings):
    settings.SITE_URL = "https://news.example.org"
    html = '<p><a href="https://news.example.org/news/harbour/">x</a></p>'
    assert (
        follow_edition(html, "uk")
        == '<p><a href="https://news.example.org/uk/news/havan/">x</a></p>'
    )
    other = '<p><a href="https://elsewhere.example/news/harbour/">x</a></p>'
    assert follow_edition(other, "uk") == other


def test_a_body_without_story_links_costs_no_query(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert follow_edition('<p>No links, or <a href="/tags/ports/">a topic</a>.</p>', "uk")


@pytest.mark.usefixtures("harbour")
def test_many_links_cost_one_query(django_assert_num_queries):
    for n in range(5):
        source = make_article(title=f"Story {n}", slug=f"story-{n}")
        make_translation(source, title=f"Історія {n}", slug=f"istoriia-{n}")
    html = "".join(f'<a href="/news/story-{n}/">{n}</a>' for n in range(5))
    with django_assert_num_queries(1):
        followed = follow_edition(html, "uk")
    assert re.findall(r'href="([^"]+)"', followed) == [f"/uk/news/istoriia-{n}/" for n in range(5)]


@pytest.mark.usefixtures("clock")
def test_a_live_page_looks_up_every_entry_links_at_once(client):
    for n in range(4):
        source = make_article(title=f"Story {n}", slug=f"story-{n}")
        make_translation(source, title=f"Історія {n}", slug=f"istoriia-{n}")
    plain = make_live_story(title="Без посилань", slug="plain", language="uk")
    linked = make_live_story(title="З посиланнями", slug="linked", language="uk")
    for n in range(4):
        make_entry(plain, body=f"Запис {n}.")
        make_entry(linked, body=f"Див. [історію](/news/story-{n}/).")

    def queries(path):
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        assert response.status_code == 200
        return len(captured), response.content.decode()

    without_links, _ = queries("/uk/news/plain/")
    with_links, page = queries("/uk/news/linked/")
    assert with_links == without_links + 1
    assert all(f'href="/uk/news/istoriia-{n}/"' in page for n in range(4))
