"""Which changes are events: receivers of the workflow's signals and of the saves of
stories, corrections and live entries, all inside the change's transaction (the outbox).

Only what readers can see is told: a story is announced when it becomes public (now, or
at its scheduled time by schedule.py), its updates and corrections while it is public,
its entries when they are published on a public story, and its withdrawal when it was
public. Drafts, stories in review or scheduled for later, and draft entries are never
mentioned.
"""

from django.db.models.signals import post_save, pre_save

from articles import signals
from articles.models import Article, Correction, LiveEntry
from articles.models.visibility import is_public

from .models import EventType
from .outbox import record_event
from .schedule import publication_key

PUBLISHED = Article.Status.PUBLISHED


def published(sender, article, **kwargs):
    record_event(type=EventType.STORY_PUBLISHED, story=article, once_key=publication_key(article))


def deleted(sender, article, **kwargs):
    if article.is_published:
        record_event(type=EventType.STORY_UNPUBLISHED, story=article)


def story_saving(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None:
        instance._webhook_before = None
        return
    instance._webhook_before = (
        Article.objects.filter(pk=instance.pk).values("status", "published_at").first()
    )


def story_saved(sender, instance, raw=False, created=False, **kwargs):
    """A story public before this save: `story.updated` if it still is, at the same time;
    `story.unpublished` if it is not (back to draft, or rescheduled for later). Its
    publication is the workflow's signal's event (`published`)."""
    before = getattr(instance, "_webhook_before", None)
    if raw or created or before is None or not is_public(before["status"], before["published_at"]):
        return
    if not instance.is_published:
        record_event(type=EventType.STORY_UNPUBLISHED, story=instance)
    elif before["published_at"] == instance.published_at:
        record_event(type=EventType.STORY_UPDATED, story=instance)


def correction_saved(sender, instance, raw=False, created=False, **kwargs):
    if raw or not created:
        return
    story = Article.objects.filter(pk=instance.article_id).published().first()
    if story is not None:
        record_event(type=EventType.STORY_CORRECTED, story=story, subject_id=instance.pk)


def entry_saving(sender, instance, raw=False, **kwargs):
    instance._webhook_was_published = (
        not raw
        and instance.pk is not None
        and LiveEntry.objects.filter(pk=instance.pk, status=LiveEntry.Status.PUBLISHED).exists()
    )


def entry_saved(sender, instance, raw=False, **kwargs):
    if raw or getattr(instance, "_webhook_was_published", True) or not instance.is_published:
        return
    story = Article.objects.filter(pk=instance.article_id).published().first()
    if story is not None:
        record_event(type=EventType.LIVE_ENTRY_POSTED, story=story, subject_id=instance.pk)


def rerendered(sender, article_ids, **kwargs):
    """A placed photo's caption or credit changed these stories' HTML."""
    for story in (
        Article.objects.filter(pk__in=article_ids).published().only("pk", "slug", "language")
    ):
        record_event(type=EventType.STORY_UPDATED, story=story)


def connect():
    uid = "webhooks-{}".format
    signals.article_published.connect(published, dispatch_uid=uid("published"))
    signals.article_deleted.connect(deleted, dispatch_uid=uid("deleted"))
    signals.stories_rerendered.connect(rerendered, dispatch_uid=uid("rerendered"))
    pre_save.connect(story_saving, sender=Article, dispatch_uid=uid("story-saving"))
    post_save.connect(story_saved, sender=Article, dispatch_uid=uid("story-saved"))
    post_save.connect(correction_saved, sender=Correction, dispatch_uid=uid("correction"))
    pre_save.connect(entry_saving, sender=LiveEntry, dispatch_uid=uid("entry-saving"))
    post_save.connect(entry_saved, sender=LiveEntry, dispatch_uid=uid("entry-saved"))
