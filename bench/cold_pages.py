"""Pages drawn with no cache at all, run by hand (never in the test suite).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/<a database of generated stories> \
        .venv/bin/python bench/cold_pages.py [--compare <a worktree of older code>] \
        [--compare-database <a database that code generated, when its schema differs>]

What a page costs when nothing is kept: the cache is Django's dummy backend, so every
page, fragment, kept value and version is drawn afresh. The database is one already
filled (`manage.py generate_articles --count 100000`); the script only reads it.

For each version of the code (this worktree, and the one `--compare` names), in turn and
`--rounds` times, so a shared machine's drift falls on both alike:

- in-process, with Django's test client: the median time of the story page over
  `--samples` random stories, and of a tag page, an author page and the news feed; the
  story page's queries, template includes, URL reversals and date formats (counted in a
  separate pass: counting costs time);
- served: gunicorn (2 workers, deploy/gunicorn.conf.py, no worker recycled) on
  127.0.0.1, and wrk (2 threads, `--connections`, `--seconds`) over `--pages` random story
  pages: requests a second.

It prints one Markdown table per measure, a row a run.
"""

import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from serving import wait_for

HERE = Path(__file__).resolve().parent.parent

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
    parser.add_argument("--compare", type=Path, help="Another worktree, measured in turn.")
    parser.add_argument(
        "--compare-database",
        help="The database URL the --compare code reads (default: DATABASE_URL's).",
    )
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--samples", type=int, default=200, help="Story pages timed in-process.")
    parser.add_argument("--pages", type=int, default=2000, help="Story pages wrk reads.")
    parser.add_argument(
        "--serve",
        help="One address wrk asks for every time instead of stories: /robots.txt, say, for"
        " what gunicorn and the middleware cost with no page behind them.",
    )
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--port", type=int, default=8101)
    parser.add_argument("--skip-wrk", action="store_true")
    # Internal: measure in this process, with the code at --root, and print JSON.
    parser.add_argument("--in-process", action="store_true", help=argparse.SUPPRESS)
    # Internal: write --pages random story addresses to this file, with the code at --root.
    parser.add_argument("--write-paths", help=argparse.SUPPRESS)
    parser.add_argument("--root", type=Path, default=HERE, help=argparse.SUPPRESS)
    return parser.parse_args()


def environment(root, port, database=None):
    """Production settings (DEBUG off) over plain HTTP, with the dummy cache."""
    return {
        **os.environ,
        "DATABASE_URL": database or os.environ["DATABASE_URL"],
        "PYTHONPATH": str(root),
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "CACHE_URL": "dummycache://",
        "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-only-not-a-secret"),
        "DEBUG": "false",
        "SECURE_SSL_REDIRECT": "false",
        "EDGE_PURGE": "none",
        "WEB_CONCURRENCY": "2",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
    }


# --- in-process ------------------------------------------------------------------------


def counted(calls, name, owner, attribute):
    """Count calls of `owner.attribute` under `name` in `calls`."""
    original = getattr(owner, attribute)

    def counting(*args, **kwargs):
        calls[name] += 1
        return original(*args, **kwargs)

    setattr(owner, attribute, counting)
    return lambda: setattr(owner, attribute, original)


def count_work(client, url):
    """Queries, includes, reversals and date formats one request of `url` makes."""
    from collections import Counter

    from django.db import connection
    from django.template.loader_tags import IncludeNode
    from django.test.utils import CaptureQueriesContext
    from django.urls.resolvers import URLResolver
    from django.utils.dateformat import DateFormat

    calls = Counter()
    undo = [
        counted(calls, "includes", IncludeNode, "render"),
        counted(calls, "reversals", URLResolver, "_reverse_with_prefix"),
        counted(calls, "date formats", DateFormat, "format"),
    ]
    try:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200, url
    finally:
        for restore in undo:
            restore()
    return {"queries": len(queries), **calls}


def median_ms(client, urls, repeat=1):
    """The median CPU time of this process for one request of `urls` (the database's
    own is not in it): on a shared machine a request's wall time counts the other work's
    turns on the CPU too."""
    samples = []
    for _ in range(repeat):
        for url in urls:
            started = time.process_time()
            response = client.get(url)
            samples.append((time.process_time() - started) * 1000)
            assert response.status_code == 200, (url, response.status_code)
    return statistics.median(samples)


def in_process(args):
    import django

    django.setup()
    from django.db.models import Count
    from django.test import Client

    from articles.models import Article, Authorship
    from authors.models import Author

    slugs = story_slugs(args.samples, seed=1)
    stories = [f"/news/{slug}/" for slug in slugs]
    biggest = (
        Article.tags.through.objects.values("tag__slug")
        .annotate(n=Count("id"))
        .order_by("-n")
        .first()["tag__slug"]
    )
    busiest = Authorship.objects.values("author").annotate(n=Count("id")).order_by("-n").first()
    author = Author.objects.get(pk=busiest["author"]).slug
    lists = {
        "news feed": "/news/",
        "tag page (largest tag)": f"/tags/{biggest}/",
        "author page (busiest)": f"/authors/{author}/",
    }
    client = Client(HTTP_HOST="127.0.0.1")
    median_ms(client, stories[:20])  # warm: templates compiled, connections open
    result = {"story page": median_ms(client, stories)}
    for name, url in lists.items():
        median_ms(client, [url])
        result[name] = median_ms(client, [url], repeat=30)
    result["work"] = count_work(client, stories[0])
    result["tag work"] = count_work(client, lists["tag page (largest tag)"])
    print(json.dumps(result))


def story_slugs(count, *, seed):
    from articles.models import Article

    slugs = list(Article.objects.published().order_by("pk").values_list("slug", flat=True))
    return random.Random(seed).sample(slugs, min(count, len(slugs)))


