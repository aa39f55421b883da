"""A newsroom's day at the origin, run by hand (never in the test suite).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsroom \
        .venv/bin/python bench/newsroom_day.py [--stories 100000] [--seconds 20]

Readers ask for random story pages while an editor saves: does a save empty only what
it changed? The script makes a throwaway PostgreSQL database beside the one DATABASE_URL
names (dropped at the end unless `--keep`), fills it with `manage.py generate_articles`,
and serves it with gunicorn (2 workers, deploy/gunicorn.conf.py, but no worker recycled
after `max_requests`: its restarts would fall in one run or another) on 127.0.0.1 over a
shared Redis cache (`--redis`, a database number of its own, emptied first). Every page
is read once (the warm-up), then wrk reads 2,000 random story pages over 32 connections,
`--seconds` a run, in `--rounds` rounds of three runs:

- quiet: nobody saves;
- draft: an editor saves a draft (a story no reader sees) every 2 s;
- typo: an editor fixes a typo in an old story (on no list, not among the pages read)
  every 2 s.

Saves go through the workflow service (`workflow.save_article`), as the admin's do. It
prints a Markdown table: requests a second in each run, each busy run's share of the
quiet run before it (the target is at least 80 %), and Redis's keyspace misses during the
run (reads of a key it did not hold: a page or fragment drawn afresh, or a key's first
version), which tell what the saves emptied whatever else the machine is doing.
"""

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

from serving import wait_for

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WRK_SCRIPT = """
local paths = {}
for line in io.lines("%s") do paths[#paths + 1] = line end
local counter = 0
setup = function(thread) counter = counter + 1; thread:set("seed", counter) end
init = function() math.randomseed(os.time() * 100 + seed) end
request = function() return wrk.format("GET", paths[math.random(#paths)]) end
"""


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=100_000)
    parser.add_argument("--pages", type=int, default=2000, help="Story pages readers read.")
    parser.add_argument("--seconds", type=int, default=20, help="Length of each wrk run.")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--every", type=float, default=2.0, help="Seconds between saves.")
    parser.add_argument("--rounds", type=int, default=2, help="quiet, draft, typo: how often")
    parser.add_argument("--port", type=int, default=8137)
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/7")
    parser.add_argument(
        "--keep", action="store_true", help="Keep the database, for a later --reuse."
    )
    parser.add_argument("--reuse", action="store_true", help="Use the database a --keep run left.")
    return parser.parse_args()


