"""A real worker process killed (SIGKILL) in the middle of a send, started again under
its name: every subscriber ends with exactly one copy, counted by a real SMTP server.

The worker is another process, so it needs a database another process can open: the
PostgreSQL run has one; SQLite's test database lives in this process's memory.
"""

import signal

import pytest

from articles.tests.factories import make_article
from jobs.testing import needs_worker_process, wait_for
from jobs.testing import start_worker as worker_process
from newsletters.models import Delivery, Edition
from newsletters.services import editions, sending
from newsletters.tests.factories import make_newsletter, subscribe
from readers.tests.mailbox import Mailbox

pytestmark = [pytest.mark.django_db(transaction=True), needs_worker_process]

SUBSCRIBERS = 200
WAIT_SECONDS = 120  # each wait ends as soon as what it waits for happens


def start_worker(worker_id, smtp):
    return worker_process(worker_id, EMAIL_URL=f"smtp://{smtp.host}:{smtp.port}")


def test_a_send_whose_worker_was_killed_gives_everyone_exactly_one_copy(tmp_path, settings):
    settings.NEWSLETTER_SEND_JOBS = 1
    # A slow server (10 ms a mail), so the kill lands in the middle of the send.
    smtp = Mailbox(tmp_path / "smtp", keep_messages=False, delay=0.01)
    briefing = make_newsletter()
    emails = [f"reader{i}@example.net" for i in range(SUBSCRIBERS)]
    subscribe(briefing, *emails)
    make_article()
    edition = editions.make_daily(newsletter=briefing, send=False)
    sending.start(edition=edition)

    worker = start_worker("sender-1", smtp)
    try:
        wait_for(lambda: len(smtp.received()) >= SUBSCRIBERS // 4, "a quarter of the mail")
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=WAIT_SECONDS)
        left = Delivery.objects.exclude(status=Delivery.Status.SENT).count()
        assert left > 0, "the worker finished before it was killed"
        assert Edition.objects.get(pk=edition.pk).status == Edition.Status.SENDING

        worker = start_worker("sender-1", smtp)
        wait_for(
            lambda: Edition.objects.get(pk=edition.pk).status == Edition.Status.SENT,
            "the send to finish",
        )
    finally:
        worker.terminate()
        worker.wait(timeout=WAIT_SECONDS)
        smtp.stop()

    received = smtp.received()
    assert set(received.values()) == {1}  # no one has two copies
    assert {rcpt for rcpt, _ in received} <= set(emails)
    # The one mail that can be lost (docs/newsletters.md): the killed worker had handed it
    # over whole, and the server, which had not yet accepted it, dropped it when the
    # connection went. Never more than one per killed worker.
    assert len(emails) - len(received) <= 1
    assert Delivery.objects.filter(status=Delivery.Status.SENT).count() == SUBSCRIBERS
