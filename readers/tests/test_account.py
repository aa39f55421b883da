"""A signed-in reader's account: who they are for the page script (private), their
newsletters, their data's export and deletion, signing out; and none of it is a staff
session."""

import pytest
from django.test import Client

from readers import session
from readers.models import Reader
from readers.tests.factories import make_reader, signed_in_client

pytestmark = pytest.mark.django_db


def test_the_private_endpoint_says_who_is_signed_in_and_is_never_shared(client):
    anonymous = client.get("/account/me.json")
    assert anonymous.json() == {"signed_in": False}
    assert "private" in anonymous["Cache-Control"]
    assert "xkey" not in anonymous

    reader = make_reader(email="ada@example.net", name="Ada")
    me = signed_in_client(reader).get("/account/me.json")
    assert me.json() == {"signed_in": True, "name": "Ada", "email": "ada@example.net"}
    assert "no-store" in me["Cache-Control"]
    assert "private" in me["Cache-Control"]


def test_a_left_over_hint_is_cleared_so_the_script_stops_asking(client):
    client.cookies[session.HINT_COOKIE] = "1"
    response = client.get("/account/me.json")
    assert response.cookies[session.HINT_COOKIE]["max-age"] == 0


def test_a_forged_or_stale_cookie_signs_no_one_in(client):
    reader = make_reader()
    client.cookies[session.COOKIE] = f'{{"r": {reader.pk}, "v": 1}}'
    assert client.get("/account/me.json").json() == {"signed_in": False}


def test_signing_out_everywhere_ends_every_other_session():
    reader = make_reader()
    phone, laptop = signed_in_client(reader), signed_in_client(reader)
    phone.post("/account/sign-out/", {"everywhere": "1"})
    assert laptop.get("/account/me.json").json() == {"signed_in": False}
    assert b"Email me a sign-in link" in laptop.get("/account/").content


def test_a_reader_renames_themselves():
    reader = make_reader()
    browser = signed_in_client(reader)
    browser.post("/account/name/", {"name": "  Grace  "})
    reader.refresh_from_db()
    assert reader.name == "Grace"


def test_a_reader_is_no_staff_member():
    browser = signed_in_client(make_reader())
    admin = browser.get("/admin/")
    assert admin.status_code == 302
    assert "/login/" in admin["Location"]


def test_account_forms_keep_the_csrf_check():
    browser = Client(enforce_csrf_checks=True)
    reader = make_reader()
    for name, morsel in signed_in_client(reader).cookies.items():
        browser.cookies[name] = morsel.value
    assert browser.post("/account/delete/", {"confirm": "yes"}).status_code == 403
    assert Reader.objects.filter(pk=reader.pk).exists()
