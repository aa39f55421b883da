"""Sessions kept in the database and read through the shared cache.

Django's cached_db store, except that a cache that does not answer (Redis stopped) is
never an error: sessions are read from and written to the database, which holds them
all, and the cache is used again as soon as it answers.
"""

import logging

from django.contrib.sessions.backends import cached_db

logger = logging.getLogger("django.contrib.sessions")


class SessionStore(cached_db.SessionStore):
    def load(self):
        try:
            return super().load()
        except Exception:  # the cache failed, after or instead of the database read
            logger.warning("Session cache unavailable: reading the session from the database")
            return self._load_from_database()

    def _load_from_database(self):
        session = self._get_session_from_db()
        return self.decode(session.session_data) if session else {}

    def exists(self, session_key):
        try:
            return super().exists(session_key)
        except Exception:
            return super(cached_db.SessionStore, self).exists(session_key)

    def delete(self, session_key=None):
        try:
            super().delete(session_key)
        except Exception:  # removed from the database; the cached copy expires by itself
            logger.warning("Session cache unavailable: cached copy not deleted")
