"""Scheduled stories announce themselves: a periodic task (every WEBHOOK_SWEEP_SECONDS,
on the queue's clock, so no one runs anything) writes `story.published` for each story
whose time has come since it last looked. Once per story and time (`once_key`): the
immediate publications were announced by their own change, under the same key.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from articles.models import Article
from jobs.compat import task

from .models import EventType, SweepMark
from .outbox import record_event

# A story scheduled for a moment the last sweep had already passed, saved just after it
# (the save committed late): looked at again by the next sweeps for this long.
OVERLAP = timedelta(minutes=10)


def publication_key(story):
    return f"published:{story.pk}:{story.published_at.isoformat()}"


@task()
def sweep():
    now = timezone.now()
    with transaction.atomic():
        mark, created = SweepMark.objects.select_for_update().get_or_create(
            name="scheduled", defaults={"swept_until": now}
        )
        if not created:  # the first sweep starts now: the archive was never "scheduled"
            due = Article.objects.published().filter(published_at__gt=mark.swept_until - OVERLAP)
            for story in due.only("pk", "slug", "language", "published_at"):
                record_event(
                    type=EventType.STORY_PUBLISHED, story=story, once_key=publication_key(story)
                )
            mark.swept_until = now
            mark.save(update_fields=["swept_until"])
