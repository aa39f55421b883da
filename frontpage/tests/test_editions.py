"""Related stories and "Most read" per edition: a story's translation is only ever
listed in its own edition."""

import pytest
from django.utils import translation

from articles.related import related, related_ids
from articles.tests.factories import make_article, make_tag, make_translation
from frontpage import most_read
from frontpage.models import StoryViews

pytestmark = pytest.mark.django_db


@pytest.fixture
def group():
    tag = make_tag("Harbour")
    source = make_article(title="Harbour wall repaired at last", tags=[tag])
    translation_ = make_translation(source, title="Стіну гавані відремонтували", slug="stina")
    translation_.tags.add(tag)
    english = make_article(title="Harbour wall inspection planned", tags=[tag])
    ukrainian = make_article(title="Огляд стіни гавані", slug="ohliad", language="uk", tags=[tag])
    return tag, source, translation_, english, ukrainian


def test_related_stories_are_the_story_edition_own(group):
    tag, source, translation_, english, ukrainian = group
    assert related_ids(source, [tag.pk]) == [english.pk]
    assert related_ids(translation_, [tag.pk]) == [ukrainian.pk]
    assert [story.pk for story in related(english, [tag.pk])] == [source.pk]


def test_related_words_stay_in_the_edition(group):
    _, source, translation_, english, ukrainian = group
    # No shared tag: the words alone (the headline's and standfirst's).
    assert set(related_ids(source, [])) <= {english.pk}
    assert set(related_ids(translation_, [])) <= {ukrainian.pk}
    assert ukrainian.pk in related_ids(translation_, [])


def count(story, views):
    StoryViews.objects.create(article=story, hour=most_read.timezone.now(), count=views)


def test_most_read_lists_the_edition_stories_only(group):
    tag, source, translation_, english, ukrainian = group
    count(source, 50)
    count(translation_, 40)
    count(english, 30)
    count(ukrainian, 20)
    assert [pk for pk, _, _ in most_read.top(language="en-gb")] == [source.pk, english.pk]
    assert [pk for pk, _, _ in most_read.top(language="uk")] == [translation_.pk, ukrainian.pk]
    with translation.override("uk"):
        assert [pk for pk, _, _ in most_read.top(tag_id=tag.pk)] == [
            translation_.pk,
            ukrainian.pk,
        ]
