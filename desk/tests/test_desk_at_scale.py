"""The desk at any archive size: searched through the search index, never counting it all.

desk/search.py and desk/admin/scale.py; bench/desk.py measures the pages at 100,000
stories and more (docs/performance.md).
"""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from articles.roles import EDITOR
from articles.tests.factories import (
    DRAFT,
    PUBLISHED,
    bulk_articles,
    client_for,
    make_article,
    make_entry,
    make_live_story,
    make_user,
)
from authors.tests.factories import make_author
from desk.admin import scale

pytestmark = pytest.mark.django_db

STORIES = reverse("admin:articles_article_changelist")
ENTRIES = reverse("admin:articles_liveentry_changelist")


@pytest.fixture
def editor():
    return client_for(make_user(EDITOR))


def _titles(response):
    assert response.status_code == 200
    return [article.title for article in response.context["cl"].result_list]


def test_a_search_on_the_desk_finds_drafts_best_match_first(editor):
    make_article(status=DRAFT, title="Harbour inquiry opens", body="The hearing began.")
    make_article(status=DRAFT, title="Council notes", body="A word on the harbour wall.")
    make_article(status=PUBLISHED, title="Rail timetable", body="Trains run late.")

    found = _titles(editor.get(STORIES, {"q": "harbours"}))

    # Stemmed as readers' searches are; a headline outranks a passing mention.
    assert found == ["Harbour inquiry opens", "Council notes"]


def test_a_desk_search_reads_phrases_exclusions_and_or_as_readers_do(editor):
    make_article(status=DRAFT, title="Harbour wall repairs", body="Stone by stone.")
    make_article(status=DRAFT, title="Harbour ferry returns", body="Boats again.")
    make_article(status=DRAFT, title="Bridge vote", body="Councillors agree.")

    assert _titles(editor.get(STORIES, {"q": "harbour -ferry"})) == ["Harbour wall repairs"]
    assert set(_titles(editor.get(STORIES, {"q": "ferry or bridge"}))) == {
        "Harbour ferry returns",
        "Bridge vote",
    }
    assert _titles(editor.get(STORIES, {"q": '"wall harbour"'})) == []


def test_a_desk_search_keeps_the_lists_filters_and_its_time_order(editor):
    now = timezone.now()
    make_article(status=DRAFT, title="Harbour draft", body="x")
    make_article(status=PUBLISHED, title="Harbour story", published_at=now - timedelta(days=3))
    make_article(status=PUBLISHED, title="Rail story", body="By the harbour.", published_at=now)

    assert _titles(editor.get(STORIES, {"q": "harbour", "status": "draft"})) == ["Harbour draft"]
    best_first = editor.get(STORIES, {"q": "harbour", "status": "live"})
    assert _titles(best_first) == ["Harbour story", "Rail story"]
    newest_first = editor.get(STORIES, {"q": "harbour", "status": "live", "o": "-4"})
    assert _titles(newest_first) == ["Rail story", "Harbour story"]


def test_the_lists_sort_only_by_their_time_which_an_index_keeps_in_order(editor):
    now = timezone.now()
    make_article(status=PUBLISHED, title="B older", published_at=now - timedelta(days=1))
    make_article(status=PUBLISHED, title="A newer", published_at=now)

    # Columns count from 1 after the checkbox: 2 is the title, 4 the publication time.
    by_title = editor.get(STORIES, {"o": "2"})
    oldest_first = editor.get(STORIES, {"o": "4"})

    assert _titles(by_title) == ["A newer", "B older"]
    assert _titles(oldest_first) == ["B older", "A newer"]
    assert 'href="?o=2' not in editor.get(STORIES).text  # no link sorts by title


def test_a_search_of_nothing_but_punctuation_finds_nothing_and_is_no_error(editor):
    make_article(status=DRAFT, title="Harbour draft")

    assert _titles(editor.get(STORIES, {"q": '"-" !!'})) == []


