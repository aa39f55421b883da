"""Two journalists writing on one live story at once never deadlock (PostgreSQL only).

Every write on entries locks the story, then the entry (services/live.py's lock_story). Here one
writer is held between its two locks until the other is seen waiting in PostgreSQL: with
the order broken, the second writer holds the entry and waits for the story while the
first holds the story and asks for the entry, and PostgreSQL kills one of them.
"""

import threading
import time
from unittest import mock

import pytest
from django.db import connection, connections

from articles import workflow
from articles.models import LiveEntry
from articles.services import live
from articles.tests.factories import ENTRY_DRAFT, make_entry, make_live_story, make_user
from authors.tests.factories import make_author

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="PostgreSQL only: SQLite has no row locks (run with DATABASE_URL=postgres://…)",
    ),
]

# How long a step may take on a loaded machine: each wait ends as soon as its step is done.
PATIENCE = 120


def _someone_waits_for_a_lock():
    """Whether another session of this database is seen waiting for a row lock."""
    deadline = time.monotonic() + PATIENCE
    with connections["default"].cursor() as cursor:
        while time.monotonic() < deadline:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity "
                "WHERE datname = current_database() AND wait_event_type = 'Lock'"
            )
            if cursor.fetchone()[0]:
                return True
            time.sleep(0.02)
    return False


def _in_thread(name, work, errors):
    def run():
        try:
            work()
        except Exception as error:  # reported by the test, not lost in the thread
            errors.append(error)
        finally:
            connections.close_all()

    thread = threading.Thread(target=run, name=name)
    thread.start()
    return thread


def test_publishing_an_entry_while_it_is_saved_waits_instead_of_deadlocking():
    # A superuser, not a role: a transactional test run before this one empties every table,
    # the roles the migrations made included.
    editor = make_user(is_superuser=True)
    byline = [make_author()]
    story = make_live_story(authors=byline)
    entry = make_entry(story, status=ENTRY_DRAFT, authors=byline, body="Ready to go.")
    holds_the_story = threading.Event()
    other_is_waiting = threading.Event()
    lock_story = live.lock_story

    def lock_story_then_pause(article_id):
        locked = lock_story(article_id)
        if threading.current_thread().name == "saver":  # the first writer, between its locks
            holds_the_story.set()
            other_is_waiting.wait(timeout=PATIENCE)
        return locked

    def save():
        entry.body = "Edited while an editor publishes it."
        workflow.save_entry(entry=entry, user=editor)

    def publish():
        holds_the_story.wait(timeout=PATIENCE)
        workflow.publish_entry(entry=LiveEntry.objects.get(pk=entry.pk), user=editor)

    errors = []
    with mock.patch.object(live, "lock_story", lock_story_then_pause):
        saver = _in_thread("saver", save, errors)
        publisher = _in_thread("publisher", publish, errors)
        assert holds_the_story.wait(timeout=PATIENCE)
        assert _someone_waits_for_a_lock(), "the publisher never waited for a lock"
        other_is_waiting.set()
        saver.join(timeout=PATIENCE)
        publisher.join(timeout=PATIENCE)

    assert not saver.is_alive()
    assert not publisher.is_alive()
    assert errors == []
    entry.refresh_from_db()
    assert (entry.status, entry.body) == (
        LiveEntry.Status.PUBLISHED,
        "Edited while an editor publishes it.",
    )
