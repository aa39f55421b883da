"""Full-text search as a reader uses it, the same on SQLite (FTS5) and PostgreSQL.

Phrases, exclusions and `or`; ranking (a headline outranks a body, a newer story a
same-scoring older one); the newest-first toggle; filters; the count; snippets that mark
the words and escape everything else; and the index following every change.
"""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from articles import workflow
from articles.models import Article
from articles.search_index import beginning
from articles.tests.factories import DRAFT, make_article, make_tag
from authors.tests.factories import make_author
from public import search, search_backends
from public.search import Term, parse_query
from public.tests.pages import next_link

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_url")]


def titles(response):
    assert response.status_code == 200
    return re.findall(r'class="card__title"><a href="[^"]+">([^<]+)</a>', response.content.decode())


def find(client, q, **params):
    return titles(client.get("/search/", {"q": q, **params}))


def ago(**delta):
    return timezone.now() - timedelta(**delta)


@pytest.fixture
def harbour_stories():
    make_article(title="Harbour wall repaired", body="The old stone wall of the harbour stands.")
    make_article(
        title="Ferry timetable changes",
        body="Boats leave the harbour wall earlier. The town council approved it.",
        published_at=ago(hours=2),
    )
    make_article(
        title="Council budget",
        body="The council set its budget for the harbour.",
        published_at=ago(hours=3),
    )


# --- The query syntax -------------------------------------------------------------------


def test_query_syntax_is_read_into_words_phrases_exclusions_and_alternatives():
    parsed = parse_query('"harbour wall" -ferry budget or council')
    assert parsed.alternatives == [
        [Term(("harbour", "wall")), Term(("ferry",), negated=True), Term(("budget",))],
        [Term(("council",))],
    ]
    assert parsed.websearch() == '"harbour wall" -ferry budget or council'
    assert parsed.fts5() == '("harbour wall" "budget" NOT "ferry") OR ("council")'


def test_a_query_by_word_beginnings_keeps_its_phrases_exclusions_and_alternatives():
    parsed = parse_query('"сильний шторм" -дощ or вітер')
    assert parsed.by_beginnings("uk") == "(('сильн':* <-> 'шторм':*) & !('дощ':*)) | (('вітер':*))"
    assert parsed.fts5("uk") == '("сильн"* + "шторм"* NOT "дощ"*) OR ("вітер"*)'


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("шторму", "шторм"),
        ("Штормом", "шторм"),
        ("виборів", "вибор"),
        ("гавані", "гаван"),
        ("сильного", "сильн"),
        ("рада", "рада"),  # four letters: matched whole
        ("міст", "міст"),
        ("NATO", "nato"),
    ],
)
def test_a_ukrainian_word_is_matched_by_its_stem(word, stem):
    assert beginning(word, "uk") == stem


@pytest.mark.parametrize(
    "query",
    ["-ferry", "- - -", '-"harbour wall"', "or or", "&|!:*()<->", "'\"", "\\"],
)
def test_queries_without_a_word_to_find_parse_to_nothing(query):
    assert not parse_query(query)


def test_database_operators_are_gaps_between_words():
    # Words joined by punctuation are read as a phrase, as "long-term" is.
    assert parse_query("a&b|c!d:*").alternatives == [[Term(("a", "b", "c", "d"))]]
    assert parse_query("NEAR(harbour wall)").fts5() == '("near harbour" "wall")'
    assert parse_query('say "it\'s" ok').websearch() == 'say "it s" ok'


# --- Matching ---------------------------------------------------------------------------


@pytest.mark.usefixtures("harbour_stories")
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ('"harbour wall"', {"Harbour wall repaired", "Ferry timetable changes"}),
        ('"wall harbour"', set()),  # a phrase keeps its order
        ("harbour -ferry", {"Harbour wall repaired", "Council budget"}),
        ("harbour -boats", {"Harbour wall repaired", "Council budget"}),  # body words too
        ("timetable or budget", {"Ferry timetable changes", "Council budget"}),
        ("harbours", {"Harbour wall repaired", "Ferry timetable changes", "Council budget"}),
        ("HARBOUR Wall", {"Harbour wall repaired", "Ferry timetable changes"}),
        ("approve", {"Ferry timetable changes"}),  # stemmed: approved
    ],
)
def test_phrases_exclusions_alternatives_and_word_forms(client, query, expected):
    assert set(find(client, query)) == expected


