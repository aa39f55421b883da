"""What newsletters add to a reader's account: their newsletters on the account page,
in the data export, and gone with the account."""

import json

import pytest

from newsletters.models import Subscription
from newsletters.tests.factories import make_alerts, make_newsletter, subscribe
from readers import session
from readers.models import Reader
from readers.tests.factories import signed_in_client

pytestmark = pytest.mark.django_db


def test_a_reader_chooses_their_newsletters_on_the_account_page():
    briefing, alerts = make_newsletter(), make_alerts()
    (reader,) = subscribe(briefing, "ada@example.net")
    browser = signed_in_client(reader)
    page = browser.get("/account/")
    assert b'value="the-morning-briefing" id="nl-the-morning-briefing" checked' in page.content
    browser.post("/newsletters/account/", {"newsletter": [alerts.slug]})
    assert list(Subscription.objects.values_list("newsletter__slug", flat=True)) == [alerts.slug]


def test_the_account_page_lists_its_edition_newsletters_first_and_marks_the_others():
    make_newsletter(name="Ранковий брифінг", slug="ranok", language="uk", position=0)
    make_newsletter(position=1)
    (reader,) = subscribe(make_alerts(position=2), "ada@example.net")
    browser = signed_in_client(reader)

    english = browser.get("/account/").content.decode()
    assert english.index('id="nl-the-morning-briefing"') < english.index('id="nl-ranok"')
    assert '<label for="nl-ranok" lang="uk">Ранковий брифінг</label>' in english
    assert '<label for="nl-the-morning-briefing">' in english
    ukrainian = browser.get("/uk/account/").content.decode()
    assert ukrainian.index('id="nl-ranok"') < ukrainian.index('id="nl-the-morning-briefing"')
    assert '<label for="nl-the-morning-briefing" lang="en-gb">' in ukrainian


def test_choosing_newsletters_needs_a_signed_in_reader(client):
    make_newsletter()
    assert (
        client.post("/newsletters/account/", {"newsletter": ["the-morning-briefing"]}).status_code
        == 302
    )
    assert not Subscription.objects.exists()


def test_the_export_holds_the_reader_and_their_newsletters():
    (reader,) = subscribe(make_newsletter(), "ada@example.net")
    response = signed_in_client(reader).get("/account/export/")
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert data["reader"]["email"] == "ada@example.net"
    assert data["newsletters"]["subscriptions"][0]["newsletter"] == "The Morning Briefing"


def test_deleting_the_account_deletes_the_reader_and_all_kept_on_them():
    from newsletters.models import Subscription

    (reader,) = subscribe(make_newsletter(), "ada@example.net")
    browser = signed_in_client(reader)
    refused = browser.post("/account/delete/", {})
    assert refused.status_code == 400
    assert b"Tick the box" in refused.content

    deleted = browser.post("/account/delete/", {"confirm": "yes"})
    assert deleted.status_code == 200
    assert deleted.cookies[session.COOKIE]["max-age"] == 0
    assert not Reader.objects.exists()
    assert not Subscription.objects.exists()
