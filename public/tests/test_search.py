"""Search: public stories only, newest first, Show More, and no 500 for any input."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from articles.tests.factories import hidden_articles, make_article
from public.search import MAX_QUERY_LENGTH, clean_query

pytestmark = pytest.mark.usefixtures("site_url")


def results(response):
    """Headlines of the result cards, in order."""
    assert response.status_code == 200
    html = response.content.decode()
    return re.findall(r'class="card__title"><a href="[^"]+">([^<]+)</a>', html)


@pytest.fixture
def stories():
    now = timezone.now()
    make_article(
        title="Budget passes",
        standfirst="MPs vote through the spending plan.",
        body="The chancellor praised the committee.",
        published_at=now - timedelta(hours=3),
    )
    make_article(
        title="Harbour reopens",
        body="Fishing boats returned as the Budget money arrived.",
        published_at=now - timedelta(hours=2),
    )
    make_article(title="Cup final", body="A late goal.", published_at=now - timedelta(hours=1))


@pytest.mark.django_db
@pytest.mark.usefixtures("stories")
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("budget", ["Budget passes", "Harbour reopens"]),  # a headline outranks a body
        ("SPENDING", ["Budget passes"]),  # standfirst, any case
        ("committee", ["Budget passes"]),  # body
        ("budget boats", ["Harbour reopens"]),  # every word must match
        ("nothing-like-this", []),
    ],
)
def test_search_finds_words_in_title_standfirst_and_body(client, query, expected):
    assert results(client.get("/search/", {"q": query})) == expected


@pytest.mark.django_db
def test_search_never_finds_hidden_articles(client):
    make_article(title="Secret public")
    hidden_articles()
    assert results(client.get("/search/", {"q": "secret"})) == ["Secret public"]


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["", "   ", "\t\n", "\x00"])
def test_empty_search_shows_the_form_and_a_hint(client, query):
    response = client.get("/search/", {"q": query})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'role="search"' in html
    assert "Type a word or two" in html


@pytest.mark.django_db
def test_search_page_is_not_indexed(client):
    html = client.get("/search/", {"q": "x"}).content.decode()
    assert '<meta name="robots" content="noindex">' in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query_string",
    [
        "q=bud%00get",
        "q=%00",
        "q=" + "a" * 1000,
        "q=" + "word%20" * 300,
        "q=%ff%fe",
        "q=%25_%5C",
        "q=budget&q=",
        "q=budget&fragment=1",
        "after=1&q=x",
    ],
)
def test_junk_input_is_never_a_server_error(client, query_string):
    make_article(title="Budget passes")
    response = client.get(f"/search/?{query_string}")
    assert response.status_code in (200, 400)


@pytest.mark.django_db
def test_nul_bytes_are_stripped_before_the_database_sees_them(client):
    make_article(title="Budget passes")
    assert clean_query("bud\x00get")[0] == "bud get"
    assert results(client.get("/search/?q=budget%00")) == ["Budget passes"]


@pytest.mark.django_db
def test_long_queries_are_shortened_with_a_note(client):
    response = client.get("/search/", {"q": "a" * 1000})
    html = response.content.decode()
    assert response.status_code == 200
    assert f"shortened to its first {MAX_QUERY_LENGTH} characters" in html
    assert "a" * (MAX_QUERY_LENGTH + 1) not in html


@pytest.mark.django_db
def test_junk_cursor_is_a_400(client):
    response = client.get("/search/", {"q": "budget", "start": "not-a-number"})
    assert response.status_code == 400


@pytest.mark.django_db
def test_query_is_escaped_when_echoed(client):
    html = client.get("/search/", {"q": '<script>alert("x")</script>'}).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert" in html


@pytest.mark.django_db
def test_show_more_keeps_the_query(client):
    now = timezone.now()
    for n in range(13):
        make_article(title=f"Budget day {n}", published_at=now - timedelta(minutes=n + 1))
    make_article(title="Unrelated", published_at=now)

    first = client.get("/search/", {"q": "budget"})
    assert len(results(first)) == 12
    next_url = re.search(r'href="([^"]+)" rel="next"', first.content.decode()).group(1)
    next_url = next_url.replace("&amp;", "&")
    assert "q=budget" in next_url
    assert results(client.get(next_url)) == ["Budget day 12"]


@pytest.mark.django_db
def test_masthead_has_a_labelled_search_form(client):
    html = client.get("/").content.decode()
    form = re.search(r'<form[^>]*role="search"[^>]*>.*?</form>', html, re.S).group(0)
    assert 'action="/search/"' in form
    assert 'method="get"' in form
    assert 'name="q"' in form
    assert re.search(r'<label[^>]*for="masthead-q"', form)
