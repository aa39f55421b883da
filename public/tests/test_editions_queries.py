"""The Ukrainian edition's pages cost what the English ones do: a fixed number of
queries, pinned as public/tests/test_queries.py pins the English, and the same number
for the same page wherever the editions' pages are alike."""

from datetime import timedelta

import pytest
from django.core.cache import cache

from articles.models import Article
from articles.tests.factories import NOW, bulk_articles, make_article, make_tag, make_translation
from authors.tests.factories import make_author
from public import related
from public.tests.test_queries import PAGES

pytestmark = pytest.mark.django_db


@pytest.fixture
def editions_lead(clock):
    """The English lead of test_queries, its translation, and a Ukrainian-only story;
    a few stories of each edition on the same tag and byline."""
    author = make_author(name="Ann Lee")
    tag = make_tag("Politics")
    lead = make_article(slug="lead", authors=[author], tags=[tag], primary_tag=tag)
    translated = make_translation(
        lead, title="Головна", slug="holovna", authors=[author], tags=[tag], primary_tag=tag
    )
    make_article(
        title="Лише тут", slug="lyshe", language="uk", authors=[author], tags=[tag], primary_tag=tag
    )
    make_article(slug="alone", authors=[author], tags=[tag], primary_tag=tag)
    for language in ("en-gb", "uk"):
        bulk_articles(
            12, newest=NOW - timedelta(hours=2), author=author, tag=tag, language=language
        )
    # Each story's related stories chosen, as saving it would once committed.
    related.refresh(Article.objects.values_list("pk", flat=True))
    return lead, translated


def count(client, url, django_assert_num_queries, expected):
    cache.clear()
    with django_assert_num_queries(expected) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


# The story with a translation asks for its group's addresses (1) beyond an untranslated
# story's count, in either edition.
UKRAINIAN = {
    "news feed": ("/uk/news/", PAGES["news feed"][1]),
    "translated story": ("/uk/news/holovna/", PAGES["article"][1] + 1),
    "story": ("/uk/news/lyshe/", PAGES["article"][1]),
    "tag": ("/uk/tags/politics/", PAGES["tag"][1]),
    "author": ("/uk/authors/ann-lee/", PAGES["author"][1]),
    "home": ("/uk/", PAGES["home"][1]),
}
ENGLISH = {
    "news feed": "/news/",
    "translated story": "/news/lead/",
    "story": "/news/alone/",
    "tag": "/tags/politics/",
    "author": "/authors/ann-lee/",
    "home": "/",
}


@pytest.mark.usefixtures("editions_lead")
@pytest.mark.parametrize("name", UKRAINIAN)
def test_a_ukrainian_page_costs_what_the_english_one_does(client, name, django_assert_num_queries):
    url, expected = UKRAINIAN[name]
    ukrainian = count(client, url, django_assert_num_queries, expected)
    english = count(client, ENGLISH[name], django_assert_num_queries, expected)
    assert ukrainian == english == expected


@pytest.mark.usefixtures("editions_lead")
def test_a_ukrainian_page_count_does_not_grow_with_the_archive(client, django_assert_num_queries):
    before = {
        name: count(client, url, django_assert_num_queries, n)
        for name, (url, n) in UKRAINIAN.items()
    }
    bulk_articles(200, newest=NOW - timedelta(days=1), language="uk")
    bulk_articles(200, newest=NOW - timedelta(days=1))
    after = {
        name: count(client, url, django_assert_num_queries, n)
        for name, (url, n) in UKRAINIAN.items()
    }
    assert before == after


@pytest.mark.usefixtures("editions_lead")
def test_the_ukrainian_search_costs_what_the_english_one_does(client, django_assert_num_queries):
    # As public/tests/test_search_fulltext.py pins the English search page.
    author = make_author(name="Ada Lin")
    for n in range(15):
        make_article(title=f"Surf {n}", authors=[author])
        make_article(title=f"Серфінг {n}", slug=f"serfinh-{n}", language="uk", authors=[author])
    cache.clear()
    with django_assert_num_queries(11):
        english = client.get("/search/", {"q": "surf"})
    cache.clear()
    with django_assert_num_queries(11):
        ukrainian = client.get("/uk/search/", {"q": "серфінг"})
    assert english.content.decode().count('class="card__title"') == 12
    assert ukrainian.content.decode().count('class="card__title"') == 12
