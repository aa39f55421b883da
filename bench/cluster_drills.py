"""Drills against the local production stack, run by hand (never in the test suite).

    deploy/local-cluster.sh start
    .venv/bin/python bench/cluster_drills.py [throughput publish app-down db-restart
                                              redis-down backup edge-headers front-admin
                                              lockout banner] [--seconds 12]
    deploy/local-cluster.sh stop

Each drill prints what it measured as Markdown (docs/deployment.md has the figures) and
exits non-zero if the behaviour it checks did not hold. All traffic goes to 127.0.0.1,
each wrk run is bounded in time, and processes are stopped and started only through
deploy/local-cluster.sh, by their PID files.
"""

import argparse
import functools
import http.client
import http.cookiejar
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CLUSTER = str(ROOT / "deploy" / "local-cluster.sh")
STATE = Path(os.environ.get("CLUSTER_DIR", ROOT / ".cluster"))

VARNISH = f"http://127.0.0.1:{os.environ.get('VARNISH_PORT', 6181)}"
NGINX = f"http://127.0.0.1:{os.environ.get('NGINX_PORT', 8180)}"
FILES = f"http://127.0.0.1:{os.environ.get('STATIC_PORT', 8189)}"
APP_A = f"http://127.0.0.1:{os.environ.get('APP_A_PORT', 8101)}"
APP_B = f"http://127.0.0.1:{os.environ.get('APP_B_PORT', 8102)}"
CONNECTIONS = 32
FAILURES = []


def cluster(*args):
    subprocess.run([CLUSTER, *args], check=True, capture_output=True)


def load_cluster_env():
    """The app servers' settings, so this process can use Django on the same database."""
    out = subprocess.run([CLUSTER, "env"], check=True, capture_output=True, text=True).stdout
    for line in out.splitlines():
        name, _, value = line.removeprefix("export ").partition("=")
        os.environ[name] = shlex.split(value)[0] if value else ""
    import django

    django.setup()


def check(ok, what):
    print(f"- {'ok' if ok else 'FAILED'}: {what}")
    if not ok:
        FAILURES.append(what)


def get(url, *, headers=None):
    """(status, headers, body) of one GET; errors are answers, not exceptions."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def purge(*keys, soft=False):
    header = "xkey-softpurge" if soft else "xkey-purge"
    request = urllib.request.Request(
        VARNISH + "/", method="PURGE", headers={header: " ".join(keys)}
    )
    with urllib.request.urlopen(request, timeout=5) as response:
        return response.read().decode()


# --- wrk ----------------------------------------------------------------------------------


def wrk(url, seconds, *, paths=None, connections=CONNECTIONS):
    """Run wrk for `seconds` against `url` (or a random one of `paths` on it each request)."""
    # A 10 s timeout: on this shared machine a slow answer is not a failed one.
    args = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "--latency", url]
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
        if paths:
            quoted = ", ".join(json.dumps(p) for p in paths)
            script.write(
                f"local paths = {{{quoted}}}\n"
                "request = function()\n"
                '  return wrk.format("GET", paths[math.random(#paths)])\n'
                "end\n"
            )
            script.flush()
            args[1:1] = ["-s", script.name]
        out = subprocess.run(args, check=True, capture_output=True, text=True).stdout
    result = {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),
        "non_2xx": int(m.group(1))
        if (m := re.search(r"Non-2xx or 3xx responses: (\d+)", out))
        else 0,
        "p50": re.search(r"50%\s+(\S+)", out).group(1),
        "p99": re.search(r"99%\s+(\S+)", out).group(1),
    }
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    result["socket_errors"] = sum(map(int, errors.groups())) if errors else 0
    result["errors_detail"] = errors.group(0) if errors else "no socket errors"
    return result


def in_background(function, *args, **kwargs):
    box = {}
    thread = threading.Thread(target=lambda: box.setdefault("result", function(*args, **kwargs)))
    thread.start()
    return thread, box


def archive_paths(count, offset=0):
    from articles.models import Article

    slugs = Article.objects.published().order_by("-published_at").values_list("slug", flat=True)
    return [f"/news/{slug}/" for slug in slugs[offset : offset + count]]


# --- Drills -------------------------------------------------------------------------------


def throughput(seconds):
    """Cached pages through Varnish, beside the same bytes as a file, beside gunicorn alone."""
    print(f"\n### Throughput (wrk, 2 threads, 32 connections, {seconds} s each)\n")
    article = archive_paths(1, offset=50)[0]
    pages = {"article": article, "news feed": "/news/"}
    www = STATE / "www"
    www.mkdir(exist_ok=True)
    rows = []
    for name, path in pages.items():
        get(VARNISH + path)  # into the cache
        status, headers, body = get(VARNISH + path)
        check(status == 200 and headers["X-Cache"] == "HIT", f"{name} is a Varnish hit")
        (www / f"{name.replace(' ', '-')}.html").write_bytes(body)
        static = wrk(f"{FILES}/{name.replace(' ', '-')}.html", seconds)
        varnish = wrk(VARNISH + path, seconds)
        gunicorn = wrk(APP_A + path, seconds)  # one instance; its Redis page cache is warm
        rows.append((name, len(body), static, varnish, gunicorn))
        check(varnish["non_2xx"] == 0 and varnish["socket_errors"] == 0, f"{name}: no errors")
    print("| page | bytes | nginx, static file | Varnish | Varnish ÷ static | gunicorn A alone |")
    print("| --- | --- | --- | --- | --- | --- |")
    for name, size, static, varnish, gunicorn in rows:
        ratio = varnish["rps"] / static["rps"]
        print(
            f"| {name} | {size:,} | {static['rps']:,.0f} req/s (p99 {static['p99']}) "
            f"| {varnish['rps']:,.0f} req/s (p99 {varnish['p99']}) | {ratio:.0%} "
            f"| {gunicorn['rps']:,.0f} req/s (p99 {gunicorn['p99']}) |"
        )
        check(ratio >= 0.5, f"{name}: Varnish reaches at least 50 % of nginx's static figure")


class _KeepRedirects(urllib.request.HTTPRedirectHandler):
    """A POST's redirect is not followed: the save is timed alone, not the next page."""

    def redirect_request(self, request, *args, **kwargs):
        if request.get_method() == "POST":
            return None
        return super().redirect_request(request, *args, **kwargs)


