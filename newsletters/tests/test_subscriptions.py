"""Double opt-in and one-click unsubscribe, with real mail: a sign-up mails a link whose
GET changes nothing and whose POST subscribes; RFC 8058's POST unsubscribes at once."""

import pytest

from articles.tests.factories import make_article
from newsletters import unsubscribe
from newsletters.models import Subscription
from newsletters.tests.factories import make_alerts, make_newsletter, subscribe
from readers.models import Reader, Token
from readers.tests.mailbox import links, path_of, text_of

pytestmark = pytest.mark.django_db(transaction=True)

EMAIL = "grace@example.net"


def confirm_links(message):
    return [path_of(u) for u in links(message) if "/newsletters/confirm/" in u]


def test_signing_up_under_a_story_subscribes_only_after_the_confirmation_post(client, mailbox):
    briefing = make_newsletter(offered_on_stories=True)
    make_alerts()  # not offered under stories
    story = make_article()
    page = client.get(story.get_absolute_url())
    assert b'action="/newsletters/sign-up/"' in page.content

    response = client.post("/newsletters/sign-up/", {"email": EMAIL})
    assert response.status_code == 200
    assert b"Check your inbox" in response.content
    (message,) = mailbox.wait_for(1)
    assert message["To"] == EMAIL
    assert "The Morning Briefing" in text_of(message)
    (path,) = confirm_links(message)

    assert b"Confirm my subscription" in client.get(path).content
    assert not Subscription.objects.exists()
    assert not Reader.objects.exists()

    assert client.post(path).status_code == 200
    subscription = Subscription.objects.get()
    assert (subscription.reader.email, subscription.newsletter) == (EMAIL, briefing)
    assert client.post(path).status_code == 400  # spent
    assert Subscription.objects.count() == 1


def test_the_newsletters_page_signs_up_to_the_newsletter_chosen(client, mailbox):
    make_newsletter(offered_on_stories=True)
    alerts = make_alerts()
    client.post("/newsletters/sign-up/", {"email": EMAIL, "newsletter": alerts.slug})
    (message,) = mailbox.wait_for(1)
    client.post(confirm_links(message)[0])
    assert Subscription.objects.get().newsletter == alerts


def test_a_sign_up_from_another_site_is_refused(client):
    make_newsletter(offered_on_stories=True)
    response = client.post(
        "/newsletters/sign-up/", {"email": EMAIL}, HTTP_ORIGIN="https://evil.example.com"
    )
    assert response.status_code == 403
    assert not Token.objects.exists()


def test_signing_up_again_mails_nothing_new_and_says_the_same(client, mailbox):
    briefing = make_newsletter(offered_on_stories=True)
    subscribe(briefing, EMAIL)
    response = client.post("/newsletters/sign-up/", {"email": EMAIL})
    assert b"Check your inbox" in response.content
    assert not Token.objects.exists()


def test_junk_sign_ups_are_clear_refusals(client):
    make_newsletter(offered_on_stories=True)
    assert client.post("/newsletters/sign-up/", {"email": "nope"}).status_code == 400
    missing = client.post("/newsletters/sign-up/", {"email": EMAIL, "newsletter": "no-such"})
    assert missing.status_code == 404
    assert client.get("/newsletters/sign-up/").status_code == 405
    assert client.get("/newsletters/confirm/forged/").status_code == 200
    assert client.post("/newsletters/confirm/forged/").status_code == 400


def test_one_click_unsubscribe_is_a_post_and_acts_at_once(client):
    briefing = make_newsletter()
    (reader,) = subscribe(briefing, EMAIL)
    path = path_of(unsubscribe.url_for(reader.pk, briefing))

    assert b"Unsubscribe" in client.get(path).content  # a scanner's GET ends nothing
    assert Subscription.objects.exists()

    response = client.post(
        path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert not Subscription.objects.exists()
    assert client.post(path).status_code == 200  # twice is no error


def test_a_forged_unsubscribe_address_is_a_404(client):
    briefing = make_newsletter()
    (reader,) = subscribe(briefing, EMAIL)
    key = unsubscribe.key_for(reader.pk, briefing.pk)
    assert client.post(f"/newsletters/unsubscribe/{key}x/").status_code == 404
    assert client.post("/newsletters/unsubscribe/1:2/").status_code == 404
    assert Subscription.objects.exists()


def test_a_confirmation_for_a_newsletter_stopped_since_subscribes_no_one(client, mailbox):
    briefing = make_newsletter(offered_on_stories=True)
    client.post("/newsletters/sign-up/", {"email": EMAIL})
    (path,) = confirm_links(mailbox.wait_for(1)[0])
    briefing.is_active = False
    briefing.save()
    response = client.post(path)
    assert response.status_code == 400
    assert b"no longer sent" in response.content
    assert not Subscription.objects.exists()
