"""Page speed benchmark, run by hand (never in the test suite).

    .venv/bin/python bench/pages.py [--articles 50000] [--repeat 30]

Builds a throwaway database (SQLite in a temp folder, or the server in DATABASE_URL, where
it creates and drops its own `bench_…` database) with many articles, then times public
pages in-process with Django's test client: each page uncached (cache cleared before every
request) and cached, the news feed's first page against a page deep in the archive (the
cursor makes them cost the same), and prints the SQL query count of each page and the
database's plan for the listing query.
"""

import argparse
import statistics
import time
from datetime import timedelta

from django_setup import throwaway_database


def build(count):
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone
    from taggit.models import Tag

    from articles.models import Article, Authorship, TaggedArticle
    from authors.models import Author

    call_command("migrate", verbosity=0)
    authors = Author.objects.bulk_create(
        Author(name=f"Reporter {i}", slug=f"reporter-{i}", role="Reporter", short_bio="Bio.")
        for i in range(40)
    )
    tags = Tag.objects.bulk_create(Tag(name=f"Topic {i}", slug=f"topic-{i}") for i in range(30))
    now = timezone.now()
    body = "<p>" + "word " * 600 + "</p>"
    batch = 5000
    for start in range(0, count, batch):
        articles = Article.objects.bulk_create(
            Article(
                title=f"Story number {i}",
                slug=f"story-{i}",
                standfirst="A short standfirst for the list pages.",
                body="word " * 600,
                body_html=body,
                reading_minutes=3,
                status=Article.Status.PUBLISHED,
                published_at=now - timedelta(minutes=7 * i),
                primary_tag=tags[i % len(tags)],
            )
            for i in range(start, min(start + batch, count))
        )
        Authorship.objects.bulk_create(
            Authorship(article=a, author=authors[a.pk % len(authors)]) for a in articles
        )
        TaggedArticle.objects.bulk_create(
            TaggedArticle(content_object=a, tag=tags[a.pk % len(tags)]) for a in articles
        )
    # Fresh statistics, as autovacuum (PostgreSQL) or `ANALYZE` would leave them.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def timed(client, url, repeat, *, cached):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    samples = []
    queries = 0
    for _ in range(repeat):
        if not cached:
            cache.clear()
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url)
            samples.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        queries = len(captured)
    return statistics.median(samples), queries


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()

    with throwaway_database():
        from django.db import connection
        from django.test import Client

        from articles.models import Article
        from public.pagination import Cursor

        started = time.perf_counter()
        build(args.articles)
        print(
            f"{connection.vendor}: built {args.articles} articles "
            f"in {time.perf_counter() - started:.1f} s"
        )

        deep = Article.objects.published().newest_first()[args.articles - 40]
        deep_cursor = Cursor(published_at=deep.published_at, pk=deep.pk).encode()
        pages = {
            "home": "/",
            "article": "/news/story-10/",
            "news feed, page 1": "/news/",
            f"news feed, ~page {args.articles // 20}": f"/news/?after={deep_cursor}",
            "tag page": "/tags/topic-3/",
            "author page": "/authors/reporter-7/",
            "authors": "/authors/",
        }
        client = Client(HTTP_HOST="127.0.0.1")
        print(f"{'page':34} {'uncached ms':>12} {'cached ms':>10} {'queries':>8}")
        for name, url in pages.items():
            cold, queries = timed(client, url, args.repeat, cached=False)
            warm, _ = timed(client, url, args.repeat, cached=True)
            print(f"{name:34} {cold:12.2f} {warm:10.2f} {queries:8}")

        listing = Article.objects.published().for_listing().newest_first()[:21]
        print("\nplan of the news feed query:")
        print(listing.explain())


if __name__ == "__main__":
    main()