def test_tag_and_author_names_are_searchable(client):
    ada = make_author(name="Ada Quennell")
    make_article(title="Rates rise", authors=[ada])
    make_article(title="Lambing season", tags=[make_tag("Farming")])
    make_article(title="Unrelated story")
    assert find(client, "quennell") == ["Rates rise"]
    assert find(client, "farming") == ["Lambing season"]


def test_only_published_stories_are_found(client):
    make_article(title="Lighthouse public")
    make_article(title="Lighthouse draft", status=DRAFT)
    make_article(title="Lighthouse in review", status=Article.Status.REVIEW)
    make_article(title="Lighthouse scheduled", published_at=timezone.now() + timedelta(hours=1))
    assert find(client, "lighthouse") == ["Lighthouse public"]


def test_the_index_follows_edits_bylines_tags_renames_and_deletes(client):
    article = make_article(title="Quarry dispute", body="Plain words.")
    article.body = "A new paragraph about gravel."
    article.save()
    assert find(client, "gravel") == ["Quarry dispute"]

    author = make_author(name="Bo Strand")
    article.authorships.create(author=author)
    assert find(client, "strand") == ["Quarry dispute"]
    author.name = "Bo Marsh"
    author.save()
    assert find(client, "strand") == []
    assert find(client, "marsh") == ["Quarry dispute"]
    article.authorships.all().delete()
    assert find(client, "marsh") == []

    article.tags.add("Geology")
    assert find(client, "geology") == ["Quarry dispute"]
    tag = article.tags.get()
    tag.name = "Minerals"
    tag.save()
    assert find(client, "minerals") == ["Quarry dispute"]
    article.tags.clear()
    assert find(client, "minerals") == []

    article.delete()
    assert find(client, "gravel") == []


def test_unpublishing_hides_a_story_from_search_at_once(client, django_user_model):
    editor = django_user_model.objects.create_superuser("chief", password="pw")
    article = make_article(title="Recalled report")
    assert find(client, "recalled") == ["Recalled report"]
    workflow.unpublish(article=article, user=editor)
    assert find(client, "recalled") == []


# --- Ranking and order ------------------------------------------------------------------


def test_headline_outranks_standfirst_which_outranks_body(client):
    make_article(title="Tram plans", body="Nothing here.", published_at=ago(hours=3))
    make_article(
        title="City news", standfirst="New tram plans.", body="Nothing.", published_at=ago(hours=2)
    )
    make_article(title="Other news", body="A tram was seen.", published_at=ago(hours=1))
    assert find(client, "tram") == ["Tram plans", "City news", "Other news"]
    assert find(client, "tram", sort="newest") == ["Other news", "City news", "Tram plans"]


def test_recency_breaks_ties_and_fades_old_matches(client):
    make_article(title="Marina opens", body="Boats.", published_at=ago(days=3 * 365))
    make_article(title="Marina opens again", body="Boats.", published_at=ago(days=2))
    assert find(client, "marina") == ["Marina opens again", "Marina opens"]


def test_recency_blend_keeps_half_the_relevance_for_the_oldest_stories():
    now = timezone.now()
    assert search.blended_score(1.0, now, now) == pytest.approx(1.0)
    assert search.blended_score(1.0, now - timedelta(days=365), now) == pytest.approx(0.75)
    assert search.blended_score(1.0, now - timedelta(days=365 * 50), now) == pytest.approx(0.5)


def test_the_order_toggle_links_to_the_other_order_and_keeps_the_filters(client):
    make_article(title="Pier news", tags=[make_tag("Coast")])
    html = client.get("/search/", {"q": "pier", "tag": "coast"}).content.decode()
    assert '<strong aria-current="true">best match</strong>' in html
    newest = re.search(r'<a href="([^"]+)">newest first</a>', html).group(1)
    assert "sort=newest" in newest
    assert "tag=coast" in newest
    html = client.get(newest.replace("&amp;", "&")).content.decode()
    assert '<strong aria-current="true">newest first</strong>' in html


# --- Filters, count and pages -----------------------------------------------------------


def test_filters_by_topic_author_and_dates(client):
    ada, bo = make_author(name="Ada Lin"), make_author(name="Bo Ek")
    coast = make_tag("Coast")
    make_article(title="Tide old", authors=[ada], tags=[coast], published_at=ago(days=40))
    make_article(title="Tide new", authors=[bo], tags=[coast], published_at=ago(days=1))
    make_article(title="Tide inland", authors=[ada], published_at=ago(days=2))

    assert set(find(client, "tide", tag="coast")) == {"Tide old", "Tide new"}
    assert set(find(client, "tide", author="ada-lin")) == {"Tide old", "Tide inland"}
    recent = timezone.localdate() - timedelta(days=10)
    assert set(find(client, "tide", **{"from": recent.isoformat()})) == {
        "Tide new",
        "Tide inland",
    }
    old = (timezone.localdate() - timedelta(days=10)).isoformat()
    assert find(client, "tide", to=old) == ["Tide old"]
    assert find(client, "tide", tag="coast", author="ada-lin") == ["Tide old"]


