"""The desk benchmark, run by hand (never in the test suite): every desk page, at scale.

    .venv/bin/python bench/desk.py [--size 100000] [--repeat 7] [--reuse]
        [--database-url postgres://…/name]

It makes a PostgreSQL database `bench_desk_<size>` (DATABASE_SERVER, default
postgres://postgres@127.0.0.1:5432), filled by `manage.py generate_articles --count
<size>`, or uses `--database-url` (`--reuse` keeps the stories already there). Then it
gives the archive what a working desk has and the generator does not make: a share of
drafts and stories in review, and live stories with entries. Signed in as an Editor (in
process, with Django's test client: no server, no network), it asks for each desk page
once to warm it, then `--repeat` times, and prints for each: the median and worst wall
time, the median CPU time of this process (the page's Python, without the database's
work or the wait for a shared CPU), the median time in SQL, and the queries it made.
"""

import argparse
import os
import random
import statistics
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DRAFT_SHARE = 0.01  # of the stories: drafts (no time yet)
REVIEW_SHARE = 0.002
LIVE_STORIES = 20
ENTRIES_PER_STORY = 2500
EDITOR = "bench-desk-editor"


def environment(database_url):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "DATABASE_URL": database_url,
        "DEBUG": "false",
        "SECRET_KEY": "benchmark-only-not-a-secret",
        "ALLOWED_HOSTS": "testserver",
        "SECURE_SSL_REDIRECT": "false",
        "MEDIA_ROOT": str(ROOT / "bench" / "results" / "desk-media"),
        "LOG_LEVEL": "WARNING",
    }


