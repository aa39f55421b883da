"""The editorial workflow: who may do what to an article, and the writes that do it.

Every rule is here, once, so the admin form, the admin's bulk actions, a restore from the
history and a hand-made POST all obey the same code (docs/editorial.md is the table for
people). Questions are plain functions (`can_edit`, `can_publish`); every write is a
keyword-only function in the manner of HackSoft's services (`save_article`, `publish`,
`restore_revision`, `create_preview_link`...), and refuses with a WorkflowError whose
message can be shown to an editor. The admin only collects input and shows the results.
Revisions are the caller's business (the admin wraps each write in one).
"""

import secrets
from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import get_text_list
from reversion.errors import RevertError

from . import signals
from .models import Article, Authorship, Correction, PreviewLink, SlugRedirect, TaggedArticle

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


def check_fresh(*, article_id, based_on):
    """Lock the article's row for the rest of the transaction; refuse a stale copy.

    `based_on` is the edit_version the form (or page) was opened at. Returns the article
    as saved.
    """
    saved = Article.objects.select_for_update().get(pk=article_id)
    if based_on != saved.edit_version:
        raise EditConflict(saved)
    return saved


# The publication time: one rule, whichever channel publishes (form, bulk action, restore).


def publication_time(*, published_at, already_published):
    """When a story saved as published goes out.

    Publishing it (it was not published before) with no time, or a time already past,
    sends it out now; a future time schedules it. A story that was already published
    (scheduled included) keeps the time it is saved with: re-saving never moves it.
    """
    now = timezone.now()
    if published_at is None:
        return now
    if already_published or published_at > now:
        return published_at
    return now


# Writes. A status move is judged against the article as saved, read under a lock.


def _reload(article):
    article.refresh_from_db(from_queryset=Article.objects.select_for_update())


def save_article(*, article, user, previous=None, mark_as_update=False):
    """Save an article as edited in a form, its fields already set on `article`.

    `previous` is the article as saved (locked by check_fresh), None for a new one: the
    status move is judged from it, publishing sets the time by the one rule, and a
    published article whose slug changes keeps its old address answering. The byline is
    the caller's to check (check_complete) and save, since a form saves it afterwards.
    """
    with transaction.atomic():
        _save(article=article, user=user, previous=previous, mark_as_update=mark_as_update)
        _announce_status_change(article=article, user=user, previous=previous)
    return article


def _save(*, article, user, previous, mark_as_update=False):
    """save_article's write, announced by its callers (a restore announces itself)."""
    # A new article starts as a draft.
    source = previous or Article(status=Status.DRAFT)
    check_transition(user=user, article=source, to=article.status)
    already_published = previous is not None and previous.status == Status.PUBLISHED
    if article.status == Status.PUBLISHED:
        article.published_at = publication_time(
            published_at=article.published_at, already_published=already_published
        )
    if previous is None:
        article.created_by = user
    if mark_as_update:
        mark_updated(article=article)
    article.modified_by = user
    article.save()
    if already_published:
        _remember_old_slug(article=article, old_slug=previous.slug)


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
    """Publish at the time the one rule gives; `at` is a time to use instead of its own.

    An already published article is refused, unless `at` reschedules it.
    """
    with transaction.atomic():
        _reload(article)
        already_published = article.status == Status.PUBLISHED
        if already_published and at is None:
            raise WorkflowError("It is already published.")
        check_transition(user=user, article=article, to=Status.PUBLISHED)
        check_complete(article)
        article.published_at = publication_time(
            published_at=at or article.published_at, already_published=already_published
        )
        article.status = Status.PUBLISHED
        article.modified_by = user
        article.save()
        _announce_publication(article=article, user=user)
    return article


def unpublish(*, article, user):
    """Back to draft: off every public surface at once. Its publication time is kept."""
    with transaction.atomic():
        _move(
            article=article,
            user=user,
            source=Status.PUBLISHED,
            to=Status.DRAFT,
            refusal="It is not published.",
        )
        signals.article_unpublished.send(sender=Article, article=article, user=user)
    return article