def test_a_day_filter_takes_the_whole_day_in_the_sites_time_zone(client, clock):
    # 23:30 on 30 June in London is 22:30 UTC: it belongs to 30 June, not 1 July.
    make_article(title="Late tide", published_at=timezone.now() - timedelta(hours=10, minutes=30))
    assert find(client, "tide", **{"from": "2025-06-30", "to": "2025-06-30"}) == ["Late tide"]
    assert find(client, "tide", **{"from": "2025-07-01"}) == []


@pytest.mark.parametrize(
    ("params", "note"),
    [
        ({"tag": "no-such-topic"}, "That topic is not one we know"),
        ({"author": "nobody-here"}, "That author is not one we know"),
        ({"from": "yesterday"}, "The “from” date could not be read"),
        ({"to": "2025-13-45"}, "The “to” date could not be read"),
        ({"sort": "loudest"}, "The order asked for is not one we offer"),
        ({"tag": "<b>"}, "That topic is not one we know"),
        ({"to": "9999-12-31"}, "The “to” date could not be read"),
        ({"from": "0001-01-01"}, "The “from” date could not be read"),
    ],
)
def test_unreadable_filters_are_left_out_with_a_note(client, params, note):
    make_article(title="Tide tables")
    response = client.get("/search/", {"q": "tide", **params})
    assert titles(response) == ["Tide tables"]
    assert note in response.content.decode()


def test_the_count_is_shown(client):
    for n in range(3):
        make_article(title=f"Storm {n}")
    assert "3 stories match." in client.get("/search/", {"q": "storm"}).content.decode()
    assert "1 story matches." in client.get("/search/", {"q": "storm 1"}).content.decode()


def test_beyond_the_ranked_matches_the_count_says_more_and_links_older(client, monkeypatch):
    monkeypatch.setattr(search, "CANDIDATES", 3)
    for n in range(5):
        make_article(title=f"Gale {n}", published_at=ago(days=n + 1))
    response = client.get("/search/", {"q": "gale"})
    html = response.content.decode()
    assert "More than 3 stories match." in html
    assert set(titles(response)) == {"Gale 0", "Gale 1", "Gale 2"}
    older = re.search(r'<a href="([^"]+)">Search older stories</a>', html).group(1)
    older_titles = titles(client.get(older.replace("&amp;", "&")))
    assert older_titles[:3] == ["Gale 2", "Gale 3", "Gale 4"]


def test_show_more_walks_every_match_once_in_either_order(client):
    for n in range(30):
        make_article(title=f"Rain {n}", published_at=ago(minutes=n + 1))
    for sort in ("relevance", "newest"):
        url, seen = f"/search/?q=rain&sort={sort}", []
        while url:
            response = client.get(url)
            seen += titles(response)
            url = next_link(response.content)
        assert sorted(seen) == sorted(f"Rain {n}" for n in range(30)), sort
        fragment = client.get("/search/", {"q": "rain", "start": 12, "fragment": 1})
        assert b"<html" not in fragment.content
        assert len(titles(fragment)) == 12


# --- Snippets ---------------------------------------------------------------------------


def test_snippets_mark_the_words_found(client):
    make_article(title="Report", body="Far below, the estuary flooded the lower fields.")
    html = client.get("/search/", {"q": "estuary"}).content.decode()
    snippet = re.search(r'<p class="card__standfirst card__snippet">(.*?)</p>', html, re.S)
    assert "<mark>estuary</mark>" in snippet.group(1)
    assert "flooded" in snippet.group(1)


def test_a_story_found_by_its_headline_alone_shows_its_standfirst(client):
    make_article(
        title="Estuary report",
        standfirst="What the tide left behind.",
        body="Far below, the water flooded the lower fields.",
    )
    html = client.get("/search/", {"q": "estuary"}).content.decode()
    assert "card__snippet" not in html
    assert '<p class="card__standfirst">What the tide left behind.</p>' in html


