"""What an event says: `{"type", "timestamp", "data"}`, as Standard Webhooks suggests,
with the story as the API serves it (`GET /api/v1/stories/<slug>/`).

Written when the event is first sent, from the story as committed, and only while the
story is public: an event about a story withdrawn since is not sent (its
`story.unpublished` follows). A withdrawn story's event names it by id and slug alone.
"""

from rest_framework.fields import DateTimeField

from api.serializers import CorrectionSerializer, EntrySerializer
from api.stories import public_story, story_document
from articles.models import Correction, LiveEntry

from .models import EventType


def build(event):
    """The event's body, or None if it is no longer true of anything public."""
    data = _data(event)
    if data is None:
        return None
    return {
        "type": event.type,
        "timestamp": DateTimeField().to_representation(event.created_at),
        "data": data,
    }


def _data(event):
    if event.type == EventType.STORY_UNPUBLISHED:
        return {"story": {"id": event.story_id, "slug": event.story_slug}}
    story = public_story(pk=event.story_id)
    if story is None:
        return None
    data = {"story": story_document(story)}
    if event.type == EventType.STORY_CORRECTED:
        correction = Correction.objects.filter(pk=event.subject_id, article=story).first()
        if correction is None:
            return None
        data["correction"] = CorrectionSerializer(correction).data
    elif event.type == EventType.LIVE_ENTRY_POSTED:
        entry = (
            LiveEntry.objects.published()
            .filter(pk=event.subject_id, article=story)
            .select_related("photo")
            .with_byline()
            .first()
        )
        if entry is None:
            return None
        data["entry"] = EntrySerializer(entry, context={"story_slug": story.slug}).data
    return data