def environment(database_url, args):
    """What the bench process and gunicorn share: the database, the cache, production
    settings (DEBUG off) served over plain HTTP."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "DATABASE_URL": database_url,
        "CACHE_URL": args.redis,
        "SECRET_KEY": "bench-only-not-a-secret",
        "DEBUG": "false",
        "SECURE_SSL_REDIRECT": "false",
        "EDGE_PURGE": "none",
        "WEB_CONCURRENCY": "2",
        "GUNICORN_BIND": f"127.0.0.1:{args.port}",
    }


def throwaway_database_url():
    server = os.environ.get("DATABASE_URL", "")
    if not server.startswith("postgres"):
        sys.exit("DATABASE_URL must name a PostgreSQL server (postgres://…).")
    return urlsplit(server)._replace(path="/bench_newsroom_day").geturl()


def admin_sql(database_url, statement):
    import psycopg

    with psycopg.connect(urlsplit(database_url)._replace(path="/postgres").geturl()) as db:
        db.autocommit = True
        db.execute(statement)


def misses(args):
    import redis

    return redis.Redis.from_url(args.redis).info("stats")["keyspace_misses"]


def wrk(args, paths_file, seconds):
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT % paths_file)
    command = [
        "wrk", "-t2", f"-c{args.connections}", f"-d{seconds}s", "-s", script.name,
        f"http://127.0.0.1:{args.port}",
    ]  # fmt: skip
    missed = misses(args)
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    missed = misses(args) - missed
    os.unlink(script.name)
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return rate, int(errors.group(1)) if errors else 0, missed


class Editor(threading.Thread):
    """Saves `story` through the workflow every `every` seconds, until stopped."""

    def __init__(self, story, every, make_change):
        super().__init__(daemon=True)
        self.story, self.every, self.make_change = story, every, make_change
        self.stopping, self.saves = threading.Event(), 0

    def run(self):
        from django.contrib.auth import get_user_model
        from django.db import connection

        from articles import workflow
        from articles.models import Article

        user = get_user_model().objects.get(username="bench-editor")
        while not self.stopping.wait(self.every):
            previous = Article.objects.get(pk=self.story.pk)
            self.make_change(self.story, self.saves)
            workflow.save_article(article=self.story, user=user, previous=previous)
            self.saves += 1
        connection.close()


def build(args):
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from articles.models import Article

    generated = None
    if not args.reuse:
        call_command("migrate", verbosity=0)
        started = time.monotonic()
        call_command("generate_articles", count=args.stories, verbosity=0)
        generated = time.monotonic() - started
        get_user_model().objects.create_superuser("bench-editor", password="bench-only")
        Article.objects.create(
            title="A scoop nobody may read yet", slug="bench-draft", body="Draft.", status="draft"
        )
    slugs = list(Article.objects.published().values_list("slug", flat=True))
    old = Article.objects.published().order_by("published_at").first()
    others = [slug for slug in slugs if slug != old.slug]
    readers = random.Random(0).sample(others, min(args.pages, len(others)))
    return generated, readers, Article.objects.get(slug="bench-draft"), old


def warm_up(args, paths):
    """Read every page once, eight at a time: the quiet run starts from a full cache."""
    from concurrent.futures import ThreadPoolExecutor

    def read(path):
        with urllib.request.urlopen(f"http://127.0.0.1:{args.port}{path}", timeout=60) as r:
            r.read()

    started = time.monotonic()
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(read, paths))
    return time.monotonic() - started


def main():
    args = parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is missing (apt-get install -y wrk).")
    database_url = throwaway_database_url()
    env = environment(database_url, args)
    os.environ.update(env)
    if not args.reuse:
        admin_sql(database_url, "DROP DATABASE IF EXISTS bench_newsroom_day")
        admin_sql(database_url, "CREATE DATABASE bench_newsroom_day")
    server = None
    try:
        import django

        django.setup()
        from django.core.cache import cache
        from django.core.management import call_command

        generated, readers, draft, old = build(args)
        cache.clear()
        call_command("collectstatic", interactive=False, verbosity=0)
        gunicorn = Path(sys.executable).parent / "gunicorn"
        server = subprocess.Popen(
            [gunicorn, "newsroom.wsgi", "-c", "deploy/gunicorn.conf.py", "--max-requests", "0"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        wait_for(f"http://127.0.0.1:{args.port}/healthz")
        pages = [f"/news/{slug}/" for slug in readers]
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as paths:
            paths.write("".join(f"{page}\n" for page in pages))
        warmed = warm_up(args, pages)

        def rename(story, n):
            story.title = f"A scoop nobody may read yet ({n})"

        def fix_typo(story, n):
            story.title = story.title.rstrip("!") if n % 2 else f"{story.title}!"

        results = []
        for _ in range(args.rounds):
            results.append(("quiet", 0, *wrk(args, paths.name, args.seconds)))
            for name, story, change in (("draft", draft, rename), ("typo", old, fix_typo)):
                editor = Editor(story, args.every, change)
                editor.start()
                run = wrk(args, paths.name, args.seconds)
                editor.stopping.set()
                editor.join()
                results.append((name, editor.saves, *run))
        report(args, generated, warmed, results)
    finally:
        if server is not None:
            server.terminate()
            server.wait(30)
        from django.db import connections

        connections.close_all()
        if not args.keep:
            admin_sql(database_url, "DROP DATABASE IF EXISTS bench_newsroom_day")


LABELS = {"quiet": "quiet", "draft": "a draft saved every", "typo": "a typo fixed every"}


def report(args, generated, warmed, results):
    if generated is not None:
        print(f"{args.stories:,} stories generated in {generated:.0f} s.")
    print(f"{args.pages:,} story pages read once in {warmed:.0f} s (the warm-up);")
    print(f"wrk: {args.connections} connections over them, {args.seconds} s a run.\n")
    print("| run | req/s | of the quiet run before | saves | non-2xx | cache misses |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for name, saves, rate, errors, missed in results:
        if name == "quiet":
            quiet, label = rate, "quiet"
        else:
            label = f"{LABELS[name]} {args.every:g} s"
        share = f"{rate / quiet * 100:.0f} %"
        print(f"| {label} | {rate:,.0f} | {share} | {saves} | {errors} | {missed:,} |")


if __name__ == "__main__":
    main()
