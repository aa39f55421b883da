"""A tag is public only while a public story is filed under it (`public_tags`), everywhere.

A tag a Contributor types on a draft ("Acme Takeover Scoop") may name a scoop: no public
page shows it, links to it or answers for it until a story filed under it goes out, and
none does once the last such story is withdrawn.
"""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from articles import workflow
from articles.models import public_tags
from articles.tests.factories import (
    DRAFT,
    REVIEW,
    hidden_articles,
    make_article,
    make_tag,
    make_user,
)
from authors.tests.factories import make_author
from public.models import Section
from public.tests.pages import element

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock")]

SCOOP = "Acme Takeover Scoop"

# The pages a tag has of its own: its list of stories and its feed.
TAG_PAGES = ["/tags/acme-takeover-scoop/", "/tags/acme-takeover-scoop/rss/"]


def topics_in_search_form(client, **query):
    form = element(client.get("/search/", query).content, 'id="search-tag"')
    return re.findall(r'<option value="[^"]+"[^>]*>([^<]*)</option>', form)


def masthead(client, url="/"):
    return element(client.get(url).content, 'aria-label="Sections"')


def test_public_tags_are_those_with_a_public_story():
    politics = make_tag("Politics")
    make_article(tags=[politics])
    hidden_articles(tags=[SCOOP, politics])
    make_tag("Never used")

    assert list(public_tags().values_list("name", flat=True)) == ["Politics"]


def test_a_tag_only_on_hidden_stories_is_on_no_public_page(client, site_url):
    make_article(title="Budget passes", tags=["Politics"])
    hidden_articles(tags=[SCOOP])
    Section.objects.create(tag=make_tag("Acme sections"))  # on no story at all

    for url in TAG_PAGES:
        assert client.get(url).status_code == 404, url
    assert topics_in_search_form(client) == ["Politics"]
    assert topics_in_search_form(client, q="budget") == ["Politics"]
    assert "Acme" not in masthead(client)
    assert "acme" not in client.get("/sitemaps/tags.xml").text


def test_searching_within_a_hidden_tag_says_the_topic_is_unknown(client):
    hidden_articles(tags=[SCOOP])

    response = client.get("/search/", {"q": "secret", "tag": "acme-takeover-scoop"})

    assert "That topic is not one we know" in response.text
    assert SCOOP not in response.text


def test_publishing_the_first_story_makes_the_tag_public_everywhere(client, site_url):
    editor = make_user("Editor")
    Section.objects.create(tag=make_tag(SCOOP))
    draft = make_article(title="Acme buys Widgets", status=DRAFT, tags=[SCOOP])
    draft.authorships.create(author=make_author())
    assert client.get(TAG_PAGES[0]).status_code == 404
    assert topics_in_search_form(client) == []  # the empty search page, as the edge has it

    workflow.publish(article=draft, user=editor)

    for url in TAG_PAGES:
        assert client.get(url).status_code == 200, url
    assert topics_in_search_form(client) == [SCOOP]
    assert SCOOP in masthead(client)

    workflow.unpublish(article=draft, user=editor)

    for url in TAG_PAGES:
        assert client.get(url).status_code == 404, url
    assert topics_in_search_form(client) == []
    assert SCOOP not in masthead(client)


def test_a_scheduled_story_makes_its_tag_public_when_it_goes_live(client, clock):
    """No save announces it: kept copies (the search form, the masthead) expire by then."""
    make_article(title="Anything")
    Section.objects.create(tag=make_tag(SCOOP))
    make_article(
        title="At ten past", tags=[SCOOP], published_at=timezone.now() + timedelta(minutes=10)
    )
    assert topics_in_search_form(client) == []
    assert SCOOP not in masthead(client)
    assert client.get(TAG_PAGES[0]).status_code == 404

    clock.shift(timedelta(minutes=11))

    assert topics_in_search_form(client) == [SCOOP]
    assert SCOOP in masthead(client)
    assert client.get(TAG_PAGES[0]).status_code == 200


def test_a_tag_filed_on_a_public_story_later_is_public_at_once(client):
    story = make_article(title="Budget passes")
    assert topics_in_search_form(client) == []

    story.tags.add(SCOOP)

    assert topics_in_search_form(client) == [SCOOP]
    story.tags.remove(SCOOP)
    assert topics_in_search_form(client) == []
    assert client.get(TAG_PAGES[0]).status_code == 404


@pytest.mark.parametrize("status", [DRAFT, REVIEW])
def test_a_story_sent_back_takes_its_only_tag_off_the_site(client, status):
    story = make_article(title="Budget passes", tags=[SCOOP])
    assert client.get(TAG_PAGES[0]).status_code == 200

    story.status = status
    story.save()

    assert client.get(TAG_PAGES[0]).status_code == 404


def alternates(client, url):
    """The editions a page's `hreflang` links name, but x-default."""
    html = client.get(url).content.decode()
    return set(re.findall(r'rel="alternate" hreflang="([^"]+)"', html)) - {"x-default"}


def test_a_tag_page_links_another_edition_only_once_a_public_story_there_is_filed_under_it(
    client,
):
    tag = make_tag("Ports")
    make_article(tags=[tag])
    make_article(tags=[tag], language="uk", status=DRAFT)
    make_article(tags=[tag], language="uk", published_at=timezone.now() + timedelta(hours=1))
    assert not any(code.startswith("uk") for code in alternates(client, "/tags/ports/"))
    assert client.get("/uk/tags/ports/").status_code == 404
    make_article(tags=[tag], language="uk")
    assert any(code.startswith("uk") for code in alternates(client, "/tags/ports/"))
    assert any(code.startswith("en") for code in alternates(client, "/uk/tags/ports/"))
