"""List pages keep their plans: no page reads a whole table or sorts a whole tag.

Each page is rendered, every query it ran is put to the database's own planner
(`EXPLAIN` on PostgreSQL, `EXPLAIN QUERY PLAN` on SQLite), and the plan is checked: no
sequential scan of a large table, and no sort over more than a page's worth of rows (a
list is read in index order, page 1 and page 300 alike). The archive here is small, but
its statistics (ANALYZE) give the planner the same shape as a large one: a tag and an
author holding a third of the stories.
"""

import json
import re
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from taggit.models import Tag

from articles.tests.factories import NOW, bulk_articles, hidden_articles, make_tag
from authors.tests.factories import make_author
from public.models import Section
from public.tests.pages import next_link

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock")]

LARGE_TABLES = {
    "articles_article",
    "articles_taggedarticle",
    "articles_authorship",
    "articles_searchdocument",
}
MAX_SORTED_ROWS = 100  # a page and a little more; a whole tag is thousands


@pytest.fixture
def archive():
    """3,000 stories: a third on one tag and by one author, the rest spread."""
    ann, politics = make_author(name="Ann Lee"), make_tag("Politics")
    others = [make_author(name=f"Writer {i}") for i in range(4)]
    topics = [make_tag(f"Topic {i}") for i in range(4)]
    bulk_articles(1000, newest=NOW - timedelta(hours=1), step=timedelta(hours=3), author=ann,
                  tag=politics)  # fmt: skip
    for i in range(4):
        bulk_articles(500, newest=NOW - timedelta(minutes=30 + i), step=timedelta(hours=3),
                      author=others[i], tag=topics[i])  # fmt: skip
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return {"tag": "/tags/politics/", "author": "/authors/ann-lee/", "feed": "/news/"}


def deep_url(client, url, pages):
    """The address `pages` "Show More" clicks after `url`."""
    for _ in range(pages):
        url = next_link(client.get(url).content)
        assert url, "the list ended too soon"
    return url


def page_queries(client, url):
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return [query["sql"] for query in captured.captured_queries]


# --- PostgreSQL ---------------------------------------------------------------------------


def postgres_problems(sql, *, sorts):
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}")
        plan = cursor.fetchone()[0]
    plan = json.loads(plan) if isinstance(plan, str) else plan
    problems = []

    def visit(node):
        if node["Node Type"] == "Seq Scan" and node.get("Relation Name") in LARGE_TABLES:
            problems.append(f"sequential scan of {node['Relation Name']}")
        if sorts and node["Node Type"] in ("Sort", "Incremental Sort"):
            rows = node["Plans"][0]["Plan Rows"]
            if rows > MAX_SORTED_ROWS:
                problems.append(f"sort over {rows} rows")
        for child in node.get("Plans", []):
            visit(child)

    visit(plan[0]["Plan"])
    return problems


# --- SQLite -------------------------------------------------------------------------------

_FULL_SCAN = re.compile(r"^SCAN (\w+)(?! USING)")
_PAGE_LIMIT = re.compile(r"\bLIMIT \d+(?: OFFSET \d+)?$")


def sqlite_problems(sql, *, sorts):
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
        details = [row[-1] for row in cursor.fetchall()]
    problems = []
    for detail in details:
        scan = _FULL_SCAN.match(detail)
        if scan and scan.group(1) in LARGE_TABLES:
            problems.append(f"full scan: {detail}")
        # A page read in index order needs no sort; one that sorts has read everything.
        # (The query's own LIMIT ends it; a subquery's "first row" is no page.)
        if sorts and "TEMP B-TREE FOR ORDER BY" in detail and _PAGE_LIMIT.search(sql):
            problems.append(f"sort before LIMIT: {detail}")
    return problems


def problems_in(sql, *, sorts=True):
    """What is wrong with the plan of `sql`: scans of large tables, and (`sorts`) sorts of
    more than a page."""
    if connection.vendor == "postgresql":
        return postgres_problems(sql, sorts=sorts)
    return sqlite_problems(sql, sorts=sorts)


@pytest.mark.parametrize("page", ["feed", "tag", "author"])
@pytest.mark.parametrize("depth", [0, 40], ids=["page 1", "page 41"])
def test_list_pages_read_indexes_in_order_however_deep(client, archive, page, depth):
    url = deep_url(client, archive[page], depth)
    found = {sql: problems_in(sql) for sql in page_queries(client, url)}
    assert {sql: p for sql, p in found.items() if p} == {}


