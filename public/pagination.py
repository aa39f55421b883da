"""Keyset ("cursor") pagination over newest-first article lists.

The next page is addressed by the last item's publication time and id, so page 1 and
page 5,000 cost the same index range scan: no OFFSET, no COUNT over the table, and no
item is skipped or repeated when a story is published between two clicks.
"""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.db.models import Q

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
    visible=None,
    oldest_first=False,
    walk=None,
    walk_id="pk",
) -> Page:
    """One page of `articles` after `cursor`, newest first, in one query.

    What readers may see is the caller's to say, where the querysets are made: `visible`
    (`Article.objects.published()`), or `walk` (below). The cursor's bound is written
    first in the WHERE clause, the visibility rule after it: SQLite scans an index by the
    first range on a column it meets, so with the rule's `published_at <= now` first, a
    deep page would walk every newer row from the top (PostgreSQL weighs both bounds and
    plans the same either way). `&` keeps the left side's shape and conditions first, so
    `articles` says what a row holds (`for_feed()`), the bound follows, then `visible`'s
    conditions. One row more than shown is fetched to know whether a next page exists.

    Any rows with a `published_at` page the same way (a live story's entries do);
    `oldest_first` reads them the other way (an ended live story).

    `walk` is for lists whose members are found through another table: a tag's stories
    (`Article.objects.published().filter(tags=tag)`), or an author's published bylines,
    whose own index holds the author, the publication time and the story
    (`walk_id="article_id"`). It is read for ids and times alone, in a query of its own;
    then the rows of `articles` by those ids alone, so that query's plan is a primary-key
    lookup whatever the join's statistics say. The rows are read only when something
    first asks an item for more than its id and time (`DeferredRow`): a card served from
    its cached fragment never does.
    """
    order = ("published_at", walk_id) if oldest_first else ("-published_at", f"-{walk_id}")
    if walk is not None:
        # Only ids and times are read: the walk's joins and prefetches would be wasted.
        walk = walk.select_related(None).prefetch_related(None)
        bounded = _after(walk.model._default_manager.all(), cursor, walk_id, oldest_first) & walk
        found = list(bounded.order_by(*order).values_list(walk_id, "published_at")[: per_page + 1])
        rows = PageRows(articles, [pk for pk, _ in found[:per_page]]).deferred(found)
    else:
        bounded = _after(articles, cursor, "pk", oldest_first)
        if visible is not None:
            bounded &= visible
        rows = list(bounded.order_by(*order)[: per_page + 1])
    items = rows[:per_page]
    next_cursor = None
    if len(rows) > per_page:
        last = items[-1]
        next_cursor = Cursor(published_at=last.published_at, pk=last.pk)
    return Page(items=items, next_cursor=next_cursor, is_first=cursor is None)


def _after(rows, cursor, pk, oldest_first):
    """`rows` after `cursor` in list order; `pk` names the id that breaks ties."""
    if cursor is None:
        return rows
    if oldest_first:
        bound = Q(published_at__gte=cursor.published_at) & (
            Q(published_at__gt=cursor.published_at) | Q(**{f"{pk}__gt": cursor.pk})
        )
    else:
        bound = Q(published_at__lte=cursor.published_at) & (
            Q(published_at__lt=cursor.published_at) | Q(**{f"{pk}__lt": cursor.pk})
        )
    return rows.filter(bound)


class StoryGone(LookupError):
    """An item's row was deleted (or withdrawn) after the page's ids were read and before
    its rows were: drawing the page again reads both after the change."""


class PageRows:
    """The rows of one page, read in one query (with the list's joins) when first needed."""

    def __init__(self, articles, ids):
        self.articles, self.ids, self.by_id = articles, ids, None

    def get(self, pk):
        if self.by_id is None:
            self.by_id = {row.pk: row for row in self.articles.filter(pk__in=self.ids)}
        try:
            return self.by_id[pk]
        except KeyError:
            raise StoryGone(pk) from None

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


def present(items) -> list:
    """The page's items whose rows are still there, read now: for callers that show every
    row anyway (the API), where a story gone between the two queries is simply left out."""
    kept = []
    for item in items:
        try:
            kept.append(item._rows.get(item.pk) if isinstance(item, DeferredRow) else item)
        except StoryGone:
            continue
    return kept


def cursor_from_request(request) -> Cursor | None:
    """The cursor in the query string, None for the first page; InvalidCursor for junk."""
    value = request.GET.get(CURSOR_PARAM, "")
    return Cursor.decode(value) if value else None
