"""Whether this app server can serve: /healthz, and a 503 when the database cannot.

/healthz answers 200 when the database and the cache both answer; 503 naming the part
that failed otherwise. The reply says only "ok" or "failed" for each: the error itself,
which may hold a host name or a user, goes to the log. It also reports the task queue's
depth and its oldest job's wait, for monitoring: a queue falling behind is an alert for
whoever runs the workers, not a reason to take this app server out of the balancer.

A request that finds the database unreachable (restarting, failing over) is answered 503
with Retry-After, not 500: it is an outage, not a bug, and the balancer tries another
server while the edge cache serves its stale copy.
"""

import logging
import secrets

from django.conf import settings
from django.core.cache import cache
from django.db import InterfaceError, OperationalError, connection
from django.http import HttpResponse, JsonResponse
from django.utils.html import escape
from django.utils.translation import get_language, gettext
from django.views.decorators.cache import never_cache

from jobs.status import queue_status

logger = logging.getLogger(__name__)


def _database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _cache():
    token = secrets.token_hex(8)
    cache.set("healthz", token, timeout=30)
    if cache.get("healthz") is None:  # another server may have written since: any value
        raise RuntimeError("the cache kept nothing")


CHECKS = {"database": _database, "cache": _cache}


@never_cache
def healthz(request):
    results = {}
    for name, check in CHECKS.items():
        try:
            check()
        except Exception:
            logger.exception("Health check failed: %s", name)
            results[name] = "failed"
        else:
            results[name] = "ok"
    healthy = all(result == "ok" for result in results.values())
    return JsonResponse(
        {"status": "ok" if healthy else "failed", **results, "queue": _queue()},
        status=200 if healthy else 503,
    )


def _queue():
    try:
        return queue_status()
    except Exception:
        logger.exception("Health check could not read the task queue")
        return "failed"


# Written without a template or a query: the database is what failed. In the language of
# the edition being drawn.
UNAVAILABLE_PAGE = """<!doctype html>
<html lang="{language}"><meta charset="utf-8"><title>{site} · {title}</title>
<h1>{heading}</h1>
<p>{text}</p>
</html>
"""


def unavailable_page():
    site = escape(settings.SITE_NAME)
    text = gettext("%(site)s cannot reach its archive just now. Please try again in a few seconds.")
    return UNAVAILABLE_PAGE.format(
        language=escape(get_language() or settings.LANGUAGE_CODE),
        site=site,
        title=gettext("back in a moment"),
        heading=gettext("Back in a moment"),
        text=text % {"site": site},
    )


RETRY_AFTER_SECONDS = 5


class DatabaseUnavailableMiddleware:
    """Answer 503 with Retry-After when a view finds the database unreachable."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.error("Database unavailable: %s %s", request.method, request.path, exc_info=True)
        response = HttpResponse(unavailable_page(), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "private, no-store"
        return response
