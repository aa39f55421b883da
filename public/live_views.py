"""Live pages: a story told in entries, the "entries after X" its script asks for, and each
entry's own page.

A story with live coverage is served at its usual address by `live_page`, which
`views.article_detail` hands it to; everything here sits behind the page cache, which
every entry's save empties (public/invalidation.py), so the next request shows a new entry.
"""

from datetime import UTC, datetime

from django.conf import settings
from django.db.models import Prefetch, prefetch_related_objects
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control

from articles.models import Article, LiveEntry, LiveEntryAuthorship
from pagecache import public_page
from pagecache.keys import record

from . import freshness
from .listing import FRAGMENT_PARAM, LIST_PARAMS, next_page_url
from .pagination import Cursor, InvalidCursor, cursor_from_request, paginate

PER_PAGE = 20
KEY_EVENTS_SHOWN = 10
# More new entries than this at once (a tab left for hours): the page offers a reload.
NEW_ENTRIES_MAX = 30
# How long a browser or proxy may keep a live page or an answer about new entries; the
# page cache itself is emptied by every save.
LIVE_MAX_AGE = 10
SINCE_PARAM = "since"
ORDER_PARAM = "order"
OLDEST_FIRST = "oldest"
# The query parameters a live page reads (its story's `public_page(reads=…)`).
LIVE_PAGE_PARAMS = (*LIST_PARAMS, ORDER_PARAM)
# "Nothing shown yet": before any entry.
START = Cursor(published_at=datetime(1970, 1, 1, tzinfo=UTC), pk=0)


def _with_bylines(entries):
    prefetch_related_objects(
        entries,
        Prefetch("authorships", queryset=LiveEntryAuthorship.objects.select_related("author")),
    )


def _cursor_of(entry):
    return Cursor(published_at=entry.published_at, pk=entry.pk)


def live_page(request, article):
    """The page of `article` (fetched with for_page()), which has live coverage.

    The first page: key events, the pinned entry and the newest entries, and while
    coverage runs, what live.js needs to offer new ones. "Show More" pages back through
    older entries; once coverage has ended, a reader may read them oldest first.
    """
    try:
        cursor = cursor_from_request(request)
    except InvalidCursor:
        return render(request, "invalid_cursor.html", {"first_page_url": request.path}, status=400)
    oldest_first = not article.is_live and request.GET.get(ORDER_PARAM) == OLDEST_FIRST
    # Each entry's library photo comes in the same query (its alt text, caption, credit).
    with_photos = article.live_entries.select_related("photo")
    entries = article.live_entries.published()
    page = paginate(
        with_photos,
        visible=LiveEntry.objects.published(),
        cursor=cursor,
        per_page=PER_PAGE,
        oldest_first=oldest_first,
    )
    context = {
        "article": article,
        "page": page,
        "next_url": next_page_url(page, request.path, request.GET),
    }
    if request.GET.get(FRAGMENT_PARAM) == "1":
        _with_bylines(page.items)
        return _cached_briefly(
            render(request, "articles/includes/live_entries_fragment.html", context)
        )

    pinned = key_events = None
    if page.is_first:
        pinned = entries.select_related("photo").filter(is_pinned=True).first()
        key_events = list(entries.key_events().newest_first()[:KEY_EVENTS_SHOWN])
        shown = {entry.pk for entry in page.items}
        for event in key_events:  # in the page: a jump; older: its own page
            event.href = f"#{event.anchor}" if event.pk in shown else event.get_absolute_url()
    _with_bylines([*page.items, *filter(None, [pinned])])
    polling = article.is_live and page.is_first
    context.update(
        pinned=pinned,
        key_events=key_events,
        polling=polling,
        oldest_first=oldest_first,
        live_page=True,
        # The updates JSON-LD names: those on this page.
        live_updates=page.items,
    )
    if polling:
        newest = page.items[0] if page.items else None
        context.update(
            since=(_cursor_of(newest) if newest else START).encode(),
            poll_seconds=settings.LIVE_POLL_SECONDS,
        )
    return _cached_briefly(render(request, "articles/live_detail.html", context))


@public_page(reads=(SINCE_PARAM,))
def new_entries(request, slug):
    """Entries published after `?since=<cursor>`, newest first, as HTML for live.js.

    Small and cacheable: every reader whose page shows the same newest entry asks the
    same address, and the answer costs the same however long the story runs.
    """
    article = get_object_or_404(
        Article.objects.published()
        .filter(coverage_started_at__isnull=False)
        .only(
            "slug", "language", "status", "published_at", "coverage_started_at", "coverage_ended_at"
        ),
        slug=slug,
    )
    record(freshness.article(article.pk))
    try:
        since = Cursor.decode(request.GET.get(SINCE_PARAM, ""))
    except InvalidCursor:
        return JsonResponse(
            {"error": "Name the newest entry the page shows: ?since=<its cursor>."}, status=400
        )
    rows = list(
        article.live_entries.published()
        .select_related("photo")
        .newer_than(published_at=since.published_at, pk=since.pk)
        .newest_first()[: NEW_ENTRIES_MAX + 1]
    )
    entries = rows[:NEW_ENTRIES_MAX]
    _with_bylines(entries)
    html = render_to_string(
        "articles/includes/live_entries.html", {"entries": entries}, request=request
    )
    data = {
        "count": len(entries),
        "more": len(rows) > NEW_ENTRIES_MAX,
        "since": (_cursor_of(entries[0]) if entries else since).encode(),
        "live": article.is_live,
        "html": html.strip(),
    }
    return _cached_briefly(JsonResponse(data))


@public_page
def entry_detail(request, slug, pk):
    """One entry on a page of its own, to share: its own title, description and card."""
    entry = get_object_or_404(
        LiveEntry.objects.published()
        .filter(article__in=Article.objects.published())
        .select_related("article__primary_tag", "article__lead_photo", "photo")
        .with_byline(),
        pk=pk,
    )
    if entry.article.slug != slug:  # the story's address changed: follow it
        return redirect(entry, permanent=True)
    story = entry.article  # its kicker and title: no byline
    record(freshness.SIDEBAR, freshness.article(story.pk), freshness.tag(story.primary_tag_id))
    return render(
        request, "articles/live_entry_detail.html", {"entry": entry, "article": entry.article}
    )


def _cached_briefly(response):
    # public_page keeps the smaller of this and its own max-age.
    patch_cache_control(response, max_age=LIVE_MAX_AGE)
    return response
