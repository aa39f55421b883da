"""A preview link: an article that is not public yet, shown to whoever holds the link.

The link's token is the permission (the workflow made it, for a staff user who may
preview the story), so an outsider opens it without signing in: it is a reader-facing
page and stays here. Staff previews of any story are the desk's (desk/preview.py) and
render the same template.

Previews render the public article template with a banner, bypass the public page cache,
and are never stored by a browser or proxy nor indexed by a search engine.
"""

from functools import wraps

from django.shortcuts import get_object_or_404, render
from django.utils import timezone, translation

from articles.models import Article, PreviewLink


def never_stored(view):
    """A preview's response: private, never stored, never indexed."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex"
        return response

    return wrapped


def render_preview(request, article, **context):
    """The story's page in its own edition's language, whatever address previews it."""
    with translation.override(article.language):
        return render(request, "articles/article_preview.html", {"article": article, **context})


@never_stored
def preview_link(request, token):
    """The article a preview link was made for, while the link is neither expired nor revoked."""
    link = get_object_or_404(
        PreviewLink.objects.filter(revoked_at__isnull=True, expires_at__gt=timezone.now()),
        token=token,
    )
    article = get_object_or_404(Article.objects.for_page(), pk=link.article_id)
    return render_preview(request, article, link=link)
