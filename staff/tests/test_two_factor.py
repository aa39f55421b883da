"""Setting up an authenticator app, backup codes stored hashed, and an Administrator's reset."""

import base64
import re
from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from articles.roles import ADMINISTRATOR, CONTRIBUTOR, EDITOR
from articles.tests.factories import sign_in
from staff.models import AuditEntry, BackupCode, StaffSession
from staff.tests.factories import code_for, entries, give_app, give_code, give_password, make_staff

pytestmark = pytest.mark.django_db
Action = AuditEntry.Action
ENROL = "/admin/two-factor/enrol/"


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

    response = client.post(ENROL, {"code": code_for(new)})

    assert len(shown_codes(response)) == 10
    assert list(TOTPDevice.objects.filter(user=editor)) == [new]
    # Still signed in: the session now counts as verified by the new app.
    assert client.get(reverse("admin:articles_article_changelist")).status_code == 200
    (entry,) = entries(Action.TWO_FACTOR_ENABLED)
    assert "replaced" in entry.detail


def test_new_backup_codes_replace_the_old(client):
    editor = make_staff(EDITOR)
    sign_in(client, editor)
    first = shown_codes(client.post(reverse("admin:two_factor"), {"renew": "1"}))

    second = shown_codes(client.post(reverse("admin:two_factor"), {"renew": "1"}))

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
    client.post(reverse("admin:two_factor"), {"turn_off": "1"})
    editor_client = sign_in(Client(), editor)
    page = editor_client.get(reverse("admin:two_factor"))
    editor_client.post(reverse("admin:two_factor"), {"turn_off": "1"})

    assert not TOTPDevice.objects.filter(user=writer).exists()
    assert TOTPDevice.objects.filter(user=editor).exists()
    assert "Turn off" not in page.text
    (entry,) = entries(Action.TWO_FACTOR_DISABLED)
    assert entry.actor == writer


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
