"""The demo's front page: a curated layout, a banner ready to raise, and simulated reading.

Made once: a site that already has a layout, a banner or view counts keeps its own (they
are the editors' and the readers' after that), so running the loader again adds nothing.
"""

import random
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from taggit.models import Tag

from articles.models import Article
from frontpage.models import Banner, Layout, Slot, StoryViews, Zone

SECTIONS = ["politics", "world", "economy", "climate"]
VIEWS_SEED = 21  # the same simulated readership on every machine


@transaction.atomic
def load(now=None) -> list[str]:
    """Make what is missing; returns a line for each thing made."""
    now = now or timezone.now()
    made = []
    if not Layout.objects.exists():
        layout = _layout(now)
        made.append(f"a front page layout, “{layout}”, live now")
    if not Banner.objects.exists():
        Banner.objects.create(
            text="Polls have closed in the regional elections: results through the night",
            is_live=True,
            article=Article.objects.published().filter(tags__slug="politics").first(),
        )
        made.append("a breaking-news banner, ready to raise (admin: Banners, “Raise now”)")
    if not StoryViews.objects.exists():
        made.append(f"{_simulate_views(now)} simulated page views over the last day")
    return made


def _layout(now):
    public = Article.objects.published().newest_first()
    lead = public.filter(is_featured=True).first() or public.first()
    layout = Layout.objects.create(name="Demo front page", live_from=now)
    position = iter(range(100))

    def zone(kind, heading, slots):
        made = Zone.objects.create(
            layout=layout, kind=kind, heading=heading, position=next(position)
        )
        for number, fields in enumerate(slots):
            Slot.objects.create(zone=made, position=number, **fields)

    zone(
        Zone.Kind.LEAD,
        "",
        [{"article": lead}, {}, {}] if lead else [{}],
    )
    zone(Zone.Kind.TOP, "Top stories", [{}] * 4)
    for slug in SECTIONS:
        tag = Tag.objects.filter(slug=slug).first()
        if tag is not None:
            zone(Zone.Kind.SECTION, tag.name, [{"source_tag": tag}] * 3)
    opinion = Tag.objects.filter(slug="opinion").first()
    if opinion is not None:
        zone(Zone.Kind.OPINION, "Opinion", [{"source_tag": opinion}] * 3)
    return layout


def _simulate_views(now) -> int:
    """A day of reading: a few stories read a lot, most a little (a long tail)."""
    chance = random.Random(VIEWS_SEED)
    recent = list(Article.objects.published().newest_first().values_list("pk", flat=True)[:60])
    chance.shuffle(recent)
    rows, total = [], 0
    this_hour = now.replace(minute=0, second=0, microsecond=0)
    for rank, pk in enumerate(recent, start=1):
        for hours_ago in range(0, 24, 3):
            count = int(2000 / rank / (1 + hours_ago / 6) * chance.uniform(0.7, 1.3))
            if count:
                rows.append(
                    StoryViews(
                        article_id=pk, hour=this_hour - timedelta(hours=hours_ago), count=count
                    )
                )
                total += count
    StoryViews.objects.bulk_create(rows)
    return total
