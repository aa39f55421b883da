"""What the front page shows now: the live layout's zones, each slot given one story.

Decided at read time, from the clock: the live layout is the one whose `live_from` came
last; a pin counts until its `pinned_until`; a story counts while `published()` says so.
The rules, in order:

1. Pins first, over the whole page: a pinned public story takes its slot (a story pinned
   twice keeps the first slot down the page; the other falls back to its source).
2. Then every other slot, down the page, takes the newest public story of its source (a
   tag, or the latest) not already shown.

So a story never appears twice, a pinned story beats an automatic one wherever they sit,
and nothing unpublished appears. `changes_at` is the next time the answer changes with
no save (a pin ends, a scheduled layout takes over), which the page cache must not outlive.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.utils import timezone
from django.utils.translation import get_language

from articles.models import Article, Photo

from .models import Layout, Slot, Zone

LEAD = Zone.Kind.LEAD


@dataclass
class Placed:
    """A story in a slot, with the front page's own headline and photo if it has them."""

    article: Article
    headline: str
    photo: Photo | None
    pinned: bool

    @property
    def is_customised(self) -> bool:
        return bool(self.headline) or self.photo is not None


@dataclass
class ZoneShown:
    zone: Zone
    stories: list[Placed] = field(default_factory=list)


@dataclass
class Arrangement:
    layout: Layout
    zones: list[ZoneShown]
    changes_at: datetime | None

    @property
    def stories(self) -> list[Placed]:
        return [placed for zone in self.zones for placed in zone.stories]


def live_layout(now=None, language=None) -> Layout | None:
    """The edition's live layout (`language`'s, or the edition being drawn)."""
    now = now or timezone.now()
    layouts = Layout.objects.filter(language=language or get_language(), live_from__lte=now)
    return layouts.order_by("-live_from", "-pk").first()


def current() -> Arrangement | None:
    """The edition's live layout, arranged; None when editors have made none live (the
    page then shows the edition's newest stories, as before layouts existed)."""
    layout = live_layout()
    return arrange(layout) if layout is not None else None


def _pin_active(slot, now) -> bool:
    return slot.article_id is not None and (slot.pinned_until is None or slot.pinned_until > now)


def _newest_ids(language, source_tag_id, limit) -> list[int]:
    public = Article.objects.published().in_edition(language)
    if source_tag_id is not None:
        public = public.filter(tags=source_tag_id)
    return list(public.newest_first().values_list("pk", flat=True)[:limit])


def arrange(layout: Layout) -> Arrangement:
    now = timezone.now()
    slots = list(
        Slot.objects.filter(zone__layout=layout)
        .select_related("zone", "photo")
        .order_by("zone__position", "zone__pk", "position", "pk")
    )
    chosen: dict[int, int] = {}  # slot pk → article pk
    taken: set[int] = set()

    # 1. Pins, over the whole page, first: the edition's own stories alone.
    pinned = [slot for slot in slots if _pin_active(slot, now)]
    public_pins = (
        set(
            Article.objects.published()
            .in_edition(layout.language)
            .filter(pk__in={slot.article_id for slot in pinned})
            .values_list("pk", flat=True)
        )
        if pinned
        else set()
    )
    for slot in pinned:
        if slot.article_id in public_pins and slot.article_id not in taken:
            chosen[slot.pk] = slot.article_id
            taken.add(slot.article_id)

    # 2. The rest, down the page, from their sources. Each source's newest `len(slots)`
    # stories are enough: fewer than that can be taken already.
    rest = [slot for slot in slots if slot.pk not in chosen]
    candidates = {
        source: _newest_ids(layout.language, source, len(slots))
        for source in dict.fromkeys(slot.source_tag_id for slot in rest)
    }
    for slot in rest:
        found = next((pk for pk in candidates[slot.source_tag_id] if pk not in taken), None)
        if found is not None:
            chosen[slot.pk] = found
            taken.add(found)

    rows = Article.objects.published().for_listing().in_bulk(taken) if taken else {}
    zones: dict[int, ZoneShown] = {}
    for slot in slots:
        shown = zones.setdefault(slot.zone_id, ZoneShown(slot.zone))
        article = rows.get(chosen.get(slot.pk))
        if article is None:
            continue
        is_pin = slot.article_id == article.pk
        shown.stories.append(
            Placed(
                article,
                headline=slot.headline if is_pin else "",
                photo=slot.photo if is_pin else None,
                pinned=is_pin,
            )
        )
    return Arrangement(layout, list(zones.values()), _changes_at(layout, pinned, now))


def _changes_at(layout, pinned, now) -> datetime | None:
    """The next moment the page changes by the clock alone: a pin ending, or a layout
    scheduled after this one taking over."""
    ends = [slot.pinned_until for slot in pinned if slot.pinned_until is not None]
    later = (
        Layout.objects.filter(language=layout.language, live_from__gt=now)
        .order_by("live_from")
        .values_list("live_from", flat=True)
        .first()
    )
    moments = [*ends, *([later] if later else [])]
    return min(moments) if moments else None
