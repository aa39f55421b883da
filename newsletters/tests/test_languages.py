"""Each newsletter belongs to one edition: it carries that edition's stories, its mail is
written in its language, and it is offered on that edition's pages. Sent for real, through
the queue to an SMTP server."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.management import call_command

from articles.roles import EDITOR, sync_roles
from articles.tests.factories import add_lead_image, make_article, make_user
from newsletters.services import editions, sending
from newsletters.tests.factories import make_alerts, make_newsletter, subscribe
from readers.tests.mailbox import html_of, links, path_of, text_of

pytestmark = pytest.mark.django_db(transaction=True)

MORNING = datetime(2025, 7, 1, 6, 1, tzinfo=UTC)  # a Tuesday, 07:01 in London


def run_worker():
    call_command("run_worker", worker_id="tests", batch=True, verbosity=0)


@pytest.fixture
def briefings():
    return (
        make_newsletter(offered_on_stories=True),
        make_newsletter(name="Ранковий брифінг", slug="ranok", language="uk",
                        offered_on_stories=True),
    )  # fmt: skip


def test_a_briefing_carries_its_edition_stories_in_its_language(site_url, mailbox, briefings):
    english, ukrainian = briefings
    subscribe(ukrainian, "olena@example.net")
    with time_machine.travel(MORNING, tick=False):
        make_article(title="The harbour reopens", published_at=MORNING - timedelta(hours=1))
        story = make_article(
            title="Гавань знову працює",
            slug="havan",
            language="uk",
            published_at=MORNING - timedelta(hours=2),
        )
        photo = add_lead_image(story, alt="Boats at the quay").lead_photo
        photo.alt_text_uk = "Човни біля причалу"
        photo.save()
        in_english = editions.make_daily(newsletter=english, send=False)
        in_ukrainian = editions.make_daily(newsletter=ukrainian, send=False)

    assert [a.title for a in in_english.articles.all()] == ["The harbour reopens"]
    assert [a.title for a in in_ukrainian.articles.all()] == ["Гавань знову працює"]
    assert in_english.subject == "The Morning Briefing: Tuesday 1 July 2025"
    assert in_ukrainian.subject == "Ранковий брифінг: Вівторок 1 липня 2025"
    assert "You get The Morning Briefing because you signed up" in in_english.text

    sending.start(edition=in_ukrainian)
    run_worker()
    (message,) = mailbox.wait_for(1)
    assert message["Subject"].strip() == "Ранковий брифінг: Вівторок 1 липня 2025"
    html, text = html_of(message), text_of(message)
    assert '<html lang="uk">' in html
    assert 'alt="Човни біля причалу"' in html
    assert "Ви отримуєте «Ранковий брифінг», бо підписалися" in text
    assert "Північний Леджер" in text
    for english_word in ("You get", "Unsubscribe", "Past editions", "Your account"):
        assert english_word not in html + text
    paths = [path_of(url) for url in links(message)]
    assert "/uk/news/havan/" in paths
    assert "/uk/newsletters/ranok/" in paths
    assert "/uk/account/" in paths
    unsubscribe = path_of(message["List-Unsubscribe"].strip().strip("<>"))
    assert unsubscribe.startswith("/uk/newsletters/unsubscribe/")


def test_an_alert_goes_to_the_alert_newsletters_of_the_story_edition(site_url):
    english, ukrainian = make_alerts(), make_alerts(slug="tryvoha", language="uk")
    sync_roles()  # a transactional test starts with no roles
    editor = make_user(EDITOR)
    story = make_article(title="Міст закрито", slug="mist", language="uk")

    (alert,) = editions.send_alert(article=story, user=editor)

    assert alert.newsletter == ukrainian
    assert alert.subject == "Терміново: Міст закрито"
    assert not english.editions.exists()
    (alert,) = editions.send_alert(article=make_article(title="Bridge shut"), user=editor)
    assert (alert.newsletter, alert.subject) == (english, "Breaking: Bridge shut")


@pytest.mark.usefixtures("briefings")
def test_each_edition_lists_and_serves_its_own_newsletters(client):
    assert b"The Morning Briefing" in client.get("/newsletters/").content
    assert "Ранковий брифінг" not in client.get("/newsletters/").content.decode()
    listed = client.get("/uk/newsletters/").content.decode()
    assert "Ранковий брифінг" in listed
    assert "The Morning Briefing" not in listed
    # Another edition's newsletter is at its own edition's address.
    moved = client.get("/uk/newsletters/the-morning-briefing/")
    assert (moved.status_code, moved["Location"]) == (301, "/newsletters/the-morning-briefing/")
    moved = client.get("/newsletters/ranok/")
    assert (moved.status_code, moved["Location"]) == (301, "/uk/newsletters/ranok/")
    assert client.get("/uk/newsletters/ranok/").status_code == 200


def test_the_sign_up_box_of_the_ukrainian_edition_offers_its_briefing(client, mailbox, briefings):
    response = client.post("/uk/newsletters/sign-up/", {"email": "olena@example.net"})
    assert response.status_code == 200

    (message,) = mailbox.wait_for(1)
    assert message["Subject"].strip() == "Підтвердьте підписку: Ранковий брифінг"
    text = text_of(message)
    assert "Хтось (сподіваємося, ви) попросив надсилати Ранковий брифінг" in text
    assert "Північний Леджер" in text
    assert "The Morning Briefing" not in text
    (confirm,) = [path_of(url) for url in links(message) if "/confirm/" in url]
    assert confirm.startswith("/uk/newsletters/confirm/")
    client.post(confirm)
    assert [s.newsletter for s in briefings[1].subscriptions.all()] == [briefings[1]]
    assert not briefings[0].subscriptions.exists()
