"""The demo's front page: curated, a banner to raise, simulated reading; made once."""

import pytest

from articles.tests.factories import make_article, make_tag
from demo import front_page
from frontpage.arrangement import current
from frontpage.models import Banner, StoryViews

pytestmark = pytest.mark.django_db


def test_the_demo_front_page_is_curated_and_made_once(client, clock):
    politics, world = make_tag("Politics"), make_tag("World")
    lead = make_article(title="The featured lead", is_featured=True, tags=[politics])
    for n in range(6):
        make_article(title=f"Story {n}", tags=[politics if n % 2 else world])
    assert len(front_page.load()) == 3
    arranged = current()
    first = arranged.zones[0].stories[0]
    assert (first.article, first.pinned) == (lead, True)
    assert [zone.zone.heading for zone in arranged.zones[2:]] == ["Politics", "World"]
    banner = Banner.objects.get()
    assert banner.shown_from is None  # ready to raise, not raised
    assert StoryViews.objects.exists()
    html = client.get("/").content.decode()
    assert "Most read" in html
    assert front_page.load() == []
