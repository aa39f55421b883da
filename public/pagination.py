"""Keyset ("cursor") pagination over newest-first article lists.

The next page is addressed by the last item's publication time and id, so page 1 and
page 5,000 cost the same index range scan: no OFFSET, no COUNT over the table, and no
item is skipped or repeated when a story is published between two clicks.
"""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.db.models import Q
from django.db.models.sql.where import AND

CURSOR_PARAM = "after"
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)


class InvalidCursor(ValueError):
    """The `after` value is not one we could have written."""


@dataclass(frozen=True)
class Cursor:
    published_at: datetime
    pk: int

    def encode(self) -> str:
        micros = (self.published_at - _EPOCH) // _MICROSECOND  # exact, unlike a float
        return f"{micros}-{self.pk}"

    @classmethod
    def decode(cls, value: str) -> "Cursor":
        # "<microseconds since 1970>-<id>"; an archive story before 1970 gives "-<µs>-<id>".
        sign = -1 if value.startswith("-") else 1
        micros, sep, pk = value.removeprefix("-").partition("-")
        if not (sep and micros.isascii() and micros.isdigit() and pk.isascii() and pk.isdigit()):
            raise InvalidCursor(value)
        if len(micros) > 17 or len(pk) > 18:  # beyond year 5000 or a bigint
            raise InvalidCursor(value)
        try:
            published_at = _EPOCH + sign * int(micros) * _MICROSECOND
        except OverflowError as error:
            raise InvalidCursor(value) from error
        return cls(published_at=published_at, pk=int(pk))


@dataclass(frozen=True)
class Page:
    items: list
    next_cursor: Cursor | None
    is_first: bool

    @property
    def has_next(self):
        return self.next_cursor is not None


def paginate(
    articles,
    *,
    cursor: Cursor | None,
    per_page: int,
    oldest_first=False,
    ids_first=False,
    bylines=None,
) -> Page:
    """One page of `articles` after `cursor`, newest first, in one query.

    What readers may see is the caller's to say where the queryset is made
    (`Article.objects.published()...`); the cursor's bound is put ahead of it in the
    WHERE clause (`_after`). One row more than shown is fetched to know whether a next
    page exists.

    Any rows with a `published_at` page the same way (a live story's entries do);
    `oldest_first` reads them the other way (an ended live story).

    `ids_first` is for lists filtered through a join (a tag's stories): walking the
    newest articles to find the page's few, the first query reads only the
    publication-time index and the join's index, never a whole article row. The page's
    rows are read only when something first asks an item for more than its id and time
    (`DeferredRow`): a card served from its cached fragment never does.

    `bylines` (an author's published ones) are walked for those ids instead: their own
    index holds the author, the publication time and the article, so a page of an author
    of 10,000 stories reads its dozen bylines, not the archive's newest stories asking
    each whose it is. Their articles' rows are then read as with `ids_first`.
    """
    if bylines is not None or ids_first:
        keys, pk = (bylines, "article_id") if bylines is not None else (articles, "pk")
        keys = _after(keys.select_related(None).prefetch_related(None), cursor, pk, oldest_first)
        found = list(keys.values_list(pk, "published_at")[: per_page + 1])
        rows = PageRows(articles, [pk for pk, _ in found[:per_page]]).deferred(found)
    else:
        rows = list(_after(articles, cursor, "pk", oldest_first)[: per_page + 1])
    items = rows[:per_page]
    next_cursor = None
    if len(rows) > per_page:
        last = items[-1]
        next_cursor = Cursor(published_at=last.published_at, pk=last.pk)
    return Page(items=items, next_cursor=next_cursor, is_first=cursor is None)


def _after(rows, cursor, pk, oldest_first):
    """`rows` after `cursor` in list order; `pk` names the id that breaks ties."""
    order = ("published_at", pk) if oldest_first else ("-published_at", f"-{pk}")
    if cursor is None:
        return rows.order_by(*order)
    if oldest_first:
        bound = Q(published_at__gte=cursor.published_at) & (
            Q(published_at__gt=cursor.published_at) | Q(**{f"{pk}__gt": cursor.pk})
        )
    else:
        bound = Q(published_at__lte=cursor.published_at) & (
            Q(published_at__lt=cursor.published_at) | Q(**{f"{pk}__lt": cursor.pk})
        )
    return _leading(rows, bound).order_by(*order)


def _leading(rows, bound):
    """`rows` within `bound`, the bound first in the WHERE clause.

    SQLite scans an index by the first range on a column it meets: the visibility rule's
    `published_at <= now`, written first where the queryset is made, would have a deep
    page walk every newer row from the top; the cursor's bound makes it as cheap as the
    first page. (PostgreSQL weighs both bounds and reads the same plan either way.)
    """
    bounded, before = rows.filter(bound), rows.query.where
    if before.connector == AND and not before.negated:  # ANDed terms: their order is free
        where, kept = bounded.query.where, len(before.children)
        where.children[:] = where.children[kept:] + where.children[:kept]
    return bounded


class PageRows:
    """The rows of one page, read in one query (with the list's joins) when first needed."""

    def __init__(self, articles, ids):
        self.articles, self.ids, self.by_id = articles, ids, None

    def get(self, pk):
        if self.by_id is None:
            self.by_id = {row.pk: row for row in self.articles.filter(pk__in=self.ids)}
        return self.by_id[pk]

    def deferred(self, found):
        return [DeferredRow(pk, published_at, self) for pk, published_at in found]


class DeferredRow:
    """A page's item known by its id and publication time; anything else asked of it is
    read from its row, which PageRows fetches with the rest of the page's."""

    def __init__(self, pk, published_at, rows):
        self.pk, self.id, self.published_at, self._rows = pk, pk, published_at, rows

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self._rows.get(self.pk), name)

    def __str__(self):
        return str(self._rows.get(self.pk))


def cursor_from_request(request) -> Cursor | None:
    """The cursor in the query string, None for the first page; InvalidCursor for junk."""
    value = request.GET.get(CURSOR_PARAM, "")
    return Cursor.decode(value) if value else None
