"""Over random stories, layouts, pins and expiries: never a story twice, never one that is
not public, and every live pin of a public story shown (in its slot, or an earlier pin's)."""

from datetime import timedelta

import time_machine
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from articles.models import Article
from articles.tests.factories import NOW, make_article, make_tag
from frontpage.arrangement import arrange

from .factories import make_layout

STATUSES = [Article.Status.PUBLISHED, Article.Status.PUBLISHED, Article.Status.DRAFT]
HOURS = st.integers(min_value=-72, max_value=72)  # from NOW: past, or still to come

stories = st.lists(
    st.tuples(st.sampled_from(STATUSES), HOURS, st.sets(st.integers(0, 2), max_size=2)),
    min_size=0,
    max_size=12,
)
slots = st.lists(
    st.fixed_dictionaries(
        {
            "pin": st.none() | st.integers(0, 11),
            "until": st.none() | HOURS,
            "tag": st.none() | st.integers(0, 2),
        }
    ),
    min_size=1,
    max_size=5,
)
zones = st.lists(
    st.tuples(st.sampled_from(["lead", "top", "section", "opinion"]), slots),
    min_size=1,
    max_size=4,
)


class ArrangementProperties(TestCase):
    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(stories=stories, zones=zones, read_at=HOURS)
    def test_front_page_never_repeats_a_story_nor_shows_an_unpublished_one(
        self, stories, zones, read_at
    ):
        with time_machine.travel(NOW, tick=False) as clock:
            tags = [make_tag(f"Tag {n}") for n in range(3)]
            made = [
                make_article(
                    status=status,
                    published_at=NOW + timedelta(hours=hours) if status == "published" else None,
                    tags=[tags[n] for n in tag_numbers],
                )
                for status, hours, tag_numbers in stories
            ]
            layout = make_layout(
                live_from=NOW - timedelta(days=10),
                zones=[
                    (
                        kind,
                        kind.title(),
                        [
                            {
                                "article": made[slot["pin"] % len(made)]
                                if made and slot["pin"] is not None
                                else None,
                                "pinned_until": NOW + timedelta(hours=slot["until"])
                                if slot["until"] is not None
                                else None,
                                "source_tag": tags[slot["tag"]]
                                if slot["tag"] is not None
                                else None,
                            }
                            for slot in zone_slots
                        ],
                    )
                    for kind, zone_slots in zones
                ],
            )
            clock.move_to(NOW + timedelta(hours=read_at, minutes=1))
            now = timezone.now()
            shown = [placed.article.pk for placed in arrange(layout).stories]

            assert len(shown) == len(set(shown)), "a story appears twice"
            public = set(Article.objects.published().values_list("pk", flat=True))
            assert set(shown) <= public, "a story that is not public appears"
            live_pins = {
                slot.article_id
                for zone in layout.zones.all()
                for slot in zone.slots.all()
                if slot.article_id in public
                and (slot.pinned_until is None or slot.pinned_until > now)
            }
            assert live_pins <= set(shown), "a live pin of a public story is missing"
