"""Sessions kept in the database and read through the shared cache survive its outage:
Django's cached_db store, over the tolerant backend (pagecache/backends.py)."""

import pytest
from django.contrib.sessions.backends.cached_db import SessionStore
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore

pytestmark = pytest.mark.django_db


def test_sessions_are_read_from_the_database_while_the_cache_is_down(cache_outage):
    stored = DatabaseSessionStore()
    stored["editor"] = 42
    stored.save()
    cache_outage.start()

    session = SessionStore(stored.session_key)

    assert session["editor"] == 42
    assert session.exists(stored.session_key)
    session.delete()
    assert not DatabaseSessionStore().exists(stored.session_key)
