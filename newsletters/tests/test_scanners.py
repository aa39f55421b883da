"""A mail scanner or link preview that fetches every link in every mail spends no
token, signs no one in, confirms no subscription and unsubscribes no one."""

import pytest
from django.core.management import call_command
from django.test import Client

from articles.tests.factories import make_article
from newsletters.models import Subscription
from newsletters.services import editions, sending
from newsletters.tests.factories import make_newsletter, subscribe
from readers.models import Reader, Token
from readers.tests.mailbox import links, path_of

pytestmark = pytest.mark.django_db(transaction=True)

SIGN_UPS, SIGN_INS, SUBSCRIBERS = 450, 450, 100  # 1,000 mails


def test_getting_every_link_in_a_thousand_mails_spends_nothing(site_url, settings, mailbox):
    settings.READER_LINKS_PER_IP = SIGN_UPS + SIGN_INS
    briefing = make_newsletter(offered_on_stories=True)
    subscribe(briefing, *(f"subscriber{i}@example.net" for i in range(SUBSCRIBERS)))
    make_article()
    browser = Client()
    for i in range(SIGN_UPS):
        browser.post("/newsletters/sign-up/", {"email": f"new{i}@example.net"})
    for i in range(SIGN_INS):
        browser.post("/account/sign-in/", {"email": f"subscriber{i % SUBSCRIBERS}@example.net"})
    sending.start(edition=editions.make_daily(newsletter=briefing, send=False))
    call_command("run_worker", worker_id="tests", batch=True, verbosity=0)
    mails = mailbox.wait_for(SIGN_UPS + SIGN_INS + SUBSCRIBERS)
    readers_before = Reader.objects.count()

    scanner = Client()  # no cookies of anyone's: a scanner on the mail server
    for message in mails:
        ours = [url for url in links(message) if url.startswith(site_url)]
        assert ours, message["Subject"]
        for url in ours:
            assert scanner.get(path_of(url)).status_code == 200, url

    assert Token.objects.count() == SIGN_UPS + SIGN_INS
    assert not Token.objects.filter(used_at__isnull=False).exists()
    assert Subscription.objects.count() == SUBSCRIBERS
    assert Reader.objects.count() == readers_before == SUBSCRIBERS
    assert not scanner.cookies.get("reader")
