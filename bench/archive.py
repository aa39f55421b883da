"""The archive benchmark, run by hand (never in the test suite).

    .venv/bin/python bench/archive.py [--sizes 1000 1000000] [--duration 15]
        [--connections 32] [--reuse] [--drop]

For each size it makes a PostgreSQL database `bench_archive_<size>` (DATABASE_SERVER,
default postgres://postgres@127.0.0.1:5432) filled by `manage.py generate_articles`
(`--reuse` keeps one already there), serves it with gunicorn (2 workers, DEBUG off) on
127.0.0.1, and drives each page with wrk (32 connections, 15 s): first with the page
cache off (PAGE_CACHE_SECONDS=0: every request builds its page), then on, after one
request to fill it. In the same run the same gunicorn serves a static 10 KB file through
WhiteNoise: the ceiling. "Server time" is gunicorn's own time per request (its access
log's %(D)s), without the wait in the listen queue that wrk's latency includes.

What it writes goes where git does not look: media, logs and the table to bench/results/,
collected static files to staticfiles/ (the 10 KB file is removed at the end); `--drop`
drops the databases at the end.
"""

import argparse
import csv
import io
import os
import random
import re
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")


def _free_port():  # others may be serving on this machine
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


CEILING_NAME = "static 10 KB file (ceiling)"
CEILING = "/static/bench/ceiling.txt"
# A common pair of words, a rare one (an invented place in a few hundred stories of a
# million), and a quoted phrase: the generator's word lists make all three.
SEARCHES = {
    "search: common two words": "/search/?q=council+housing",
    "search: rare word": "/search/?q=Brackerwick",
    "search: quoted phrase": "/search/?q=%22public+money%22",
}
LOG_FORMAT = "%(U)s%(q)s\t%(s)s\t%(D)s"


def database_url(server, size):
    return f"{server}/bench_archive_{size}"


def psql(server, sql):
    subprocess.run(
        ["psql", f"{server}/postgres", "-qAtc", sql], check=True, capture_output=True, text=True
    )


def environment(server, size, *, page_cache):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "DATABASE_URL": database_url(server, size),
        "DEBUG": "false",
        "SECRET_KEY": "benchmark-only-not-a-secret",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "SITE_URL": "http://127.0.0.1",
        "MEDIA_ROOT": str(RESULTS / "media"),
        "PAGE_CACHE_SECONDS": "300" if page_cache else "0",
        # Each worker's own memory, as by default, but roomy: Django's default of 300
        # entries would evict pages before a run over 1,000 random articles is done.
        "CACHE_URL": "locmemcache://bench?max_entries=100000",
        "LOG_LEVEL": "WARNING",
    }


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def prepare(server, size, reuse):
    env = environment(server, size, page_cache=False)
    exists = subprocess.run(
        ["psql", database_url(server, size), "-qAtc", "select count(*) from articles_article"],
        capture_output=True,
        text=True,
        check=False,
    )
    if reuse and exists.returncode == 0 and int(exists.stdout.strip() or 0) >= size:
        print(f"reusing bench_archive_{size} ({exists.stdout.strip()} stories)")
        manage(env, "migrate", "--noinput", "-v0")
        return
    psql(server, f"DROP DATABASE IF EXISTS bench_archive_{size}")
    psql(server, f"CREATE DATABASE bench_archive_{size}")
    manage(env, "migrate", "--noinput", "-v0")
    started = time.monotonic()
    # The generator is the demo app's, installed with DEMO=true.
    generate = {**env, "DEMO": "true"}
    manage(generate, "generate_articles", "--count", str(size), "--pictures", "0.7")
    print(f"generated {size:,} stories in {time.monotonic() - started:.0f} s")