def restore_revision(*, article, version, user, based_on):
    """Bring back a stored revision of the article: its text, byline, tags and corrections.

    A restore is an edit of the article as saved now, so it obeys what a save obeys:
    `based_on` is the edit_version the editor was looking at (a restore over someone's
    newer save is refused like a stale form), the user's role must allow the status it
    brings back, a published status needs a complete article and takes its time by the
    one rule, and edit_version counts forward so a form opened before is stale.
    """
    if version.object_id != str(article.pk):
        raise WorkflowError("That revision is of another article.")
    with transaction.atomic():
        previous = check_fresh(article_id=article.pk, based_on=based_on)
        check_transition(user=user, article=previous, to=version.field_dict["status"])
        _revert(version)
        _reload(article)
        if article.status == Status.PUBLISHED:
            check_complete(article)
        article.edit_version = previous.edit_version
        _save(article=article, user=user, previous=previous)
        # One event: the restore, whatever status it brought back.
        signals.article_restored.send(sender=Article, article=article, user=user, version=version)
    return article


def _revert(version):
    """Put the rows of the version's revision back, or refuse if what they name is gone."""
    tables = [model._meta.db_table for model in (Article, Authorship, Correction, TaggedArticle)]
    try:
        with transaction.atomic():
            version.revision.revert(delete=True)
            # Foreign keys are checked at commit: check them now, to refuse in words.
            connection.check_constraints(table_names=tables)
    except (RevertError, IntegrityError) as error:
        raise WorkflowError("It names an author or a tag that has been deleted since.") from error


def delete_article(*, article, user):
    """Delete an article for good (reversion keeps what the admin can recover)."""
    if not user.has_perm("articles.delete_article"):
        raise NotAllowed("Your role may not delete articles.")
    with transaction.atomic():
        signals.article_deleted.send(sender=Article, article=article, user=user)
        article.delete()


# The events announced (articles/signals.py), decided here from the write itself.


def _announce_publication(*, article, user):
    """Published now, or scheduled: which follows from the time the one rule gave it."""
    signal = signals.article_scheduled
    if article.published_at <= timezone.now():
        signal = signals.article_published
    signal.send(sender=Article, article=article, user=user)


def _announce_status_change(*, article, user, previous):
    was_published = previous is not None and previous.status == Status.PUBLISHED
    if article.status == Status.PUBLISHED:
        # Forms carry whole seconds: a re-save that only drops microseconds moves nothing.
        moved = was_published and (
            article.published_at.replace(microsecond=0)
            != previous.published_at.replace(microsecond=0)
        )
        if not was_published or moved:
            _announce_publication(article=article, user=user)
    elif was_published:
        signals.article_unpublished.send(sender=Article, article=article, user=user)


def mark_updated(*, article):
    """Readers see "Updated:" with the time now; only a published story has one. Caller saves."""
    if article.status == Status.PUBLISHED:
        article.updated_at = timezone.now()


def save_corrections(*, article, previous, added=(), edited=(), removed=()):
    """Write the corrections edited beside an article (saved first, so it has a key).

    A new correction to a story readers could already see (`previous`, the article as
    saved before this edit, was public) is news to them: it counts as an update.
    """
    with transaction.atomic():
        for correction in removed:
            correction.delete()
        for correction in [*added, *edited]:
            correction.article = article
            correction.save()
        if added and previous is not None and previous.is_published:
            mark_updated(article=article)
            article.save(update_fields=["updated_at"])


def _remember_old_slug(*, article, old_slug):
    """Keep a published article's old address answering, for good, after its slug changes."""
    if old_slug and old_slug != article.slug:
        SlugRedirect.objects.update_or_create(old_slug=old_slug, defaults={"article": article})


# Preview links.


def default_preview_expiry():
    return timezone.now() + PREVIEW_LINK_LIFETIME


def create_preview_link(*, article, user, expires_at=None):
    with transaction.atomic():
        link = PreviewLink.objects.create(
            article=article,
            token=secrets.token_urlsafe(32),
            created_by=user,
            expires_at=expires_at or default_preview_expiry(),
        )
        signals.preview_link_created.send(sender=PreviewLink, link=link, user=user)
    return link


def change_preview_expiry(*, link, expires_at):
    link.expires_at = expires_at
    link.save(update_fields=["expires_at"])
    return link


def revoke_preview_link(*, link, user):
    """The link stops working at once; revoking it again keeps the first time."""
    if link.revoked_at is None:
        with transaction.atomic():
            link.revoked_at = timezone.now()
            link.save(update_fields=["revoked_at"])
            signals.preview_link_revoked.send(sender=PreviewLink, link=link, user=user)
    return link
