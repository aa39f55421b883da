"""The banner: on every public page while it is up, gone by itself, and never the reason a
page's own cached copy is emptied."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.tests.factories import make_article
from frontpage.models import Banner
from frontpage.tests.factories import make_banner

pytestmark = pytest.mark.django_db

ESI = {"HTTP_SURROGATE_CAPABILITY": 'varnish="ESI/1.0"'}


def banner_of(response):
    html = response.content.decode()
    return html.split('<p class="banner__text">')[1].split("</p>")[0]


@pytest.fixture
def story(clock):
    return make_article(slug="lead", title="The lead story")


@pytest.mark.parametrize("url", ["/", "/news/lead/", "/news/", "/search/?q=lead"])
def test_a_raised_banner_is_on_every_public_page(client, story, url):
    make_banner(text="Polls have closed", is_live=True)
    html = client.get(url).content.decode()
    assert "Polls have closed" in html
    assert '<span class="live-label">Live</span>' in html


def test_the_banner_links_to_its_story_only_while_it_is_public(client, story):
    make_banner(article=story)
    assert banner_of(client.get("/news/")).startswith('<a href="/news/lead/">')
    story.status = story.Status.DRAFT
    story.save()
    assert banner_of(client.get("/news/")) == "Polls have closed"


def test_the_banner_goes_by_itself_when_it_expires(client, story, clock):
    ends = timezone.now() + timedelta(seconds=30)
    make_banner(text="Polls have closed", shown_until=ends)
    response = client.get("/news/lead/")
    assert "Polls have closed" in response.content.decode()
    assert "max-age=31" in response["Cache-Control"]  # browsers keep it no longer
    clock.move_to(ends)
    assert "Polls have closed" not in client.get("/news/lead/").content.decode()


def test_an_edge_without_esi_keeps_a_page_with_the_banner_no_longer_than_the_banner(
    client, story, settings
):
    """Such an edge gets the banner filled in, and no purge comes when it ends by itself:
    its lifetimes end with the banner's."""
    settings.EDGE_SURROGATE_CONTROL = True
    settings.EDGE_CACHE_SECONDS, settings.EDGE_STALE_WHILE_REVALIDATE = 3600, 600
    make_banner(text="Polls have closed", shown_until=timezone.now() + timedelta(seconds=30))
    response = client.get("/news/lead/")
    assert "Polls have closed" in response.content.decode()
    assert response["Surrogate-Control"].startswith("max-age=31, stale-while-revalidate=0,")
    assert "banner" in response["xkey"].split()

    Banner.objects.all().delete()
    response = client.get("/news/lead/")  # no banner: the edge's own lifetimes
    assert response["Surrogate-Control"].startswith("max-age=3600, stale-while-revalidate=600,")


def test_raising_the_banner_keeps_the_pages_own_cached_copy(
    client, story, django_assert_num_queries
):
    client.get("/news/lead/")  # drawn and kept
    make_banner(text="Markets fall")
    with django_assert_num_queries(1):  # the banner's row: the page itself is a hit
        html = client.get("/news/lead/").content.decode()
    assert "Markets fall" in html


def test_an_edge_that_does_esi_gets_an_include_and_the_page_has_no_banner_key(
    client, story, settings
):
    settings.EDGE_SURROGATE_CONTROL = True
    make_banner(text="Markets fall")
    response = client.get("/news/lead/", **ESI)
    html = response.content.decode()
    assert '<esi:include src="/banner/"/>' in html
    assert "Markets fall" not in html
    assert "banner" not in response["xkey"].split()
    assert 'content="ESI/1.0"' in response["Surrogate-Control"]


def test_the_fragment_is_shared_cacheable_under_the_banner_key_until_it_expires(
    client, clock, settings
):
    settings.EDGE_SURROGATE_CONTROL = True
    make_banner(text="Markets fall", shown_until=timezone.now() + timedelta(seconds=90))
    response = client.get("/banner/")
    assert "Markets fall" in response.content.decode()
    assert response["xkey"] == "banner"
    assert "public" in response["Cache-Control"]
    assert "max-age=91" in response["Surrogate-Control"]


def test_without_a_banner_pages_and_the_fragment_show_nothing(client, story):
    make_banner(shown_from=None)  # written, not raised
    assert 'class="banner"' not in client.get("/news/lead/").content.decode()
    assert client.get("/banner/").content == b""


def test_a_banner_cannot_end_before_it_starts(clock):
    from django.db import IntegrityError

    with pytest.raises(IntegrityError):
        Banner.objects.create(
            text="x", shown_from=timezone.now(), shown_until=timezone.now() - timedelta(1)
        )
