"""A provider's signed bounce or complaint webhook (through django-anymail) stops mail to
the address: its subscriptions end and its pending mail is not sent. Unsigned or
mis-signed calls change nothing."""

import base64
import hashlib
import hmac
import json
import time

import pytest

from articles.tests.factories import make_article
from newsletters.models import Delivery, Subscription, Suppression
from newsletters.services import editions, sending
from newsletters.tests.factories import make_newsletter, subscribe

pytestmark = pytest.mark.django_db

URL = "/webhooks/mail/mailgun/tracking/"
SIGNING_KEY = "key-for-tests-only"
BASIC = "hook:secret-for-tests"


@pytest.fixture(autouse=True)
def provider(settings):
    settings.ANYMAIL = {"WEBHOOK_SECRET": BASIC, "MAILGUN_WEBHOOK_SIGNING_KEY": SIGNING_KEY}


def mailgun_event(event, recipient, *, key=SIGNING_KEY, **data):
    timestamp, token = str(int(time.time())), "a" * 50
    signature = hmac.new(key.encode(), (timestamp + token).encode(), hashlib.sha256).hexdigest()
    return {
        "signature": {"timestamp": timestamp, "token": token, "signature": signature},
        "event-data": {
            "event": event,
            "recipient": recipient,
            "timestamp": float(timestamp),
            "id": "event-1",
            "message": {"headers": {"message-id": "edition-1.reader-1@news.example.org"}},
            **data,
        },
    }


def post(client, payload, auth=BASIC):
    return client.post(
        URL,
        json.dumps(payload),
        content_type="application/json",
        HTTP_AUTHORIZATION="Basic " + base64.b64encode(auth.encode()).decode(),
    )


def test_a_hard_bounce_stops_mail_to_the_address(client):
    briefing = make_newsletter()
    subscribe(briefing, "gone@example.net", "here@example.net")
    make_article()
    edition = editions.make_daily(newsletter=briefing, send=False)
    sending.start(edition=edition)

    response = post(client, mailgun_event("failed", "gone@example.net", severity="permanent"))
    assert response.status_code == 200
    assert Suppression.objects.get().reason == Suppression.Reason.BOUNCE
    assert not Subscription.objects.filter(reader__email="gone@example.net").exists()
    assert Delivery.objects.get(email="gone@example.net").status == Delivery.Status.SUPPRESSED
    assert Delivery.objects.get(email="here@example.net").status == Delivery.Status.PENDING


def test_a_complaint_stops_mail_too(client):
    subscribe(make_newsletter(), "angry@example.net")
    assert post(client, mailgun_event("complained", "angry@example.net")).status_code == 200
    assert Suppression.objects.get().reason == Suppression.Reason.COMPLAINT
    assert not Subscription.objects.exists()


def test_a_soft_bounce_stops_nothing(client):
    subscribe(make_newsletter(), "full@example.net")
    post(client, mailgun_event("failed", "full@example.net", severity="temporary"))
    assert not Suppression.objects.exists()
    assert Subscription.objects.exists()


def test_a_forged_webhook_changes_nothing(client):
    subscribe(make_newsletter(), "target@example.net")
    forged = mailgun_event("complained", "target@example.net", key="not-the-key")
    assert post(client, forged).status_code == 400
    wrong_secret = post(client, mailgun_event("complained", "target@example.net"), auth="x:y")
    assert wrong_secret.status_code == 400
    assert not Suppression.objects.exists()
    assert Subscription.objects.exists()


def test_junk_is_refused_not_an_error(client):
    assert post(client, {"nothing": "here"}).status_code == 400
    junk = client.post(URL, "not json", content_type="application/json")
    assert junk.status_code == 400
