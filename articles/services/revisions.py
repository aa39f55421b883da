"""Revisions (django-reversion): restores and recoveries.

Reversion reverts a whole revision with raw saves (no signal a page cache, the search
index or the audit trail hears), so only these functions revert, after their checks, and
then save what they brought back the ordinary way.
"""

import reversion
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, connection, transaction
from reversion.errors import RevertError

from .. import signals
from ..models import Article, Authorship, Correction, LiveEntry, LiveEntryAuthorship, TaggedArticle
from .errors import NotAllowed, WorkflowError
from .live import check_entry, lock_story
from .permissions import can_recover, check_transition
from .publishing import check_fresh, reload_locked, write_article
from .translations import follow_source

Status = Article.Status
EntryStatus = LiveEntry.Status

# The rows a revision of a story, or of a live entry, may hold: the object and the rows
# that follow it, each with its foreign key to the object.
_STORY_ROWS = {
    Article: None,
    Authorship: "article_id",
    Correction: "article_id",
    TaggedArticle: "content_object_id",
}


_ENTRY_ROWS = {LiveEntry: None, LiveEntryAuthorship: "entry_id"}


def _is_version_of(version, model, object_id=None):
    same_model = version.content_type_id == ContentType.objects.get_for_model(model).pk
    return same_model and (object_id is None or version.object_id == str(object_id))


def _owner(held, rows):
    """The id of the object a version in a revision belongs to, if its model is in `rows`."""
    for row, key in rows.items():
        if _is_version_of(held, row):
            return held.object_id if key is None else str(held.field_dict[key])
    return None


def _revert(version, rows):
    """Put back the rows of the version's revision, or refuse.

    Only a revision of the version's object and the rows that follow it is reverted: one
    holding anything else (another story, another model) would bring that back too.
    """
    model = next(iter(rows))
    if any(_owner(held, rows) != version.object_id for held in version.revision.version_set.all()):
        raise WorkflowError("That revision holds more than this one; it cannot be used here.")
    tables = [row._meta.db_table for row in rows]
    try:
        # The rows come back raw, half a story at a time: none of them is a revision of
        # its own (the caller's save after this is).
        with transaction.atomic(), reversion.create_revision(manage_manually=True):
            version.revision.revert(delete=True)
            # Foreign keys are checked at commit: check them now, to refuse in words.
            connection.check_constraints(table_names=tables)
    except (RevertError, IntegrityError) as error:
        names = "an author or a tag" if model is Article else "an author"
        raise WorkflowError(f"It names {names} that has been deleted since.") from error


def restore_revision(*, article, version, user, based_on):
    """Bring back a stored revision of the article: its text, byline, tags and corrections.

    A restore is an edit of the article as saved now, so it obeys what a save obeys:
    `based_on` is the edit_version the editor was looking at (a restore over someone's
    newer save is refused like a stale form), the user's role must allow the status it
    brings back, a published status needs a complete article and takes its time by the
    one rule, and edit_version counts forward so a form opened before is stale.
    """
    if not _is_version_of(version, Article, article.pk):
        raise WorkflowError("That revision is of another article.")
    with transaction.atomic():
        previous = check_fresh(article_id=article.pk, based_on=based_on)
        check_transition(user=user, article=previous, to=version.field_dict["status"])
        _revert(version, _STORY_ROWS)
        reload_locked(article)
        article.edit_version = previous.edit_version
        write_article(article=article, user=user, previous=previous)
        # One event: the restore, whatever status it brought back.
        signals.article_restored.send(sender=Article, article=article, user=user, version=version)
    return article


def _check_deleted(version, model, what):
    """`version` is of a `model` row that no longer exists."""
    if not _is_version_of(version, model) or model.objects.filter(pk=version.object_id).exists():
        raise WorkflowError(f"That is not a deleted {what}.")


def recover_article(*, version, user):
    """Bring a deleted story back from its last revision, as a draft.

    It comes back on no public surface: publishing it again is a publication like any
    other, judged and announced as one.
    """
    if not can_recover(user):
        raise NotAllowed("Your role may not recover deleted articles.")
    _check_deleted(version, Article, "article")
    with transaction.atomic():
        _revert(version, _STORY_ROWS)
        article = Article.objects.select_for_update().get(pk=version.object_id)
        if article.status == Status.PUBLISHED:
            article.status = Status.DRAFT
        # A recovered translation is stale if its source changed while it was gone.
        follow_source(article=article)
        article.modified_by = user
        article.save()
        signals.article_recovered.send(sender=Article, article=article, user=user, version=version)
    return article


def recover_entry(*, version, user):
    """Bring a deleted live entry back on its story from its last revision, as a draft.

    Whoever may post entries on the story may; publishing it again takes the right to
    publish, as any entry does. Locks the story, then the entry (the entries' lock order).
    """
    _check_deleted(version, LiveEntry, "entry")
    with transaction.atomic():
        try:
            story = lock_story(version.field_dict["article_id"])
        except Article.DoesNotExist:
            raise WorkflowError("Its story has been deleted.") from None
        check_entry(user=user, article=story, current=None, to=EntryStatus.DRAFT)
        _revert(version, _ENTRY_ROWS)
        entry = LiveEntry.objects.select_for_update().get(pk=version.object_id)
        entry.status = EntryStatus.DRAFT
        entry.is_pinned = False
        entry.modified_by = user
        entry.save()
    return entry
