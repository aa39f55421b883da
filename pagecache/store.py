"""The anonymous page cache and the fragment store, emptied by surrogate key.

Readers who are not logged in share cached copies of public pages; pages and fragments
are kept under the surrogate keys they show (pagecache/keys.py), and `invalidate(keys)`
empties exactly what shows them, so a save empties only what it changed. Staff always get
a fresh page. A page is kept once per value of the query parameters it reads, whatever
else the address carries (`?utm_source=…`, or a made-up parameter meant to force a miss).

How a key empties what shows it: each key has a version in the cache. A stored page or
fragment holds the versions its keys had, and a read compares them with the current ones
in one `get_many`: a key moved since is a miss. `invalidate` gives the keys a new number
from one shared counter, the clock; a page or fragment whose drawing began before a key
it shows moved (the clock read at the start of the request is older than that key's
version) is not stored, so a reader who drew the old content while a change committed
never stores it under the new versions.

No page outlives the deadline the app above registers (`deadline`: for the newsroom,
the next scheduled publication), nor a time the view itself records (`keys.until`: the
front page's next pin to end), so a scheduled story appears on time with no job to
run; the deadline is stored with the entry, so a page served from here states its
remaining lifetime to the edge without a query (pagecache/edge.py).

A cache that does not answer is the backend's business (pagecache/backends.py): reads
miss and writes are lost. An invalidation that could not be written is written as soon
as the cache answers again, and until then nothing is read from it.
"""

import hashlib
import logging
import time
from functools import partial, wraps
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.http import QueryDict
from django.utils.cache import get_max_age
from django.utils.translation import get_language

from . import drawing, edge, keys

logger = logging.getLogger(__name__)

CLOCK = "pagecache:clock"
# However long: an invalidation retires a kept value at once.
KEPT_SECONDS = 60 * 60

# Keys this process could not invalidate (the cache was down): written before the cache is
# read again, so no copy saved before an edit is served once it is back.
_pending: set[str] = set()
_deadline = None


def deadline(function):
    """Register `function()`: the time no entry may outlive (None: no limit)."""
    global _deadline
    _deadline = function
    return function


def next_deadline():
    return _deadline() if _deadline is not None else None


def _version_key(key: str) -> str:
    return f"pagecache:key:{key}"


def _new_number() -> int | None:
    """A number from the shared clock, higher than any before; None while the cache is down."""
    try:
        return cache.incr(CLOCK)
    except ValueError:  # never set, or evicted: start above any number handed out before
        if cache.add(CLOCK, time.time_ns(), None):
            return cache.get(CLOCK)
        return cache.incr(CLOCK)


def forget(names) -> None:
    """Move the version of each key: whatever shows one of them is a miss from now on."""
    names = set(names) | _pending
    number = _new_number()
    failed = (
        cache.set_many({_version_key(name): number for name in names}, None)
        if number is not None
        else names
    )
    if failed:
        _pending.update(names)
        logger.warning("Page cache unavailable: invalidation of %d keys postponed", len(names))
    else:
        _pending.difference_update(names)


def usable() -> bool:
    """Whether the cache may be read: not while it owes an invalidation it could not write."""
    if _pending:
        forget(())
    return not _pending


def _clock(request=None) -> int | None:
    """The clock when drawing began (read once per request); None: store nothing."""
    if request is not None and hasattr(request, "_pagecache_clock"):
        return request._pagecache_clock
    number = cache.get(CLOCK)
    if number is None:
        number = _new_number()
    if request is not None:
        request._pagecache_clock = number
    return number


def _versions(names) -> dict[str, int | None]:
    found = cache.get_many([_version_key(name) for name in names])
    return {name: found.get(_version_key(name)) for name in names}


def _still_current(versions) -> bool:
    return not versions or _versions(versions) == versions


def _store(key, value, names, *, drawn_at, timeout) -> None:
    """Keep `value` under `names`, unless one of them moved after `drawn_at`."""
    if drawn_at is None or not timeout:
        return
    versions = _versions(names)
    if None in versions.values():
        # A key never invalidated (or evicted) gets a version now: an entry never records
        # an absence, which an eviction could bring back after an invalidation.
        for name in names:
            if versions[name] is None:
                cache.add(_version_key(name), drawn_at, None)
        versions = _versions(names)
    if any(version is None or version > drawn_at for version in versions.values()):
        return  # changed while it was drawn (the old content, perhaps), or cache trouble
    cache.set(key, (value, versions), timeout)


def _timeout(seconds, until) -> int:
    return min(seconds, until) if until else seconds


_MISSING = object()