class _FromAddress(urllib.request.HTTPHandler):
    """Connections made from one loopback address: each address stands for one machine."""

    def __init__(self, address):
        super().__init__()
        self.address = address

    def http_open(self, request):
        connect = functools.partial(http.client.HTTPConnection, source_address=(self.address, 0))
        return self.do_open(connect, request)


def form_values(page, form_id):
    """What a browser would submit, unchanged, for the form `form_id` on `page`."""
    from articles.tests.admin_forms import form_data

    class Page:  # what form_data reads
        status_code, content = 200, page.encode()

    return form_data(Page, form_id)


def current_code(device):
    """The code `device`'s app shows now; once that one was used, the next (each counts once)."""
    from django_otp.oath import totp

    device.refresh_from_db()
    while (time.time() - device.t0) // device.step <= device.last_t:
        time.sleep(1)
    code = totp(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{code:0{device.digits}d}"


class AdminSession:
    """A member of staff in the admin at `base`, as a browser is: each form posted with its
    CSRF token and the Origin a browser sends, from the loopback address `source` (one per
    machine) when given."""

    def __init__(self, base, *, source=None):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        handlers = [urllib.request.HTTPCookieProcessor(self.jar), _KeepRedirects]
        if source:
            handlers.append(_FromAddress(source))
        self.opener = urllib.request.build_opener(*handlers)

    def get(self, path):
        with self.opener.open(urllib.parse.urljoin(self.base, path), timeout=30) as response:
            return response.read().decode()

    def post(self, path, data, page, *, headers=None):
        """(status, where it redirects to or the page) of a form's POST; `page` has its token."""
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token}, doseq=True)
        url = urllib.parse.urljoin(self.base, path)
        sent = {"Origin": self.base, "Referer": url, **(headers or {})}
        request = urllib.request.Request(url, body.encode(), headers=sent)
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as answer:  # a save's 302, or a refusal
            return answer.code, answer.headers.get("Location") or answer.read().decode()

    def sign_in(self, username, password):
        """The password, then the second factor: a code from the user's app, or the enrolment
        of an app as at a first sign-in. The statuses of the POSTs made."""
        from django_otp.plugins.otp_totp.models import TOTPDevice

        page = self.get("/admin/login/")
        data = {"username": username, "password": password, "next": "/admin/"}
        answers = [self.post("/admin/login/", data, page)]
        status, where = answers[-1]
        if status == 302 and where.rstrip("/").endswith(("login/code", "two-factor/enrol")):
            page = self.get(where)  # the enrolment page makes the key to add
            device = TOTPDevice.objects.filter(user__username=username).order_by("-pk").first()
            answers.append(self.post(where, {"code": current_code(device)}, page))
        return [status for status, _ in answers]

    def signed_in(self):
        return "Log out" in self.get("/admin/")

    def action(self, name, pk):
        page = self.get("/admin/articles/article/")
        data = {"action": name, "_selected_action": pk, "index": 0, "select_across": 0}
        return self.post("/admin/articles/article/", data, page)

    def change(self, pk, **changes):
        path = f"/admin/articles/article/{pk}/change/"
        page = self.get(path)
        data = {**form_values(page, "article_form"), **changes, "_save": "Save"}
        return self.post(path, data, page)