def _counts_and_sorts(client, url, params):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, params).status_code == 200
    statements = [query["sql"].upper() for query in queries.captured_queries]
    return [
        sql for sql in statements if ("COUNT(" in sql and "LIMIT" not in sql) or "DISTINCT" in sql
    ]


@pytest.mark.parametrize(
    "params",
    [{}, {"status": "draft"}, {"tag": "TAG"}, {"author": "AUTHOR"}, {"q": "harbour"}, {"p": "2"}],
)
def test_no_story_list_counts_every_story_or_sorts_them_all_distinct(editor, params):
    tag = Tag.objects.create(name="Harbour", slug="harbour")
    author = make_author()
    for article in bulk_articles(60, newest=timezone.now(), tag=tag, author=author):
        article.tags.add(tag)
    ids = {"TAG": str(tag.pk), "AUTHOR": str(author.pk)}
    params = {name: ids.get(value, value) for name, value in params.items()}

    assert _counts_and_sorts(editor, STORIES, params) == []


def test_no_entry_list_counts_every_entry(editor):
    story = make_live_story(title="Storm live")
    for number in range(3):
        make_entry(story, body=f"Harbour update {number}")

    assert _counts_and_sorts(editor, ENTRIES, {}) == []
    assert _counts_and_sorts(editor, ENTRIES, {"q": "harbour"}) == []


def test_a_long_list_says_more_than_what_it_counted(editor, monkeypatch):
    monkeypatch.setattr(scale, "LOOKAHEAD_PAGES", 0)
    bulk_articles(51, newest=timezone.now())

    page = editor.get(STORIES).text

    assert "more than 50 articles" in page
    assert 'href="?p=2"' in page


def test_a_page_past_the_counted_ones_is_still_served(editor, monkeypatch):
    monkeypatch.setattr(scale, "LOOKAHEAD_PAGES", 0)
    stories = bulk_articles(120, newest=timezone.now())

    page_three = editor.get(STORIES, {"p": "3"})

    assert _titles(page_three) == [article.title for article in stories[100:]]


@pytest.mark.parametrize("value", ["x", "-1", "99999999999999999999", "1e3"])
def test_a_tag_or_author_filter_that_is_no_number_filters_nothing_and_is_no_error(editor, value):
    make_article(status=DRAFT, title="Kept")

    assert _titles(editor.get(STORIES, {"tag": value})) == ["Kept"]
    assert _titles(editor.get(STORIES, {"author": value})) == ["Kept"]


def test_entries_are_searched_by_words_with_exclusions(editor):
    story = make_live_story(title="Storm live")
    make_entry(story, headline="Harbour closed", body="Ships wait outside.")
    make_entry(story, body="The ferry to the harbour is cancelled.")
    make_entry(story, body="Trains are running.")

    found = editor.get(ENTRIES, {"q": "harbour -ferry"}).context["cl"].result_list

    assert [entry.headline for entry in found] == ["Harbour closed"]


def test_the_entries_list_costs_the_same_few_queries_for_3_or_30_entries(editor):
    story = make_live_story(title="Storm live")

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert editor.get(ENTRIES).status_code == 200
        return len(captured)

    for number in range(3):
        make_entry(story, body=f"Update {number}")
    three = queries()
    for number in range(27):
        make_entry(story, body=f"Later update {number}")

    assert three == queries()


def test_the_story_picker_finds_a_story_by_the_start_of_a_word(editor):
    make_live_story(title="Gale over the harbour")
    make_article(status=PUBLISHED, title="Rail timetable")
    picker = {"app_label": "articles", "model_name": "liveentry", "field_name": "article"}

    def picked(term):
        response = editor.get(reverse("admin:autocomplete"), {**picker, "term": term})
        return [item["text"] for item in response.json()["results"]]

    assert picked("Gal") == ["Gale over the harbour"]
    assert picked("gale harb") == ["Gale over the harbour"]
    assert picked("rail harb") == []
