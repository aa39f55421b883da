"""When the shared cache (Redis) stops: pages are still served, built afresh, saves still
work, sessions are read from the database, and nothing stale is served once it is back."""

from datetime import timedelta

import pytest
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.core.cache.backends.base import BaseCache

from conftest import NOW, make_article
from newsroom.sessions import SessionStore
from public import cache as page_cache

pytestmark = pytest.mark.django_db


class StoppedCache(BaseCache):
    """A cache server that does not answer: every operation raises, as Redis's client does."""

    def __init__(self, location, params):
        super().__init__(params)

    def _refuse(self, *args, **kwargs):
        raise ConnectionError("Error 111 connecting to cache.internal:6379. Connection refused.")

    add = get = set = touch = delete = incr = has_key = clear = get_or_set = _refuse


@pytest.fixture
def outage(settings, monkeypatch):
    """`outage.start()` stops the cache, `outage.end()` brings it back with what it held."""
    running = settings.CACHES

    class Outage:
        @staticmethod
        def start():
            settings.CACHES = {"default": {"BACKEND": f"{__name__}.StoppedCache"}}

        @staticmethod
        def end():
            settings.CACHES = running

    yield Outage
    monkeypatch.setattr(page_cache, "_invalidation_pending", False)


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


def test_sessions_are_read_from_the_database_while_the_cache_is_down(outage):
    stored = DatabaseSessionStore()
    stored["editor"] = 42
    stored.save()
    outage.start()

    session = SessionStore(stored.session_key)

    assert session["editor"] == 42
    assert session.exists(stored.session_key)
    session.delete()
    assert not DatabaseSessionStore().exists(stored.session_key)
