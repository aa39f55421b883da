"""Content API speed benchmark, run by hand (never in the test suite).

    .venv/bin/python bench/api.py [--articles 50000] [--repeat 20]

Builds the same throwaway archive as bench/pages.py, issues a key, then times each API
call in-process with Django's test client (the key checked, the rate limit counted, the
answer built from the database: the API keeps no copy at the origin), and prints its
query count. The first page of the story list is timed against one deep in the archive:
the cursor makes them cost the same.
"""

import argparse
import statistics
import time

from django_setup import throwaway_database
from pages import build


def timed(client, url, repeat, key):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    samples, queries = [], 0
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url, HTTP_AUTHORIZATION=f"Bearer {key}")
            samples.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code, response.content[:200])
        queries = len(captured)
    return statistics.median(samples), queries


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()

    with throwaway_database():
        from django.db import connection
        from django.test import Client

        from api.keys import issue_key
        from articles.models import Article
        from public.pagination import Cursor

        started = time.perf_counter()
        build(args.articles)
        elapsed = time.perf_counter() - started
        print(f"{connection.vendor}: built {args.articles} articles in {elapsed:.1f} s")
        _, key = issue_key(name="Benchmark", requests_per_minute=1_000_000)

        deep = Article.objects.published().newest_first()[args.articles - 40]
        deep_cursor = Cursor(published_at=deep.published_at, pk=deep.pk).encode()
        calls = {
            "stories, page 1 (20)": "/api/v1/stories/",
            "stories, page 1 (50)": "/api/v1/stories/?limit=50",
            f"stories, ~page {args.articles // 20}": f"/api/v1/stories/?after={deep_cursor}",
            "stories of a tag": "/api/v1/stories/?tag=topic-3",
            "stories of an author": "/api/v1/stories/?author=reporter-7",
            "one story": "/api/v1/stories/story-10/",
            "one story, ninjs": "/api/v1/stories/story-10/ninjs/",
            "authors": "/api/v1/authors/",
            "tags": "/api/v1/tags/",
            "corrections": "/api/v1/corrections/",
            "search": "/api/v1/search/?q=story+number",
        }
        client = Client(HTTP_HOST="127.0.0.1")
        print(f"{'call':30} {'ms':>8} {'queries':>8}")
        for name, url in calls.items():
            ms, queries = timed(client, url, args.repeat, key)
            print(f"{name:30} {ms:8.2f} {queries:8}")


if __name__ == "__main__":
    main()
