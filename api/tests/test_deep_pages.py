"""A deep page of the API's own lists (a live story's entries, the corrections feed)
costs what the first does: the cursor's bound leads the WHERE clause, so SQLite walks
the list's index from the bound, not every newer row from the top."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Correction, LiveEntry
from articles.tests.factories import make_article, make_live_story
from public.pagination import Cursor
from public.tests.steps import sqlite_steps

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("site_url"),
    pytest.mark.skipif(
        connection.vendor != "sqlite",
        reason="SQLite only: PostgreSQL weighs both bounds of a page and plans the same",
    ),
]

ROWS = 3000


def steps(api, url):
    """The answer to `url`, and how many steps SQLite took for it."""
    answer, counted = sqlite_steps(lambda: api.get(url))
    assert answer.status_code == 200, answer.content
    return answer.json(), counted


def deep_cursor(rows, time):
    deep = rows[-40]
    return Cursor(published_at=getattr(deep, time), pk=deep.pk).encode()


def test_a_deep_page_of_a_live_storys_entries_costs_what_the_first_does(api):
    story = make_live_story(slug="storm")
    now = timezone.now()
    entries = LiveEntry.objects.bulk_create(
        LiveEntry(
            article=story,
            headline=f"Entry {n}",
            body="Words.",
            status=LiveEntry.Status.PUBLISHED,
            published_at=now - timedelta(minutes=n + 1),
        )
        for n in range(ROWS)
    )
    url = "/api/v1/stories/storm/entries/"

    first, first_steps = steps(api, url)
    deep, deep_steps = steps(api, f"{url}?after={deep_cursor(entries, 'published_at')}")

    assert [e["headline"] for e in first["results"]] == [f"Entry {n}" for n in range(20)]
    assert [e["headline"] for e in deep["results"]] == [
        f"Entry {n}" for n in range(ROWS - 39, ROWS - 19)
    ]
    assert deep_steps < 3 * first_steps + 10


def test_a_deep_page_of_the_corrections_feed_costs_what_the_first_does(api):
    story = make_article(slug="corrected")
    now = timezone.now()
    corrections = Correction.objects.bulk_create(
        Correction(article=story, text=f"Fix {n}.", corrected_at=now - timedelta(minutes=n + 1))
        for n in range(ROWS)
    )

    first, first_steps = steps(api, "/api/v1/corrections/")
    deep, deep_steps = steps(
        api, f"/api/v1/corrections/?after={deep_cursor(corrections, 'corrected_at')}"
    )

    assert len(first["results"]) == 20
    assert len(deep["results"]) == 20
    assert deep_steps < 3 * first_steps + 10
    # Neither page sorts the corrections: both walk their index in order.
    with CaptureQueriesContext(connection) as queries:
        api.get(f"/api/v1/corrections/?after={deep_cursor(corrections, 'corrected_at')}")
    [page_query] = [q["sql"] for q in queries if 'FROM "articles_correction"' in q["sql"]]
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {page_query}")
        plan = " ".join(str(row[-1]) for row in cursor.fetchall())
    assert "correction_newest" in plan, plan
    assert "TEMP B-TREE" not in plan, plan
