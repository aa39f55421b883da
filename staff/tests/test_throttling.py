"""Throttled sign-in: wrong passwords pause an account, or an address, for the cool-off."""

from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles.roles import ADMINISTRATOR, CONTRIBUTOR, EDITOR
from articles.tests.factories import sign_in
from staff.addresses import client_address
from staff.models import AuditEntry, SignInLockout
from staff.tests.factories import PASSWORD, entries, give_password, make_staff

pytestmark = pytest.mark.django_db
LIMIT = 5
Action = AuditEntry.Action


@pytest.fixture(autouse=True)
def _limits(settings):
    settings.AXES_FAILURE_LIMIT = LIMIT
    settings.AXES_COOLOFF_TIME = timedelta(minutes=15)


def fail(client, username, times, **extra):
    for _ in range(times):
        response = give_password(client, username, "not the password", **extra)
    return response


def test_a_wrong_password_is_refused_with_the_admins_own_words(client):
    contributor = make_staff(CONTRIBUTOR)

    response = fail(client, contributor.username, 1)

    assert response.status_code == 200
    assert "Please enter the correct username and password" in response.text
    assert "_auth_user_id" not in client.session


def test_after_the_limit_the_right_password_is_refused_during_the_cool_off(client):
    contributor = make_staff(CONTRIBUTOR)
    fail(client, contributor.username, LIMIT)

    with time_machine.travel(timezone.now() + timedelta(minutes=14)):
        refused = give_password(client, contributor.username, PASSWORD)
    with time_machine.travel(timezone.now() + timedelta(minutes=16)):
        allowed = give_password(client, contributor.username, PASSWORD)

    assert refused.status_code == 429
    assert "Too many failed sign-ins" in refused.text
    assert allowed.status_code == 302
    assert allowed.url == reverse("admin:index")


def test_the_limit_counts_an_account_from_any_address(client):
    contributor = make_staff(CONTRIBUTOR)
    for n in range(LIMIT):
        fail(client, contributor.username, 1, REMOTE_ADDR=f"198.51.100.{n + 1}")

    response = give_password(client, contributor.username, REMOTE_ADDR="203.0.113.9")

    assert response.status_code == 429


def test_the_limit_counts_an_address_whatever_names_it_tries(client):
    """Password spraying: one guess at many accounts from one address."""
    contributor = make_staff(CONTRIBUTOR)
    for n in range(LIMIT):
        fail(client, f"someone-{n}", 1, REMOTE_ADDR="198.51.100.7")

    from_there = give_password(client, contributor.username, REMOTE_ADDR="198.51.100.7")
    elsewhere = give_password(Client(), contributor.username, REMOTE_ADDR="198.51.100.8")

    assert from_there.status_code == 429
    assert elsewhere.status_code == 302


def test_a_name_counts_whatever_its_capitals_and_spaces(client):
    contributor = make_staff(CONTRIBUTOR, username="maren")
    # Each from an address of its own, so only the name's count can lock.
    for n, typed in enumerate(("Maren", "MAREN", " maren", "maren ", "mAren")):
        fail(client, typed, 1, REMOTE_ADDR=f"192.0.2.{n + 1}")

    assert give_password(client, contributor.username).status_code == 429


def test_the_lockout_page_does_not_tell_whether_the_account_exists(client):
    make_staff(CONTRIBUTOR, username="real-person")
    real = fail(client, "real-person", LIMIT + 1, REMOTE_ADDR="192.0.2.1")
    made_up = fail(Client(), "nobody-by-this-name", LIMIT + 1, REMOTE_ADDR="192.0.2.2")

    assert real.status_code == made_up.status_code == 429
    assert real.content == made_up.content


def test_the_client_address_comes_from_a_header_only_when_settings_name_it(rf, settings):
    forged = {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "203.0.113.5"}
    settings.CLIENT_IP_HEADER = ""
    assert client_address(rf.get("/", **forged)) == "10.0.0.2"

    settings.CLIENT_IP_HEADER = "X-Forwarded-For"
    settings.CLIENT_IP_PROXY_COUNT = 1
    # What the client wrote comes first; the proxy appends the address it saw.
    chain = {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "203.0.113.5, 198.51.100.20"}
    assert client_address(rf.get("/", **chain)) == "198.51.100.20"
    settings.CLIENT_IP_PROXY_COUNT = 2
    assert client_address(rf.get("/", **chain)) == "203.0.113.5"
    # Nonsense in the header falls back to the proxy's own address, never to the nonsense.
    settings.CLIENT_IP_PROXY_COUNT = 1
    bad = {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "'; drop table"}
    assert client_address(rf.get("/", **bad)) == "10.0.0.2"


def test_behind_a_named_proxy_header_each_client_is_counted_apart(client, settings):
    settings.CLIENT_IP_HEADER = "X-Forwarded-For"
    contributor = make_staff(CONTRIBUTOR)
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    for n in range(LIMIT):
        fail(client, f"guess-{n}", 1, HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy)

    other_reader = give_password(
        Client(), contributor.username, HTTP_X_FORWARDED_FOR="198.51.100.8", **proxy
    )
    attacker = give_password(
        Client(), contributor.username, HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy
    )

    assert other_reader.status_code == 302
    assert attacker.status_code == 429


def test_an_administrator_sees_a_locked_account_and_unlocks_it(client):
    contributor = make_staff(CONTRIBUTOR, username="locked-out")
    fail(Client(), contributor.username, LIMIT, REMOTE_ADDR="192.0.2.50")
    administrator = make_staff(ADMINISTRATOR)
    admin_client = sign_in(Client(), administrator)
    lockouts = reverse("admin:staff_signinlockout_changelist")

    listed = admin_client.get(lockouts + "?locked=yes")
    attempt = SignInLockout.objects.get(username="locked-out")
    admin_client.post(
        lockouts,
        {"action": "unlock_accounts", "_selected_action": [attempt.pk]},
    )

    assert listed.status_code == 200
    assert "locked-out" in listed.text
    assert not SignInLockout.objects.filter(username="locked-out").exists()
    assert give_password(client, contributor.username, REMOTE_ADDR="192.0.2.50").status_code == 302
    (lifted,) = entries(Action.LOCKOUT_LIFTED)
    assert (lifted.actor, lifted.target_id) == (administrator, str(contributor.pk))


def test_an_editor_cannot_see_or_lift_lockouts():
    editor_client = sign_in(Client(), make_staff(EDITOR))

    response = editor_client.get(reverse("admin:staff_signinlockout_changelist"))

    assert response.status_code == 403
