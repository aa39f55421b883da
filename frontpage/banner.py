"""The breaking-news banner on every public page, without making any page uncacheable.

Pages carry a placeholder (`MARKER`, in base.html) and are cached with it, under their
own keys only. On the way out, `BannerMiddleware` fills it:

- for an edge cache that does ESI (the request says `Surrogate-Capability: …ESI/1.0`,
  as deploy/varnish/default.vcl sends), with `<esi:include src="/banner/">`: the edge
  keeps the page and the fragment apart, and a change to the banner purges the fragment
  alone (key `banner`, softly), so the pages stay hits;
- for anyone else, with the banner itself, read from the cache (`current_html`: one
  query when the cache lost it), and neither browsers nor an edge cache without ESI
  keep that page past the banner's end (or a scheduled banner's start).

Whether a banner is up is decided when it is read: it goes by itself at `shown_until`.
"""

from datetime import datetime

from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language

from articles.models.visibility import is_public
from links import address
from pagecache import kept
from pagecache.edge import keep_no_longer_than
from pagecache.keys import HEADERS

from .models import Banner

BANNER = "banner"  # the surrogate key of the banner, wherever it is shown
MARKER = b"<!--newsroom:banner-->"
ESI_INCLUDE = '<esi:include src="{}"/>'  # the edition's own banner (public/urls.py)
# What a banner shows, and of its story what the link needs: whether it is public, and
# its address.
SHOWN_FIELDS = (
    *("text", "is_live", "shown_from", "shown_until"),
    *("article__status", "article__published_at", "article__language", "article__slug"),
)


def _state() -> tuple[str, datetime | None]:
    """The banner's HTML now ("" for none), and when that changes by the clock alone."""
    now = timezone.now()
    candidates = list(
        Banner.objects.filter(language=get_language(), shown_from__isnull=False)
        .filter(Q(shown_until__isnull=True) | Q(shown_until__gt=now))
        .select_related("article")
        .only(*SHOWN_FIELDS)
        .order_by("-shown_from", "-pk")[:20]
    )
    up = [banner for banner in candidates if banner.shown_from <= now]
    changes = [banner.shown_from for banner in candidates if banner.shown_from > now]
    banner = up[0] if up else None
    if banner is None:
        return "", min(changes, default=None)
    if banner.shown_until is not None:
        changes.append(banner.shown_until)
    story = banner.article
    link = story if story is not None and is_public(story.status, story.published_at) else None
    html = render_to_string("frontpage/banner.html", {"banner": banner, "link": link})
    return html.strip(), min(changes, default=None)


def current() -> tuple[str, datetime | None]:
    return kept(
        "banner",
        _state,
        shows=[BANNER],
        still_true=lambda state: state[1] is None or state[1] > timezone.now(),
    )


def wants_esi(request) -> bool:
    return "ESI/1.0" in request.headers.get("Surrogate-Capability", "")


class BannerMiddleware:
    """Fill the banner's placeholder in HTML pages (see the module's docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.streaming
            or not response.get("Content-Type", "").startswith("text/html")
            or MARKER not in response.content
        ):
            return response
        if wants_esi(request) and "Surrogate-Control" in response:  # shared, for the edge
            include = ESI_INCLUDE.format(address("banner")).encode()
            response.content = response.content.replace(MARKER, include, 1)
            response["Surrogate-Control"] += ', content="ESI/1.0"'
            if "Content-Length" in response:
                response["Content-Length"] = str(len(response.content))
            return response
        html, changes_at = current()
        response.content = response.content.replace(MARKER, html.encode(), 1)
        if "Content-Length" in response:
            response["Content-Length"] = str(len(response.content))
        # Shared: a cache that keeps the page with the banner filled in (or with none up)
        # learns its key, so raising or changing it purges that copy.
        if HEADERS[0] in response:
            for header in HEADERS:
                response[header] = f"{response[header]} {BANNER}".strip()
        # Neither browsers nor an edge without ESI keep it past the banner's next change
        # by the clock: nothing purges them then.
        keep_no_longer_than(response, changes_at)
        return response
