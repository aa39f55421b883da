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

import reversion
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import get_text_list
from reversion.errors import RevertError

from . import signals
from .models import (
    Article,
    Authorship,
    Correction,
    LiveEntry,
    LiveEntryAuthorship,
    PreviewLink,
    SlugRedirect,
    TaggedArticle,
)

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


class AddressTaken(WorkflowError):
    """The slug was another story's: its old address leads to that story for good."""

    def __init__(self, slug):
        super().__init__(
            f"The address /news/{slug}/ belonged to another story and still leads to it: "
            "choose another slug."
        )


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


def check_address(*, article, slug, previous=None):
    """Refuse a slug that is another story's old address: a redirect never changes owner.

    A story may take back one of its own old slugs; a slug unchanged since `previous`
    (the article as saved) is not asked about again.
    """
    if not slug or (previous is not None and previous.slug == slug):
        return
    if SlugRedirect.objects.filter(old_slug=slug).exclude(article_id=article.pk).exists():
        raise AddressTaken(slug)


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
    check_address(article=article, slug=article.slug, previous=previous)
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


# Revisions (django-reversion): restores and recoveries. Reversion reverts a whole
# revision with raw saves (no signal a page cache, the search index or the audit trail
# hears), so only these functions revert, after their checks, and then save what they
# brought back the ordinary way.

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
        _reload(article)
        if article.status == Status.PUBLISHED:
            check_complete(article)
        article.edit_version = previous.edit_version
        _save(article=article, user=user, previous=previous)
        # One event: the restore, whatever status it brought back.
        signals.article_restored.send(sender=Article, article=article, user=user, version=version)
    return article


def can_recover(user):
    """Bring back a deleted story: those who may delete stories (and write new ones)."""
    return user.has_perm("articles.delete_article") and user.has_perm("articles.add_article")


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
            story = _lock_story(version.field_dict["article_id"])
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
    """Keep a published article's old address answering, for good, after its slug changes.

    An address never changes owner: the story's new slug was checked (check_address), and
    an old slug already leading elsewhere stays with its story. An old slug the story
    takes back is its own page again, and stops redirecting.
    """
    if not old_slug or old_slug == article.slug:
        return
    SlugRedirect.objects.filter(article=article, old_slug=article.slug).delete()
    SlugRedirect.objects.get_or_create(old_slug=old_slug, defaults={"article": article})


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


# Live coverage (articles/live.py): a story told in entries while the news happens.
# Entries follow the story's roles: whoever may edit the story drafts entries on it;
# publishing an entry, and changing or removing a published one, changes what readers
# see, so it takes the right to publish the story. Revisions are the caller's business,
# as for articles.

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
    if entry.image and not entry.image_alt.strip():
        missing.append("alt text for the photo")
    if entry.is_key_event and not entry.headline.strip():
        missing.append("a headline (key events are listed by it)")
    return missing


def check_entry_complete(entry, *, authors=None):
    if missing := missing_for_entry(entry, authors=authors):
        raise Incomplete(missing)


def post_entry(*, entry, article, user, authors, publish=False):
    """A new entry on `article` by `authors` (in byline order), published now or a draft."""
    with transaction.atomic():
        story = _lock_story(article.pk)
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
    now; a published entry keeps its time when it is edited.
    """
    with transaction.atomic():
        story = _lock_story(entry.article_id)
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
    """Publish a draft entry now, as it was saved."""
    with transaction.atomic():
        _lock_story(entry.article_id)  # the story first, then the entry: the lock order
        entry.refresh_from_db(from_queryset=LiveEntry.objects.select_for_update())
        if entry.status == EntryStatus.PUBLISHED:
            raise WorkflowError("It is already published.")
        entry.status = EntryStatus.PUBLISHED
        return save_entry(entry=entry, user=user)


def delete_entry(*, entry, user):
    """Remove the entry from the page. Its revisions stay, so it can be recovered."""
    with transaction.atomic():
        story = _lock_story(entry.article_id)
        saved = LiveEntry.objects.select_for_update().get(pk=entry.pk)
        check_entry(user=user, article=story, current=saved.status, to=saved.status)
        saved.delete()


def start_coverage(*, article, user):
    """Run the story as a live page from now; coverage that was ended resumes, keeping
    its start."""
    with transaction.atomic():
        _reload(article)
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
        _reload(article)
        if not can_run_coverage(user, article):
            raise NotAllowed("Your role may not start or end live coverage of this story.")
        if not article.is_live:
            raise WorkflowError("Its live coverage is not running.")
        article.coverage_ended_at = timezone.now()
        article.modified_by = user
        article.save()
    return article


def _lock_story(article_id):
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


def _keep_live_state(*, article, previous):
    """A save of the story (a form, a restored revision) keeps its coverage as saved, and
    the "Updated:" time entries gave it since the form was opened."""
    article.coverage_started_at = previous.coverage_started_at
    article.coverage_ended_at = previous.coverage_ended_at
    if previous.has_live_coverage and previous.updated_at:
        article.updated_at = max(filter(None, [article.updated_at, previous.updated_at]))