# --- served ----------------------------------------------------------------------------


def cpu_seconds(pids):
    """User and system CPU time the processes `pids` have used so far."""
    ticks = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK")


def serving_pids(server_pid, database):
    """gunicorn's workers, and the database server's processes serving this database:
    two lists."""
    import psycopg

    workers = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    if int(stat.read().rsplit(")", 1)[1].split()[1]) == server_pid:
                        workers.append(int(entry))
            except (FileNotFoundError, ProcessLookupError):
                continue
    with psycopg.connect(database) as db:
        backends = db.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
            " AND pid <> pg_backend_pid()"
        ).fetchall()
    return workers, [pid for (pid,) in backends]


def served_rate(args, root, database, paths_file):
    env = environment(root, args.port, database)
    gunicorn = Path(sys.executable).parent / "gunicorn"
    server = subprocess.Popen(
        [gunicorn, "newsroom.wsgi", "-c", "deploy/gunicorn.conf.py", "--max-requests", "0"],
        cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        wait_for(f"http://127.0.0.1:{args.port}/robots.txt")  # /healthz: 503, nothing kept
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
            script.write(WRK_SCRIPT % paths_file)
        command = [
            "wrk", "-t2", f"-c{args.connections}", f"-d{args.seconds}s", "-s", script.name,
            f"http://127.0.0.1:{args.port}",
        ]  # fmt: skip
        subprocess.run([*command[:3], "-d3s", *command[4:]], capture_output=True, check=True)
        # The workers' connections are open by now.
        workers, database = serving_pids(server.pid, env["DATABASE_URL"])
        before = cpu_seconds(workers), cpu_seconds(database)
        output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
        app_cpu, db_cpu = cpu_seconds(workers) - before[0], cpu_seconds(database) - before[1]
        os.unlink(script.name)
    finally:
        server.terminate()
        server.wait(30)
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    served = int(re.search(r"(\d+) requests in", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    per_request = {
        "cpu ms/request": (app_cpu + db_cpu) * 1000 / served,
        "database cpu ms/request": db_cpu * 1000 / served,
    }
    return rate, per_request, int(errors.group(1)) if errors else 0


def load():
    return os.getloadavg()[0]


def main():
    args = parse_args()
    if args.in_process or args.write_paths:
        sys.path.insert(0, str(args.root))
        os.environ.update(environment(args.root, args.port))
        if args.in_process:
            return in_process(args)
        import django

        django.setup()
        with open(args.write_paths, "w") as paths:
            paths.write("".join(f"/news/{slug}/\n" for slug in story_slugs(args.pages, seed=0)))
        return None
    if "DATABASE_URL" not in os.environ:
        sys.exit("DATABASE_URL must name a database of generated stories.")
    roots = [("after", HERE, os.environ["DATABASE_URL"])]
    if args.compare:
        database = args.compare_database or os.environ["DATABASE_URL"]
        roots.insert(0, ("before", args.compare.resolve(), database))
    paths = {}
    for label, root, database in roots:  # the manifest production settings read
        env = environment(root, args.port, database)
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
            cwd=root, check=True, env=env,
        )  # fmt: skip
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as file:
            paths[label] = file.name
            if args.serve:
                file.write(f"{args.serve}\n")
                continue
        subprocess.run(
            [sys.executable, __file__, "--write-paths", paths[label], "--root", root,
             "--pages", str(args.pages)],
            check=True, env=env,
        )  # fmt: skip
    runs = []
    for round_number in range(1, args.rounds + 1):
        for label, root, database in roots:
            measured = subprocess.run(
                [sys.executable, __file__, "--in-process", "--root", root,
                 "--samples", str(args.samples)],
                stdout=subprocess.PIPE, text=True, check=True,
                env=environment(root, args.port, database),
            )  # fmt: skip
            result = json.loads(measured.stdout.strip().splitlines()[-1])
            result["load"] = load()
            if not args.skip_wrk:
                served = served_rate(args, root, database, paths[label])
                result["req/s"], per_request, result["non-2xx"] = served
                result.update(per_request)
            runs.append((round_number, label, result))
            print(f"round {round_number}, {label}: {json.dumps(result)}", file=sys.stderr)
    for name in paths.values():
        os.unlink(name)
    report(args, runs)


def report(args, runs):
    served = args.serve or f"{args.pages:,} story pages"
    print(f"\nwrk: {args.connections} connections, {args.seconds} s, {served}")
    print("\n| round | code | req/s | CPU ms/request (database) | story page ms | queries "
          "| includes | reversals | dates | news feed ms | tag page ms | author page ms "
          "| load |")  # fmt: skip
    print("| ---: | --- |" + " ---: |" * 11)
    for round_number, label, r in runs:
        work = {"includes": 0, "reversals": 0, "date formats": 0, **r["work"]}
        rate = f"{r['req/s']:,.0f}" if "req/s" in r else "–"
        cpu = (
            f"{r['cpu ms/request']:.1f} ({r['database cpu ms/request']:.1f})"
            if "req/s" in r
            else "–"
        )
        print(
            f"| {round_number} | {label} | {rate} | {cpu} | {r['story page']:.1f} "
            f"| {work['queries']} "
            f"| {work['includes']} | {work['reversals']} | {work['date formats']} "
            f"| {r['news feed']:.1f} | {r['tag page (largest tag)']:.1f} "
            f"| {r['author page (busiest)']:.1f} | {r['load']:.1f} |"
        )
    tag = runs[-1][2]["tag work"]
    print(f"\ntag page (last run): {tag}")


if __name__ == "__main__":
    main()
