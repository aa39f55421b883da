"""Staff sessions: a working day at most, listed, and ended from elsewhere."""

from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles.roles import ADMINISTRATOR, CONTRIBUTOR, EDITOR
from articles.tests.factories import sign_in
from staff.models import AuditEntry
from staff.tests.factories import code_for, entries, give_app, give_code, give_password, make_staff

pytestmark = pytest.mark.django_db
Action = AuditEntry.Action
DESK = "/admin/"


def reaches_desk(client):
    return client.get(DESK).status_code == 200


def test_a_session_ends_a_working_day_after_signing_in_however_busy(client, settings):
    settings.STAFF_SESSION_HOURS = 10
    editor = make_staff(EDITOR)
    phone = give_app(editor)
    start = timezone.now()
    give_password(client, editor.username)
    give_code(client, code_for(phone))

    assert abs(client.session.get_expiry_date() - (start + timedelta(hours=10))) < timedelta(
        minutes=1
    )
    with time_machine.travel(start + timedelta(hours=5)):
        busy = reaches_desk(client)
    with time_machine.travel(start + timedelta(hours=9, minutes=59)):
        late = reaches_desk(client)
    with time_machine.travel(start + timedelta(hours=10, minutes=1)):
        over = reaches_desk(client)

    assert busy
    assert late
    assert not over


def test_sign_out_my_other_sessions_ends_them_and_keeps_this_one():
    writer = make_staff(CONTRIBUTOR)
    laptop, forgotten = Client(), Client()
    give_password(laptop, writer.username, HTTP_USER_AGENT="Laptop browser")
    give_password(forgotten, writer.username, HTTP_USER_AGENT="Library computer")

    listed = laptop.get(reverse("admin:sessions"))
    laptop.post(reverse("admin:sessions"))

    assert "Laptop browser" in listed.text
    assert "Library computer" in listed.text
    assert "(this one)" in listed.text
    assert reaches_desk(laptop)
    assert not reaches_desk(forgotten)
    assert "Library computer" not in laptop.get(reverse("admin:sessions")).text
    (entry,) = entries(Action.SESSIONS_ENDED)
    assert (entry.actor, entry.detail) == (writer, "signed out 1 other session")


def test_an_administrator_signs_a_colleague_out_everywhere(client):
    writer = make_staff(CONTRIBUTOR)
    phone, laptop = sign_in(Client(), writer), sign_in(Client(), writer)
    administrator = make_staff(ADMINISTRATOR)
    sign_in(client, administrator)

    client.post(
        reverse("admin:auth_user_changelist"),
        {"action": "sign_out_everywhere", "_selected_action": [writer.pk]},
    )

    assert not reaches_desk(phone)
    assert not reaches_desk(laptop)
    assert reaches_desk(client)
    (entry,) = entries(Action.SESSIONS_ENDED)
    assert (entry.actor, entry.target_id) == (administrator, str(writer.pk))


def test_a_deactivated_account_is_signed_out_at_once(client):
    writer = make_staff(CONTRIBUTOR)
    sign_in(client, writer)

    writer.is_active = False
    writer.save()

    assert not reaches_desk(client)


def test_the_index_links_to_the_users_own_security_pages(client):
    sign_in(client, make_staff(CONTRIBUTOR))

    page = client.get(DESK).text

    for url in (reverse("admin:two_factor"), reverse("admin:sessions")):
        assert f'href="{url}"' in page
