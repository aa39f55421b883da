"""Page views counted first-party (no cookie, no bots), and the "Most read" lists."""

from datetime import timedelta

import pytest
from django.core.cache import cache

from articles.tests.factories import DRAFT, make_article, make_tag
from frontpage import most_read
from frontpage.models import StoryViews
from frontpage.tasks import refresh_most_read
from frontpage.tests.factories import make_layout
from jobs import periodic

pytestmark = pytest.mark.django_db

FORM = "application/x-www-form-urlencoded;charset=UTF-8"
BROWSER = {"HTTP_USER_AGENT": "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0"}


def beacon(client, story, **headers):
    """What `navigator.sendBeacon(url, new URLSearchParams({story}))` sends."""
    return client.post("/views/", f"story={story}", content_type=FORM, **{**BROWSER, **headers})


def views_of(story):
    most_read.flush()
    return sum(StoryViews.objects.filter(article=story).values_list("count", flat=True))


def ids(ranked):
    return [pk for pk, _, _ in ranked]


def test_a_beacon_counts_one_view_and_sets_no_cookie(client, clock):
    story = make_article()
    response = beacon(client, story.pk)
    assert response.status_code == 204
    assert not response.cookies
    assert "private" in response["Cache-Control"]
    beacon(client, story.pk)
    assert views_of(story) == 2


@pytest.mark.parametrize(
    "agent",
    ["Googlebot/2.1 (+http://www.google.com/bot.html)", "curl/8.5", "", "HeadlessChrome/140"],
)
def test_bots_are_not_counted(client, clock, agent):
    story = make_article()
    assert beacon(client, story.pk, HTTP_USER_AGENT=agent).status_code == 204
    assert views_of(story) == 0


def test_a_beacon_from_another_site_is_not_counted(client, clock):
    story = make_article()
    beacon(client, story.pk, HTTP_SEC_FETCH_SITE="cross-site")
    assert views_of(story) == 0


@pytest.mark.parametrize("junk", ["", "abc", "-1", "١٢", "9" * 40, "1;DROP", "1" + "&x=1" * 20])
def test_junk_is_refused_not_an_error(client, junk):
    assert beacon(client, junk).status_code == 400


def test_only_post_is_answered(client):
    assert client.get("/views/?story=1").status_code == 405


def test_views_of_unpublished_or_unknown_stories_write_nothing(client, clock):
    draft = make_article(status=DRAFT)
    beacon(client, draft.pk)
    beacon(client, 987654)
    most_read.flush()
    assert not StoryViews.objects.exists()


def test_most_read_lists_the_last_24_hours_most_first_and_per_tag(clock):
    world = make_tag("World")
    a, b, c = make_article(tags=[world]), make_article(tags=[world]), make_article()
    most_read.flush({a.pk: 3, b.pk: 5, c.pk: 9})
    assert ids(most_read.top()) == [c.pk, b.pk, a.pk]
    assert ids(most_read.top(tag_id=world.pk)) == [b.pk, a.pk]
    clock.shift(timedelta(hours=25))
    most_read.flush({a.pk: 1})
    assert ids(most_read.top()) == [a.pk]


def test_the_front_page_list_is_redrawn_after_the_refresh(client, clock):
    story = make_article(title="Everyone reads this")
    make_layout(zones=[("top", "Top", [{}])])
    assert "Most read" not in client.get("/").content.decode()
    most_read.flush({story.pk: 4})
    assert "Most read" not in client.get("/").content.decode()  # still the cached page
    cache.delete("most-read:refreshed")
    assert most_read.refresh_if_due()
    assert not most_read.refresh_if_due()  # once per period, whichever process asks
    html = client.get("/").content.decode()
    assert "Most read" in html
    assert "Everyone reads this" in html


def test_counts_older_than_the_window_are_pruned(clock):
    story = make_article()
    most_read.flush({story.pk: 2})
    clock.shift(timedelta(hours=26))
    assert most_read.prune() == 1


def test_the_periodic_task_refreshes_the_lists_every_five_minutes(client, clock):
    task, every = periodic.registered()[refresh_most_read.module_path]
    assert every == timedelta(minutes=5)
    story = make_article(title="Everyone reads this")
    make_layout(zones=[("top", "Top", [{}])])
    client.get("/")
    most_read.flush({story.pk: 4})
    task.call()
    assert "Everyone reads this" in client.get("/").content.decode().split("Most read")[1]
    assert not most_read.refresh_if_due()  # the beacons wait a period after it
