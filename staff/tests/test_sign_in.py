"""Two-factor sign-in: required for Editors and Administrators, asked after the password."""

from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY

from articles.roles import ADMINISTRATOR, AUTHOR, CONTRIBUTOR, EDITOR
from articles.tests.factories import DRAFT, make_article
from staff.models import AuditEntry, SignInLockout
from staff.tests.factories import (
    code_for,
    entries,
    give_app,
    give_code,
    give_password,
    make_staff,
)
from staff.two_factor import _replace_backup_codes

pytestmark = pytest.mark.django_db
Action = AuditEntry.Action
DESK = "/admin/"


def signed_in_as(client):
    response = client.get(reverse("admin:index"))
    return response.context["user"] if response.status_code == 200 else None


# The rule: who must have a second factor.


@pytest.mark.parametrize("role", [EDITOR, ADMINISTRATOR])
def test_an_editor_without_a_second_factor_cannot_reach_the_desk(client, role):
    user = make_staff(role)
    client.force_login(user)  # a password-only session, however it was made

    response = client.get(reverse("admin:articles_article_changelist"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


def test_a_superuser_counts_as_an_administrator(client):
    root = make_staff(is_superuser=True)
    client.force_login(root)

    assert client.get(DESK).status_code == 302


def test_a_session_without_the_second_factor_cannot_preview_drafts_either(client):
    editor = make_staff(EDITOR)
    draft = make_article(status=DRAFT, title="Secret plans")
    client.force_login(editor)

    assert client.get(draft.get_preview_url()).status_code == 404


@pytest.mark.parametrize("role", [CONTRIBUTOR, AUTHOR])
def test_writers_may_sign_in_with_a_password_alone(client, role):
    writer = make_staff(role)

    response = give_password(client, writer.username)

    assert response.status_code == 302
    assert response.url == DESK
    assert signed_in_as(client) == writer
    (entry,) = entries(Action.SIGNED_IN)
    assert entry.detail == "with a password only"


def test_settings_can_require_a_second_factor_of_everyone(client, settings):
    settings.TWO_FACTOR_REQUIRED_FOR_ALL = True
    writer = make_staff(CONTRIBUTOR)

    response = give_password(client, writer.username)

    assert response.url == reverse("admin:two_factor_enrol")
    assert signed_in_as(client) is None


# The steps: password, then code.


def test_an_editor_without_an_app_is_sent_to_set_one_up_and_is_not_signed_in(client):
    editor = make_staff(EDITOR)

    response = give_password(client, editor.username)

    assert response.url == reverse("admin:two_factor_enrol")
    assert signed_in_as(client) is None
    assert client.get(reverse("admin:articles_article_changelist")).status_code == 302


def test_the_code_is_asked_after_the_password_and_signs_in(client):
    editor = make_staff(EDITOR)
    phone = give_app(editor)

    first = give_password(client, editor.username)
    asked = client.get(first.url)
    between = client.get(DESK)
    second = give_code(client, code_for(phone))

    assert first.url == reverse("admin:login_code")
    assert 'autocomplete="one-time-code"' in asked.text
    assert between.status_code == 302  # the password alone signed nobody in
    assert second.status_code == 302
    assert second.url == DESK
    assert signed_in_as(client) == editor
    assert client.session[DEVICE_ID_SESSION_KEY] == phone.persistent_id
    (entry,) = entries(Action.SIGNED_IN)
    assert (entry.actor, entry.detail) == (editor, "with the authenticator app")


def test_a_user_who_set_up_an_app_must_use_it_even_if_not_required(client):
    writer = make_staff(CONTRIBUTOR)
    give_app(writer)

    response = give_password(client, writer.username)

    assert response.url == reverse("admin:login_code")
    assert signed_in_as(client) is None


def test_a_wrong_code_is_refused_and_counted(client):
    editor = make_staff(EDITOR)
    phone = give_app(editor)
    give_password(client, editor.username)
    wrong = f"{(int(code_for(phone)) + 1) % 1_000_000:06d}"

    response = give_code(client, wrong)

    assert response.status_code == 200
    assert "That code is not right" in response.text
    assert signed_in_as(client) is None
    (attempt,) = SignInLockout.objects.all()
    assert (attempt.username, attempt.failures_since_start) == (editor.username, 1)
    (entry,) = entries(Action.SIGN_IN_REFUSED)
    assert entry.target_id == str(editor.pk)
    assert entry.detail.startswith("wrong code (the password was right)")


def test_wrong_codes_lock_the_account_like_wrong_passwords(client, settings):
    settings.AXES_FAILURE_LIMIT = 3
    editor = make_staff(EDITOR)
    phone = give_app(editor)
    give_password(client, editor.username)
    give_password(Client(), editor.username, "wrong once")

    give_code(client, "000000")
    locked = give_code(client, "111111")
    with time_machine.travel(timezone.now() + timedelta(minutes=1)):
        again = give_code(client, code_for(phone))
        fresh_start = give_password(Client(), editor.username)

    assert locked.status_code == 429
    assert again.status_code == 302  # the pending sign-in was dropped: password again
    assert again.url == reverse("admin:login")
    assert fresh_start.status_code == 429
    assert signed_in_as(client) is None


def test_a_backup_code_signs_in_once(client):
    editor = make_staff(EDITOR)
    give_app(editor)
    codes = _replace_backup_codes(editor)

    give_password(client, editor.username)
    first = give_code(client, codes[0].upper().replace("-", " "))
    other = Client()
    give_password(other, editor.username)
    reused = give_code(other, codes[0])

    assert first.url == DESK
    assert reused.status_code == 200
    (entry,) = entries(Action.SIGNED_IN)
    assert entry.detail == "with a backup code (9 left)"


def test_a_pending_sign_in_expires(client):
    editor = make_staff(EDITOR)
    phone = give_app(editor)
    give_password(client, editor.username)

    with time_machine.travel(timezone.now() + timedelta(minutes=6)):
        response = give_code(client, code_for(phone))

    assert response.url == reverse("admin:login")
    assert signed_in_as(client) is None


def test_the_code_page_without_a_password_first_sends_back_to_sign_in(client):
    assert client.get(reverse("admin:login_code")).url == reverse("admin:login")


def test_a_pending_sign_in_with_an_app_cannot_set_up_another(client):
    """Otherwise a stolen password would be enough to enrol the thief's own phone."""
    editor = make_staff(EDITOR)
    give_app(editor)
    give_password(client, editor.username)

    response = client.get(reverse("admin:two_factor_enrol"))

    assert response.url == reverse("admin:login_code")


def test_signing_in_goes_where_the_editor_was_going(client):
    editor = make_staff(EDITOR)
    phone = give_app(editor)
    changelist = reverse("admin:articles_article_changelist")
    client.post(
        reverse("admin:login"),
        {
            "username": editor.username,
            "password": "a long passphrase for tests",
            "next": changelist,
        },
    )

    assert give_code(client, code_for(phone)).url == changelist


def test_signing_out_is_recorded_and_ends_the_session(client):
    editor = make_staff(EDITOR)
    phone = give_app(editor)
    give_password(client, editor.username)
    give_code(client, code_for(phone))

    client.post(reverse("admin:logout"))

    assert signed_in_as(client) is None
    (entry,) = entries(Action.SIGNED_OUT)
    assert entry.actor == editor
