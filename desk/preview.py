"""Staff previews: any story as readers will see it, and the preview beside the form.

`article_preview` (`/news/<slug>/preview/`) shows any story to staff who may see it in
the admin, on the public article template with a banner.

The preview beside the admin's article form shows the journalist's autosaved copy when
there is one (articles/autosave.py), else the story as saved; nothing here writes. Two
views: the article page (which the form shows at phone and desktop widths) and how the
story looks as a search result and as a social card. Staff who may edit the story only;
a 404 to anyone else. Framed by the admin page, so these two alone may be framed by the
site itself.
"""

from csp.constants import SELF
from csp.decorators import csp_replace
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import translation
from django.utils.text import slugify
from django.views.decorators.clickjacking import xframe_options_sameorigin

from articles import autosave, body, workflow
from articles.models import Article, Photo
from public.preview_views import never_stored, render_preview
from public.seo import absolute_url

# Roughly what search results and social cards show before cutting a line short.
SEARCH_TITLE_CHARS = 60
SEARCH_DESCRIPTION_CHARS = 160


@never_stored
def article_preview(request, slug):
    """Any article, as readers will see it, for staff who may see it in the admin."""
    article = get_object_or_404(Article.objects.for_page(), slug=slug)
    # Not a login redirect: to anyone else, an unpublished article does not exist.
    if not workflow.can_preview(request.user, article):
        raise Http404
    return render_preview(request, article)


class _Nothing:
    def all(self):
        return []


class UnsavedStory:
    """A story not saved yet, read as the page template reads an article: it has no
    byline, tags or corrections yet (an unsaved row has no relations to ask)."""

    byline = topics = ()
    tags = corrections = _Nothing()

    def __init__(self, article):
        self._article = article

    def __getattr__(self, name):
        return getattr(self._article, name)


def _framed(view):
    view = xframe_options_sameorigin(view)
    return csp_replace({"frame-ancestors": [SELF]})(view)


def _story(request, pk):
    """The story as the user is writing it: their autosaved copy over the saved article."""
    if not request.user.is_staff:
        raise Http404
    if pk is None:
        if not workflow.can_edit(request.user):
            raise Http404
        article = Article(status=Article.Status.DRAFT)
    else:
        article = get_object_or_404(Article.objects.for_page(), pk=pk)
        if not workflow.can_preview(request.user, article):
            raise Http404
    copy = autosave.offered(user=request.user, article=article if pk is not None else None)
    if copy is not None:
        article.title, article.standfirst = copy.title, copy.standfirst
        article.body, article.body_format = copy.body, body.HTML
        # Rendered here for this preview only; nothing is saved.
        article.body_html, article.reading_minutes = body.render(
            copy.body, body.HTML, photos=Photo.objects.in_bulk, language=article.language
        )
    if pk is None:
        article.slug = slugify(article.title)[:180].strip("-") or "new-story"
        return UnsavedStory(article), copy
    return article, copy


@_framed
@never_stored
@login_required
def story_page(request, pk=None):
    article, copy = _story(request, pk)
    # In the story's own edition's language, as its readers will see it.
    with translation.override(article.language):
        return render(request, "articles/desk_preview.html", {"article": article, "copy": copy})


@_framed
@never_stored
@login_required
def story_cards(request, pk=None):
    article, copy = _story(request, pk)
    with translation.override(article.language):
        return _cards(request, article, copy)


def _cards(request, article, copy):
    site_name = settings.SITE_NAMES.get(article.language, settings.SITE_NAME)
    title = f"{article.title} · {site_name}"
    description = article.standfirst or article.title
    return render(
        request,
        "articles/desk_cards.html",
        {
            "article": article,
            "copy": copy,
            "canonical": absolute_url(article.get_absolute_url()),
            "search_title": title,
            "search_title_long": len(title) > SEARCH_TITLE_CHARS,
            "description": description,
            "description_long": len(description) > SEARCH_DESCRIPTION_CHARS,
            "title_chars": SEARCH_TITLE_CHARS,
            "description_chars": SEARCH_DESCRIPTION_CHARS,
        },
    )