def plan_text(sql):
    """The planner's plan of `sql`, as text, on either database."""
    explain = "EXPLAIN" if connection.vendor == "postgresql" else "EXPLAIN QUERY PLAN"
    with connection.cursor() as cursor:
        cursor.execute(f"{explain} {sql}")
        return "\n".join(str(row[-1]) for row in cursor.fetchall())


@pytest.mark.parametrize("depth", [0, 40], ids=["page 1", "page 41"])
def test_an_author_page_walks_the_authors_bylines_by_time(client, archive, depth):
    """Not the archive's newest stories, asking each whose it is: for an author of a few
    stories in a million that walk is most of the archive. The bylines' index holds the
    author, the time and the story, so a page reads a page of it, however deep."""
    url = deep_url(client, archive["author"], depth)
    queries = page_queries(client, url)
    ids = next(sql for sql in queries if 'FROM "articles_authorship"' in sql)

    assert "byline_author_newest" in plan_text(ids)
    assert not problems_in(ids)


def test_the_checks_catch_a_scan_and_a_sort(archive):
    """The checks above can fail: a list ordered by title has no index to walk."""
    sql = (
        "SELECT id FROM articles_article WHERE status = 'published' ORDER BY title LIMIT 13"
        if connection.vendor == "postgresql"
        else "SELECT id FROM articles_article ORDER BY title LIMIT 13"
    )
    assert problems_in(sql)


@pytest.mark.parametrize("query", ["politics", "bulk", '"bulk item"', "nothing"])
def test_search_never_reads_a_whole_table(client, archive, query):
    """Search sorts its matches (at most CANDIDATES are ranked), but never scans.

    At this size PostgreSQL rightly finds a scan of the small search table cheapest, so
    scans are priced out here: what is pinned is that every query search runs has an
    index path (the GIN index, the primary keys), which a large archive's planner takes.
    """
    from articles import search_index

    search_index.rebuild()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL enable_seqscan = off")  # until the test's rollback
    queries = page_queries(client, f"/search/?q={query}")
    found = {sql: problems_in(sql, sorts=False) for sql in queries}
    assert {sql: p for sql, p in found.items() if p} == {}


def test_public_tags_are_found_through_each_tags_own_rows(client, archive):
    """The search form's topics and the masthead's sections ask each tag for its first
    public story by walking that tag's rows: a tag on drafts alone (or on none) costs its
    own few rows, never a walk of the archive's stories."""
    hidden_articles(tags=["Scoop"])
    Section.objects.create(tag=Tag.objects.get(name="Scoop"))
    Section.objects.create(tag=Tag.objects.get(name="Politics"), position=1)
    queries = [
        sql
        for sql in page_queries(client, "/search/")
        if 'FROM "taggit_tag"' in sql or 'FROM "public_section"' in sql
    ]

    assert len(queries) == 2
    for sql in queries:
        assert "articles_taggedarticle_tag_id" in plan_text(sql)
        assert not problems_in(sql)


@pytest.mark.parametrize("page", ["tag", "author"])
@pytest.mark.parametrize("depth", [0, 40], ids=["page 1", "page 41"])
def test_a_card_lists_rows_are_read_by_id_alone(client, archive, page, depth):
    """A tag's (or author's) page first walks the join's index for its ids, then reads
    those rows by id with nothing joined but what a card shows: the second query's plan
    is a primary-key lookup whatever the join's statistics say (a tag that just gathered
    thousands of stories, not yet analysed)."""
    url = deep_url(client, archive[page], depth)
    rows = [
        sql
        for sql in page_queries(client, url)
        if sql.startswith('SELECT "articles_article"."id", "articles_article"."created_at"')
    ]

    assert len(rows) == 1
    assert '"articles_article"."id" IN (' in rows[0]
    assert "taggedarticle" not in rows[0]
    assert "authorship" not in rows[0]
    plan = plan_text(rows[0])
    # By an index that leads with the id: the primary key, or on PostgreSQL the id-and-
    # visibility index (migration 0012), whichever the planner prices lower.
    by_id = ("articles_article_pkey", "article_id_visibility", "INTEGER PRIMARY KEY")
    assert any(index in plan for index in by_id), plan
    assert "Seq Scan on articles_article" not in plan
