"""Each page costs a fixed number of queries, however big the story or the archive.

The numbers are pinned: a change that adds a query per author, tag, correction or list
item (an N+1) fails here, and so does any new query on a page, on purpose; update the
number only when the new query is deliberate. Each count includes the one query the
page cache makes to find the next scheduled publication, and the one the masthead makes
for its sections (public/tests/test_sections.py checks that it stays one).
"""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from articles.models import Article
from articles.tests.factories import NOW, bulk_articles, make_article, make_tag
from authors.models import Author
from authors.tests.factories import make_author
from public import related
from public.tests.pages import next_link

pytestmark = pytest.mark.django_db

# page -> (url, queries). For example the article page: the story (which says whether it
# has corrections), its tags (2), its bylines with its first related stories' (1), the
# sidebar feed (1), the masthead's sections (1), the next scheduled publication (1), its
# related stories (1: the ones stored with the story when it was saved, public/related.py;
# kept with the story after that) and the banner (1); its corrections, if it has
# any, one more. Home: the live layout (1, none here), the featured lead (1, none here),
# the latest stories and their bylines (2), sidebar, sections, schedule, banner. Tag and
# author pages find their page's ids first, then read those rows (see paginate); a tag's
# page also shows its most read stories (1). Every page asks for the banner once when the
# cache has lost it (frontpage/banner.py).
PAGES = {
    "home": ("/", 8),
    "news feed": ("/news/", 4),
    "article": ("/news/lead/", 8),
    "tag": ("/tags/politics/", 9),
    "author": ("/authors/ann-lee/", 8),
    "author list": ("/authors/", 4),
}
AVATAR = {"avatar": "avatars/portrait.png", "avatar_width": 64, "avatar_height": 64}


@pytest.fixture
def lead(clock):
    """The story every page shows: one author, one tag, no corrections, not featured."""
    author = make_author(name="Ann Lee")
    tag = make_tag("Politics")
    return make_article(slug="lead", authors=[author], tags=[tag], primary_tag=tag)


def render(client, url, django_assert_num_queries, expected):
    """Render `url` afresh (not from the cache) and check its query count, the lead's
    related stories chosen first, as saving it would."""
    related.refresh(Article.objects.filter(slug="lead").values_list("pk", flat=True))
    cache.clear()
    with django_assert_num_queries(expected) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("name", PAGES)
def test_query_count_does_not_grow_with_the_number_of_stories(
    client, lead, name, django_assert_num_queries
):
    url, expected = PAGES[name]
    author, tag = lead.authors.get(), lead.primary_tag
    bulk_articles(9, newest=NOW - timedelta(hours=2), author=author, tag=tag)
    small = render(client, url, django_assert_num_queries, expected)

    bulk_articles(490, newest=NOW - timedelta(days=1), author=author, tag=tag)
    Author.objects.bulk_create(
        Author(name=f"Writer {i}", slug=f"writer-{i}", **AVATAR) for i in range(50)
    )
    large = render(client, url, django_assert_num_queries, expected)

    assert small == large == expected


@pytest.mark.parametrize("name", [name for name in PAGES if name != "author list"])
def test_query_count_does_not_grow_with_authors_tags_and_corrections(
    client, lead, name, django_assert_num_queries
):
    url, expected = PAGES[name]
    # On the lead's tag, so the article page has related stories in both renders.
    bulk_articles(
        15, newest=NOW - timedelta(hours=2), author=lead.authors.get(), tag=lead.primary_tag
    )
    plain = render(client, url, django_assert_num_queries, expected)

    for i in range(9):
        make_author(name=f"Co-author {i}", **AVATAR)
    lead.authors.add(*Author.objects.exclude(name="Ann Lee"), through_defaults={"position": 1})
    lead.tags.add(*(f"Topic {i}" for i in range(9)))
    for i in range(5):
        lead.corrections.create(text=f"Correction {i}")
    assert (lead.authors.count(), lead.tags.count(), lead.corrections.count()) == (10, 10, 5)
    corrections = 1 if name == "article" else 0  # the story's own, in one query
    rich = render(client, url, django_assert_num_queries, expected + corrections)

    assert plain == expected
    assert rich == expected + corrections


NO_CACHE = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}


def test_a_story_page_drawn_with_no_cache_at_all_asks_each_thing_once(client, lead):
    """The masthead, the sidebar and the page itself each want the next scheduled
    publication: with nothing kept at all, it is still asked for once per page, and the
    page costs no more queries than with an emptied cache."""
    cache.clear()
    with CaptureQueriesContext(connection) as emptied:
        assert client.get("/news/lead/").status_code == 200
    with override_settings(CACHES=NO_CACHE), CaptureQueriesContext(connection) as none:
        assert client.get("/news/lead/").status_code == 200

    scheduled = [q for q in none.captured_queries if 'published_at" >' in q["sql"]]
    assert len(scheduled) == 1
    assert len(none) <= len(emptied)


def test_a_story_page_reads_no_column_it_does_not_show(client, lead):
    """Not the body's source in the editor (the page shows the stored HTML), not an
    author's full biography (the author box shows the short one), not the banner's
    story beyond what its link needs."""
    from frontpage.models import Banner

    Banner.objects.create(text="Polls close", article=lead, shown_from=NOW - timedelta(hours=1))
    with override_settings(CACHES=NO_CACHE), CaptureQueriesContext(connection) as drawn:
        assert b"Polls close" in client.get("/news/lead/").content
    read = " ".join(query["sql"] for query in drawn.captured_queries)
    assert '"articles_article"."body_html"' in read  # the page's own body
    assert '"articles_article"."body",' not in read
    assert '"authors_author"."bio"' not in read
    banner = next(q["sql"] for q in drawn.captured_queries if "frontpage_banner" in q["sql"])
    assert "body_html" not in banner
    assert '"articles_article"."slug"' in banner


def test_later_pages_cost_the_same_as_the_first(client, lead, django_assert_num_queries):
    bulk_articles(60, newest=NOW - timedelta(hours=2), author=lead.authors.get())
    url, expected = PAGES["news feed"]
    first = render(client, url, django_assert_num_queries, expected)

    later_url = next_link(client.get(url).content)
    assert later_url
    later = render(client, later_url, django_assert_num_queries, expected)

    assert first == later == expected


def test_home_with_a_featured_lead_adds_only_the_lead_byline_query(
    client, lead, django_assert_num_queries
):
    author, tag = lead.authors.get(), lead.primary_tag
    bulk_articles(30, newest=NOW - timedelta(hours=2), author=author, tag=tag)
    make_article(slug="featured", is_featured=True, published_at=NOW - timedelta(days=2))

    render(client, "/", django_assert_num_queries, PAGES["home"][1] + 1)