def manage(env, *args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def prepare(database_url, size, reuse):
    env = environment(database_url)
    server, name = database_url.rsplit("/", 1)
    count = subprocess.run(
        ["psql", database_url, "-qAtc", "select count(*) from articles_article"],
        capture_output=True,
        text=True,
        check=False,
    )
    if reuse and count.returncode == 0 and int(count.stdout.strip() or 0) >= size:
        print(f"reusing {name} ({int(count.stdout):,} stories)")
        manage(env, "migrate", "--noinput", "-v0")
        return
    for sql in (f"DROP DATABASE IF EXISTS {name}", f"CREATE DATABASE {name}"):
        subprocess.run(["psql", f"{server}/postgres", "-qAtc", sql], check=True)
    manage(env, "migrate", "--noinput", "-v0")
    started = time.monotonic()
    manage(env, "generate_articles", "--count", str(size))
    print(f"generated {size:,} stories in {time.monotonic() - started:.0f} s")


def setup_django(database_url):
    os.environ.update(environment(database_url))
    import django

    django.setup()
    from django.conf import settings
    from django.test.utils import override_settings

    # Pages rendered in process, with no collectstatic before: static URLs unhashed.
    plain = "django.contrib.staticfiles.storage.StaticFilesStorage"
    override_settings(STORAGES={**settings.STORAGES, "staticfiles": {"BACKEND": plain}}).enable()


def add_desk_work(size):
    """Drafts, stories in review and live stories with entries, once per database."""
    from django.db import transaction

    from articles.models import Article, Authorship, LiveEntry

    rng = random.Random(19)
    with transaction.atomic():
        if not Article.objects.exclude(status=Article.Status.PUBLISHED).exists():
            ids = list(Article.objects.values_list("pk", flat=True))
            chosen = rng.sample(ids, int(size * (DRAFT_SHARE + REVIEW_SHARE)))
            drafts = chosen[: int(size * DRAFT_SHARE)]
            review = chosen[len(drafts) :]
            changes = ((Article.Status.DRAFT, drafts), (Article.Status.REVIEW, review))
            for status, stories in changes:
                Article.objects.filter(pk__in=stories).update(status=status, published_at=None)
                Authorship.objects.filter(article_id__in=stories).update(published_at=None)
            print(f"made {len(drafts):,} drafts and {len(review):,} stories in review")
        if not LiveEntry.objects.exists():
            stories = Article.objects.published().order_by("-published_at")[:LIVE_STORIES]
            entries = list(_entries(rng, list(stories.values_list("pk", flat=True))))
            LiveEntry.objects.bulk_create(entries, batch_size=5000)
            print(f"made {len(entries):,} entries on {LIVE_STORIES} live stories")


def _entries(rng, stories):
    from django.utils import timezone

    from articles.models import LiveEntry
    from articles.story_generator import StoryWriter

    writer, now = StoryWriter(19), timezone.now()
    for story in stories:
        for number in range(ENTRIES_PER_STORY):
            text, _ = writer.paragraph(rng.randint(20, 80))
            yield LiveEntry(
                article_id=story,
                headline=writer.title() if number % 10 == 0 else "",
                body=text,
                body_html=f"<p>{text}</p>",
                status=LiveEntry.Status.PUBLISHED,
                published_at=now - timedelta(minutes=ENTRIES_PER_STORY - number),
            )


def editor_client():
    from django.contrib.auth.models import Group, User
    from django.test import Client

    from articles.roles import EDITOR as EDITOR_ROLE
    from articles.tests.factories import sign_in

    user, _ = User.objects.get_or_create(username=EDITOR, defaults={"is_staff": True})
    user.groups.add(Group.objects.get(name=EDITOR_ROLE))
    return sign_in(Client(), user)


def desk_pages():
    from django.urls import reverse
    from taggit.models import Tag

    from articles.models import Article

    stories = reverse("admin:articles_article_changelist")
    entries = reverse("admin:articles_liveentry_changelist")
    tag = Tag.objects.order_by("pk").first()
    newest = Article.objects.order_by("-pk").values_list("pk", flat=True).first()
    return {
        "desk home": reverse("admin:index"),
        "story list": stories,
        "story list, page 50": f"{stories}?p=50",
        'story list searched "harbour"': f"{stories}?q=harbour",
        'story list searched "harbour inquiry"': f"{stories}?q=harbour+inquiry",
        "story list, drafts": f"{stories}?status=draft",
        "story list, published (public)": f"{stories}?status=live",
        f"story list, tag {tag.name}": f"{stories}?tags__id__exact={tag.pk}",
        "story list, drafts searched": f"{stories}?status=draft&q=harbour",
        "story list, oldest first": f"{stories}?o=4",
        "change form": reverse("admin:articles_article_change", args=[newest]),
        "live entries list": entries,
        'live entries searched "harbour"': f"{entries}?q=harbour",
        'live entries searched "harbour inquiry"': f"{entries}?q=harbour+inquiry",
    }


def measure(client, url, repeat):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    response = client.get(url)  # warm: the first request pays for imports and templates
    assert response.status_code == 200, (url, response.status_code)
    times, cpu, sql = [], [], []
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as queries:
            started, started_cpu = time.perf_counter(), time.process_time()
            response = client.get(url)
            times.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        sql.append(sum(float(query["time"]) for query in queries.captured_queries) * 1000)
    median = statistics.median
    return median(times), max(times), median(cpu), median(sql), len(queries)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--reuse", action="store_true")
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()
    server = os.environ.get("DATABASE_SERVER", "postgres://postgres@127.0.0.1:5432")
    database_url = args.database_url or f"{server}/bench_desk_{args.size}"
    prepare(database_url, args.size, args.reuse)
    setup_django(database_url)
    add_desk_work(args.size)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    client = editor_client()
    print(f"{'page':40} {'median ms':>9} {'max ms':>7} {'cpu ms':>7} {'sql ms':>7} {'queries':>7}")
    for name, url in desk_pages().items():
        median, worst, cpu, sql, queries = measure(client, url, args.repeat)
        print(f"{name:40} {median:9.1f} {worst:7.1f} {cpu:7.1f} {sql:7.1f} {queries:7}")


if __name__ == "__main__":
    main()
