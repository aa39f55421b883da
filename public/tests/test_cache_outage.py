"""When the shared cache (Redis) stops: pages are still served, built afresh, saves still
work, and nothing stale is served once it is back (sessions: newsroom/tests)."""

from datetime import timedelta

import pytest

from articles.tests.factories import NOW, make_article
from pagecache import store

pytestmark = pytest.mark.django_db


@pytest.fixture
def outage(cache_outage, monkeypatch):
    yield cache_outage
    store._pending.clear()


@pytest.fixture
def story(clock):
    return make_article(title="Original", slug="lead", published_at=NOW - timedelta(hours=1))


@pytest.mark.parametrize("url", ["/", "/news/", "/news/lead/", "/tags/x/rss/", "/rss/"])
def test_pages_are_served_while_the_cache_is_down(client, story, outage, url):
    outage.start()

    response = client.get(url)

    assert response.status_code == (404 if "/tags/" in url else 200)
    if response.status_code == 200:
        assert "public" in response["Cache-Control"]  # an edge cache may still keep them


def test_the_health_check_names_the_cache_while_it_is_down(client, outage):
    outage.start()

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["cache"] == "failed"


def test_an_edit_during_the_outage_shows_once_the_cache_is_back(client, story, outage):
    assert "Original" in client.get("/news/lead/").text  # now in the cache

    outage.start()
    story.title = "Edited during the outage"
    story.save()  # the cache cannot be told: the save must not fail for it
    assert "Edited during the outage" in client.get("/news/lead/").text

    outage.end()  # back, still holding the copy from before the edit
    assert "Edited during the outage" in client.get("/news/lead/").text
