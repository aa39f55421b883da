"""Every event arrives, in order per story, each processed once: with an endpoint that
fails half of all requests at random and the worker killed (SIGKILL) midway and
started again under its name.

Real worker processes need a database they can open: this runs on PostgreSQL (SQLite's
test database lives in this process's memory).
"""

import signal

import pytest

from articles import workflow
from articles.models import Correction
from articles.tests.factories import DRAFT, make_article, make_user
from authors.tests.factories import make_author
from jobs.testing import needs_worker_process, wait_for
from jobs.testing import start_worker as worker_process
from webhooks.endpoints import create_endpoint
from webhooks.models import Event
from webhooks.tests.receiver import Receiver

pytestmark = [pytest.mark.django_db(transaction=True), needs_worker_process]

STORIES, EDITS = 4, 3
WAIT_SECONDS = 120  # each wait ends as soon as what it waits for happens


def start_worker(worker_id):
    return worker_process(
        worker_id,
        # A day of retries in seconds: 30 quick ones (a delivery fails them all 1 in 10⁹).
        WEBHOOK_RETRY_DELAYS=",".join(["0.1"] * 30),
        WEBHOOK_TIMEOUT_SECONDS="2",
    )


def make_news(editor):
    """Each story published, edited and corrected: events that must arrive in order."""
    for n in range(STORIES):
        story = make_article(slug=f"story-{n}", status=DRAFT, authors=[make_author()])
        workflow.publish(article=story, user=editor)
        for edit in range(EDITS):
            story.refresh_from_db()
            story.title = f"Story {n}, edit {edit}"
            workflow.save_article(article=story, user=editor, previous=story)
            Correction.objects.create(article=story, text=f"Correction {edit}.")


def test_every_event_arrives_once_in_order_through_failures_and_a_killed_worker(site_url):
    editor = make_user(is_superuser=True)
    with Receiver(fail_share=0.5) as receiver:
        receiver.secret = create_endpoint(url=receiver.url).secret
        make_news(editor)
        events = list(Event.objects.order_by("pk"))
        worker = start_worker("worker-1")
        try:
            wait_for(lambda: len(receiver.processed) >= len(events) // 3, "a third to arrive")
            worker.send_signal(signal.SIGKILL)
            worker.wait(timeout=WAIT_SECONDS)
            worker = start_worker("worker-1")
            wait_for(lambda: len(receiver.processed) == len(events), "every event to arrive")
        finally:
            worker.terminate()
            worker.wait(timeout=WAIT_SECONDS)

    assert len(events) >= STORIES * 2  # updates waiting to be sent fold into one
    failed = [status for _, status in receiver.requests if status == 503]
    assert failed, "the endpoint failed some requests"
    assert sorted(e["webhook-id"] for e in receiver.processed) == sorted(
        e.message_id for e in events
    )
    for n in range(STORIES):
        slug = f"story-{n}"
        got = receiver.processed
        arrived = [e["webhook-id"] for e in got if e["data"]["story"]["slug"] == slug]
        sent = [e.message_id for e in events if e.story_slug == slug]
        assert arrived == sent, f"{slug}'s events out of order"
