"""Autosaved copies: the text a journalist is writing, kept on the server every few seconds.

An autosave is not the article: it never changes the article, is never a revision and is
never shown to readers. There is one per article and user (one per user for a story not
saved yet). Reopening the form offers it back, beside the saved version; restoring it
puts its text in the form, still based on the version it was written from, so saving it
over someone else's later save is refused like any stale form (workflow.check_fresh).
Who may autosave is who may edit (workflow.can_edit).
"""

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format

from . import workflow
from .body import editable_html
from .models import Article, Autosave
from .text import clean_html

# A body this long is far beyond any story; a bigger request is refused, not stored.
MAX_BODY_CHARS = 400_000


class AutosaveRefused(workflow.WorkflowError):
    """The copy cannot be kept; the message says why."""


def _for(*, user, article):
    if article is None:
        return Autosave.objects.filter(user=user, article__isnull=True)
    return Autosave.objects.filter(user=user, article=article)


def store(*, user, article, title, standfirst, body, based_on):
    """Keep the user's copy of the form (`article` None for a new story). Returns it."""
    if not workflow.can_edit(user, article):
        raise workflow.NotAllowed("Your role may not edit this article.")
    if len(body) > MAX_BODY_CHARS:
        raise AutosaveRefused("The story is too long to keep a copy of.")
    values = {
        "title": title[: Autosave._meta.get_field("title").max_length],
        "standfirst": standfirst,
        # Sanitised like the body itself: the copy is shown back in the editor and the preview.
        "body": clean_html(body),
        "based_on": based_on if article is not None else None,
        "saved_at": timezone.now(),
    }
    with transaction.atomic():
        copy = _for(user=user, article=article).first()
        if copy is None:
            return Autosave.objects.create(user=user, article=article, **values)
        for name, value in values.items():
            setattr(copy, name, value)
        copy.save()
        return copy


def discard(*, user, article):
    """Forget the user's copy: they saved the form, or chose the saved version."""
    _for(user=user, article=article).delete()


def offered(*, user, article):
    """The copy to offer back when the user opens the form, or None.

    A copy with nothing the saved article lacks (read from the database: `article` may
    carry a submitted form's text) is not worth offering.
    """
    copy = _for(user=user, article=article).first()
    if copy is None or article is None:
        return copy
    if not workflow.can_edit(user, article):
        return None
    saved = Article.objects.filter(pk=article.pk).values_list(
        "title", "standfirst", "body", "body_format"
    )
    for title, standfirst, text, fmt in saved:
        as_saved = (title, standfirst, editable_html(text, fmt))
        if (copy.title, copy.standfirst, copy.body) == as_saved:
            return None
    return copy


def saved_since(copy, article):
    """Who saved the article after the copy's form was opened, in words; "" if no one."""
    if article is None or copy.based_on is None or copy.based_on == article.edit_version:
        return ""
    return str(workflow.EditConflict(article))


def describe_time(moment):
    return date_format(timezone.localtime(moment), "j M Y, H:i:s")