def kept(name, compute, *, shows, still_true=lambda value: True, request=None, part_of_page=False):
    """`compute()`, kept until a key it `shows` is invalidated; computed again when
    `still_true(value)` no longer holds, and every time while the cache cannot be used.

    Only for values that follow from stored content (and the clock, through `still_true`
    or a time in `name`: no deadline applies here): never from the request, which only
    lets the clock be read once per request. Keys recorded while `compute()` runs are
    kept with the value; a value that is `part_of_page` (a fragment) adds its keys to the
    page being drawn, whether it was drawn or found. While one page is drawn
    (`drawing.one_drawing`), each value is looked up or computed once.
    """
    # An edition's values are its own (its language's words, dates and stories).
    key = f"kept:{get_language()}:{name}"
    this_page = drawing.kept_values()
    if this_page is not None and key in this_page:
        value, names = this_page[key]
        if part_of_page:
            keys.record(names)
        return value
    value, names = _kept(key, compute, shows, still_true, request, part_of_page)
    if this_page is not None:
        this_page[key] = (value, names)
    return value


def _kept(key, compute, shows, still_true, request, part_of_page):
    """The value and the keys it shows, found or computed (see `kept`)."""
    if usable():
        entry = cache.get(key, _MISSING)
        if entry is not _MISSING:
            value, versions = entry
            if _still_current(versions) and still_true(value):
                if part_of_page:
                    keys.record(versions)
                return value, set(versions)
    drawn_at = _clock(request) if usable() else None
    with keys.collecting(counts_outside=part_of_page) as names:
        value = compute()
        keys.record(shows)
    _store(key, value, names, drawn_at=drawn_at, timeout=KEPT_SECONDS)
    return value, names


def _page_key(request) -> str:
    """The page's path and the parameters its view reads (see `_show_only`)."""
    address = f"{request.path}?{request.GET.urlencode()}"
    return f"page:{hashlib.sha256(address.encode()).hexdigest()}"


def _show_only(request, names) -> None:
    """Hide from the view every query parameter but `names`, in their order: what it
    draws (its "Show More" links too) cannot depend on the others, so the cache key can
    leave them out. A parameter a view forgets to declare has no effect: a visible bug,
    never a page cached under the wrong key."""
    pairs = [(name, value) for name in sorted(names) for value in request.GET.getlist(name)]
    request.GET = QueryDict(urlencode(pairs))


def _cached_page(request, key):
    """The stored (response, keys, deadline), or None; reads the clock on the way."""
    if not usable():
        return None
    found = cache.get_many([key, CLOCK])
    request._pagecache_clock = found.get(CLOCK) or _clock()
    entry = found.get(key)
    if entry is None:
        return None
    (response, deadline_at), versions = entry
    if not _still_current(versions):
        return None
    return response, set(versions), deadline_at


def public_page(view=None, *, reads=()):
    """Serve anonymous GETs of `view` from the cache; only 200s are stored, and only
    200s are marked cacheable by shared caches, with the keys the view recorded.

    `reads` names the query parameters the view reads: it sees those alone, and they
    alone tell one cached copy from another.
    """
    if view is None:
        return partial(public_page, reads=reads)

    @wraps(view)
    @drawing.drawn_once
    def wrapped(request, *args, **kwargs):
        _show_only(request, reads)
        if request.method not in ("GET", "HEAD") or request.user.is_authenticated:
            response = view(request, *args, **kwargs)
            edge.make_private(response)
            return response
        key = _page_key(request)
        cached = _cached_page(request, key)
        if cached is not None:
            response, names, deadline_at = cached
        else:
            drawn_at = getattr(request, "_pagecache_clock", None)
            with keys.collecting() as names, keys.collecting_ends() as ends:
                response = view(request, *args, **kwargs)
            if response.status_code != 200 or response.streaming:
                return response
            if hasattr(response, "render"):
                response.render()
            deadline_at = min(filter(None, [next_deadline(), *ends]), default=None)
            timeout = _timeout(settings.PAGE_CACHE_SECONDS, edge.seconds_until(deadline_at))
            _store(key, (response, deadline_at), names, drawn_at=drawn_at, timeout=timeout)
        # A view may ask browsers to come back sooner (a live page's polls): kept.
        asked = get_max_age(response)
        del response["Cache-Control"]
        edge.make_shared(response, names, deadline=deadline_at, browser_max_age=asked)
        return response

    return wrapped


def edge_page(*names: str, until_deadline=True):
    """Shared-cacheable for anonymous readers, but not kept in this cache: pages with too
    many variants to store here (search) or that cost nothing to build (robots.txt).

    A page kept `until_deadline` asks for the deadline (one query at most).
    """

    def decorator(view):
        @wraps(view)
        @drawing.drawn_once
        def wrapped(request, *args, **kwargs):
            with keys.collecting() as collected:
                response = view(request, *args, **kwargs)
            anonymous = not request.user.is_authenticated
            if anonymous and request.method in ("GET", "HEAD") and response.status_code == 200:
                deadline_at = next_deadline() if until_deadline else None
                edge.make_shared(response, {*names, *collected}, deadline=deadline_at)
            else:
                edge.make_private(response)
            return response

        return wrapped

    return decorator
