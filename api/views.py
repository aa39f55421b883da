"""The stories: lists by cursor, one story in full, a live story's entries, ninjs."""

from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils import translation
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response

from articles.models import Article, Authorship, LiveEntry, public_tags
from authors.models import Author
from pagecache.keys import record
from public import freshness

from . import ninjs
from .base import (
    EDITION,
    EDITION_PARAM,
    PAGE_PARAMS,
    ContentView,
    answers,
    edition_from,
    page_of,
    page_parameters,
)
from .paging import next_url, timed_page
from .serializers import (
    EntrySerializer,
    StoryDetailSerializer,
    StorySerializer,
    edition_prefix,
)
from .stories import public_stories, public_story, with_tags

StoryPage = page_of(StorySerializer, "StoryPage")
EntryPage = page_of(EntrySerializer, "EntryPage")


class StoryList(ContentView):
    reads = (*PAGE_PARAMS, "tag", "author", EDITION_PARAM)

    @extend_schema(
        operation_id="stories_list",
        summary="Public stories of one edition, newest first",
        parameters=[
            *page_parameters(),
            EDITION,
            OpenApiParameter("tag", str, description="Only stories filed under this tag's slug."),
            OpenApiParameter("author", str, description="Only stories by this author's slug."),
        ],
        responses=answers(StoryPage, not_found=True),
    )
    def get(self, request):
        # The page's ids are found by a walk (see public.pagination.paginate), its rows
        # read by id alone; the whole list pages the public stories themselves, with the
        # cursor's bound ahead of the visibility rule.
        language = edition_from(request)
        edition = Article.objects.published().in_edition(language)
        stories = public_stories()
        options = {}
        tag_slug, author_slug = request.query_params.get("tag"), request.query_params.get("author")
        if tag_slug is not None:
            tag = get_object_or_404(public_tags(language=language), slug=tag_slug)
            options = {"walk": edition.filter(tags=tag)}
            record(freshness.tag(tag.pk), freshness.tag_list(tag.pk, language))
        if author_slug is not None:
            author = get_object_or_404(Author, slug=author_slug)
            record(freshness.author(author.pk), freshness.author_list(author.pk, language))
            if tag_slug is None:  # an author's own index of bylines, as their page walks
                bylines = Authorship.objects.published().filter(
                    author=author, article__language=language
                )
                options = {"walk": bylines, "walk_id": "article_id"}
            else:
                options = {"walk": options["walk"].filter(authorships__author=author)}
        if tag_slug is None and author_slug is None:
            record(freshness.in_edition(freshness.NEWS, language))
            stories = with_tags(Article.objects.for_listing())
            options = {"visible": edition}
        page = timed_page(request, stories, **options)
        record(*map(freshness.story, page.items))
        return Response(
            {
                "results": StorySerializer(page.items, many=True).data,
                "next": next_url(request, page),
            }
        )


def _story_or_404(slug):
    story = public_story(slug=slug)
    if story is None:
        raise Http404
    record(freshness.story_page(story, story.topics))
    return story


class StoryDetail(ContentView):
    @extend_schema(
        operation_id="stories_retrieve",
        summary="One public story in full",
        responses=answers(StoryDetailSerializer, not_found=True),
    )
    def get(self, request, slug):
        return Response(StoryDetailSerializer(_story_or_404(slug)).data)


class StoryEntries(ContentView):
    reads = PAGE_PARAMS

    @extend_schema(
        operation_id="stories_entries_list",
        summary="A live story's published entries, newest first",
        parameters=page_parameters(),
        responses=answers(EntryPage, not_found=True),
    )
    def get(self, request, slug):
        live = Article.objects.published().filter(coverage_started_at__isnull=False)
        story = get_object_or_404(live.only("pk", "slug", "language"), slug=slug)
        record(freshness.article(story.pk))
        # The cursor's bound first, then which entries are public (`paginate`'s `visible`).
        page = timed_page(
            request,
            LiveEntry.objects.select_related("photo").with_byline(),
            visible=LiveEntry.objects.published().filter(article=story),
        )
        context = {"story_slug": story.slug, "prefix": edition_prefix(story.language)}
        with translation.override(story.language):  # the entries' photos in its words
            entries = EntrySerializer(page.items, many=True, context=context).data
        return Response({"results": entries, "next": next_url(request, page)})


class StoryNinjs(ContentView):
    @extend_schema(
        operation_id="stories_ninjs",
        summary="One public story as ninjs 2.0 (IPTC)",
        responses=answers(ninjs.NinjsSerializer, not_found=True),
    )
    def get(self, request, slug):
        return Response(ninjs.document(_story_or_404(slug)))


def not_found(request):
    return JsonResponse({"detail": "No such address in this API (see /api/v1/docs/)."}, status=404)