def staff_user(username, *, with_app=True):
    """An Editor's powers (a superuser), a fresh password and, unless told otherwise, an
    authenticator app; no sign-in failures left against the name. Returns the password."""
    import secrets

    from axes.utils import reset
    from django.contrib.auth.models import User
    from django_otp.plugins.otp_totp.models import TOTPDevice

    password = secrets.token_urlsafe(16)
    user, _ = User.objects.get_or_create(username=username)
    user.is_staff = user.is_superuser = True
    user.set_password(password)
    user.save()
    TOTPDevice.objects.filter(user=user).delete()
    if with_app:
        TOTPDevice.objects.create(user=user, name="Drill authenticator", confirmed=True)
    reset(username=username)
    return password


def editor():
    """An editor signed in to the admin of app server A (not through Varnish)."""
    password = staff_user("drill-editor")
    session = AdminSession(APP_A)
    session.sign_in("drill-editor", password)
    check(session.signed_in(), f"editor signed in on {APP_A}")
    return session


def until_visible(url, predicate, timeout=10):
    """Seconds until `predicate(status, body)` holds through Varnish, and how many GETs."""
    started, tries = time.perf_counter(), 0
    while time.perf_counter() - started < timeout:
        tries += 1
        status, headers, body = get(url)
        if predicate(status, body.decode(errors="replace")):
            return time.perf_counter() - started, tries, headers.get("X-Cache")
        time.sleep(0.005)
    return None, tries, None


def publish():
    """A story published, updated and unpublished on app server A, seen through Varnish."""
    from articles.models import Article, Authorship
    from authors.models import Author

    print("\n### Publish, update, unpublish on app server A; read through Varnish\n")
    session = editor()
    stamp = int(time.time())
    story = Article.objects.create(
        title=f"Breaking drill story {stamp}", slug=f"breaking-drill-{stamp}", body="Words."
    )
    Authorship.objects.create(article=story, author=Author.objects.first())
    for path in ("/", "/news/", "/rss/", story.get_absolute_url()):
        get(VARNISH + path)
        get(VARNISH + path)
    check(get(VARNISH + "/news/")[1]["X-Cache"] == "HIT", "the news feed is cached before")
    print(
        "| change (admin on A) | save request | visible through Varnish | GETs needed | X-Cache |"
    )
    print("| --- | --- | --- | --- | --- |")

    def step(name, change, url, predicate):
        started = time.perf_counter()
        change()
        saved = time.perf_counter() - started
        seconds, tries, cache = until_visible(VARNISH + url, predicate)
        total = (
            f"{(saved + seconds) * 1000:.0f} ms after the save began"
            if seconds is not None
            else "never"
        )
        print(f"| {name} | {saved * 1000:.0f} ms | {total} | {tries} | {cache} |")
        check(tries == 1, f"{name}: visible on the first request after the save")

    title = story.title
    step(
        "publish",
        lambda: session.action("publish", story.pk),
        "/news/",
        lambda status, body: title in body,
    )
    check(get(VARNISH + "/")[2].decode().count(title) > 0, "publish: on the front page at once")
    step(
        "update (headline)",
        lambda: session.change(story.pk, title=title + " (updated)"),
        story.get_absolute_url(),
        lambda status, body: f"{title} (updated)" in body,
    )
    step(
        "unpublish",
        lambda: session.action("unpublish", story.pk),
        story.get_absolute_url(),
        lambda status, body: status == 404,
    )
    check(title not in get(VARNISH + "/news/")[2].decode(), "unpublish: gone from the news feed")


