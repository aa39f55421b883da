"""Live coverage (articles/models/live.py): a story told in entries while the news happens.

Entries follow the story's roles: whoever may edit the story drafts entries on it;
publishing an entry, and changing or removing a published one, changes what readers
see, so it takes the right to publish the story. Revisions are the caller's business,
as for articles.
"""

from django.db import transaction
from django.utils import timezone

from ..models import Article, LiveEntry, LiveEntryAuthorship
from .errors import Incomplete, NotAllowed, WorkflowError
from .permissions import can_edit, can_publish
from .publishing import reload_locked

Status = Article.Status
EntryStatus = LiveEntry.Status


def _entry_refusal(user, article, *, current, to):
    """Why `user` may not save an entry of `article` whose saved status is `current` (None
    for a new one) with status `to`, or None if they may."""
    if not can_edit(user, article):
        return "Your role may not post or change entries on this story."
    if EntryStatus.PUBLISHED in (current, to) and not can_publish(user, article):
        return (
            "Your role may not publish entries on this story, nor change published ones: "
            "save a draft for an editor to publish."
        )
    return None


def check_entry(*, user, article, current, to):
    """Raise unless `user` may save an entry of `article` from status `current` to `to`."""
    if not article.has_live_coverage:
        raise WorkflowError("Start the story's live coverage first: entries show on its live page.")
    if reason := _entry_refusal(user, article, current=current, to=to):
        raise NotAllowed(reason)


def allowed_entry_statuses(user, article, current=None):
    """The statuses the user may give an entry of `article` saved with status `current`."""
    return [s for s in EntryStatus if not _entry_refusal(user, article, current=current, to=s)]


def can_post_entries(user, article):
    """Draft entries on the story (publishing them is can_publish)."""
    return can_edit(user, article)


def can_change_entry(user, entry):
    """Edit or delete the entry: a draft as the story's writers may; a published one as its
    publishers may."""
    current = entry.status
    return _entry_refusal(user, entry.article, current=current, to=current) is None


def can_run_coverage(user, article):
    """Start or end live coverage: on a published story it changes what readers see."""
    if article.status == Status.PUBLISHED:
        return can_publish(user, article)
    return can_edit(user, article)


def missing_for_entry(entry, *, authors=None):
    """What the entry lacks to be published, in words; `authors` is a pending byline."""
    if authors is None:
        authors = entry.byline if entry.pk else []
    missing = []
    if not entry.body.strip():
        missing.append("a body")
    if not list(authors):
        missing.append("at least one author")
    if entry.photo and not entry.photo.alt_text.strip():
        missing.append("alt text for the photo")
    if entry.is_key_event and not entry.headline.strip():
        missing.append("a headline (key events are listed by it)")
    return missing


def check_entry_complete(entry, *, authors=None):
    if missing := missing_for_entry(entry, authors=authors):
        raise Incomplete(missing)


def post_entry(*, entry, article, user, authors, publish=False):
    """A new entry on `article` by `authors` (in byline order), published now or a draft.

    Locks the story (the lock order: the story, then the entry).
    """
    with transaction.atomic():
        story = lock_story(article.pk)
        to = EntryStatus.PUBLISHED if publish else EntryStatus.DRAFT
        check_entry(user=user, article=story, current=None, to=to)
        entry.article = story
        entry.status = to
        entry.created_by = entry.modified_by = user
        if publish:
            check_entry_complete(entry, authors=authors)
            entry.published_at = timezone.now()
        _write_entry(entry=entry, story=story, authors=authors)
    return entry


