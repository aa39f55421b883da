"""Page views, counted first-party, and the "Most read" lists made from them.

A story's page sends one beacon (static/js/beacon.js, `navigator.sendBeacon`) to our own
endpoint; the endpoint keeps no cookie, no address, no user agent: only "story 12 was
read in this hour". Each app process adds its beacons up in memory and writes the sums
once a second (`FLUSH_SECONDS`) in one upsert, so the beacon costs no query of its own and
needs no Redis: the embedded SQLite default counts as PostgreSQL does. A process that
dies loses at most its last second of counts, which a "Most read" list can afford.

The lists (the last 24 hours, site-wide and per tag) are read from the hourly counts when
a page is drawn, and kept under the key `most-read`; `refresh()` empties that key at
least every `REFRESH_SECONDS`, so pages showing a list are drawn afresh with new counts.
The task queue's workers run it every five minutes (frontpage/tasks.py, registered with
`jobs.periodic`); where no worker runs, the beacon itself runs it (the first flush after
the period, in whichever process: `cache.add` lets one win).
"""

import heapq
import threading
import time
from collections import Counter
from datetime import timedelta

from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import Sum
from django.utils import timezone

import pagecache
from articles.models import Article

from .models import StoryViews

KEY = "most-read"  # the surrogate key of every "Most read" list
WINDOW = timedelta(hours=24)
REFRESH_PERIOD = timedelta(minutes=5)
REFRESH_SECONDS = int(REFRESH_PERIOD.total_seconds())
FLUSH_SECONDS = 1.0
FLUSH_AT = 5000  # distinct stories waiting: flush at once however recent the last one

_pending: Counter = Counter()
_lock = threading.Lock()
_last_flush = time.monotonic()


def count(article_id: int) -> None:
    """One view of the story `article_id` (any number: unknown ids are dropped later)."""
    global _last_flush
    with _lock:
        _pending[article_id] += 1
        due = time.monotonic() - _last_flush >= FLUSH_SECONDS or len(_pending) >= FLUSH_AT
        if not due:
            return
        batch = dict(_pending)
        _pending.clear()
        _last_flush = time.monotonic()
    flush(batch)
    refresh_if_due()


_UPSERT = (
    "INSERT INTO frontpage_storyviews (article_id, hour, count) VALUES {rows} "
    "ON CONFLICT (hour, article_id) DO UPDATE "
    "SET count = frontpage_storyviews.count + excluded.count"
)


def flush(batch: dict[int, int] | None = None) -> None:
    """Add `batch` (this process's waiting counts, by default) to this hour's rows."""
    global _last_flush
    if batch is None:
        with _lock:
            batch = dict(_pending)
            _pending.clear()
            _last_flush = time.monotonic()
    if not batch:
        return
    # Only public stories are counted: a made-up id in a beacon writes nothing.
    known = Article.objects.published().filter(pk__in=batch).values_list("pk", flat=True)
    hour = timezone.now().replace(minute=0, second=0, microsecond=0)
    rows = [(pk, hour, batch[pk]) for pk in known]
    if not rows:
        return
    sql = _UPSERT.format(rows=", ".join(["(%s, %s, %s)"] * len(rows)))
    params = [value for row in sorted(rows) for value in row]
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, params)


_REFRESHED = "most-read:refreshed"


def refresh_if_due() -> bool:
    """Refresh the lists if nothing did in the last `REFRESH_SECONDS` (the periodic task,
    or a process's beacon): with no worker running, readers' beacons keep them fresh."""
    if cache.add(_REFRESHED, True, REFRESH_SECONDS):
        prune()
        refresh()
        return True
    return False


def refresh_now() -> None:
    """The periodic task's refresh (frontpage/tasks.py); beacons then wait a period."""
    cache.set(_REFRESHED, True, REFRESH_SECONDS)
    prune()
    refresh()


def refresh() -> None:
    """Let every "Most read" list be drawn again from the counts (soft at the edge: the
    lists are a few minutes old anyway)."""
    pagecache.invalidate(soft=[KEY])


def top(*, tag_id=None, limit=5, language=None) -> list[tuple[int, str, str]]:
    """(id, headline, slug) of the most read public stories of the last 24 hours (of a
    tag) in `language`'s edition (the one being drawn by default), most read first, in
    one query. The few hundred sums are ranked here, not by the database: no sort runs
    over the table, and no index is needed for one."""
    since = timezone.now() - WINDOW
    public = Article.objects.published().in_edition(language)
    rows = StoryViews.objects.filter(hour__gte=since, article__in=public)
    if tag_id is not None:
        rows = rows.filter(article__tags=tag_id)
    sums = rows.values_list("article_id", "article__title", "article__slug").annotate(
        views=Sum("count")
    )
    ranked = heapq.nlargest(limit, sums.order_by(), key=lambda row: (row[3], row[0]))
    return [(pk, title, slug) for pk, title, slug, _ in ranked]


def prune(*, before=None) -> int:
    """Delete counts older than the window (they are never read again)."""
    before = before or timezone.now() - WINDOW - timedelta(hours=1)
    deleted, _ = StoryViews.objects.filter(hour__lt=before).delete()
    return deleted
