"""Cursor pages for the API's lists, as "Show More" pages the site's: the next page is
addressed by the last item's (time, id), or its id for lists in id order; never an
OFFSET, never a COUNT. Bad input is a 400 that says what is wrong, never a 500."""

from dataclasses import dataclass

from rest_framework.exceptions import ParseError

from public.pagination import (
    CURSOR_PARAM,
    InvalidCursor,
    cursor_from_request,
    paginate,
    present,
)

from .addresses import absolute

LIMIT_PARAM = "limit"
DEFAULT_LIMIT = 20
MAX_LIMIT = 50


@dataclass
class ApiPage:
    items: list
    next_value: str | None


def limit_from(request) -> int:
    raw = request.query_params.get(LIMIT_PARAM, "")
    if not raw:
        return DEFAULT_LIMIT
    if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= MAX_LIMIT:
        raise ParseError(f"`{LIMIT_PARAM}` is a whole number from 1 to {MAX_LIMIT}.")
    return int(raw)


def timed_page(request, queryset, **options) -> ApiPage:
    """A page of newest-first rows with a `published_at` (stories, live entries)."""
    try:
        cursor = cursor_from_request(request)
    except InvalidCursor as error:
        raise ParseError(f"`{CURSOR_PARAM}` is not a cursor this API wrote.") from error
    page = paginate(queryset, cursor=cursor, per_page=limit_from(request), **options)
    # Every row is shown, so read now: one deleted since its id was read is left out.
    return ApiPage(present(page.items), page.next_cursor.encode() if page.next_cursor else None)


def id_page(request, queryset) -> ApiPage:
    """A page of rows in id order (authors, tags): the cursor is the last id shown."""
    raw = request.query_params.get(CURSOR_PARAM, "")
    if raw and not (raw.isascii() and raw.isdigit() and len(raw) <= 18):
        raise ParseError(f"`{CURSOR_PARAM}` is not a cursor this API wrote.")
    limit = limit_from(request)
    rows = queryset.order_by("pk")
    if raw:
        rows = rows.filter(pk__gt=int(raw))
    found = list(rows[: limit + 1])
    items = found[:limit]
    return ApiPage(items, str(items[-1].pk) if len(found) > limit else None)


def next_url(request, page: ApiPage) -> str | None:
    if page.next_value is None:
        return None
    query = request.query_params.copy()
    query[CURSOR_PARAM] = page.next_value
    return absolute(f"{request.path}?{query.urlencode()}")