def save_entry(*, entry, user, authors=None):
    """Save an entry as edited, its fields set on `entry`; `authors` is its new byline
    (None keeps the one saved).

    Judged against the entry as saved, read under a lock: publishing it gives it the time
    now; a published entry keeps its time when it is edited. Locks the story, then the
    entry (the lock order).
    """
    with transaction.atomic():
        story = lock_story(entry.article_id)
        saved = LiveEntry.objects.select_for_update().get(pk=entry.pk)
        check_entry(user=user, article=story, current=saved.status, to=entry.status)
        if entry.status == EntryStatus.PUBLISHED:
            check_entry_complete(entry, authors=authors)
            was_published = saved.status == EntryStatus.PUBLISHED
            entry.published_at = saved.published_at if was_published else timezone.now()
        entry.modified_by = user
        _write_entry(entry=entry, story=story, authors=authors)
    return entry


def publish_entry(*, entry, user):
    """Publish a draft entry now, as it was saved. Locks the story, then the entry (the
    lock order)."""
    with transaction.atomic():
        lock_story(entry.article_id)  # the story first, then the entry: the lock order
        entry.refresh_from_db(from_queryset=LiveEntry.objects.select_for_update())
        if entry.status == EntryStatus.PUBLISHED:
            raise WorkflowError("It is already published.")
        entry.status = EntryStatus.PUBLISHED
        return save_entry(entry=entry, user=user)


def delete_entry(*, entry, user):
    """Remove the entry from the page. Its revisions stay, so it can be recovered.

    Locks the story, then the entry (the lock order).
    """
    with transaction.atomic():
        story = lock_story(entry.article_id)
        saved = LiveEntry.objects.select_for_update().get(pk=entry.pk)
        check_entry(user=user, article=story, current=saved.status, to=saved.status)
        saved.delete()


def start_coverage(*, article, user):
    """Run the story as a live page from now; coverage that was ended resumes, keeping
    its start."""
    with transaction.atomic():
        reload_locked(article)
        if not can_run_coverage(user, article):
            raise NotAllowed("Your role may not start or end live coverage of this story.")
        if article.is_live:
            raise WorkflowError("Its live coverage is already running.")
        article.coverage_started_at = article.coverage_started_at or timezone.now()
        article.coverage_ended_at = None
        article.modified_by = user
        article.save()
    return article


def end_coverage(*, article, user):
    """Stop the live page checking for entries; it stays readable as an archive."""
    with transaction.atomic():
        reload_locked(article)
        if not can_run_coverage(user, article):
            raise NotAllowed("Your role may not start or end live coverage of this story.")
        if not article.is_live:
            raise WorkflowError("Its live coverage is not running.")
        article.coverage_ended_at = timezone.now()
        article.modified_by = user
        article.save()
    return article


def lock_story(article_id):
    """The story's row, locked: its entries' pins and its "Updated:" time change one post
    at a time.

    The lock order, kept by every write on entries: the story, then the entry. A writer
    that locked an entry first could wait for the story while another, holding the story,
    waits for that entry: a deadlock.
    """
    return Article.objects.select_for_update().get(pk=article_id)


def _write_entry(*, entry, story, authors):
    if entry.is_pinned:  # one pinned entry per story: the newest pin wins
        story.live_entries.filter(is_pinned=True).exclude(pk=entry.pk).update(is_pinned=False)
    entry.save()
    if authors is not None:
        # One row at a time, with their signals: the revision being kept (and the page
        # cache) must see the byline as it now is.
        entry.authorships.all().delete()
        for position, author in enumerate(authors):
            LiveEntryAuthorship.objects.create(entry=entry, author=author, position=position)
    if entry.status == EntryStatus.PUBLISHED:
        _story_updated(story=story, at=entry.published_at)


def _story_updated(*, story, at):
    """A new entry is an update of a published story: lists, feeds, sitemaps and its page
    show "Updated:" with the newest entry's time.

    Written alone, without a save: a save would count as an edit and make every form
    opened on the story stale, while journalists post entries every few minutes.
    """
    if story.status == Status.PUBLISHED and (story.updated_at is None or story.updated_at < at):
        Article.objects.filter(pk=story.pk).update(updated_at=at)
        story.updated_at = at
