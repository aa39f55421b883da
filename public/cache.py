"""The anonymous page cache.

Readers who are not logged in share cached copies of public pages. Any save of what a
page shows bumps a generation number that is part of every key, so edits appear at once;
an entry never outlives the next scheduled publication, so a scheduled story appears on
time with no job to run. Staff always get a fresh page.
"""

import hashlib
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.cache import patch_cache_control

from articles.models import Article

GENERATION_KEY = "public-pages:generation"


def generation() -> int:
    return cache.get_or_set(GENERATION_KEY, 1, timeout=None)


def invalidate_public_pages() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # evicted or never set: any new number will do
        cache.set(GENERATION_KEY, int(timezone.now().timestamp()), timeout=None)


def seconds_until_next_publication(default: int) -> int:
    next_time = (
        Article.objects.scheduled()
        .order_by("published_at")
        .values_list("published_at", flat=True)
        .first()
    )
    if next_time is None:
        return default
    return max(1, min(default, int((next_time - timezone.now()).total_seconds()) + 1))


def _key(request) -> str:
    digest = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"public-page:{generation()}:{digest}"


def public_page(view):
    """Serve anonymous GETs of `view` from the cache; only 200s are stored."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD") or request.user.is_authenticated:
            response = view(request, *args, **kwargs)
            patch_cache_control(response, private=True)
            return response
        key = _key(request)
        response = cache.get(key)
        if response is None:
            response = view(request, *args, **kwargs)
            if response.status_code == 200 and not response.streaming:
                if hasattr(response, "render"):
                    response.render()
                timeout = seconds_until_next_publication(settings.PAGE_CACHE_SECONDS)
                patch_cache_control(response, public=True, max_age=min(timeout, 60))
                cache.set(key, response, timeout)
        return response

    return wrapped
