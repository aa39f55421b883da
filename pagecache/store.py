"""The anonymous page cache, and the edge-cache headers of every public page.

Readers who are not logged in share cached copies of public pages. Any save of what a
page shows bumps a generation number that is part of every key, so edits appear at once;
an entry never outlives the next scheduled publication, so a scheduled story appears on
time with no job to run. Staff always get a fresh page. A page is kept once per value of
the query parameters it reads, whatever else the address carries (`?utm_source=…`, or a
made-up parameter meant to force a miss).

Each anonymous page also tells shared caches in front of the site how long they may keep
it and what it shows (public/edge.py, public/surrogate_keys.py); the time of the next
scheduled publication is stored with the entry, so a page served from this cache states
its remaining lifetime without a query.

The cache is a speed-up, never a dependency: when it fails (Redis stopped), pages are
built afresh and the failure is logged; an invalidation that could not be written is
written as soon as the cache answers again.
"""

import contextlib
import hashlib
import logging
from datetime import datetime
from functools import partial, wraps
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.base import CacheKeyWarning
from django.http import QueryDict
from django.utils import timezone
from django.utils.cache import get_max_age

from articles.models import Article

from . import edge, surrogate_keys

logger = logging.getLogger(__name__)

GENERATION_KEY = "public-pages:generation"
# However long: any save retires every value kept under the generation number at once.
KEPT_SECONDS = 60 * 60

# An invalidation this process could not write (the cache was down): retried before the
# cache is read again, so no copy saved before an edit is served once it is back.
_invalidation_pending = False


def generation() -> int:
    return cache.get_or_set(GENERATION_KEY, 1, timeout=None)


def invalidate_public_pages() -> None:
    global _invalidation_pending
    try:
        try:
            cache.incr(GENERATION_KEY)
        except ValueError:  # evicted or never set: any new number will do
            cache.set(GENERATION_KEY, int(timezone.now().timestamp() * 1000), timeout=None)
    except Exception:  # any backend's connection error: the save itself must not fail
        _invalidation_pending = True
        logger.warning("Page cache unavailable: invalidation postponed", exc_info=True)
    else:
        _invalidation_pending = False


def next_publication() -> datetime | None:
    """When the next scheduled story goes live (None: nothing is scheduled).

    Every public page asks, so the answer is kept until the next save, or until that
    time comes (then the one after it is looked up).
    """
    return kept_until_saved(
        "next-publication",
        lambda: (
            Article.objects.scheduled()
            .order_by("published_at")
            .values_list("published_at", flat=True)
            .first()
        ),
        still_true=lambda at: at is None or at > timezone.now(),
    )


_MISSING = object()


def kept_until_saved(name, compute, *, still_true=lambda value: True, request=None):
    """`compute()`, kept in the cache under the generation number, so until the next save
    of anything public; computed again when `still_true(value)` no longer holds, and
    every time while the cache cannot be used. Only for values that follow from stored
    content (and the clock, through `still_true`): never from the request, which only
    lets the generation number be read once per request (`request_generation`).
    """
    generation = request_generation(request)
    if generation is None:  # the cache is down, or may hold what a save replaced
        return compute()
    key = f"kept:{name}:{generation}"
    try:
        value = cache.get(key, _MISSING)
    except CacheKeyWarning:  # a key a cache would refuse (an error in the tests): a bug
        raise
    except Exception:
        return compute()
    if value is _MISSING or not still_true(value):
        value = compute()
        with contextlib.suppress(Exception):  # a cache that stops answering: no matter
            cache.set(key, value, KEPT_SECONDS)
    return value


def seconds_until_next_publication(default: int) -> int:
    until = edge.seconds_until(next_publication())
    return default if until is None else min(default, until)


def _key(request) -> str:
    """The page's path and the parameters its view reads (see `_show_only`)."""
    address = f"{request.path}?{request.GET.urlencode()}"
    digest = hashlib.sha256(address.encode()).hexdigest()
    return f"public-page:{generation()}:{digest}"


def _show_only(request, names) -> None:
    """Hide from the view every query parameter but `names`, in their order: what it
    draws (its "Show More" links too) cannot depend on the others, so the cache key can
    leave them out. A parameter a view forgets to declare has no effect: a visible bug,
    never a page cached under the wrong key."""
    pairs = [(name, value) for name in sorted(names) for value in request.GET.getlist(name)]
    request.GET = QueryDict(urlencode(pairs))


def _cached(request):
    """(key, entry) for the request, or (None, None) when the cache cannot be used."""
    if _invalidation_pending:
        invalidate_public_pages()
        if _invalidation_pending:
            return None, None
    try:
        key = _key(request)
        return key, cache.get(key)
    except Exception:
        logger.warning("Page cache unavailable: serving %s uncached", request.path)
        return None, None


def usable_generation() -> int | None:
    """The generation, or None while the cache does not answer or owes an invalidation
    (a save made while it was down): then nothing may be read from it."""
    if _invalidation_pending:
        invalidate_public_pages()
        if _invalidation_pending:
            return None
    try:
        return generation()
    except Exception:
        logger.warning("Page cache unavailable: drawing fragments afresh")
        return None


def request_generation(request) -> int | None:
    """`usable_generation()`, read once per request however many fragments it draws."""
    if request is None:
        return usable_generation()
    if not hasattr(request, "_public_generation"):
        request._public_generation = usable_generation()
    return request._public_generation


def _store(key, entry, timeout) -> None:
    try:
        cache.set(key, entry, timeout)
    except Exception:
        logger.warning("Page cache unavailable: not storing a page")


def public_page(view=None, *, reads=()):
    """Serve anonymous GETs of `view` from the cache; only 200s are stored, and only
    200s are marked cacheable by shared caches, with the keys the view recorded.

    `reads` names the query parameters the view reads: it sees those alone, and they
    alone tell one cached copy from another.
    """
    if view is None:
        return partial(public_page, reads=reads)

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        _show_only(request, reads)
        if request.method not in ("GET", "HEAD") or request.user.is_authenticated:
            response = view(request, *args, **kwargs)
            edge.make_private(response)
            return response
        key, entry = _cached(request)
        if entry is not None:
            response, keys, next_time = entry
        else:
            with surrogate_keys.collecting() as keys:
                response = view(request, *args, **kwargs)
            if response.status_code != 200 or response.streaming:
                return response
            if hasattr(response, "render"):
                response.render()
            next_time = next_publication()
            if key is not None:
                timeout = settings.PAGE_CACHE_SECONDS
                until = edge.seconds_until(next_time)
                _store(key, (response, keys, next_time), min(timeout, until or timeout))
        # A view may ask browsers to come back sooner (a live page's polls): kept.
        asked = get_max_age(response)
        del response["Cache-Control"]
        edge.make_shared(response, keys, next_publication=next_time, browser_max_age=asked)
        return response

    return wrapped


def edge_page(*keys: str, shows_articles=True):
    """Shared-cacheable for anonymous readers, but not kept in this cache: pages with too
    many variants to store here (search) or that cost nothing to build (robots.txt).

    A page that `shows_articles` costs one query more, for the next scheduled publication.
    """

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            with surrogate_keys.collecting() as collected:
                response = view(request, *args, **kwargs)
            anonymous = not request.user.is_authenticated
            if anonymous and request.method in ("GET", "HEAD") and response.status_code == 200:
                next_time = next_publication() if shows_articles else None
                edge.make_shared(response, {*keys, *collected}, next_publication=next_time)
            else:
                edge.make_private(response)
            return response

        return wrapped

    return decorator
