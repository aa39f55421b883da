"""Each endpoint costs a fixed number of queries, whatever the page size.

Pinned: a change that adds a query per story, author, tag, correction or entry (an N+1)
fails here, and so does any new query, on purpose. Every count includes the key's
lookup (1) and the next scheduled publication (1), which bounds how long the edge may
keep the answer.
"""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from taggit.models import Tag

from articles.models import TagTranslation
from articles.tests.factories import (
    add_lead_image,
    make_article,
    make_entry,
    make_live_story,
    make_photo,
    make_tag,
)
from authors.tests.factories import make_author
from public.models import Section

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_url")]

# endpoint -> queries. The story: the story with its byline, photo, tags, corrections
# (4), its live entries with their bylines (2). Lists: the page and their joins.
ENDPOINTS = {
    "/api/v1/stories/": 5,
    "/api/v1/stories/?tag=politics": 7,
    "/api/v1/stories/?author=ann-lee": 7,
    "/api/v1/stories/story-0/": 6,
    "/api/v1/stories/live/": 8,
    "/api/v1/stories/live/entries/": 5,
    "/api/v1/stories/story-0/ninjs/": 6,
    "/api/v1/authors/": 3,
    "/api/v1/authors/ann-lee/": 3,
    "/api/v1/tags/": 3,
    "/api/v1/tags/politics/": 3,
    "/api/v1/sections/": 3,
    "/api/v1/corrections/": 4,  # the corrections, then their stories
    # The matches, their ranking, the page with its bylines, snippets and tags.
    "/api/v1/search/?q=words": 8,
}


def newsroom(size, language="en-gb"):
    ann, politics = make_author(name="Ann Lee"), make_tag("Politics")
    Section.objects.get_or_create(tag=politics)
    for n in range(size):
        story = make_article(
            language=language,
            slug=f"story-{n}",
            authors=[ann, make_author()],
            tags=[politics, f"Tag {n}"],
            primary_tag=politics,
            corrections=[f"Fix {n}.", f"Another fix {n}."],
        )
        add_lead_image(story)
    live = make_live_story(slug="live", language=language, authors=[ann], tags=[politics])
    for _ in range(size):
        make_entry(live, authors=[ann, make_author()], photo=make_photo())


def count(api, url):
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = api.get(url)
    assert response.status_code == 200, (url, response.content[:300])
    return len(queries)


@pytest.mark.parametrize("size", [2, 8])
def test_every_endpoint_costs_a_fixed_number_of_queries(api, clock, size):
    newsroom(size)

    counted = {url: count(api, url) for url in ENDPOINTS}

    assert counted == ENDPOINTS


# A Ukrainian story's tags, byline and photos are written in Ukrainian
# (`editions.translated`): their translated names come in the same queries.
IN_UKRAINIAN = {
    "/api/v1/stories/?edition=uk": ENDPOINTS["/api/v1/stories/"],
    "/api/v1/stories/?edition=uk&tag=politics": ENDPOINTS["/api/v1/stories/?tag=politics"],
    "/api/v1/stories/story-0/": ENDPOINTS["/api/v1/stories/story-0/"],
    "/api/v1/stories/live/": ENDPOINTS["/api/v1/stories/live/"],
    "/api/v1/stories/live/entries/": ENDPOINTS["/api/v1/stories/live/entries/"],
    "/api/v1/stories/story-0/ninjs/": ENDPOINTS["/api/v1/stories/story-0/ninjs/"],
    "/api/v1/search/?edition=uk&q=words": ENDPOINTS["/api/v1/search/?q=words"],
}


@pytest.mark.parametrize("size", [2, 8])
def test_a_ukrainian_story_costs_the_same_queries(api, clock, size):
    newsroom(size, language="uk")
    TagTranslation.objects.create(tag=Tag.objects.get(name="Politics"), name_uk="Політика")

    assert {url: count(api, url) for url in IN_UKRAINIAN} == IN_UKRAINIAN
