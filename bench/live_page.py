"""Live page benchmark, run by hand (never in the test suite).

    .venv/bin/python bench/live_page.py [--entries 5000] [--repeat 30]

Builds a throwaway database (SQLite in a temp folder, or the server in DATABASE_URL, where
it creates and drops its own test database) holding one live story with many entries,
then times in-process, with Django's test client: the live page, a page of older entries
deep in the story, and the "entries after X" answer a reader's open page asks for every
20–30 s (nothing new, and ten new entries), each uncached and from the page cache, with
the SQL queries each makes.
"""

import argparse
import statistics
import time
from datetime import timedelta

from django_setup import throwaway_database

MIN_ENTRIES = 101  # the pages read reach 100 entries in from the newest


def build(count):
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from articles.models import Article, Authorship, LiveEntry, LiveEntryAuthorship
    from articles.text import render_markdown
    from authors.models import Author

    call_command("migrate", verbosity=0)
    now = timezone.now()
    authors = Author.objects.bulk_create(
        Author(name=f"Reporter {i}", slug=f"reporter-{i}", role="Reporter") for i in range(3)
    )
    story = Article.objects.create(
        title="Storm live",
        slug="storm",
        body="The storm, as it happens.",
        status=Article.Status.PUBLISHED,
        published_at=now - timedelta(days=2),
        coverage_started_at=now - timedelta(days=2),
    )
    Authorship.objects.bulk_create(Authorship(article=story, author=a) for a in authors)
    body = "A paragraph of what happened. " * 12
    html = render_markdown(body)
    for start in range(0, count, 5000):
        entries = LiveEntry.objects.bulk_create(
            LiveEntry(
                article=story,
                headline=f"Update {i}" if i % 3 == 0 else "",
                body=body,
                body_html=html,
                status=LiveEntry.Status.PUBLISHED,
                published_at=now - timedelta(seconds=20 * i + 60),
                is_key_event=i % 50 == 0,
                is_pinned=i == 7,
            )
            for i in range(start, min(start + 5000, count))
        )
        LiveEntryAuthorship.objects.bulk_create(
            LiveEntryAuthorship(entry=entry, author=authors[entry.pk % 3]) for entry in entries
        )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return story


def timed(client, url, repeat, *, cached):
    from django.core.cache import cache
    from django.db import connection

    samples, queries = [], []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    for _ in range(repeat):
        if not cached:
            cache.clear()
        queries.clear()
        with connection.execute_wrapper(count):
            started = time.perf_counter()
            response = client.get(url)
            samples.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(samples), len(queries), len(response.content)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    if args.entries < MIN_ENTRIES:
        parser.error(f"--entries must be at least {MIN_ENTRIES}: an entry's page is read 100 in")
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")

    with throwaway_database():
        from django.db import connection
        from django.test import Client

        from public.pagination import Cursor

        started = time.perf_counter()
        story = build(args.entries)
        print(
            f"{connection.vendor}: built a live story of {args.entries} entries "
            f"in {time.perf_counter() - started:.1f} s"
        )
        ordered = list(story.live_entries.published().newest_first().values("published_at", "pk"))

        def cursor(index):
            return Cursor(ordered[index]["published_at"], ordered[index]["pk"]).encode()

        pages = {
            "live page": "/news/storm/",
            f"older entries, ~page {args.entries // 20}": f"/news/storm/?after={cursor(-40)}",
            "new entries: none": f"/news/storm/entries/new/?since={cursor(0)}",
            "new entries: ten": f"/news/storm/entries/new/?since={cursor(10)}",
            "an entry's page": f"/news/storm/entries/{ordered[100]['pk']}/",
            "the story's feed": "/news/storm/rss/",
        }
        client = Client(HTTP_HOST="127.0.0.1")
        print(f"{'page':32} {'uncached ms':>12} {'cached ms':>10} {'queries':>8} {'bytes':>8}")
        for name, url in pages.items():
            cold, queries, size = timed(client, url, args.repeat, cached=False)
            warm, _, _ = timed(client, url, args.repeat, cached=True)
            print(f"{name:32} {cold:12.2f} {warm:10.2f} {queries:8} {size:8}")


if __name__ == "__main__":
    main()
