"""Sending an edition: the ledger gives each reader exactly one copy, through pauses,
crashes and re-runs (docs/newsletters.md says what is guaranteed, and how).

`start` writes one Delivery row per subscriber (unique per edition and reader) and
enqueues the send jobs; each job claims pending rows in batches (skipping rows another
job holds), sends each mail and marks its row sent. A job that starts again under the
same id (its worker was killed and restarted: jobs/recovery.py) first puts back the rows
its killed life had claimed but not sent. `pause` stops the jobs at their next batch;
`resume` enqueues new ones.
"""

import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.smtp import EmailBackend as SMTPBackend
from django.db import transaction
from django.utils import timezone

from jobs.compat import task
from newsletters import archive, rendering, smtp, unsubscribe
from newsletters.models import Delivery, Edition, Subscription, Suppression

logger = logging.getLogger(__name__)

BATCH = 200
LEDGER_CHUNK = 5000


class NotAllowed(Exception):
    pass


@task(takes_context=True)
def send_edition(context, edition_id):
    """Send an edition's pending mail; safe to run twice, and alongside other jobs."""
    return run(edition_id=edition_id, job_id=str(context.task_result.id))


def _enqueue(edition):
    for _ in range(settings.NEWSLETTER_SEND_JOBS):
        send_edition.enqueue(edition.pk)


def start(*, edition: Edition) -> int:
    """Write the ledger and start sending a draft edition; the number of recipients."""
    with transaction.atomic():
        edition = Edition.objects.select_for_update().get(pk=edition.pk)
        if edition.status != Edition.Status.DRAFT:
            raise NotAllowed(f"This edition is {edition.get_status_display()}, not a draft.")
        suppressed = Suppression.objects.values("email")
        subscribers = (
            Subscription.objects.filter(newsletter_id=edition.newsletter_id)
            .exclude(reader__email__in=suppressed)
            .values_list("reader_id", "reader__email")
            .order_by("reader_id")
        )
        count = 0
        chunk = []
        for reader_id, email in subscribers.iterator(chunk_size=LEDGER_CHUNK):
            chunk.append(Delivery(edition=edition, reader_id=reader_id, email=email))
            if len(chunk) == LEDGER_CHUNK:
                count += len(Delivery.objects.bulk_create(chunk, ignore_conflicts=True))
                chunk = []
        count += len(Delivery.objects.bulk_create(chunk, ignore_conflicts=True))
        edition.status = Edition.Status.SENDING
        edition.started_at = timezone.now()
        edition.save(update_fields=["status", "started_at"])
        # In the same transaction: the ledger and the jobs exist together or not at all.
        _enqueue(edition)
    return count


def pause(*, edition: Edition) -> None:
    updated = Edition.objects.filter(pk=edition.pk, status=Edition.Status.SENDING).update(
        status=Edition.Status.PAUSED
    )
    if not updated:
        raise NotAllowed("Only an edition being sent can be paused.")


def resume(*, edition: Edition) -> None:
    """Go on with a paused send, or start new jobs for a send whose jobs stopped."""
    with transaction.atomic():
        edition = Edition.objects.select_for_update().get(pk=edition.pk)
        if edition.status not in (Edition.Status.PAUSED, Edition.Status.SENDING):
            raise NotAllowed("Only a paused or unfinished send can be resumed.")
        edition.status = Edition.Status.SENDING
        edition.save(update_fields=["status"])
        _enqueue(edition)


def message_for(
    edition: Edition, delivery: Delivery, *, subject_prefix=""
) -> EmailMultiAlternatives:
    newsletter = edition.newsletter
    url = unsubscribe.url_for(delivery.reader_id, newsletter)
    message = EmailMultiAlternatives(
        subject=subject_prefix + edition.subject,
        body=rendering.personalise(edition.text, url),
        from_email=settings.NEWSLETTER_FROM_EMAIL,
        to=[delivery.email],
        headers={
            "Message-ID": delivery.message_id,
            # RFC 8058: one POST to this address unsubscribes, no page to click through.
            "List-Unsubscribe": f"<{url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "List-Id": f"{newsletter.name} <{newsletter.slug}.{rendering.mail_domain()}>",
        },
    )
    message.attach_alternative(rendering.personalise(edition.html, url), "text/html")
    return message


def _claim(edition_id, job_id):
    with transaction.atomic():
        ids = list(
            Delivery.objects.select_for_update(skip_locked=True)
            .filter(edition_id=edition_id, status=Delivery.Status.PENDING)
            .order_by("pk")
            .values_list("pk", flat=True)[:BATCH]
        )
        Delivery.objects.filter(pk__in=ids).update(
            status=Delivery.Status.CLAIMED, claimed_by=job_id
        )
    return list(Delivery.objects.filter(pk__in=ids).order_by("pk"))


def _mark(delivery, job_id, status, **fields):
    return Delivery.objects.filter(pk=delivery.pk, claimed_by=job_id).update(
        status=status, **fields
    )


def _release(edition_id, job_id):
    """Put back what this job claimed and did not send."""
    return Delivery.objects.filter(
        edition_id=edition_id, status=Delivery.Status.CLAIMED, claimed_by=job_id
    ).update(status=Delivery.Status.PENDING, claimed_by="")


def run(*, edition_id: int, job_id: str) -> str:
    """The send loop of one job; what became of it ("paused", "finished", "waiting")."""
    _release(edition_id, job_id)  # a killed earlier life of this job: nothing of it was sent
    backend = get_connection()
    two_phase = isinstance(backend, SMTPBackend)
    try:
        backend.open()
        while True:
            edition = Edition.objects.select_related("newsletter").get(pk=edition_id)
            if edition.status != Edition.Status.SENDING:
                _release(edition_id, job_id)
                return "paused"
            batch = _claim(edition_id, job_id)
            if not batch:
                return _finish(edition)
            for delivery in batch:
                _send_one(backend, two_phase, edition, delivery, job_id)
    except Exception:
        _release(edition_id, job_id)
        raise
    finally:
        backend.close()


def _send_one(backend, two_phase, edition, delivery, job_id):
    message = message_for(edition, delivery)

    def mark_sent():
        _mark(delivery, job_id, Delivery.Status.SENT, sent_at=timezone.now())

    try:
        if two_phase:
            smtp.send(backend.connection, message, before_end=mark_sent)
        else:
            # Another backend (a provider's API, the console): sent, then marked. A kill
            # between the two sends this one mail again, with the same Message-ID.
            backend.send_messages([message])
            mark_sent()
    except smtp.RefusedAfterData as refused:
        _mark(delivery, job_id, Delivery.Status.FAILED, error=str(refused)[:300])
    except (
        smtplib.SMTPRecipientsRefused,
        smtplib.SMTPSenderRefused,
        smtplib.SMTPDataError,
    ) as refused:
        _mark(delivery, job_id, Delivery.Status.FAILED, error=str(refused)[:300])


def _finish(edition):
    unfinished = Delivery.objects.filter(
        edition=edition, status__in=[Delivery.Status.PENDING, Delivery.Status.CLAIMED]
    ).exists()
    if unfinished:  # another job is still sending its batch
        return "waiting"
    finished = Edition.objects.filter(pk=edition.pk, status=Edition.Status.SENDING).update(
        status=Edition.Status.SENT, finished_at=timezone.now()
    )
    if finished:
        archive.changed()
    return "finished"