def pages(server, size):
    """The addresses to drive, found in the database: the largest tag, an author of an
    average share, deep pages half way down each list, and articles to pick at random."""
    sys.path.insert(0, str(ROOT))
    os.environ.update(environment(server, size, page_cache=False))
    import django
    from django.db import connections

    django.setup()
    connections.close_all()
    from django.db.models import Count

    from articles.models import Article
    from authors.models import Author
    from public.pagination import Cursor

    tag = (
        Article.tags.through.objects.values("tag__slug")
        .annotate(n=Count("id"))
        .order_by("-n")
        .first()
    )
    author = Author.objects.order_by("pk").first()
    public = Article.objects.published().newest_first()
    in_tag = public.filter(tags__slug=tag["tag__slug"])

    def half_way(articles, count):
        middle = articles.values_list("published_at", "pk")[count // 2]
        return Cursor(published_at=middle[0], pk=middle[1]).encode()

    total = public.count()
    slugs = list(public.order_by("?").values_list("slug", flat=True)[:1000])
    (RESULTS / f"articles-{size}.lua").write_text(
        "local paths = {"
        + ",".join(f'"/news/{slug}/"' for slug in slugs)
        + "}\nmath.randomseed(7)\n"
        "request = function()\n  return wrk.format(nil, paths[math.random(#paths)])\nend\n"
    )
    connections.close_all()
    urls = {
        "home": "/",
        "article (random)": ("/news/", RESULTS / f"articles-{size}.lua"),
        "news feed, page 1": "/news/",
        "news feed, half way": f"/news/?after={half_way(public, total)}",
        "largest tag, page 1": f"/tags/{tag['tag__slug']}/",
        "largest tag, half way": f"/tags/{tag['tag__slug']}/?after=" + half_way(in_tag, tag["n"]),
        "author page": f"/authors/{author.slug}/",
        **SEARCHES,
    }
    return urls, {"stories": total, "tag": tag["tag__slug"], "tag_size": tag["n"]}


class Server:
    def __init__(self, env, log, port):
        self.log, self.port = log, port
        log.unlink(missing_ok=True)
        self.process = subprocess.Popen(
            [GUNICORN, "newsroom.wsgi", "--workers", "2", "--bind", f"127.0.0.1:{port}",
             "--access-logfile", str(log), "--access-logformat", LOG_FORMAT,
             "--log-level", "warning"],
            cwd=ROOT, env=env,
        )  # fmt: skip
        for _ in range(100):
            if self.process.poll() is not None:
                break
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}{CEILING}", timeout=1)
                return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("gunicorn did not start")

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=30)


def _busy_cpu_seconds():
    """CPU time the whole machine has spent working, every core (/proc/stat)."""
    fields = [int(value) for value in Path("/proc/stat").read_text().split()[1:9]]
    user, nice, system, _idle, _iowait, irq, softirq, _steal = fields
    return (user + nice + system + irq + softirq) / os.sysconf("SC_CLK_TCK")


