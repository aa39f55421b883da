"""The content API, version 1: `/api/v1/…` (docs/api.md)."""

from django.urls import path, re_path
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularJSONAPIView, SpectacularSwaggerSplitView

from pagecache import edge_page

from . import directory_views as directory
from . import views

app_name = "api"


@extend_schema(exclude=True)
class OpenApiDocument(SpectacularJSONAPIView):
    """The document itself, left out of itself."""


# The document and its browsable docs change with a deploy, not with content: anyone may
# read them, and the edge may keep them (no key, no purge needed).
DOCS_KEY = "api-docs"

urlpatterns = [
    path("stories/", views.StoryList.as_view(), name="stories"),
    path("stories/<slug:slug>/", views.StoryDetail.as_view(), name="story"),
    path("stories/<slug:slug>/entries/", views.StoryEntries.as_view(), name="story_entries"),
    path("stories/<slug:slug>/ninjs/", views.StoryNinjs.as_view(), name="story_ninjs"),
    path("authors/", directory.AuthorList.as_view(), name="authors"),
    path("authors/<slug:slug>/", directory.AuthorDetail.as_view(), name="author"),
    path("tags/", directory.TagList.as_view(), name="tags"),
    path("tags/<slug:slug>/", directory.TagDetail.as_view(), name="tag"),
    path("sections/", directory.SectionList.as_view(), name="sections"),
    path("search/", directory.Search.as_view(), name="search"),
    path("corrections/", directory.CorrectionFeed.as_view(), name="corrections"),
    path(
        "openapi.json",
        edge_page(DOCS_KEY, until_deadline=False)(OpenApiDocument.as_view()),
        name="openapi",
    ),
    path(
        "docs/",
        edge_page(DOCS_KEY, until_deadline=False)(
            SpectacularSwaggerSplitView.as_view(url_name="api:openapi")
        ),
        name="docs",
    ),
    # Any other address under the API is a JSON 404, as a client expects.
    re_path(r"^[\s\S]*$", views.not_found),
]
