"""The front page's benchmark, run by hand (never in the test suite).

    DATABASE_URL=postgres://…/archive .venv/bin/python bench/front_page.py \
        [--port 8111] [--seconds 15] [--repeat 200] [--skip-beacon]

Against an archive already made (`DEMO=true manage.py generate_articles --count N` on
that database, migrated), it measures three things and prints them as Markdown:

1. the reading beacon (`POST /views/`) served by gunicorn (2 sync workers, DEBUG off,
   access log off) on 127.0.0.1, driven by wrk (2 threads, 32 connections) with a
   browser's user agent and a story id drawn from 1,000: requests a second, answered in
   front of Django (frontpage/beacon.py) and, back to back, through Django's view;
2. the curated front page drawn uncached, in-process with Django's test client: a layout
   of 25 slots (a pinned lead and two automatic, six top stories, four sections of four
   from their tags, three opinion), with the page cache off (its cards' fragments kept,
   as bench/archive.py measures "uncached"), and again with every cache emptied before
   each request (the whole page's cost: sidebar, masthead, banner, cards);
3. related stories (articles/related.py) for random public stories, uncached.

It adds a layout and its zones to the database and removes them at the end; the beacon's
counts stay (frontpage_storyviews).
"""

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).parent / "gunicorn")
BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0"


def percentiles(times):
    ordered = sorted(times)
    return {
        "p50": statistics.median(ordered),
        "p95": ordered[int(len(ordered) * 0.95) - 1],
        "max": ordered[-1],
    }


def row(name, figures):
    cells = " | ".join(f"{figures[k] * 1000:.1f}" for k in ("p50", "p95", "max"))
    return f"| {name} | {cells} |"


def beacon(port, seconds, story_ids, app="newsroom.wsgi"):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "DEBUG": "false",
        "SECRET_KEY": "benchmark-only-not-a-secret",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "SITE_URL": "http://127.0.0.1",
    }
    server = subprocess.Popen(
        [GUNICORN, app, "-c", "deploy/gunicorn.conf.py", "--bind",
         f"127.0.0.1:{port}", "--workers", "2", "--access-logfile", "/dev/null"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
                break
            except OSError:
                time.sleep(0.2)  # the server is starting: nothing to measure yet
        ids = ", ".join(str(pk) for pk in story_ids)
        script = (
            f"local ids = {{{ids}}}\n"
            'wrk.method = "POST"\n'
            'wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"\n'
            f'wrk.headers["User-Agent"] = "{BROWSER}"\n'
            "request = function()\n"
            '  return wrk.format(nil, "/views/", nil, "story=" .. ids[math.random(#ids)])\n'
            "end\n"
        )
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as lua:
            lua.write(script)
        out = subprocess.run(
            ["wrk", "-t2", "-c32", f"-d{seconds}s", "-s", lua.name, f"http://127.0.0.1:{port}"],
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
        os.unlink(lua.name)
        rate = next(line for line in out.splitlines() if line.startswith("Requests/sec"))
        non_2xx = [line for line in out.splitlines() if "Non-2xx" in line]
        return rate.split()[-1], non_2xx
    finally:
        server.terminate()
        server.wait(timeout=30)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=8111)
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--skip-beacon", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.test_settings")
    os.environ["ALLOWED_HOSTS"] = "testserver,127.0.0.1"
    import django

    django.setup()
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client, override_settings
    from taggit.models import Tag

    from articles.models import Article
    from articles.related import related_ids
    from frontpage.models import Layout
    from frontpage.tests.factories import make_layout

    total = Article.objects.count()
    public = Article.objects.published().newest_first()
    print(f"Archive: {total:,} stories on {connection.vendor}.\n")

    tags = list(Tag.objects.order_by("pk")[:5])
    lead = public.values_list("pk", flat=True)[50]
    layout = make_layout(
        name="Benchmark",
        zones=[
            ("lead", "", [{"article_id": lead, "headline": "A pinned lead"}, {}, {}]),
            ("top", "Top stories", [{}] * 6),
            *(("section", tag.name, [{"source_tag": tag}] * 4) for tag in tags[:4]),
            ("opinion", "Opinion", [{"source_tag": tags[4]}] * 3),
        ],
    )
    client = Client()
    try:
        print("| measured (ms) | p50 | p95 | max |\n| --- | --: | --: | --: |")
        # Uncached as bench/archive.py means it: no page cache, so every request works out
        # the arrangement and draws the page; the cards' fragments, the sidebar and the
        # masthead stay kept until a save, as in production.
        with override_settings(PAGE_CACHE_SECONDS=0):
            client.get("/")
            times = []
            for _ in range(args.repeat):
                started = time.perf_counter()
                response = client.get("/")
                times.append(time.perf_counter() - started)
                assert response.status_code == 200
        print(row("front page, no page cache (25 slots)", percentiles(times)))
        times = []
        for _ in range(args.repeat):
            cache.clear()  # and cold: every fragment drawn again too
            started = time.perf_counter()
            client.get("/")
            times.append(time.perf_counter() - started)
        print(row("front page, every cache emptied first", percentiles(times)))

        ids = list(public.values_list("pk", flat=True)[: 200_000 : max(1, 200_000 // 2000)])
        chosen = random.Random(19).sample(ids, min(args.repeat, len(ids)))
        stories = Article.objects.in_bulk(chosen)
        times = []
        for pk in chosen:
            story = stories[pk]
            tag_ids = list(story.tags.values_list("pk", flat=True))
            started = time.perf_counter()
            related_ids(story, tag_ids)
            times.append(time.perf_counter() - started)
        print(row("related stories (4), uncached", percentiles(times)))
    finally:
        Layout.objects.filter(pk=layout.pk).delete()

    if not args.skip_beacon:
        story_ids = list(public.values_list("pk", flat=True)[:1000])
        connection.close()
        print("\n| beacon, gunicorn (2 workers), wrk (2 threads, 32 connections) | requests/s |")
        print("| --- | --: |")
        for name, app in (
            ("answered in front of Django (newsroom.wsgi)", "newsroom.wsgi"),
            ("through Django's middleware and view", "newsroom.wsgi:django_application"),
        ):
            rate, non_2xx = beacon(args.port, args.seconds, story_ids, app)
            print(f"| {name} | {rate} |" + "".join(f" {line.strip()}" for line in non_2xx))


if __name__ == "__main__":
    main()
