"""Saving an article, and moving it through its statuses: review, publication, unpublication.

A status move is judged against the article as saved, read under a lock.
"""

from django.db import transaction
from django.utils import timezone

from .. import signals
from ..models import Article
from .addresses import check_address, remember_old_slug
from .errors import EditConflict, Incomplete, NotAllowed, WorkflowError
from .permissions import can_delete, check_transition
from .translations import count_text_version, follow_source, source_words_changed

Status = Article.Status


def missing_for_publication(article, *, authors=None):
    """What the article lacks to be published, in words; `authors` is a pending byline
    (None: the byline as saved, none for an article not saved yet)."""
    if authors is None:
        authors = article.byline if article.pk is not None else []
    missing = []
    if not article.title.strip():
        missing.append("a title")
    if not article.body.strip():
        missing.append("a body")
    if not list(authors):
        missing.append("at least one author")
    if article.lead_photo and not article.lead_photo.alt_text.strip():
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


def reload_locked(article):
    """Read `article` again as saved, its row locked for the rest of the transaction."""
    article.refresh_from_db(from_queryset=Article.objects.select_for_update())


def save_article(*, article, user, previous=None, mark_as_update=False, authors=None):
    """Save an article as edited in a form, its fields already set on `article`.

    `previous` is the article as saved (locked by check_fresh), None for a new one: the
    status move is judged from it, publishing sets the time by the one rule, and a
    published article whose slug changes keeps its old address answering. A published
    article must be complete (check_complete) with `authors`, the byline the caller saves
    next (a form saves it after the article), or with its byline as saved if None.
    """
    with transaction.atomic():
        write_article(
            article=article,
            user=user,
            previous=previous,
            mark_as_update=mark_as_update,
            authors=authors,
        )
        _announce_status_change(article=article, user=user, previous=previous)
    return article


def write_article(*, article, user, previous, mark_as_update=False, authors=None):
    """save_article's write, announced by its callers (a restore announces itself)."""
    # A new article starts as a draft.
    source = previous or Article(status=Status.DRAFT)
    check_transition(user=user, article=source, to=article.status)
    check_address(article=article, slug=article.slug, previous=previous)
    if article.status == Status.PUBLISHED:
        check_complete(article, authors=authors)
    already_published = previous is not None and previous.status == Status.PUBLISHED
    if article.status == Status.PUBLISHED:
        article.published_at = publication_time(
            published_at=article.published_at, already_published=already_published
        )
    if previous is None:
        article.created_by = user
    else:
        _keep_live_state(article=article, previous=previous)
    if mark_as_update:
        mark_updated(article=article)
    # The words' count goes on if they changed; a published translation matches its source.
    words_changed = count_text_version(article=article, previous=previous)
    follow_source(article=article)
    article.modified_by = user
    article.save()
    if words_changed:
        source_words_changed(source=article)
    if already_published:
        remember_old_slug(article=article, old_slug=previous.slug)


def _keep_live_state(*, article, previous):
    """A save of the story (a form, a restored revision) keeps its coverage as saved, and
    the "Updated:" time entries gave it since the form was opened."""
    article.coverage_started_at = previous.coverage_started_at
    article.coverage_ended_at = previous.coverage_ended_at
    if previous.has_live_coverage and previous.updated_at:
        article.updated_at = max(filter(None, [article.updated_at, previous.updated_at]))


def _move(*, article, user, source, to, refusal):
    """Move a saved article from status `source` to `to`, if the user's role allows it."""
    with transaction.atomic():
        reload_locked(article)
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
        reload_locked(article)
        already_published = article.status == Status.PUBLISHED
        if already_published and at is None:
            raise WorkflowError("It is already published.")
        check_transition(user=user, article=article, to=Status.PUBLISHED)
        check_complete(article)
        article.published_at = publication_time(
            published_at=at or article.published_at, already_published=already_published
        )
        article.status = Status.PUBLISHED
        follow_source(article=article)
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


def delete_article(*, article, user):
    """Delete an article for good (reversion keeps what the admin can recover)."""
    if not can_delete(user):
        raise NotAllowed("Your role may not delete articles.")
    with transaction.atomic():
        signals.article_deleted.send(sender=Article, article=article, user=user)
        # Its translations stand alone from now (translation_of is emptied): none is stale.
        Article.objects.filter(translation_of=article).update(source_changed_at=None)
        article.delete()


def mark_updated(*, article):
    """Readers see "Updated:" with the time now; only a published story has one. Caller saves."""
    if article.status == Status.PUBLISHED:
        article.updated_at = timezone.now()


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
