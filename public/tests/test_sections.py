"""The masthead's sections: rows editors control, one query however many, no broken links."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.tests.factories import make_article, make_tag
from public.models import Section
from public.tests.pages import element

pytestmark = pytest.mark.django_db

ALWAYS = ["Home", "News Feed", "Our journalists"]


def nav_links(client, url="/"):
    """(href, text, current) for each link in the masthead's navigation."""
    response = client.get(url)
    assert response.status_code == 200
    nav = element(response.content, 'aria-label="Sections"')
    return [
        (href, text, bool(current))
        for href, current, text in re.findall(
            r'<a href="([^"]*)"( aria-current="page")?>([^<]*)</a>', nav
        )
    ]


def make_section(name, position=0, *, story=True, **kw):
    """A section for a new tag; with a public story filed under it unless `story=False`."""
    tag = make_tag(name)
    if story:
        make_article(tags=[tag])
    return Section.objects.create(tag=tag, position=position, **kw)


def test_a_site_with_no_sections_shows_only_links_that_work(client):
    links = nav_links(client)

    assert [text for _href, text, _current in links] == ALWAYS
    for href, _text, _current in links:
        assert client.get(href).status_code == 200, href


def test_sections_appear_in_the_editors_order_and_link_to_their_tag_pages(client):
    make_section("Sport", position=3)
    make_section("Politics", position=1)
    make_section("Economy", position=2, label="Money")

    links = nav_links(client)

    assert [text for _href, text, _current in links] == [
        "Home",
        "News Feed",
        "Politics",
        "Money",
        "Sport",
        "Our journalists",
    ]
    assert ("/tags/economy/", "Money", False) in links
    for href, _text, _current in links:
        assert client.get(href).status_code == 200, href


def test_the_section_being_read_is_marked_as_the_current_page(client):
    make_section("Politics")
    make_section("Sport", position=1)

    links = nav_links(client, "/tags/politics/")

    assert [text for _href, text, current in links if current] == ["Politics"]
    assert [text for _href, text, current in nav_links(client, "/") if current] == ["Home"]


def test_deleting_a_tag_removes_its_section_and_its_link(client):
    section = make_section("Politics")

    section.tag.delete()

    assert not Section.objects.exists()
    assert [text for _href, text, _current in nav_links(client)] == ALWAYS


def test_a_change_to_the_sections_shows_at_once_on_cached_pages(client):
    make_article(title="Anything")
    assert "Politics" not in [text for _href, text, _current in nav_links(client)]

    section = make_section("Politics")
    assert "Politics" in [text for _href, text, _current in nav_links(client)]

    section.label = "Government"
    section.save()
    assert "Government" in [text for _href, text, _current in nav_links(client)]


def queries_for(client, url):
    """Queries for one fresh render of `url` (the page cache emptied first)."""
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", ["/", "/news/", "/authors/"])
def test_the_sections_cost_one_query_however_many_there_are(client, url):
    make_article(title="Anything")  # each section's story joins it: lists cost the same
    none = queries_for(client, url)
    make_section("Politics")
    one = queries_for(client, url)
    for position in range(1, 12):
        make_section(f"Section {position}", position=position)
    twelve = queries_for(client, url)

    assert none == one == twelve
    assert len(nav_links(client, url)) == len(ALWAYS) + 12


def test_editors_find_the_sections_in_the_admin_ordered_with_a_tag_search(admin_client):
    make_section("Sport", position=2)
    make_section("Politics", position=1)

    changelist = admin_client.get(reverse("admin:public_section_changelist"))
    add = admin_client.get(reverse("admin:public_section_add"))

    assert changelist.status_code == add.status_code == 200
    assert "Sections in the masthead" in changelist.content.decode()
    rows = re.findall(r'class="field-shown_as"><a [^>]*>([^<]*)</a>', changelist.content.decode())
    assert rows == ["Politics", "Sport"]
    assert 'class="admin-autocomplete' in add.content.decode()
    index = admin_client.get(reverse("admin:index")).content.decode()
    assert "Sections in the masthead" in index
