"""Signing in by email link: the link arrives by real SMTP; opening it (GET) spends
nothing, its page's POST signs in once; links expire and are stored hashed."""

from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from readers import session
from readers.models import Reader, Token
from readers.tests.mailbox import html_of, links, path_of, text_of

pytestmark = pytest.mark.django_db(transaction=True)

EMAIL = "ada@example.net"


def ask_for_link(client, email=EMAIL, **extra):
    return client.post("/account/sign-in/", {"email": email}, **extra)


def sign_in_link(message):
    (url,) = [u for u in links(message) if "/account/link/" in u]
    return path_of(url)


def test_a_reader_signs_in_with_the_link_mailed_to_them(client, mailbox):
    response = ask_for_link(client)
    assert response.status_code == 200
    assert b"Check your inbox" in response.content

    (message,) = mailbox.wait_for(1)
    assert message["To"] == EMAIL
    assert "Sign in" in text_of(message)
    path = sign_in_link(message)

    page = client.get(path)
    assert page.status_code == 200
    assert b"Press the button" in page.content
    assert session.COOKIE not in page.cookies
    assert Token.objects.get().used_at is None  # a GET (a mail scanner) spends nothing
    assert not Reader.objects.exists()

    signed_in = client.post(path)
    assert signed_in.status_code == 302
    assert signed_in.cookies[session.COOKIE]["httponly"]
    assert signed_in.cookies[session.COOKIE]["samesite"] == "Lax"
    account = client.get("/account/")
    assert EMAIL.encode() in account.content
    assert "private" in account["Cache-Control"]
    assert Reader.objects.get().email == EMAIL


def test_a_link_asked_for_in_the_ukrainian_edition_is_mailed_in_ukrainian(client, mailbox):
    assert client.post("/uk/account/sign-in/", {"email": EMAIL}).status_code == 200

    (message,) = mailbox.wait_for(1)
    assert message["Subject"].strip() == "Ваше посилання для входу на Північний Леджер"
    text, html = text_of(message), html_of(message)
    assert "Вхід до Північний Леджер" in text
    assert "Посилання діє один раз, 30 хвилин." in text
    assert '<html lang="uk">' in html
    assert "Sign in" not in text + html
    path = sign_in_link(message)
    assert path.startswith("/uk/account/link/")
    assert "Натисніть кнопку" in client.get(path).content.decode()


def test_a_link_signs_in_once(client, mailbox):
    ask_for_link(client)
    path = sign_in_link(mailbox.wait_for(1)[0])
    assert client.post(path).status_code == 302

    other = Client()
    again = other.post(path)
    assert again.status_code == 400
    assert b"used already" in again.content
    assert session.COOKIE not in again.cookies


def test_a_link_expires(client, mailbox):
    ask_for_link(client)
    path = sign_in_link(mailbox.wait_for(1)[0])
    with time_machine.travel(timezone.now() + timedelta(minutes=31)):
        assert b"expired" in client.get(path).content
        assert client.post(path).status_code == 400
    assert not Reader.objects.exists()


def test_the_link_is_stored_only_as_a_hash(client, mailbox):
    ask_for_link(client)
    secret = sign_in_link(mailbox.wait_for(1)[0]).rstrip("/").rsplit("/", 1)[1]
    token = Token.objects.get()
    assert secret not in token.digest
    assert not Token.objects.filter(digest=secret).exists()
    assert len(token.digest) == 64


def test_a_made_up_or_overlong_link_is_no_error(client):
    assert client.get("/account/link/nonsense/").status_code == 200
    assert client.post("/account/link/nonsense/").status_code == 400
    assert client.get("/account/link/" + "x" * 500 + "/").status_code == 200
    assert client.put("/account/link/nonsense/").status_code == 405


def test_sign_in_requests_are_throttled_per_address(client, settings, mailbox):
    settings.READER_LINKS_PER_ADDRESS = 3
    for _ in range(3):
        assert ask_for_link(client).status_code == 200
    refused = ask_for_link(client, email=EMAIL.upper())
    assert refused.status_code == 429
    assert b"Too many links were asked for this address" in refused.content
    assert int(refused["Retry-After"]) > 0
    assert ask_for_link(client, email="someone.else@example.net").status_code == 200
    assert len(mailbox.wait_for(4)) == 4


def test_sign_in_requests_are_throttled_per_network_address(client, settings, mailbox):
    settings.READER_LINKS_PER_IP = 2
    assert ask_for_link(client, email="a@example.net").status_code == 200
    assert ask_for_link(client, email="b@example.net").status_code == 200
    refused = ask_for_link(client, email="c@example.net")
    assert refused.status_code == 429
    assert b"your network" in refused.content
    other_network = ask_for_link(client, email="c@example.net", REMOTE_ADDR="192.0.2.9")
    assert other_network.status_code == 200


def test_a_bad_address_is_a_clear_message(client):
    response = ask_for_link(client, email="not an address")
    assert response.status_code == 400
    assert b"Enter a valid email address" in response.content
    assert not Token.objects.exists()


def test_the_daily_prune_forgets_old_links_and_counts(client, mailbox):
    from django.core.management import call_command

    from readers import tasks
    from readers.models import Attempt

    ask_for_link(client)
    mailbox.wait_for(1)
    assert Token.objects.count() == Attempt.objects.count() // 2 == 1
    with time_machine.travel(timezone.now() + timedelta(days=2)):
        tasks.prune.enqueue()
        call_command("run_worker", worker_id="tests", batch=True, verbosity=0)
    assert not Token.objects.exists()
    assert not Attempt.objects.exists()
