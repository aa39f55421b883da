"""What a shared cache (a CDN, Varnish) may do with each response.

An anonymous public page tells two audiences different things. The edge cache in front
of the site, which we purge (Varnish, or a CDN that reads it), gets its lifetimes in
`Surrogate-Control`: how long it may keep the page (`max-age`), serve it stale while it
fetches a new copy (`stale-while-revalidate`) or while the site is failing
(`stale-if-error`). No fresh or background-refreshed lifetime outlives the deadline
(pagecache/store.py: the next scheduled publication), so a scheduled story appears on
time at the edge too; those numbers therefore count down to it, and the edge removes
the header before answering (deploy/varnish/default.vcl). Readers, and any cache that
does not read
`Surrogate-Control`, see only `Cache-Control`, whose numbers are the same whatever is
scheduled. Everything else is private: staff, previews, the admin, errors, and any
response that sets a cookie (`EdgeCacheMiddleware` makes sure).
"""

from datetime import datetime

from django.conf import settings
from django.middleware.http import ConditionalGetMiddleware as DjangoConditionalGetMiddleware
from django.utils import timezone
from django.utils.cache import get_max_age, patch_cache_control

from . import keys

# What browsers and caches that ignore Surrogate-Control may keep a page for: a fixed
# number, so it tells nothing of the schedule, and short, since no purge reaches them
# (an edit or a scheduled story shows there within it).
PUBLIC_SECONDS = 60
SURROGATE_CONTROL = "Surrogate-Control"
_SHARED_DIRECTIVES = ("public", "s-maxage", "stale-while-revalidate", "stale-if-error")


def seconds_until(moment: datetime | None) -> int | None:
    """Whole seconds until `moment`, at least 1 (0 would mean "no limit"); None for none."""
    if moment is None:
        return None
    return max(1, int((moment - timezone.now()).total_seconds()) + 1)


def edge_lifetimes(until_deadline: int | None) -> dict[str, int]:
    """Surrogate-Control numbers for a page that may change at the deadline (when the next
    story goes out).

    Fresh time plus stale-while-revalidate time never pass it; a page served stale
    because the site is failing may (stale-if-error): better than an error.
    """
    shared, revalidate = _within(
        until_deadline, settings.EDGE_CACHE_SECONDS, settings.EDGE_STALE_WHILE_REVALIDATE
    )
    return {
        "max-age": shared,
        "stale-while-revalidate": revalidate,
        "stale-if-error": settings.EDGE_STALE_IF_ERROR,
    }


def _within(budget: int | None, fresh: int, revalidate: int) -> tuple[int, int]:
    """Fresh and stale-while-revalidate seconds that together never pass `budget`."""
    if budget is None:
        return fresh, revalidate
    fresh = min(fresh, budget)
    return fresh, min(revalidate, budget - fresh)


def make_shared(
    response, names, *, deadline: datetime | None, browser_max_age: int | None = None
) -> None:
    """Mark an anonymous public response cacheable by shared caches, with its keys.

    `browser_max_age` shortens (never lengthens) how long browsers and other caches keep it.
    """
    public = PUBLIC_SECONDS if browser_max_age is None else min(PUBLIC_SECONDS, browser_max_age)
    patch_cache_control(
        response, public=True, max_age=public, stale_if_error=settings.EDGE_STALE_IF_ERROR
    )
    if settings.EDGE_SURROGATE_CONTROL:
        times = edge_lifetimes(seconds_until(deadline))
        response[SURROGATE_CONTROL] = ", ".join(f"{name}={value}" for name, value in times.items())
    value = keys.header_value(names)
    for header in keys.HEADERS:
        response[header] = value


def keep_no_longer_than(response, moment: datetime | None) -> None:
    """Shorten a shared response's lifetimes so no fresh or background-refreshed one
    outlives `moment`: what changes then by the clock alone, with no purge to say so (a
    banner that ends by itself, filled into a page for a cache that does no ESI)."""
    until = seconds_until(moment)
    if until is None or "public" not in response.get("Cache-Control", ""):
        return
    browsers = get_max_age(response)
    if browsers is None or until < browsers:
        patch_cache_control(response, max_age=until)
    if SURROGATE_CONTROL not in response:
        return
    times = {}
    for directive in response[SURROGATE_CONTROL].split(","):
        name, _, value = directive.strip().partition("=")
        times[name] = value
    fresh, revalidate = _within(
        until, int(times.get("max-age") or until), int(times.get("stale-while-revalidate") or 0)
    )
    times["max-age"], times["stale-while-revalidate"] = str(fresh), str(revalidate)
    response[SURROGATE_CONTROL] = ", ".join(
        f"{name}={value}" if value else name for name, value in times.items()
    )


def is_shared(response) -> bool:
    return keys.HEADERS[0] in response


def make_private(response) -> None:
    """Never stored by a shared cache: no keys, no shared directives, `private`."""
    for header in (*keys.HEADERS, SURROGATE_CONTROL):
        del response[header]
    directives = [
        directive.strip()
        for directive in response.get("Cache-Control", "").split(",")
        if directive.strip() and directive.split("=")[0].strip().lower() not in _SHARED_DIRECTIVES
    ]
    if not any(d.lower() in ("private", "no-store") for d in directives):
        directives.insert(0, "private")
    response["Cache-Control"] = ", ".join(directives)


def _is_authenticated(request) -> bool:
    user = getattr(request, "user", None)
    return user is not None and user.is_authenticated


class EdgeCacheMiddleware:
    """The last word on shared caching, outside the session and CSRF middleware.

    A response is shared-cacheable only if a public view made it so, for an anonymous
    reader, and it sets no cookie; anything else is made private, so a shared cache never
    keeps a staff page, an error, or a response with someone's cookie in it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        shared = is_shared(response) and not (_is_authenticated(request) or response.cookies)
        if not shared:
            make_private(response)
        else:
            _vary_on_nothing_readers_hold(response)
        return response


def _vary_on_nothing_readers_hold(response) -> None:
    """A shared page is the same whatever cookies come with it (a signed-in reader's
    included): the session middleware's `Vary: Cookie` would only split the edge's copy
    into one per cookie jar. Staff never get a shared page, so nothing varies."""
    kept = [v.strip() for v in response.get("Vary", "").split(",") if v.strip()]
    kept = [v for v in kept if v.lower() != "cookie"]
    if kept:
        response["Vary"] = ", ".join(kept)
    elif "Vary" in response:
        del response["Vary"]


class ConditionalGetMiddleware(DjangoConditionalGetMiddleware):
    """Django's, with a 304 that keeps the edge's headers of the page it stands for.

    Varnish revalidates an expired copy with If-None-Match and merges the 304's headers
    into it: without its keys the 304 would be made private here (and the copy with it),
    and without the current Surrogate-Control the copy would keep its old lifetime past
    a story scheduled since.
    """

    def process_response(self, request, response):
        answer = super().process_response(request, response)
        if answer is not response and answer.status_code == 304:
            for header in (*keys.HEADERS, SURROGATE_CONTROL):
                if header in response:
                    answer[header] = response[header]
        return answer