def app_down(seconds):
    """App server B stopped during a wrk run against the balancer, then started again."""
    seconds = max(seconds, 20)  # room to stop B, run without it, start it and see it serve
    print(f"\n### App server B stopped during a {seconds} s wrk run (nginx, archive pages)\n")
    paths = archive_paths(2000)
    log = STATE / "log" / "app-b.log"
    began = time.perf_counter()
    thread, box = in_background(wrk, NGINX, seconds, paths=paths, connections=16)
    time.sleep(seconds / 5)
    stopping = time.perf_counter()
    cluster("stop-app", "b")
    stopped = time.perf_counter()
    time.sleep(seconds / 10)
    lines_before = len(log.read_text().splitlines())
    cluster("start-app", "b")
    started = time.perf_counter()
    thread.join()
    result = box["result"]
    served_after = sum(
        1 for line in log.read_text().splitlines()[lines_before:] if '"GET /news/' in line
    )
    print(
        f"- {result['requests']:,} requests, {result['rps']:,.0f} req/s, non-2xx "
        f"{result['non_2xx']}, {result['errors_detail']}"
    )
    print(
        f"- B stopped at {stopping - began:.1f} s (SIGTERM; in-flight requests finished, "
        f"{stopped - stopping:.1f} s), was started again at {started - began:.1f} s and "
        f"served {served_after:,} of the run's pages after that"
    )
    check(result["non_2xx"] == 0 and result["socket_errors"] == 0, "no failed request")
    check(served_after > 0, "B rejoins the balancer when started again")


def db_restart(seconds):
    """PostgreSQL stopped and started during a wrk run through Varnish."""
    print(
        f"\n### PostgreSQL stopped for ~{seconds // 3} s during a {seconds} s wrk run (Varnish)\n"
    )
    paths = archive_paths(200, offset=100)
    uncached = archive_paths(300, offset=400)  # asked for after the restart
    for path in paths:
        get(VARNISH + path)
    thread, box = in_background(wrk, VARNISH, seconds, paths=paths)
    time.sleep(seconds / 3)
    cluster("stop-postgres")
    # Every cached page is now past its time: only stale-if-error can serve them.
    purge_answer = purge("sidebar", soft=True)
    soft_purged = re.search(r"soft-purged (\d+)", purge_answer).group(1)
    stale = [get(VARNISH + path) for path in paths[:20]]
    time.sleep(seconds / 3)
    started = time.perf_counter()
    cluster("start-postgres")
    recovered = {}
    while len(recovered) < 2 and time.perf_counter() - started < 30:
        for name, base in (("A", APP_A), ("B", APP_B)):
            if name not in recovered and get(base + "/healthz")[0] == 200:
                recovered[name] = time.perf_counter() - started
        time.sleep(0.1)
    thread.join()
    result = box["result"]
    from django.db import connection

    connection.close()  # this process's own connection died with the server
    after = [get(NGINX + path)[0] for path in uncached]
    print(
        f"- through Varnish: {result['requests']:,} requests, non-2xx {result['non_2xx']}, "
        f"socket errors {result['socket_errors']}; during the outage, "
        f"{sum(h.get('X-Cache') == 'STALE' for _, h, _ in stale)} of 20 expired pages were "
        f"served STALE with status 200 (all {soft_purged} cached pages "
        "had been soft-purged first)"
    )
    print(
        "- app servers healthy again "
        + ", ".join(f"{name} {took:.1f} s" for name, took in sorted(recovered.items()))
        + " after PostgreSQL was started"
    )
    print(f"- afterwards, 300 uncached pages from the balancer: statuses {sorted(set(after))}")
    check(result["non_2xx"] == 0 and result["socket_errors"] == 0, "no failed request via Varnish")
    check(all(s == 200 for s, _, _ in stale), "expired pages served stale during the outage")
    check(len(recovered) == 2 and max(recovered.values()) < 10, "app recovers within seconds")
    check(set(after) == {200}, "no 500 afterwards")


def _redis_info(field):
    port = os.environ.get("REDIS_PORT", "6391")
    out = subprocess.run(
        ["redis-cli", "-p", port, "info", "stats"], capture_output=True, text=True
    ).stdout
    match = re.search(rf"{field}:(\d+)", out)
    return int(match.group(1)) if match else None


