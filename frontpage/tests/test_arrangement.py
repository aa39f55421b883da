"""What the front page shows: pins first, then each slot's source, never a story twice."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.tests.factories import DRAFT, make_article, make_tag
from frontpage.arrangement import arrange, current

from .factories import make_layout

pytestmark = pytest.mark.django_db

LATEST = {}


def shown_ids(arrangement):
    return [[placed.article.pk for placed in zone.stories] for zone in arrangement.zones]


def test_without_a_live_layout_there_is_no_arrangement(clock):
    make_layout(live_from=None)
    assert current() is None


def test_a_pinned_story_wins_over_the_same_story_filled_automatically_above_it(clock):
    old = make_article(title="Old but pinned", published_at=timezone.now() - timedelta(days=3))
    newest = make_article(title="Newest")
    layout = make_layout(zones=[("top", "Top", [LATEST, LATEST]), ("lead", "", [{"article": old}])])
    top, lead = shown_ids(arrange(layout))
    assert lead == [old.pk]
    assert top == [newest.pk]  # the pin took `old`; the second slot finds nothing else
    assert old.pk not in top


def test_no_story_is_shown_twice_across_sources(clock):
    politics = make_tag("Politics")
    stories = [make_article(tags=[politics]) for _ in range(3)]
    layout = make_layout(
        zones=[
            ("lead", "", [LATEST]),
            ("section", "Politics", [{"source_tag": politics}] * 3),
        ]
    )
    lead, section = shown_ids(arrange(layout))
    assert lead == [stories[-1].pk]
    assert section == [stories[1].pk, stories[0].pk]  # the newest went to the lead


def test_a_pin_ends_by_itself_at_its_time(clock):
    pinned = make_article(published_at=timezone.now() - timedelta(days=2))
    newest = make_article()
    ends = timezone.now() + timedelta(minutes=10)
    layout = make_layout(zones=[("lead", "", [{"article": pinned, "pinned_until": ends}])])
    arranged = arrange(layout)
    assert shown_ids(arranged) == [[pinned.pk]]
    assert arranged.changes_at == ends
    clock.move_to(ends)
    assert shown_ids(arrange(layout)) == [[newest.pk]]


def test_an_unpublished_pinned_story_leaves_the_slot_to_its_source(clock):
    draft = make_article(status=DRAFT)
    public = make_article()
    layout = make_layout(zones=[("lead", "", [{"article": draft, "headline": "Scoop"}])])
    [[placed]] = [zone.stories for zone in arrange(layout).zones]
    assert placed.article == public
    assert placed.headline == ""  # the pin's own headline was for the draft


def test_a_pin_keeps_its_front_page_headline(clock):
    story = make_article(title="Council votes on budget")
    layout = make_layout(zones=[("lead", "", [{"article": story, "headline": "Budget passes"}])])
    [[placed]] = [zone.stories for zone in arrange(layout).zones]
    assert (placed.headline, placed.pinned) == ("Budget passes", True)


def test_a_scheduled_layout_takes_over_at_its_time(clock):
    first, second = make_article(), make_article()
    make_layout(name="Morning", zones=[("lead", "", [{"article": first}])])
    at = timezone.now() + timedelta(hours=2)
    make_layout(name="Evening", live_from=at, zones=[("lead", "", [{"article": second}])])
    arranged = current()
    assert (arranged.layout.name, arranged.changes_at) == ("Morning", at)
    clock.move_to(at)
    assert current().layout.name == "Evening"