def _children_cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def drive(url, args, server):
    """wrk against one address: requests a second, gunicorn's median time, and the CPU
    time the machine spent per request, less wrk's own (steadier than the rate when
    the machine's speed drifts: it does not count time spent waiting for a CPU)."""
    log = server.log
    script = None
    if isinstance(url, tuple):
        url, script = url
    before = log.stat().st_size if log.exists() else 0
    busy_before, wrk_before = _busy_cpu_seconds(), _children_cpu_seconds()
    command = ["wrk", "-t2", f"-c{args.connections}", f"-d{args.duration}s", "--latency"]
    if script:
        command += ["-s", str(script)]
    output = subprocess.run(
        [*command, f"http://127.0.0.1:{server.port}{url}"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    # The machine's work less wrk's own: the app servers and the database (PostgreSQL's
    # parallel workers included, which come and go within a query).
    cpu = _busy_cpu_seconds() - busy_before - (_children_cpu_seconds() - wrk_before)
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    with log.open() as handle:
        handle.seek(before)
        rows = list(csv.reader(io.StringIO(handle.read()), delimiter="\t"))
    times = [int(row[2]) / 1000 for row in rows if len(row) == 3]
    statuses = {row[1] for row in rows if len(row) == 3}
    return {
        "rate": rate,
        "p50": statistics.median(times) if times else float("nan"),
        "cpu_ms": 1000 * cpu / requests if requests else float("nan"),
        "statuses": ",".join(sorted(statuses)),
        "errors": int(errors.group(1)) if errors else 0,
    }


def warm(url, port, times=1):
    """Ask for each address the run will: connections opened, caches filled. Each
    worker has a cache of its own, and either may answer: with the page cache on, each
    address is asked for eight times (a worker misses it with odds of 1 in 256), else
    the first request of each random article in each worker builds its page in the run."""
    paths = [url]
    if isinstance(url, tuple):
        paths = re.findall(r'"(/news/[^"]+)"', url[1].read_text())
    for path in paths * times:
        urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=60).read()


def static_files(env):
    """Collected static files, with the 10 KB file the ceiling is measured on."""
    manage(env, "collectstatic", "--noinput", "-v0")
    target = ROOT / "staticfiles" / "bench"
    target.mkdir(parents=True, exist_ok=True)
    (target / "ceiling.txt").write_bytes(b"x" * 10_240)


def load_average():
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 1_000_000])
    parser.add_argument("--duration", type=int, default=15)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--server", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--reuse", action="store_true", help="Keep a database already filled.")
    parser.add_argument("--drop", action="store_true", help="Drop the databases at the end.")
    args = parser.parse_args()
    RESULTS.mkdir(parents=True, exist_ok=True)
    random.seed(7)

    print(f"load average before: {load_average()}")
    for size in args.sizes:
        prepare(args.server, size, args.reuse)
    static_files(environment(args.server, args.sizes[0], page_cache=False))

    # Every size is served at once, each by its own gunicorn, and each page is driven at
    # every size in turn: the machine's load drifts, and the ratios compare like with like.
    sites = {size: subprocess_pages(args.server, size) for size in args.sizes}
    for size, (_urls, facts) in sites.items():
        print(f"{size:,}: {facts}")
    results = {}
    for cached in (False, True):
        mode = "cached" if cached else "uncached"
        servers = {}
        try:
            for size in args.sizes:
                port = _free_port()
                log = RESULTS / f"access-{size}-{mode}.log"
                servers[size] = Server(environment(args.server, size, page_cache=cached), log, port)
            names = [CEILING_NAME, *sites[args.sizes[0]][0]]
            for name in names:
                for size in args.sizes:
                    server = servers[size]
                    url = CEILING if name == CEILING_NAME else sites[size][0][name]
                    warm(url, server.port, times=8 if cached else 1)
                    row = results[(size, name, cached)] = drive(url, args, server)
                    print(f"  {mode:8} {size:>9,} {name:28} {row['rate']:8.1f} req/s  "
                          f"p50 {row['p50']:7.2f} ms  CPU {row['cpu_ms']:6.2f} ms/request  "
                          f"[{row['statuses']}] errors {row['errors']}", flush=True)  # fmt: skip
        finally:
            for server in servers.values():
                server.stop()
    print(f"load average after: {load_average()}")
    table = render_table(args.sizes, results)
    (RESULTS / "archive-table.md").write_text(table)
    print(table)
    if args.drop:
        for size in args.sizes:
            psql(args.server, f"DROP DATABASE IF EXISTS bench_archive_{size}")
    shutil.rmtree(ROOT / "staticfiles" / "bench", ignore_errors=True)


def subprocess_pages(server, size):
    """`pages()` in a fresh interpreter: Django is set up once per process."""
    code = (
        "import json, sys; sys.path.insert(0, 'bench'); import archive; "
        f"urls, facts = archive.pages({server!r}, {size}); "
        "print(json.dumps([{k: (list(map(str, v)) if isinstance(v, tuple) else v) "
        "for k, v in urls.items()}, facts]))"
    )
    output = subprocess.run(
        [PYTHON, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    import json

    urls, facts = json.loads(output.strip().splitlines()[-1])
    return {k: (v[0], Path(v[1])) if isinstance(v, list) else v for k, v in urls.items()}, facts


def render_table(sizes, results):
    small, large = sizes[0], sizes[-1]
    names = [name for (size, name, cached) in results if size == small and not cached]
    lines = [
        f"| page | {small:,}: req/s | {small:,}: p50 ms | {large:,}: req/s | "
        f"{large:,}: p50 ms | p50 {large:,} / {small:,} | CPU ms/request {small:,} | "
        f"CPU ms/request {large:,} | cached {small:,}: req/s | cached {large:,}: req/s |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name in names:
        a, b = results[(small, name, False)], results[(large, name, False)]
        ca, cb = results[(small, name, True)], results[(large, name, True)]
        lines.append(
            f"| {name} | {a['rate']:,.0f} | {a['p50']:.1f} | {b['rate']:,.0f} | {b['p50']:.1f} "
            f"| {b['p50'] / a['p50']:.2f} | {a['cpu_ms']:.2f} | {b['cpu_ms']:.2f} "
            f"| {ca['rate']:,.0f} | {cb['rate']:,.0f} |"
        )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