def test_snippets_escape_whatever_the_story_holds(client):
    make_article(
        title="Code story",
        body="The estuary &lt;script&gt;alert(1)&lt;/script&gt; and `<b>bold</b>` & more "
        "\ue000fake mark\ue001 estuary.",
    )
    html = client.get("/search/", {"q": "estuary"}).content.decode()
    snippet = re.search(r'<p class="card__standfirst card__snippet">(.*?)</p>', html, re.S)
    text = snippet.group(1)
    assert "<script" not in text
    assert "<b>" not in text
    assert "\ue000" not in text
    assert "\ue001" not in text
    assert "<mark>fake" not in text
    assert set(re.findall(r"</?(\w+)", text)) <= {"mark"}


# --- Odd input --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "a" * 1000,
        "word " * 300,
        "🌊🌊 harbour 🌊",
        "ﷺ حرف עברית",
        "e\u0301te\u0301",  # combining accents
        "\u200b\u200d\ufeff",
        '"unclosed phrase',
        '""',
        "-",
        "--harbour",
        "harbour -",
        "or",
        "harbour or",
        "!(harbour & wall) | <-> :* \\",
        "NOT AND OR NEAR",
        "%_'; DROP TABLE articles_article; --",
        "\U0010ffff\ud7ff",
    ],
)
def test_odd_queries_give_a_page_never_a_server_error(client, query):
    make_article(title="Harbour wall", body="The harbour wall.")
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert 'role="search"' in response.content.decode()


def test_a_query_of_exclusions_only_explains_itself(client):
    make_article(title="Harbour wall")
    html = client.get("/search/", {"q": "-harbour"}).content.decode()
    assert "Add a word to search for" in html
    assert 'class="card__title"' not in html


def test_accents_are_folded_alike(client):
    make_article(title="Café reopens", body="The café on the quay.")
    assert find(client, "cafe") == ["Café reopens"]


def test_the_search_page_costs_a_fixed_number_of_queries(client, django_assert_num_queries):
    ada = make_author(name="Ada Lin")
    coast = make_tag("Coast")
    for n in range(20):
        make_article(title=f"Surf {n}", authors=[ada], tags=[coast], primary_tag=coast)
    # Tag and author lists for the form (2), candidates (1), relevance (1), the page's
    # stories and their bylines (2), snippets (1), the sidebar's news feed (1), the
    # masthead's sections (1), the next scheduled story, for the edge cache's lifetime (1),
    # the banner (1, frontpage/banner.py).
    with django_assert_num_queries(11):
        response = client.get("/search/", {"q": "surf"})
    assert len(titles(response)) == 12
    # The filters themselves: two more lookups, by slug; the sidebar, the masthead, the
    # next scheduled story and the banner are kept from the first request until a save
    # (4 fewer).
    with django_assert_num_queries(9):
        client.get("/search/", {"q": "surf", "tag": "coast", "author": "ada-lin"})


def test_an_empty_search_runs_no_search(client, django_assert_num_queries):
    # The form's two lists, the sidebar, the masthead's sections, the next scheduled story,
    # the banner.
    with django_assert_num_queries(6):
        response = client.get("/search/")
    assert "Type a word or two" in response.content.decode()


def test_dates_in_the_form_keep_what_was_chosen(client):
    make_article(title="Tide")
    html = client.get("/search/", {"q": "tide", "from": "2020-01-02"}).content.decode()
    assert 'name="from" value="2020-01-02"' in html


def test_a_phrase_search_goes_back_window_by_window_and_says_how_far(client, monkeypatch):
    # PostgreSQL checks a phrase story by story, so it searches the newest stories first
    # and stops once it has found enough; FTS5 need not, but the code path is the same.
    for backend in (search_backends._Postgres, search_backends._Sqlite):
        monkeypatch.setattr(backend, "PHRASE_WINDOWS", (30, 365, None))
    monkeypatch.setattr(search, "ENOUGH_FOUND", 2)
    make_article(title="Sea wall a", published_at=ago(days=10))
    make_article(title="Sea wall b", published_at=ago(days=100))
    make_article(title="Sea wall c", published_at=ago(days=1000))
    make_article(title="Wall by the sea", published_at=ago(days=5))  # not the phrase

    response = client.get("/search/", {"q": '"sea wall"'})
    html = response.content.decode()
    assert set(titles(response)) == {"Sea wall a", "Sea wall b"}
    assert "2 stories match since" in html
    older = re.search(r'<a href="([^"]+)">Search older stories</a>', html).group(1)
    assert "Sea wall c" in titles(client.get(older.replace("&amp;", "&")))
    # Words, not a phrase: the whole archive at once.
    assert len(find(client, "sea wall")) == 4
