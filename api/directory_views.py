"""Authors, tags, the masthead's sections, search and the corrections feed."""

from django.db.models import F, OuterRef, Subquery, prefetch_related_objects
from django.db.models.lookups import IsNull
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import ParseError
from rest_framework.response import Response

from articles.models import Article, Correction, public_tags
from authors.models import Author
from pagecache.keys import record
from public import freshness
from public.models import Section
from public.search import Filters, Sort, clean_query, parse_query, search

from .addresses import api_url
from .base import (
    EDITION,
    EDITION_PARAM,
    ID_CURSOR,
    PAGE_PARAMS,
    RANK_CURSOR,
    ContentView,
    answers,
    edition_from,
    page_of,
    page_parameters,
)
from .paging import CURSOR_PARAM, ApiPage, id_page, limit_from, next_url, timed_page
from .serializers import (
    AuthorDetailSerializer,
    AuthorSerializer,
    CorrectionFeedItemSerializer,
    SearchItemSerializer,
    SectionSerializer,
    TagSerializer,
)
from .stories import tags_prefetch

AuthorPage = page_of(AuthorSerializer, "AuthorPage")
TagPage = page_of(TagSerializer, "TagPage")
SearchPage = page_of(SearchItemSerializer, "SearchPage")
CorrectionPage = page_of(CorrectionFeedItemSerializer, "CorrectionPage")
SectionPage = page_of(SectionSerializer, "SectionList")


class AuthorList(ContentView):
    reads = PAGE_PARAMS

    @extend_schema(
        operation_id="authors_list",
        summary="Every author, in the order they joined",
        parameters=page_parameters(ID_CURSOR),
        responses=answers(AuthorPage),
    )
    def get(self, request):
        page = id_page(request, Author.objects.all())
        record(freshness.AUTHORS, *(freshness.author(a.pk) for a in page.items))
        return Response(
            {
                "results": AuthorSerializer(page.items, many=True).data,
                "next": next_url(request, page),
            }
        )


class AuthorDetail(ContentView):
    @extend_schema(
        operation_id="authors_retrieve",
        summary="One author, with their full biography",
        responses=answers(AuthorDetailSerializer, not_found=True),
    )
    def get(self, request, slug):
        author = get_object_or_404(Author, slug=slug)
        record(freshness.author(author.pk))
        return Response(AuthorDetailSerializer(author).data)


class TagList(ContentView):
    reads = PAGE_PARAMS

    @extend_schema(
        operation_id="tags_list",
        summary="The public tags (those a public story is filed under)",
        parameters=page_parameters(ID_CURSOR),
        responses=answers(TagPage),
    )
    def get(self, request):
        page = id_page(request, public_tags())
        # A tag turns public or not with a story filed under it: that change empties the
        # search form's topics of the story's edition, and this list has every edition's.
        record(*freshness.every_edition(freshness.SEARCH))
        record(*(freshness.tag(t.pk) for t in page.items))
        return Response(
            {"results": TagSerializer(page.items, many=True).data, "next": next_url(request, page)}
        )


class TagDetail(ContentView):
    @extend_schema(
        operation_id="tags_retrieve",
        summary="One public tag",
        responses=answers(TagSerializer, not_found=True),
    )
    def get(self, request, slug):
        tag = get_object_or_404(public_tags(), slug=slug)
        record(*freshness.every_edition(freshness.SEARCH), freshness.tag(tag.pk))
        return Response(
            {**TagSerializer(tag).data, "stories_url": f"{api_url('stories')}?tag={tag.slug}"}
        )


class SectionList(ContentView):
    @extend_schema(
        operation_id="sections_list",
        summary="The masthead's sections, in their order (a short list: one page)",
        responses=answers(SectionPage),
    )
    def get(self, request):
        record(freshness.MASTHEAD)
        sections = Section.objects.for_masthead()
        return Response({"results": SectionSerializer(sections, many=True).data, "next": None})


class Search(ContentView):
    reads = (*PAGE_PARAMS, "q", "sort", EDITION_PARAM)

    @extend_schema(
        operation_id="search",
        summary="Full-text search over one edition's public stories, best match first",
        parameters=[
            EDITION,
            OpenApiParameter("q", str, description='Words, "a phrase", -not (none: no results).'),
            OpenApiParameter(
                "sort", str, enum=[Sort.RELEVANCE, Sort.NEWEST], description="relevance (default)"
            ),
            *page_parameters(RANK_CURSOR),
        ],
        responses=answers(SearchPage),
    )
    def get(self, request):
        language = edition_from(request)
        query, _ = clean_query(request.query_params.get("q", ""))
        sort = request.query_params.get("sort", Sort.RELEVANCE)
        if sort not in (Sort.RELEVANCE, Sort.NEWEST):
            raise ParseError("`sort` is `relevance` or `newest`.")
        # Search ranks its newest few hundred matches in memory: the cursor is a place
        # in that ranked list, never an OFFSET in SQL.
        after = request.query_params.get(CURSOR_PARAM, "")
        if after and not (after.isascii() and after.isdigit() and len(after) < 4):
            raise ParseError(f"`{CURSOR_PARAM}` is not a cursor this API wrote.")
        limit = limit_from(request)
        parsed = parse_query(query)
        if not parsed:  # no word to look for (only exclusions, or nothing): nothing found
            return Response({"results": [], "next": None})
        results = search(
            parsed,
            sort=sort,
            filters=Filters(),
            start=int(after or 0),
            per_page=limit,
            language=language,
        )
        prefetch_related_objects(results.items, tags_prefetch())
        record(freshness.in_edition(freshness.SEARCH, language))
        record(*map(freshness.story, results.items))
        page = ApiPage(results.items, str(results.next_start) if results.has_next else None)
        return Response(
            {
                "results": SearchItemSerializer(results.items, many=True).data,
                "next": next_url(request, page),
            }
        )


class CorrectionFeed(ContentView):
    reads = (*PAGE_PARAMS, EDITION_PARAM)

    @extend_schema(
        operation_id="corrections_list",
        summary="Corrections to one edition's public stories, newest first",
        parameters=[EDITION, *page_parameters()],
        responses=answers(CorrectionPage),
    )
    def get(self, request):
        language = edition_from(request)
        shape, visible = _public_corrections(language)
        page = timed_page(request, shape, visible=visible)
        record(freshness.CORRECTIONS, freshness.in_edition(freshness.NEWS, language))
        record(*(freshness.article(c.article_id) for c in page.items))
        return Response(
            {
                "results": CorrectionFeedItemSerializer(page.items, many=True).data,
                "next": next_url(request, page),
            }
        )


def _public_corrections(language):
    """Corrections to public stories, paged as stories are, by (time, id).

    Each row asks for its story by id in a subquery, as `public_story_tagged` does: a join
    would have SQLite walk every public story for the few corrections; this walks the
    corrections alone (few: a newspaper corrects a story in hundreds). The page's stories
    come in one more query. Returned as (what a row holds, which rows are public), so the
    page's cursor bound is written first (`paginate`'s `visible`) and a deep page walks
    the `correction_newest` index from the bound, as the first page does from the top.
    """
    story = (
        Article.objects.published()
        .in_edition(language)
        .filter(pk=OuterRef("article_id"))
        .order_by()
    )
    shape = Correction.objects.annotate(published_at=F("corrected_at")).prefetch_related("article")
    return shape, Correction.objects.filter(IsNull(Subquery(story.values("pk")), False))
