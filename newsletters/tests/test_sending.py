"""Sending an edition through the real queue to a real SMTP server: each subscriber gets
one copy with its headers (RFC 8058, a Message-ID per ledger row), through re-runs,
pauses and a job killed with rows claimed."""

import pytest
from django.core.management import call_command

from articles.tests.factories import add_lead_image, make_article
from newsletters.models import Delivery, Edition
from newsletters.services import editions, sending, suppressions
from newsletters.tests.factories import make_newsletter, subscribe
from readers.tests.mailbox import html_of, links, path_of, text_of

pytestmark = pytest.mark.django_db(transaction=True)

FORM = "application/x-www-form-urlencoded"
READERS = [f"reader{i}@example.net" for i in range(12)]


def run_worker():
    call_command("run_worker", worker_id="tests", batch=True, verbosity=0)


@pytest.fixture
def edition(site_url):
    briefing = make_newsletter()
    subscribe(briefing, *READERS)
    make_article(title="The harbour reopens", standfirst="Boats are back.")
    make_article(title="A second story")
    return editions.make_daily(newsletter=briefing, send=False)


def unsubscribe_path(message):
    return path_of(message["List-Unsubscribe"].strip().strip("<>"))


def test_every_subscriber_gets_one_copy_with_the_list_headers(site_url, mailbox):
    briefing = make_newsletter()
    subscribe(briefing, *READERS)
    story = make_article(title="The harbour reopens", standfirst="Boats are back.")
    add_lead_image(story, alt="Boats at the quay")
    story.save()
    edition = editions.make_daily(newsletter=briefing, send=False)
    assert sending.start(edition=edition) == len(READERS)
    run_worker()

    messages = mailbox.wait_for(len(READERS))
    assert sorted(m["To"] for m in messages) == sorted(READERS)
    message = mailbox.to(READERS[0])[0]
    reader = Delivery.objects.get(email=READERS[0]).reader
    assert message["Message-ID"] == f"<edition-{edition.pk}.reader-{reader.pk}@news.example.org>"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "/newsletters/unsubscribe/" in unsubscribe_path(message)
    assert unsubscribe_path(message) in map(path_of, links(message))
    assert "The harbour reopens" in text_of(message)
    html = html_of(message)
    assert 'alt="Boats at the quay"' in html
    assert 'name="color-scheme" content="light dark"' in html
    assert "<style" not in html  # every style inline
    assert 'style="' in html
    assert "https://news.example.org/news/" in html

    edition.refresh_from_db()
    assert edition.status == Edition.Status.SENT
    assert set(Delivery.objects.values_list("status", flat=True)) == {Delivery.Status.SENT}


def test_the_one_click_post_in_a_received_mail_unsubscribes(edition, mailbox, client):
    sending.start(edition=edition)
    run_worker()
    message = mailbox.wait_for(len(READERS))[0]
    one_click = "List-Unsubscribe=One-Click"
    client.post(unsubscribe_path(message), one_click, content_type=FORM)
    assert not edition.newsletter.subscriptions.filter(reader__email=message["To"]).exists()
    assert edition.newsletter.subscriptions.count() == len(READERS) - 1


def test_running_a_send_again_sends_nothing_twice(edition, mailbox):
    sending.start(edition=edition)
    run_worker()
    mailbox.wait_for(len(READERS))
    sending.run(edition_id=edition.pk, job_id="another")
    Edition.objects.filter(pk=edition.pk).update(status=Edition.Status.SENDING)
    sending.run(edition_id=edition.pk, job_id="a-third")
    assert all(count == 1 for count in mailbox.received().values())
    assert len(mailbox.received()) == len(READERS)


def test_a_job_run_again_sends_what_its_killed_life_had_claimed(edition, mailbox):
    sending.start(edition=edition)
    # A job (id "job-1") claimed three rows and was killed before sending any of them
    # (the server never saw the end of a mail); another job holds two, still running.
    rows = list(Delivery.objects.order_by("pk"))
    Delivery.objects.filter(pk__in=[r.pk for r in rows[:3]]).update(
        status=Delivery.Status.CLAIMED, claimed_by="job-1"
    )
    Delivery.objects.filter(pk__in=[r.pk for r in rows[3:5]]).update(
        status=Delivery.Status.CLAIMED, claimed_by="job-2"
    )

    assert sending.run(edition_id=edition.pk, job_id="job-1") == "waiting"
    received = mailbox.received()
    assert len(received) == len(READERS) - 2  # all but job-2's, which may still be sending
    assert {r.email for r in rows[3:5]}.isdisjoint(rcpt for rcpt, _ in received)
    assert Edition.objects.get(pk=edition.pk).status == Edition.Status.SENDING

    Delivery.objects.filter(claimed_by="job-2").update(status=Delivery.Status.SENT)
    assert sending.run(edition_id=edition.pk, job_id="job-1") == "finished"
    assert all(count == 1 for count in mailbox.received().values())


def test_a_paused_send_stops_and_resumes_where_it_was(edition, mailbox, monkeypatch):
    sending.start(edition=edition)
    monkeypatch.setattr(sending, "BATCH", 5)
    sent_before_pause = []
    real_send_one = sending._send_one

    def send_then_pause(*args):
        real_send_one(*args)
        sent_before_pause.append(1)
        if len(sent_before_pause) == 5:  # an editor pauses while the first batch goes out
            sending.pause(edition=edition)

    monkeypatch.setattr(sending, "_send_one", send_then_pause)
    assert sending.run(edition_id=edition.pk, job_id="job") == "paused"
    assert Delivery.objects.filter(status=Delivery.Status.SENT).count() == 5
    assert Delivery.objects.filter(status=Delivery.Status.PENDING).count() == len(READERS) - 5

    monkeypatch.setattr(sending, "_send_one", real_send_one)
    sending.resume(edition=edition)
    run_worker()
    assert len(mailbox.wait_for(len(READERS))) == len(READERS)
    assert all(count == 1 for count in mailbox.received().values())
    assert Edition.objects.get(pk=edition.pk).status == Edition.Status.SENT


def test_a_suppressed_address_gets_nothing(edition, mailbox):
    suppressions.suppress(email=READERS[0].upper(), reason="bounce", detail="550 no such user")
    assert sending.start(edition=edition) == len(READERS) - 1
    run_worker()
    mailbox.wait_for(len(READERS) - 1)
    assert not mailbox.to(READERS[0])