def redis_down_drill(seconds):
    """Redis stopped: slower but serving, an edit is not lost, Redis used again after."""
    from articles.models import Article

    print(f"\n### Redis stopped (app servers through nginx, {seconds} s wrk runs)\n")
    paths = archive_paths(100)
    wrk(NGINX, seconds, paths=paths, connections=16)  # fills the page cache in Redis
    warm = wrk(NGINX, seconds, paths=paths, connections=16)
    session = editor()
    cluster("stop-redis")
    down = wrk(NGINX, seconds, paths=paths, connections=16)
    story = Article.objects.published().order_by("-published_at").first()
    get(VARNISH + story.get_absolute_url())  # in Varnish before the edit
    session.change(story.pk, title=story.title + " (edited without Redis)")
    status, _, body = get(VARNISH + story.get_absolute_url())
    edited = "(edited without Redis)" in body.decode()
    health = get(APP_A + "/healthz")
    cluster("start-redis")
    hits_before = _redis_info("keyspace_hits") or 0
    back = wrk(NGINX, seconds, paths=paths, connections=16)
    hits_after = _redis_info("keyspace_hits") or 0
    still_signed_in = "drill-editor" in session.get("/admin/") or "Log out" in session.get(
        "/admin/"
    )
    print("| phase | req/s | p99 | non-2xx | socket errors |")
    print("| --- | --- | --- | --- | --- |")
    for name, result in (("Redis up", warm), ("Redis stopped", down), ("Redis back", back)):
        print(
            f"| {name} | {result['rps']:,.0f} | {result['p99']} | {result['non_2xx']} "
            f"| {result['socket_errors']} |"
        )
    print(
        f"- /healthz while Redis was stopped: {health[0]} {health[2].decode()}; an edit made "
        f"then was {'visible' if edited else 'NOT visible'} through Varnish at once; the "
        f"editor stayed signed in: {still_signed_in}; Redis keyspace hits after it came "
        f"back: {hits_after - hits_before:,}"
    )
    check(down["non_2xx"] == 0 and down["socket_errors"] == 0, "the site still serves")
    check(edited and status == 200, "an edit made while Redis was stopped is not lost")
    check(still_signed_in, "sessions survive (they live in the database)")
    check(hits_after - hits_before > 0, "Redis is used again once it is back")
    check(health[0] == 503, "/healthz names the failed cache")


