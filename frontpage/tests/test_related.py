"""Related stories at the foot of a story: shared tags and words, never itself, never
unpublished, newest first among equals."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.related import related_ids
from articles.tests.factories import DRAFT, make_article, make_tag

pytestmark = pytest.mark.django_db


def ago(hours):
    return timezone.now() - timedelta(hours=hours)


def test_stories_sharing_more_tags_come_first_then_the_newest(clock):
    a, b = make_tag("Elections"), make_tag("Parliament")
    story = make_article(title="Ballots counted", tags=[a, b])
    both = make_article(title="Turnout", tags=[a, b], published_at=ago(30))
    one_old = make_article(title="Recount", tags=[a], published_at=ago(20))
    one_new = make_article(title="Seats", tags=[b], published_at=ago(10))
    make_article(title="Weather", tags=[make_tag("Weather")])
    assert related_ids(story, [a.pk, b.pk]) == [both.pk, one_new.pk, one_old.pk]


def test_words_relate_stories_without_a_shared_tag(clock):
    story = make_article(title="Glacier retreat accelerates in the Alps")
    match = make_article(title="Alps glacier melt reaches record", published_at=ago(40))
    make_article(title="Football final tonight")
    assert related_ids(story, []) == [match.pk]


def test_never_the_story_itself_nor_an_unpublished_one(clock):
    tag = make_tag("Elections")
    story = make_article(title="Ballots counted", tags=[tag])
    make_article(title="Ballots counted again", tags=[tag], status=DRAFT)
    make_article(title="Ballots counted later", tags=[tag], published_at=ago(-2))
    assert related_ids(story, [tag.pk]) == []


def test_the_story_page_shows_them_and_keeps_them_with_the_story(client, clock):
    tag = make_tag("Elections")
    make_article(slug="lead", title="Ballots counted", tags=[tag])
    other = make_article(title="Turnout was high", tags=[tag], published_at=ago(3))
    html = client.get("/news/lead/").content.decode()
    assert "Related stories" in html
    assert "Turnout was high" in html
    response = client.get("/news/lead/")
    assert f"article-{other.pk}" in response["xkey"].split()  # emptied when it changes
    other.status = other.Status.DRAFT
    other.save()
    assert "Turnout was high" not in client.get("/news/lead/").content.decode()
