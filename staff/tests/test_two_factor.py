"""Setting up an authenticator app, backup codes stored hashed, and an Administrator's reset."""

import base64
import re
from datetime import timedelta

import pytest
import time_machine
from axes.models import AccessAttempt
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from articles.roles import ADMINISTRATOR, CONTRIBUTOR, EDITOR
from articles.tests.factories import sign_in
from staff.models import AuditEntry, BackupCode, StaffSession
from staff.tests.factories import (
    PASSWORD,
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
ENROL = "/admin/two-factor/enrol/"
TWO_FACTOR = "/admin/two-factor/"
LIMIT = 5  # LOGIN_FAILURE_LIMIT's default


def shown_codes(response):
    return re.findall(r"<li><code>([a-z0-9-]+)</code></li>", response.text)


def test_enrolment_shows_a_qr_code_made_here_and_the_key(client):
    editor = make_staff(EDITOR)
    give_password(client, editor.username)

    page = client.get(ENROL)

    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    source = re.search(r'<img src="data:image/svg\+xml;base64,([^"]+)"', page.text).group(1)
    svg = base64.b64decode(source).decode()
    assert svg.startswith("<svg")
    assert "<path" in svg
    key = re.search(r'<code id="totp-key">([A-Z2-7 ]+)</code>', page.text).group(1)
    assert base64.b32decode(key.replace(" ", "")) == device.bin_key
    assert client.get(ENROL).text.count(key) == 1  # a reload shows the same key


def test_a_wrong_code_does_not_turn_the_app_on(client):
    editor = make_staff(EDITOR)
    give_password(client, editor.username)
    client.get(ENROL)
    device = TOTPDevice.objects.get(user=editor)

    response = client.post(ENROL, {"code": f"{(int(code_for(device)) + 7) % 1_000_000:06d}"})
    letters = client.post(ENROL, {"code": "abcdef"})

    assert "not the one the app shows" in response.text
    assert "six digits" in letters.text
    assert not TOTPDevice.objects.filter(confirmed=True).exists()
    assert entries(Action.TWO_FACTOR_ENABLED) == []


def test_enrolment_at_sign_in_turns_the_app_on_signs_in_and_shows_backup_codes_once(client):
    editor = make_staff(EDITOR)
    give_password(client, editor.username)
    client.get(ENROL)
    device = TOTPDevice.objects.get(user=editor)

    response = client.post(ENROL, {"code": code_for(device)})

    device.refresh_from_db()
    assert device.confirmed
    codes = shown_codes(response)
    assert len(codes) == 10
    assert len(set(codes)) == 10
    assert response["Cache-Control"].startswith("max-age=0")
    assert "no-store" in response["Cache-Control"]
    assert client.get(reverse("admin:articles_article_changelist")).status_code == 200
    # Stored only as digests: no code is anywhere in the table.
    stored = list(BackupCode.objects.values_list("digest", flat=True))
    assert len(stored) == 10
    assert not {code.replace("-", "") for code in codes} & set(stored)
    assert all(code not in digest for code in codes for digest in stored)
    # Shown once: the two-factor page counts them, it does not show them.
    page = client.get(reverse("admin:two_factor"))
    assert shown_codes(page) == []
    assert "Backup codes left: <strong>10</strong>" in page.text
    (entry,) = entries(Action.TWO_FACTOR_ENABLED)
    assert (entry.actor, entry.target_id) == (editor, str(editor.pk))
    (signed_in,) = entries(Action.SIGNED_IN)
    assert signed_in.detail == "with the authenticator app"


def test_a_new_phone_replaces_the_old_one(client):
    editor = make_staff(EDITOR)
    old = give_app(editor)
    give_password(client, editor.username)
    give_code(client, code_for(old))
    client.get(ENROL)
    new = TOTPDevice.objects.get(user=editor, confirmed=False)

    response = client.post(ENROL, {"code": code_for(new), "proof": PASSWORD})

    assert len(shown_codes(response)) == 10
    assert list(TOTPDevice.objects.filter(user=editor)) == [new]
    # Still signed in: the session now counts as verified by the new app.
    assert client.get(reverse("admin:articles_article_changelist")).status_code == 200
    (entry,) = entries(Action.TWO_FACTOR_ENABLED)
    assert "replaced" in entry.detail


def test_new_backup_codes_replace_the_old(client):
    editor = make_staff(EDITOR)
    sign_in(client, editor)
    renew = {"renew": "1", "proof": PASSWORD}
    first = shown_codes(client.post(reverse("admin:two_factor"), renew))

    second = shown_codes(client.post(reverse("admin:two_factor"), renew))

    assert len(first) == len(second) == 10
    assert not set(first) & set(second)
    give_password(other := Client(), editor.username)
    assert give_code(other, first[0]).status_code == 200  # old: refused
    # django-otp's own throttle waits a second after a wrong code before trying another.
    with time_machine.travel(timezone.now() + timedelta(seconds=2)):
        assert give_code(other, second[0]).status_code == 302
    assert len(entries(Action.BACKUP_CODES_RENEWED)) == 2


def test_a_writer_may_turn_two_factor_off_but_an_editor_may_not(client):
    writer, editor = make_staff(CONTRIBUTOR), make_staff(EDITOR)
    sign_in(client, writer)
    client.post(reverse("admin:two_factor"), {"turn_off": "1", "proof": PASSWORD})
    editor_client = sign_in(Client(), editor)
    page = editor_client.get(reverse("admin:two_factor"))
    editor_client.post(reverse("admin:two_factor"), {"turn_off": "1", "proof": PASSWORD})

    assert not TOTPDevice.objects.filter(user=writer).exists()
    assert TOTPDevice.objects.filter(user=editor).exists()
    assert "Turn off" not in page.text
    (entry,) = entries(Action.TWO_FACTOR_DISABLED)
    assert entry.actor == writer


# A session alone does not change a second factor: the password or a current code first.


def wrong_code(device):
    return f"{(int(code_for(device)) + 7) % 1_000_000:06d}"


@pytest.mark.parametrize("proof", ["", "not the password", "wrong code"])
def test_a_session_alone_cannot_move_the_account_to_another_app(client, proof):
    editor = make_staff(EDITOR)
    sign_in(client, editor)
    [old] = TOTPDevice.objects.filter(user=editor)
    proof = wrong_code(old) if proof == "wrong code" else proof
    client.get(ENROL)
    new = TOTPDevice.objects.get(user=editor, confirmed=False)

    response = client.post(ENROL, {"code": code_for(new), "proof": proof})

    assert response.status_code == 200
    assert shown_codes(response) == []
    assert "Nothing was changed" in response.text
    assert list(TOTPDevice.objects.filter(user=editor, confirmed=True)) == [old]
    assert entries(Action.TWO_FACTOR_ENABLED) == []
    # The new app's code is still good once the proof is given (nothing was spent).
    done = client.post(ENROL, {"code": code_for(new), "proof": PASSWORD})
    assert len(shown_codes(done)) == 10


@pytest.mark.parametrize("proof", ["", "not the password", "wrong code"])
def test_a_session_alone_cannot_renew_the_backup_codes_or_turn_two_factor_off(client, proof):
    writer = make_staff(CONTRIBUTOR)
    sign_in(client, writer)
    codes = _replace_backup_codes(writer)
    proof = wrong_code(TOTPDevice.objects.get(user=writer)) if proof == "wrong code" else proof

    renewed = client.post(TWO_FACTOR, {"renew": "1", "proof": proof})
    turned_off = client.post(TWO_FACTOR, {"turn_off": "1", "proof": proof})

    for response in (renewed, turned_off):
        assert response.status_code == 200
        assert shown_codes(response) == []
        assert "Nothing was changed" in response.text
    assert TOTPDevice.objects.filter(user=writer).exists()
    assert BackupCode.objects.filter(device__user=writer).count() == len(codes)
    assert entries(Action.BACKUP_CODES_RENEWED) == entries(Action.TWO_FACTOR_DISABLED) == []


@pytest.mark.parametrize("kind", ["password", "app code", "backup code"])
def test_the_password_or_a_current_code_renews_the_backup_codes(client, kind):
    editor = make_staff(EDITOR)
    sign_in(client, editor)
    [app] = TOTPDevice.objects.filter(user=editor)
    old = _replace_backup_codes(editor)
    proof = {"password": PASSWORD, "app code": code_for(app), "backup code": old[3]}[kind]

    response = client.post(TWO_FACTOR, {"renew": "1", "proof": proof})

    new = shown_codes(response)
    assert len(new) == 10
    assert not set(new) & set(old)
    assert len(entries(Action.BACKUP_CODES_RENEWED)) == 1


def test_the_app_in_use_or_a_backup_code_lets_the_account_move_to_a_new_app(client):
    editor = make_staff(EDITOR)
    sign_in(client, editor)
    [old] = TOTPDevice.objects.filter(user=editor)
    client.get(ENROL)
    new = TOTPDevice.objects.get(user=editor, confirmed=False)

    moved = client.post(ENROL, {"code": code_for(new), "proof": code_for(old)})

    assert len(shown_codes(moved)) == 10
    assert list(TOTPDevice.objects.filter(user=editor)) == [new]
    # And again, with a backup code of the set just shown.
    client.get(ENROL)
    newer = TOTPDevice.objects.get(user=editor, confirmed=False)
    proof = shown_codes(moved)[0]
    again = client.post(ENROL, {"code": code_for(newer), "proof": proof})
    assert len(shown_codes(again)) == 10
    assert list(TOTPDevice.objects.filter(user=editor)) == [newer]


def test_wrong_proofs_count_toward_the_sign_in_lockout(client):
    writer = make_staff(CONTRIBUTOR)
    sign_in(client, writer)

    for _ in range(LIMIT - 1):
        assert client.post(TWO_FACTOR, {"renew": "1", "proof": "a guess"}).status_code == 200
    last = client.post(TWO_FACTOR, {"renew": "1", "proof": "a guess"})
    paused = client.post(TWO_FACTOR, {"renew": "1", "proof": PASSWORD})

    assert last.status_code == 429  # the lockout page, as after five wrong sign-ins
    assert "Too many wrong tries" in paused.text
    assert shown_codes(paused) == []
    assert give_password(Client(), writer.username).status_code == 429
    why = "wrong password or code to change two-factor sign-in, from a signed-in session"
    refused = [e for e in entries(Action.SIGN_IN_REFUSED) if e.detail.startswith(why)]
    assert len(refused) == LIMIT
    assert refused[0].actor == writer
    # What was typed is not kept: it may be a password.
    assert "a guess" not in str(list(AccessAttempt.objects.values_list("post_data", flat=True)))


def test_an_administrator_resets_a_colleagues_second_factor(client):
    editor = make_staff(EDITOR)
    editor_client = sign_in(Client(), editor)
    administrator = make_staff(ADMINISTRATOR)
    sign_in(client, administrator)

    listed = client.get(reverse("admin:auth_user_changelist"))
    client.post(
        reverse("admin:auth_user_changelist"),
        {"action": "reset_two_factor", "_selected_action": [editor.pk]},
    )

    assert listed.status_code == 200
    assert not TOTPDevice.objects.filter(user=editor).exists()
    assert not StaffSession.objects.filter(user=editor).exists()
    # Their session is over; signing in again leads to setting up a new app.
    assert editor_client.get(reverse("admin:index")).status_code == 302
    assert give_password(Client(), editor.username).url == ENROL
    (entry,) = entries(Action.TWO_FACTOR_RESET)
    assert (entry.actor, entry.target_id) == (administrator, str(editor.pk))


def test_an_editor_cannot_reset_anyones_second_factor(client):
    victim = make_staff(ADMINISTRATOR)
    sign_in(client, make_staff(EDITOR))
    give_app(victim)

    client.post(
        reverse("admin:auth_user_changelist"),
        {"action": "reset_two_factor", "_selected_action": [victim.pk]},
    )

    assert TOTPDevice.objects.filter(user=victim).exists()
    assert entries(Action.TWO_FACTOR_RESET) == []