def backup():
    """Back up, restore on a fresh database and media folder, compare."""
    print("\n### Backup and restore on a fresh database\n")
    pg_port = os.environ.get("PG_PORT", "5544")
    restored_db = f"postgres://postgres@127.0.0.1:{pg_port}/newsroom_restore"
    restored_media = STATE / "restore-media"
    target = STATE / "backups"
    psql = ["psql", "-h", "127.0.0.1", "-p", pg_port, "-U", "postgres", "-qc"]
    subprocess.run([*psql, "DROP DATABASE IF EXISTS newsroom_restore"], check=True)
    subprocess.run([*psql, "CREATE DATABASE newsroom_restore"], check=True)
    subprocess.run(["rm", "-rf", str(restored_media)], check=True)
    python = str(ROOT / ".venv" / "bin" / "python")
    started = time.perf_counter()
    made = subprocess.run(
        [python, "deploy/backup.py", "make", "--to", str(target)],
        cwd=ROOT, check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    took_make = time.perf_counter() - started
    folder = re.search(r"backup in (\S+):", made).group(1)
    env = {**os.environ, "DATABASE_URL": restored_db, "MEDIA_ROOT": str(restored_media)}
    started = time.perf_counter()
    restored = subprocess.run(
        [python, "deploy/backup.py", "restore", folder],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )  # fmt: skip
    took_restore = time.perf_counter() - started
    here = f"{ROOT}/"
    print(f"- {made.strip().replace(here, '')} ({took_make:.1f} s)")
    print(
        f"- {(restored.stdout or restored.stderr).strip().replace(here, '')} ({took_restore:.1f} s)"
    )
    check(restored.returncode == 0, "restore matches the backup's manifest")
    compare = (
        "from django.test import Client; import hashlib, sys\n"
        "from articles.models import Article\n"
        "c = Client()\n"
        "a = Article.objects.exclude(lead_photo=None).order_by('-published_at').first()\n"
        "for url in ['/', a.get_absolute_url(), '/authors/']:\n"
        "    r = c.get(url); print(url, r.status_code, hashlib.sha256(r.content).hexdigest())\n"
        "import os; from pathlib import Path\n"
        "root = Path(os.environ['MEDIA_ROOT'])\n"
        "name = a.lead_photo.image.name\n"
        "print('photo', hashlib.sha256(Path(root, name).read_bytes()).hexdigest())\n"
    )
    run = [python, "manage.py", "shell", "-v0", "-c", compare]
    # No shared cache: each page is rendered from its own database, not the other's copy.
    uncached = {"CACHE_URL": "dummycache://"}
    original = subprocess.run(
        run, cwd=ROOT, env={**os.environ, **uncached}, check=True, capture_output=True, text=True
    ).stdout
    copy = subprocess.run(
        run, cwd=ROOT, env={**env, **uncached}, check=True, capture_output=True, text=True
    ).stdout
    print("- pages rendered from each database, and the lead photo, by SHA-256:")
    for line_a, line_b in zip(original.splitlines(), copy.splitlines(), strict=True):
        same = "same" if line_a == line_b else "DIFFERENT"
        print(f"  - `{line_a.split()[0]}`: {same}")
    check(original == copy, "the restored site serves the same bytes")


# --- What readers and staff meet at the front (Varnish) ------------------------------------


def _redis_count(pattern):
    port = os.environ.get("REDIS_PORT", "6391")
    out = subprocess.run(
        ["redis-cli", "-p", port, "-n", "1", "--scan", "--pattern", pattern],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    return len(out.split())


def edge_headers():
    """Readers cannot read the schedule in the headers; cache labels tell the truth; a
    tracking or made-up parameter makes no new copy in Varnish or the page cache."""
    from django.utils import timezone

    from articles.models import Article, Authorship
    from authors.models import Author

    print("\n### What readers see of the edge cache\n")
    nothing_due = get(VARNISH + "/authors/")[1]["Cache-Control"]
    stamp = int(time.time())
    due = timezone.now() + timedelta(seconds=20)
    story = Article.objects.create(
        title=f"Scheduled drill story {stamp}", slug=f"scheduled-drill-{stamp}", body="Words.",
        status=Article.Status.PUBLISHED, published_at=due,
    )  # fmt: skip
    Authorship.objects.create(article=story, author=Author.objects.first())
    miss = get(VARNISH + "/news/")[1]
    hit = get(VARNISH + "/news/")[1]
    origin = get(NGINX + "/news/")[1]
    print(
        f"- a story is scheduled in 20 s. `/news/` through Varnish: `Cache-Control: "
        f"{hit['Cache-Control']}`, Surrogate-Control {hit['Surrogate-Control'] or 'absent'}"
        f"; with nothing due (`/authors/`) it was `{nothing_due}`"
    )
    print(
        f"- behind Varnish (nginx), for Varnish alone: `Surrogate-Control: "
        f"{origin['Surrogate-Control']}`"
    )
    check(
        hit["Cache-Control"] == nothing_due,
        "readers' Cache-Control is the same when a story is due",
    )
    check(hit["Surrogate-Control"] is None, "Varnish removes Surrogate-Control")
    labels = (miss["X-Cache"], hit["X-Cache"])
    check(labels == ("MISS", "HIT"), f"purged when the story was scheduled: {', '.join(labels)}")
    time.sleep(max(0, (due - timezone.now()).total_seconds()) + 1.5)
    _, headers, body = get(VARNISH + "/news/")
    on_time = story.title in body.decode()
    print(
        f"- 1.5 s after its time, with no purge sent: the story is on `/news/` through "
        f"Varnish: {on_time} (X-Cache {headers['X-Cache']})"
    )
    check(on_time, "the scheduled story appears on time at the edge (Surrogate-Control max-age)")

    print("\n| request | X-Cache |\n| --- | --- |")
    labels = {}

    def label(name, url, **headers):
        labels[name] = get(url, headers=headers)[1]["X-Cache"]
        print(f"| {name} | {labels[name]} |")

    label("`/news/`, cached", VARNISH + "/news/")
    label("`/news/` with a staff session cookie", VARNISH + "/news/", Cookie="sessionid=drill")
    label("`/admin/login/`", VARNISH + "/admin/login/")
    purge("list-news", soft=True)
    label("`/news/` just soft-purged", VARNISH + "/news/")
    time.sleep(1)
    label("`/news/` a second later (refreshed in the background)", VARNISH + "/news/")
    label(
        "`/news/?utm_source=drill&utm_medium=email`",
        VARNISH + "/news/?utm_source=drill&utm_medium=email",
    )
    label("`/news/?fbclid=drill`", VARNISH + "/news/?fbclid=drill")
    get(VARNISH + "/search/?q=minister&sort=newest")
    label("`/search/?sort=newest&q=minister` after `?q=minister&sort=newest`",
          VARNISH + "/search/?sort=newest&q=minister")  # fmt: skip
    check(list(labels.values()) == ["HIT", "PASS", "PASS", "STALE", "HIT", "HIT", "HIT", "HIT"],
          "cache labels: HIT, PASS for staff and the admin, STALE only when stale; "
          "tracking parameters and their order make no new copy")  # fmt: skip

    get(VARNISH + "/news/")  # in the page cache
    before = _redis_count("*public-page:*")
    forced = [get(f"{VARNISH}/news/?drill={stamp}-{n}")[1]["X-Cache"] for n in range(20)]
    added = _redis_count("*public-page:*") - before
    print(
        f"\n- 20 requests for `/news/?drill=<n>`: Varnish {', '.join(sorted(set(forced)))}; "
        f"new entries in the app's page cache: {added}"
    )
    check(added == 0, "a made-up parameter makes no new page-cache entry")
    Article.objects.filter(pk=story.pk).delete()


def front_admin():
    """Staff sign in and use every kind of admin form at the site's address (Varnish)."""
    from taggit.models import Tag

    from articles.models import Article, Authorship
    from authors.models import Author

    print(f"\n### The admin at the site's own address ({VARNISH})\n")
    print("| form | POST answered | done |\n| --- | --- | --- |")

    def row(name, statuses, done):
        statuses = statuses if isinstance(statuses, list) else [statuses]
        done = done and all(status in (200, 302) for status in statuses)  # never a 403
        answered = " then ".join(map(str, statuses))
        print(f"| {name} | {answered} | {'yes' if done else 'NO'} |")
        check(done, f"{name}, through the front")

    password = staff_user("drill-newcomer", with_app=False)
    session = AdminSession(VARNISH)
    statuses = session.sign_in("drill-newcomer", password)
    row("first sign-in: password, then adding an authenticator app", statuses, session.signed_in())
    status, _ = session.post("/admin/logout/", {}, session.get("/admin/"))
    row("sign out", status, not session.signed_in())
    statuses = session.sign_in("drill-newcomer", password)
    row("sign-in: password, then the app's code", statuses, session.signed_in())

    stamp = int(time.time())
    page = session.get("/admin/taggit/tag/add/")
    data = {"name": f"Drill tag {stamp}", "slug": f"drill-tag-{stamp}", "_save": "Save"}
    status, _ = session.post(
        "/admin/taggit/tag/add/", {**form_values(page, "tag_form"), **data}, page
    )
    tag = Tag.objects.filter(slug=f"drill-tag-{stamp}").first()
    row("add (a tag)", status, tag is not None)
    draft = Article.objects.create(
        title=f"Drill draft {stamp}", slug=f"drill-draft-{stamp}", body="Words."
    )
    Authorship.objects.create(article=draft, author=Author.objects.first())
    status, _ = session.change(draft.pk, title=f"Drill draft {stamp} (edited)")
    draft.refresh_from_db()
    row("change (a story's headline)", status, draft.title.endswith("(edited)"))
    for action, after in (
        ("publish", Article.Status.PUBLISHED),
        ("unpublish", Article.Status.DRAFT),
    ):
        status, _ = session.action(action, draft.pk)
        draft.refresh_from_db()
        row(f"bulk action ({action})", status, draft.status == after)
    if tag is not None:
        path = f"/admin/taggit/tag/{tag.pk}/delete/"
        status, _ = session.post(path, {"post": "yes"}, session.get(path))
        row("delete (the tag)", status, not Tag.objects.filter(pk=tag.pk).exists())
    Article.objects.filter(pk=draft.pk).delete()


def lockout():
    """Five failed sign-ins from one address, through Varnish: that address is paused, a
    colleague at another signs in; a forged X-Forwarded-For chooses nothing."""
    from axes.models import AccessAttempt
    from axes.utils import reset
    from django.conf import settings

    attacker, colleague, direct = "127.0.0.2", "127.0.0.3", "127.0.0.4"
    limit = settings.AXES_FAILURE_LIMIT
    print(f"\n### {limit} failed sign-ins from one address, through Varnish\n")
    for address in (attacker, colleague, direct):
        reset(ip=address)
    stamp = int(time.time())
    outsider = AdminSession(VARNISH, source=attacker)
    statuses = []
    for n in range(limit + 1):
        page = outsider.get("/admin/login/")
        guess = {"username": f"nobody-{stamp}-{n}", "password": "wrong", "next": "/admin/"}
        # Naming the colleague's address in the header, to have them locked out instead.
        forged = {"X-Forwarded-For": colleague}
        statuses.append(outsider.post("/admin/login/", guess, page, headers=forged)[0])
    password = staff_user("drill-colleague")
    session = AdminSession(VARNISH, source=colleague)
    answers = session.sign_in("drill-colleague", password)
    signed_in = session.signed_in()
    # Straight to nginx, not from Varnish: the header is not believed there either.
    sneaky = AdminSession(NGINX, source=direct)
    page = sneaky.get("/admin/login/")
    guess = {"username": f"nobody-{stamp}-direct", "password": "wrong", "next": "/admin/"}
    sneaky.post("/admin/login/", guess, page, headers={"X-Forwarded-For": "198.51.100.1"})
    recorded = dict(
        AccessAttempt.objects.filter(username__startswith=f"nobody-{stamp}")
        .values_list("username", "ip_address")
    )  # fmt: skip
    through_varnish = {ip for name, ip in recorded.items() if not name.endswith("-direct")}
    print(
        f"- from {attacker}, each with `X-Forwarded-For: {colleague}`: answers "
        f"{', '.join(map(str, statuses))}; recorded as coming from "
        f"{', '.join(sorted(through_varnish))}"
    )
    print(
        f"- then a colleague at {colleague} signs in (password, code): answers "
        f"{', '.join(map(str, answers))}, signed in: {signed_in}"
    )
    print(
        f"- a failure sent from {direct} straight to nginx with `X-Forwarded-For: "
        f"198.51.100.1` was recorded as {recorded.get(f'nobody-{stamp}-direct')}"
    )
    check(statuses[-1] == 429, f"the address that failed {limit} times is paused")
    check(through_varnish == {attacker}, "the lockout counts the attacker's own address")
    check(signed_in, "a colleague at another address still signs in")
    check(
        recorded.get(f"nobody-{stamp}-direct") == direct,
        "nginx believes the header only from Varnish",
    )
    for address in (attacker, direct):
        reset(ip=address)


def _varnish_counters():
    """Varnish's own hit and miss counters (varnishstat), over every object."""
    out = subprocess.run(
        ["varnishstat", "-1", "-n", str(STATE / "varnish" / "work"),
         "-f", "MAIN.cache_hit", "-f", "MAIN.cache_miss"],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    return {line.split()[0]: int(line.split()[1]) for line in out.splitlines() if line.strip()}


def banner():
    """The breaking-news banner raised on app server A: visible through Varnish on a cached
    story page within 2 s of the save, while the page itself stays a hit (its own copy is
    not purged: the banner is an ESI fragment with its own key, soft-purged)."""
    from django.utils import timezone

    from articles.models import Article
    from frontpage.models import Banner

    print("\n### The banner through Varnish: the page stays cached\n")
    session = editor()
    story = Article.objects.published().order_by("-published_at").first()
    url = VARNISH + story.get_absolute_url()
    get(url)
    get(url)
    _, headers, body = get(url)
    check(headers["X-Cache"] == "HIT", "the story page is a Varnish hit before")
    check(b"<esi:include" not in body, "the include is assembled by Varnish, never sent on")
    stamp = int(time.time())
    text = f"Drill banner {stamp}"
    form = session.get("/admin/frontpage/banner/add/")
    before = _varnish_counters()
    started = time.perf_counter()
    session.post(
        "/admin/frontpage/banner/add/",
        {
            "text": text,
            "shown_from_0": timezone.localtime().strftime("%Y-%m-%d"),
            "shown_from_1": timezone.localtime().strftime("%H:%M:%S"),
            "shown_until_0": "",
            "shown_until_1": "",
            "_save": "Save",
        },
        form,
    )
    saved = time.perf_counter() - started
    seconds, tries, label = until_visible(url, lambda status, body: text in body, timeout=5)
    after = _varnish_counters()
    total = saved + seconds if seconds is not None else None
    print("| save request | visible through Varnish | GETs needed | page's X-Cache |")
    print("| --- | --- | --- | --- |")
    shown = f"{total * 1000:.0f} ms after the save began" if total is not None else "never"
    print(f"| {saved * 1000:.0f} ms | {shown} | {tries} | {label} |")
    hits = after["MAIN.cache_hit"] - before["MAIN.cache_hit"]
    misses = after["MAIN.cache_miss"] - before["MAIN.cache_miss"]
    print(f"\nVarnish counters meanwhile: {hits} hits, {misses} misses (page and fragment).")
    check(total is not None and total <= 2.0, "the banner shows within 2 s of the save")
    check(label == "HIT", "the page was still a hit when the banner showed")
    check(misses <= 1, "at most the fragment was fetched again; the page's copy stayed")
    Banner.objects.filter(text=text).delete()  # its receiver purges the fragment again


DRILLS = {
    "throughput": throughput,
    "publish": publish,
    "app-down": app_down,
    "db-restart": db_restart,
    "redis-down": redis_down_drill,
    "backup": backup,
    "edge-headers": edge_headers,
    "front-admin": front_admin,
    "lockout": lockout,
    "banner": banner,
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("drills", nargs="*", metavar="drill", help=", ".join(DRILLS))
    parser.add_argument("--seconds", type=int, default=12)
    args = parser.parse_args()
    if unknown := set(args.drills) - set(DRILLS):
        parser.error(
            f"no such drill: {', '.join(sorted(unknown))} (choose from {', '.join(DRILLS)})"
        )
    load_cluster_env()
    load = os.getloadavg()
    print(f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; load average {load[0]:.1f}")
    for name in args.drills or DRILLS:
        function = DRILLS[name]
        if function.__code__.co_argcount:
            function(args.seconds)
        else:
            function()
    print(f"\n{len(FAILURES)} check(s) failed" + (": " + "; ".join(FAILURES) if FAILURES else ""))
    sys.exit(1 if FAILURES else 0)


if __name__ == "__main__":
    main()
