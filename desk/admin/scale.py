"""The desk's lists at any archive size: nothing counts or sorts the whole archive.

- `LookaheadPaginator`: the admin's paginator counts every matching row (COUNT(*)) to
  number the pages. This one counts no further than a few pages past the one asked for:
  the list shows "more than N", and its last page link moves on as the editor does.
- `DeskChangeList`: the list's rows without their bodies (the columns never show them),
  sorted only by the columns in `sortable_by` (those an index keeps in order).
- `in_search_order`: a search's rows, best first unless the editor sorts by a column.
- `TagFilter`, `AuthorFilter`: a story filed under a tag, or bylined by an author, found
  through the tag or byline table (`pk IN (…)`); Django's own filters on a many-to-many
  field join it and then make every row DISTINCT, which sorts the whole result.

The ModelAdmins also leave out what scans: `show_full_result_count = False` (the count of
the unfiltered list), facets (`show_facets`), and a `date_hierarchy` (its year links are
a DISTINCT over every matching row); the date filter's choices are fixed ranges.
"""

from django.contrib import admin
from django.contrib.admin.views.main import ORDER_VAR, PAGE_VAR, ChangeList
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import IntegerField
from django.db.models.expressions import RawSQL
from django.utils.functional import cached_property
from taggit.models import Tag

from articles.models import Authorship, TaggedArticle
from articles.numbers import MAX_ID, whole_number
from authors.models import Author

LOOKAHEAD_PAGES = 10


class LookaheadPaginator(Paginator):
    """Counts the rows up to `LOOKAHEAD_PAGES` past page `number`, and whether more exist."""

    def __init__(self, object_list, per_page, *, number=1, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.limit = (max(number, 1) + LOOKAHEAD_PAGES) * per_page

    @cached_property
    def count(self):
        # One more than the limit: a page link past it says the list goes on.
        return self.object_list.order_by().values("pk")[: self.limit + 1].count()

    @property
    def more_than_counted(self):
        return self.count > self.limit


def page_number(request):
    try:
        return int(request.GET.get(PAGE_VAR, 1))
    except ValueError:
        return 1  # the admin's own check answers it


class LookaheadPages:
    """A ModelAdmin's pages counted only a few ahead (`LookaheadPaginator`)."""

    def get_paginator(self, request, queryset, per_page, orphans=0, allow_empty_first_page=True):
        number = page_number(request)
        return LookaheadPaginator(queryset, per_page, number=number, orphans=orphans)


class DeskChangeList(ChangeList):
    """The admin's list without the columns it never shows."""

    deferred = ()

    def get_ordering_field(self, field_name):
        # Only the columns an index keeps in order (`sortable_by`), even from a typed URL.
        if self.sortable_by is not None and field_name not in self.sortable_by:
            return None
        return super().get_ordering_field(field_name)

    def get_queryset(self, request, exclude_parameters=None):
        queryset = super().get_queryset(request, exclude_parameters)
        return queryset.defer(*self.deferred) if self.deferred else queryset


def in_search_order(request, queryset, ids):
    """`queryset` narrowed to `ids`, in their order unless the editor sorts by a column."""
    queryset = queryset.filter(pk__in=ids)
    if ORDER_VAR in request.GET:
        return queryset
    return queryset.order_by(_position_in(queryset.model, ids).asc(), "-pk")


def _position_in(model, ids):
    """A row's place in `ids`: one array (or string) lookup, not a CASE of every id."""
    column = f'"{model._meta.db_table}"."{model._meta.pk.column}"'
    if connection.vendor == "postgresql":
        return RawSQL(f"array_position(%s::integer[], {column})", [ids], IntegerField())
    listed = "," + ",".join(str(pk) for pk in ids) + ","
    return RawSQL(f"instr(%s, ',' || {column} || ',')", [listed], IntegerField())


class TagFilter(admin.SimpleListFilter):
    title = "tag"
    parameter_name = "tag"

    def lookups(self, request, model_admin):
        return Tag.objects.order_by("name").values_list("pk", "name")

    def queryset(self, request, queryset):
        if (tag := whole_number(self.value(), maximum=MAX_ID)) is None:
            return queryset
        filed = TaggedArticle.objects.filter(tag_id=tag).values("content_object_id")
        return queryset.filter(pk__in=filed)


class AuthorFilter(admin.SimpleListFilter):
    title = "author"
    parameter_name = "author"

    def lookups(self, request, model_admin):
        return Author.objects.order_by("name").values_list("pk", "name")

    def queryset(self, request, queryset):
        if (author := whole_number(self.value(), maximum=MAX_ID)) is None:
            return queryset
        bylined = Authorship.objects.filter(author_id=author).values("article_id")
        return queryset.filter(pk__in=bylined)
