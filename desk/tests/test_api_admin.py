"""The content API's keys and the webhooks in the admin: Administrators and superusers
only, every write through api/keys.py and webhooks/endpoints.py, nothing deleted."""

import re

import pytest
from django.utils import timezone

from api.models import ApiKey
from articles.roles import ADMINISTRATOR, EDITOR
from articles.tests.factories import client_for, make_user
from webhooks.endpoints import create_endpoint
from webhooks.models import Attempt, Delivery, Endpoint, Event

pytestmark = pytest.mark.django_db

ADMIN = "/admin/"


def test_a_superuser_issues_a_key_that_is_shown_once_and_works(admin_client, client):
    response = admin_client.post(
        f"{ADMIN}api/apikey/add/", {"name": "Partner", "requests_per_minute": 60}, follow=True
    )

    raw = re.search(r"is (nr_[\w-]+) — copy it now", response.content.decode())[1]
    key = ApiKey.objects.get()
    assert raw not in (key.digest, key.prefix)
    assert key.requests_per_minute == 60
    assert client.get("/api/v1/stories/", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 200

    admin_client.post(
        f"{ADMIN}api/apikey/", {"action": "revoke", "_selected_action": [key.pk]}, follow=True
    )
    assert client.get("/api/v1/stories/", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 401


def test_an_administrator_issues_keys_and_adds_endpoints_but_deletes_neither():
    administrator = client_for(make_user(ADMINISTRATOR))

    issued = administrator.post(
        f"{ADMIN}api/apikey/add/", {"name": "Partner", "requests_per_minute": 60}, follow=True
    )
    assert "copy it now" in issued.content.decode()
    administrator.post(f"{ADMIN}webhooks/endpoint/add/", {"url": "https://partner.example/h"})
    key, endpoint = ApiKey.objects.get(), Endpoint.objects.get()
    assert endpoint.secret.startswith("whsec_")
    for page in ("api/apikey/", "webhooks/endpoint/", "webhooks/delivery/", "webhooks/event/"):
        assert administrator.get(f"{ADMIN}{page}").status_code == 200, page
    for page in (f"api/apikey/{key.pk}/delete/", f"webhooks/endpoint/{endpoint.pk}/delete/"):
        assert administrator.post(f"{ADMIN}{page}", {"post": "yes"}).status_code == 403, page
    assert ApiKey.objects.exists()
    assert Endpoint.objects.exists()


def test_editors_see_neither_keys_nor_webhooks():
    editor = client_for(make_user(EDITOR))

    for page in ("api/apikey/", "api/apikey/add/", "webhooks/endpoint/", "webhooks/delivery/"):
        assert editor.get(f"{ADMIN}{page}").status_code == 403, page


def test_an_endpoint_added_in_the_admin_gets_a_secret(admin_client):
    admin_client.post(
        f"{ADMIN}webhooks/endpoint/add/",
        {"url": "https://partner.example/hooks", "event_types": ["story.published"]},
    )

    endpoint = Endpoint.objects.get()
    assert endpoint.secret.startswith("whsec_")
    assert endpoint.event_types == ["story.published"]
    assert (
        endpoint.secret
        in admin_client.get(f"{ADMIN}webhooks/endpoint/{endpoint.pk}/change/").content.decode()
    )


def test_a_delivery_is_logged_and_replayed_from_the_admin(admin_client):
    endpoint = create_endpoint(url="https://partner.example/hooks")
    event = Event.objects.create(type="story.unpublished", story_id=1, story_slug="gone")
    delivery = Delivery.objects.create(
        event=event, endpoint=endpoint, status="failed", attempts=8, last_error="HTTP 500"
    )
    Attempt.objects.create(delivery=delivery, attempted_at=timezone.now(), status_code=500)

    page = admin_client.get(f"{ADMIN}webhooks/delivery/{delivery.pk}/change/")
    assert page.status_code == 200
    assert "500" in page.content.decode()
    assert admin_client.get(f"{ADMIN}webhooks/delivery/").status_code == 200
    admin_client.post(
        f"{ADMIN}webhooks/delivery/", {"action": "replay", "_selected_action": [delivery.pk]}
    )

    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == ("pending", 0)
