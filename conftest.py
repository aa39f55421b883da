"""Fixtures for every Newsroom test. Factories live beside each app's tests
(`<app>/tests/factories.py`); helpers that read public pages are in public/tests/pages.py.
"""

import pytest
import time_machine
from django.core.cache import cache
from django.core.cache.backends.base import BaseCache
from django.test import Client

from articles.tests.factories import NOW, sign_in
from pagecache.backends import Tolerant
from public.tests.pages import SITE_URL
from readers.tests.mailbox import Mailbox

# --- Applied to every test ----------------------------------------------------------------


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """Uploaded images go to a throwaway folder, never the project's media/; its path."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def _empty_cache():
    """Every test starts with an empty page cache (and leaves one behind)."""
    cache.clear()
    yield
    cache.clear()


# --- On request ---------------------------------------------------------------------------


@pytest.fixture
def site_url(settings):
    """The site's public address, which feeds, sitemaps and social cards are built on."""
    settings.SITE_URL = SITE_URL
    return SITE_URL


@pytest.fixture
def clock():
    """The clock frozen at NOW; move it with `clock.move_to(...)` or `clock.shift(...)`."""
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def admin_client(admin_user):
    """pytest-django's superuser client, signed in as the admin requires of a superuser:
    with a second factor (docs/security.md)."""
    return sign_in(Client(), admin_user)


@pytest.fixture
def staff_client(django_user_model):
    """A logged-in editor, separate from the anonymous `client`."""
    user = django_user_model.objects.create_user("editor", password="pw", is_staff=True)
    staff = Client()
    staff.force_login(user)
    return staff


class UnreachableCache(BaseCache):
    """A cache server that does not answer: every operation raises, as Redis's client does."""

    def __init__(self, location, params):
        super().__init__(params)

    def _refuse(self, *args, **kwargs):
        raise ConnectionError("Error 111 connecting to cache.internal:6379. Connection refused.")

    add = get = set = touch = delete = incr = has_key = clear = get_or_set = _refuse


class StoppedCache(Tolerant, UnreachableCache):
    """The site's cache backend (pagecache/backends.py) in front of a stopped server."""


@pytest.fixture
def cache_outage(settings):
    """`cache_outage.start()` stops the cache; `.end()` brings it back with what it held."""
    running = settings.CACHES

    class Outage:
        @staticmethod
        def start():
            settings.CACHES = {"default": {"BACKEND": f"{__name__}.StoppedCache"}}

        @staticmethod
        def end():
            settings.CACHES = running

    return Outage


@pytest.fixture
def mailbox(settings, tmp_path):
    """A real SMTP server on 127.0.0.1 that the site's mail goes to; what it received."""
    received = Mailbox(tmp_path / "smtp")
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = received.host, received.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    yield received
    received.stop()
