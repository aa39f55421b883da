"""/healthz: whether this app server can serve, for load balancers and edge caches.

200 when the database and the cache both answer; 503 naming the part that failed
otherwise. The reply says only "ok" or "failed" for each: the error itself, which may
hold a host name or a user, goes to the log.
"""

import logging
import secrets

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

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
        {"status": "ok" if healthy else "failed", **results}, status=200 if healthy else 503
    )
