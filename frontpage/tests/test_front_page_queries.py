"""The curated front page costs a fixed number of queries: one per source of stories,
however many slots, pins and stories it shows."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from articles.tests.factories import bulk_articles, make_article, make_tag
from authors.tests.factories import make_author
from frontpage.tests.factories import make_layout

pytestmark = pytest.mark.django_db

# The live layout, its slots, the pins' visibility, the newest of each source (the
# latest, and two tags: 3), the chosen stories and their bylines (2), the next change by
# the clock (1), the next scheduled story (1), the sidebar (1), the masthead (1), most
# read (1) and the banner (1).
FRONT_PAGE = 14


def render(client, django_assert_num_queries):
    cache.clear()
    with django_assert_num_queries(FRONT_PAGE):
        response = client.get("/")
    assert response.status_code == 200
    return response


@pytest.mark.parametrize("slots_per_zone", [1, 6])
def test_the_front_page_costs_the_same_however_many_slots(
    client, clock, django_assert_num_queries, slots_per_zone
):
    politics, world = make_tag("Politics"), make_tag("World")
    author = make_author(name="Ann Lee")
    bulk_articles(40, newest=timezone.now() - timedelta(hours=1), author=author, tag=politics)
    bulk_articles(40, newest=timezone.now() - timedelta(hours=2), author=author, tag=world)
    pinned = make_article(title="Pinned lead", authors=[author])
    make_layout(
        zones=[
            ("lead", "", [{"article": pinned, "pinned_until": timezone.now() + timedelta(1)}]),
            ("top", "Top stories", [{}] * slots_per_zone),
            ("section", "Politics", [{"source_tag": politics}] * slots_per_zone),
            ("section", "World", [{"source_tag": world}] * slots_per_zone),
        ]
    )
    html = render(client, django_assert_num_queries).content.decode()
    assert html.count('class="card"') == 3 * slots_per_zone
