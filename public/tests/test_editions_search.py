"""Search per edition, on SQLite (FTS5) and PostgreSQL alike: each edition searches its
own stories; a Ukrainian query finds Ukrainian stories whatever their case; no query
breaks the page."""

import re

import pytest
from django.db import connection

from articles.tests.factories import make_article, make_tag, make_translation

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_url")]


def titles(response):
    assert response.status_code == 200
    return re.findall(r'class="card__title"><a href="[^"]+">([^<]+)</a>', response.content.decode())


def find(client, q, prefix="", **params):
    return titles(client.get(f"{prefix}/search/", {"q": q, **params}))


@pytest.fixture
def stories():
    source = make_article(
        title="Harbour wall repaired",
        body="The old stone wall of the harbour stands again.",
        tags=["Ports"],
    )
    translation = make_translation(
        source,
        title="Стіну гавані відремонтували",
        slug="stina-havani",
        body="Стара кам'яна стіна ГАВАНІ знову стоїть. Мер Київа це підтвердив.",
    )
    translation.tags.add("Ports")
    make_article(
        title="Вибори до міської ради", slug="vybory", language="uk", body="Голосування в неділю."
    )
    make_article(title="Weather warning", body="Storms reach the Harbour tonight.", tags=["Sky"])
    return source, translation


@pytest.mark.usefixtures("stories")
def test_the_english_edition_finds_english_stories_only(client):
    assert sorted(find(client, "harbour")) == ["Harbour wall repaired", "Weather warning"]
    assert find(client, "гавані") == []


@pytest.mark.usefixtures("stories")
def test_a_ukrainian_query_finds_ukrainian_stories_whatever_the_case(client):
    for query in ("гавані", "ГАВАНІ", "Гавані", "стіну", "СТІНУ"):
        assert find(client, query, "/uk") == ["Стіну гавані відремонтували"], query
    assert find(client, "вибори", "/uk") == ["Вибори до міської ради"]
    # The English words of the source are not the Ukrainian edition's.
    assert find(client, "harbour", "/uk") == []


@pytest.mark.usefixtures("stories")
def test_ukrainian_phrases_with_apostrophes_are_found(client):
    assert find(client, "кам'яна стіна", "/uk") == ["Стіну гавані відремонтували"]
    assert find(client, '"кам’яна стіна"', "/uk") == ["Стіну гавані відремонтували"]


@pytest.mark.usefixtures("stories")
def test_a_ukrainian_word_finds_the_words_it_begins(client):
    """No stemmer for Ukrainian on either database: «шторм» finds «шторму» and «штормом»
    by their beginning, and «шторму» by its stem, in words, exclusions and phrases alike."""
    make_article(title="Шторм минув", slug="shtorm", language="uk", body="Після шторму тихо.")
    make_article(title="Рибалки чекають", slug="rybalky", language="uk", body="Перед штормом.")

    assert sorted(find(client, "шторм", "/uk")) == ["Рибалки чекають", "Шторм минув"]
    assert find(client, "шторм -рибалки", "/uk") == ["Шторм минув"]
    assert find(client, '"перед шторм"', "/uk") == ["Рибалки чекають"]
    assert find(client, "штормовий", "/uk") == []  # a longer word begins with none of them
    # An inflected word loses its ending: its other forms are found too.
    assert sorted(find(client, "шторму", "/uk")) == ["Рибалки чекають", "Шторм минув"]
    assert find(client, "рибалок", "/uk") == []  # no dictionary: «рибалк» begins none
    assert find(client, '"перед штормами"', "/uk") == ["Рибалки чекають"]
    # English keeps its stemmer: a word's beginning alone is no match there.
    assert find(client, "harb") == []


@pytest.mark.usefixtures("stories")
@pytest.mark.parametrize(
    "query",
    [
        "кам'яна",
        "м’ясо",
        '"незакрита лапка',
        "«ялинка»",
        "'",
        "’’’",
        '""',
        'Київ -гавань or "стара"',
        "ґанок ЇЖАК єнот",
        "OR AND NOT NEAR(",
        "*",
        "гавані*",
    ],
)
def test_no_query_breaks_the_search(client, query):
    for prefix in ("", "/uk"):
        response = client.get(f"{prefix}/search/", {"q": query})
        assert response.status_code == 200, (prefix, query)


@pytest.mark.usefixtures("stories")
def test_the_topic_filter_lists_the_edition_public_topics(client):
    make_tag("Empty")
    english = client.get("/search/").content.decode()
    ukrainian = client.get("/uk/search/").content.decode()
    assert 'value="sky"' in english
    assert 'value="ports"' in english
    assert 'value="ports"' in ukrainian
    assert 'value="sky"' not in ukrainian
    assert 'value="empty"' not in english


@pytest.mark.usefixtures("stories")
def test_a_topic_of_the_other_edition_is_not_a_filter_here(client):
    assert find(client, "harbour", "/uk", tag="sky") == []
    page = client.get("/uk/search/", {"q": "гавані", "tag": "sky"}).content.decode()
    # Searching every topic instead, with a note (`search_views.NOTES`).
    assert "Стіну гавані відремонтували" in page


def test_the_index_folds_cyrillic_case_on_either_database():
    """PostgreSQL: the Ukrainian configuration (simple, accents folded); SQLite: FTS5's
    unicode61 tokenizer, which folds the case of every script."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT to_tsvector('newsroom_ukrainian', 'ГАВАНІ Гавані')::text")
            assert cursor.fetchone()[0] == "'гавані':1,2"
        else:
            cursor.execute(
                "CREATE VIRTUAL TABLE temp.folding USING fts5("
                "words, tokenize = 'porter unicode61 remove_diacritics 2')"
            )
            cursor.execute("INSERT INTO temp.folding (words) VALUES ('ГАВАНІ Їжак')")
            cursor.execute("SELECT count(*) FROM temp.folding WHERE folding MATCH 'гавані їжак'")
            assert cursor.fetchone()[0] == 1
