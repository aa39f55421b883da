"""The editorial workflow: who may do what to an article, and the writes that do it.

Every rule is here, once, so the admin form, the admin's bulk actions and a hand-made POST
all obey the same code (docs/editorial.md is the table for people). Questions are plain
functions (`can_edit`, `can_publish`); writes are keyword-only functions in the manner of
HackSoft's services, and refuse with a WorkflowError whose message can be shown to an editor.
Revisions are the caller's business (the admin wraps each write in one).
"""

import secrets
from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import get_text_list

from .models import Article, PreviewLink, SlugRedirect

Status = Article.Status

PREVIEW_LINK_LIFETIME = timedelta(hours=48)


class WorkflowError(Exception):
    """A refused change, with a message fit for the editor who asked."""

    @property
    def message(self):
        return str(self)


class NotAllowed(WorkflowError, PermissionDenied):
    """The user's role does not allow it (a 403 if it escapes a view)."""


class Incomplete(WorkflowError):
    def __init__(self, missing):
        self.missing = missing
        super().__init__(f"Not ready to publish: it needs {get_text_list(missing, 'and')}.")


class EditConflict(WorkflowError):
    """Someone saved the article after the form being submitted was opened."""

    def __init__(self, saved):
        self.saved = saved
        user = saved.modified_by
        who = (user.get_full_name() or user.get_username()) if user else "Someone"
        when = date_format(timezone.localtime(saved.modified_at), "j M Y, H:i:s")
        super().__init__(f"{who} saved this article at {when}, after you opened it.")


# Who may do what.


def is_own(user, article):
    """The user created the article, or their author profile is on its byline."""
    if user.is_authenticated and article.created_by_id == user.pk:
        return True
    return Article.objects.owned_by(user).filter(pk=article.pk).exists()


def can_edit(user, article=None):
    """Editors edit any article; writers their own drafts, and Authors all their own.

    With no article: whether the user may edit some article (the admin's list, add form).
    An unsaved article is the new one the user is writing.
    """
    if user.has_perm("articles.change_article"):
        return True
    if not user.has_perm("articles.change_own_article"):
        return False
    if article is None or article.pk is None:
        return True
    return is_own(user, article) and (article.status == Status.DRAFT or can_publish(user, article))


def can_publish(user, article=None):
    """Publish, schedule or unpublish: Editors any article, Authors their own."""
    if user.has_perm("articles.publish_article"):
        return True
    if not user.has_perm("articles.publish_own_article"):
        return False
    return article is None or article.pk is None or is_own(user, article)


def can_preview(user, article):
    """Staff who may see or edit the article in the admin may preview it on the site."""
    return (
        user.is_active
        and user.is_staff
        and (user.has_perm("articles.view_article") or can_edit(user, article))
    )


def _refusal(user, article, to):
    """Why `user` may not move `article` (as saved) to status `to`, or None if they may."""
    current = article.status
    if to == Status.PUBLISHED or (current == Status.PUBLISHED and to == Status.DRAFT):
        if not can_publish(user, article):
            return "Your role may not publish, schedule or unpublish this article."
    elif not can_edit(user, article):
        return "Your role may not edit this article in its current state."
    if current == Status.PUBLISHED and to == Status.REVIEW:
        return "A published article goes back to draft (unpublish it) before review."
    return None


def allowed_statuses(user, article):
    """The statuses the user may give the article: its own, and those they may move it to."""
    return [status for status in Status if not _refusal(user, article, status)]


def check_transition(*, user, article, to):
    """Raise NotAllowed unless `user` may move `article` (as saved) to status `to`."""
    if reason := _refusal(user, article, to):
        raise NotAllowed(reason)


def missing_for_publication(article, *, authors=None):
    """What the article lacks to be published, in words; `authors` is a pending byline."""
    if authors is None:
        authors = [authorship.author for authorship in article.authorships.all()]
    missing = []
    if not article.title.strip():
        missing.append("a title")
    if not article.body.strip():
        missing.append("a body")
    if not list(authors):
        missing.append("at least one author")
    if article.lead_image and not article.lead_image_alt.strip():
        missing.append("alt text for the lead image")
    return missing


def check_complete(article, *, authors=None):
    if missing := missing_for_publication(article, authors=authors):
        raise Incomplete(missing)


def check_fresh(*, article_id, based_on, saved=None):
    """Lock the article's row for the rest of the transaction; refuse a stale copy.

    `based_on` is the edit_version the form was opened at; `saved` is the article as
    saved, when the caller already holds it. Returns the saved article.
    """
    if saved is None:
        saved = Article.objects.select_for_update().get(pk=article_id)
    if based_on != saved.edit_version:
        raise EditConflict(saved)
    return saved


# Transitions. Each re-reads the article under a lock, so it acts on what is saved.


def _reload(article):
    article.refresh_from_db(from_queryset=Article.objects.select_for_update())


def _move(*, article, user, source, to, refusal):
    """Move a saved article from status `source` to `to`, if the user's role allows it."""
    with transaction.atomic():
        _reload(article)
        if article.status != source:
            raise WorkflowError(refusal)
        check_transition(user=user, article=article, to=to)
        article.status = to
        article.modified_by = user
        article.save()
    return article


def submit_for_review(*, article, user):
    return _move(
        article=article,
        user=user,
        source=Status.DRAFT,
        to=Status.REVIEW,
        refusal="Only a draft can be submitted for review.",
    )


def publish(*, article, user, at=None):
    """Publish now, or at `at` (a future time schedules it); a future time already set is kept."""
    with transaction.atomic():
        _reload(article)
        if article.status == Status.PUBLISHED and at is None:
            raise WorkflowError("It is already published.")
        check_transition(user=user, article=article, to=Status.PUBLISHED)
        check_complete(article)
        now = timezone.now()
        if at is not None:
            article.published_at = at
        elif article.published_at is None or article.published_at < now:
            article.published_at = now
        article.status = Status.PUBLISHED
        article.modified_by = user
        article.save()
    return article


def unpublish(*, article, user):
    """Back to draft: off every public surface at once. Its publication time is kept."""
    return _move(
        article=article,
        user=user,
        source=Status.PUBLISHED,
        to=Status.DRAFT,
        refusal="It is not published.",
    )


def mark_updated(*, article, at=None):
    """Readers see "Updated:" with this time; only a published story gets one. The caller saves."""
    if article.status == Status.PUBLISHED:
        article.updated_at = at or timezone.now()


def remember_old_slug(*, article, old_slug):
    """Keep a published article's old address answering, for good, after its slug changes."""
    if old_slug and old_slug != article.slug:
        SlugRedirect.objects.update_or_create(old_slug=old_slug, defaults={"article": article})


def new_preview_token():
    return secrets.token_urlsafe(32)


def default_preview_expiry():
    return timezone.now() + PREVIEW_LINK_LIFETIME


def create_preview_link(*, article, user, expires_at=None):
    return PreviewLink.objects.create(
        article=article,
        token=new_preview_token(),
        created_by=user,
        expires_at=expires_at or default_preview_expiry(),
    )
