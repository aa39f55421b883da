"""Previews of articles that are not public yet: for staff, and through a shareable link.

They render the public article template with a banner, bypass the public page cache, and
are never stored by a browser or proxy nor indexed by a search engine.
"""

from functools import wraps

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from articles import workflow
from articles.models import Article, PreviewLink


def _private(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex"
        return response

    return wrapped


def _render(request, article, **context):
    return render(request, "articles/article_preview.html", {"article": article, **context})


@_private
def article_preview(request, slug):
    """Any article, as readers will see it, for staff who may see it in the admin."""
    article = get_object_or_404(Article.objects.for_page(), slug=slug)
    # Not a login redirect: to anyone else, an unpublished article does not exist.
    if not workflow.can_preview(request.user, article):
        raise Http404
    return _render(request, article)


@_private
def preview_link(request, token):
    """The article a preview link was made for, while the link is neither expired nor revoked."""
    link = get_object_or_404(
        PreviewLink.objects.filter(revoked_at__isnull=True, expires_at__gt=timezone.now()),
        token=token,
    )
    article = get_object_or_404(Article.objects.for_page(), pk=link.article_id)
    return _render(request, article, link=link)
