"""Times written for machines: valid HTML, to the second, in the newsroom's time zone.

A story published with no time and a live entry take their time from the clock, with six
digits of a second; HTML's `datetime` accepts three at most. Every page that shows them,
and the meta tags, JSON-LD and news sitemap beside them, write the time one way
(`articles/templatetags/times.py`).
"""

import json
import re
import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest

from articles import workflow
from articles.models import LiveEntry
from articles.roles import EDITOR
from articles.tests.factories import (
    DRAFT,
    NOW,
    client_for,
    make_article,
    make_live_story,
    make_tag,
    make_user,
)
from authors.tests.factories import make_author
from public.tests.pages import datetime_values, element, invalid_datetimes

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_url")]

NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
# NOW (09:00:00.210393 UTC) in London's summer time, as pages write it.
PUBLISHED = "2025-07-01T10:00:00+01:00"
POSTED = "2025-07-01T10:01:00+01:00"


@pytest.fixture
def editor():
    return make_user(EDITOR)


@pytest.fixture
def from_the_clock(clock, editor):
    """A story an editor published with no time (at NOW), with a correction, and a live
    story with an entry posted a minute later: every time with its fraction of a second."""
    assert NOW.microsecond, "the tests' clock must have a fraction of a second, as a real one"
    ann = make_author(name="Ann Lee", slug="ann-lee")
    weather = make_tag("Weather")
    story = make_article(
        title="Gale warning for the coast",
        slug="gale",
        status=DRAFT,
        authors=[ann],
        primary_tag=weather,
        tags=[weather],
        corrections=["An earlier version gave the wrong wind speed."],
    )
    workflow.publish(article=story, user=editor)
    live = make_live_story(title="Storm Edda", slug="storm", authors=[ann], tags=[weather])
    clock.shift(timedelta(minutes=1))
    workflow.post_entry(
        entry=LiveEntry(body="Roads close on the coast."),
        article=live,
        user=editor,
        authors=[ann],
        publish=True,
    )
    return story


@pytest.mark.usefixtures("from_the_clock")
@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/news/",
        "/news/gale/",
        "/news/storm/",
        "/tags/weather/",
        "/authors/ann-lee/",
        "/search/?q=gale",
    ],
)
def test_times_taken_from_the_clock_are_valid_html_on_every_page(client, url):
    page = client.get(url)

    assert page.status_code == 200
    assert datetime_values(page.content), "no time on the page: nothing was checked"
    assert invalid_datetimes(page.content) == []


def test_a_live_entry_page_writes_valid_times(client, from_the_clock):
    entry = LiveEntry.objects.get(body="Roads close on the coast.")
    page = client.get(entry.get_absolute_url())

    assert page.status_code == 200
    assert POSTED in datetime_values(page.content)
    assert invalid_datetimes(page.content) == []
    assert f'<meta property="article:published_time" content="{POSTED}">' in page.text


def test_the_desk_and_previews_write_valid_times(client, from_the_clock, editor):
    desk = client_for(editor)
    scheduled = make_article(
        title="Tide tables", status=DRAFT, authors=[make_author(name="Bo Sand")]
    )
    workflow.publish(article=scheduled, user=editor, at=NOW + timedelta(hours=3, seconds=0.5))
    link = workflow.create_preview_link(article=scheduled, user=editor)

    for response in (
        desk.get("/admin/"),
        desk.get(scheduled.get_preview_url()),
        client.get(f"/preview/{link.token}/"),
    ):
        assert response.status_code == 200
        assert datetime_values(response.content)
        assert invalid_datetimes(response.content) == []


def jsonld(page):
    [block] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.DOTALL)
    return json.loads(block)


def test_a_time_is_written_to_the_second_in_the_newsrooms_time_zone(client, from_the_clock):
    page = client.get("/news/gale/").text

    assert f'<time datetime="{PUBLISHED}">' in page
    assert f'<meta property="article:published_time" content="{PUBLISHED}">' in page
    assert jsonld(page)["datePublished"] == PUBLISHED
    # The correction, made as it was published, and the live story's "Updated:" time.
    assert PUBLISHED in datetime_values(element(page, 'class="corrections"'))
    assert f'(Updated: <time datetime="{POSTED}">' in client.get("/news/").text
    live = jsonld(client.get("/news/storm/").text)
    assert live["liveBlogUpdate"][0]["datePublished"] == POSTED

    sitemap = ET.fromstring(client.get("/news-sitemap.xml").content)
    dates = [node.text for node in sitemap.iter(f"{NEWS}publication_date")]
    assert PUBLISHED in dates
