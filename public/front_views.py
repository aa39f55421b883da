"""The front page editors arrange, the banner's fragment for edge caches (ESI), and the
reading beacon behind "Most read"."""

from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from frontpage import banner, beacon
from pagecache import edge
from pagecache.keys import record, until

from . import freshness


def front_page(request, arrangement):
    """`/` as the live layout arranges it (public.views.home, behind `public_page`)."""
    shown = [placed.article for placed in arrangement.stories]
    record(
        freshness.in_edition(freshness.HOME),
        freshness.in_edition(freshness.SIDEBAR),
        freshness.FRONTPAGE,
        freshness.MOST_READ,
        *map(freshness.story, shown),
    )
    until(arrangement.changes_at)
    return render(
        request,
        "frontpage/front_page.html",
        {"arrangement": arrangement},
    )


def banner_fragment(request):
    """The banner alone, for an edge cache that includes it in every page (ESI); its key
    is the one a change to the banner purges."""
    html, changes_at = banner.current()
    response = HttpResponse(html, content_type="text/html; charset=utf-8")
    if request.method in ("GET", "HEAD"):
        edge.make_shared(response, {freshness.BANNER}, deadline=changes_at)
    return response


@csrf_exempt  # no cookie, no session, nothing to forge: a number is all it takes
@require_POST
def count_view(request):
    """The reading beacon: `story=<id>`, sent once by a story's page (beacon.js). Behind
    gunicorn it is answered before Django (frontpage/beacon.py); this is the same, here."""
    story = beacon.story_from(request.body[: beacon.MAX_BODY + 1])
    if story is None or len(request.body) > beacon.MAX_BODY:
        return HttpResponseBadRequest("story: a story's number")
    agent = request.headers.get("User-Agent", "")
    if beacon.is_counted(agent, request.headers.get("Sec-Fetch-Site")):
        beacon.count(story)
    return HttpResponse(status=204)
