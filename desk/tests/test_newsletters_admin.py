"""The newsletters in the admin: editors define them, preview and test-send editions,
start and pause sends and send a story as an alert; other roles see none of it."""

import pytest
from django.core import mail
from django.test import Client
from django_tasks_db.models import DBTaskResult

from articles.tests.factories import make_article, make_user, sign_in
from newsletters.models import Delivery, Edition, Newsletter
from newsletters.services import editions
from newsletters.tests.factories import make_alerts, make_newsletter, subscribe

pytestmark = pytest.mark.django_db

PAGES = [
    "/admin/newsletters/newsletter/",
    "/admin/newsletters/edition/",
    "/admin/newsletters/subscription/",
    "/admin/newsletters/suppression/",
    "/admin/readers/reader/",
]


@pytest.fixture
def editor():
    return make_user("Editor", email="desk@example.net")


@pytest.fixture
def draft(editor):
    briefing = make_newsletter()
    subscribe(briefing, "a@example.net", "b@example.net")
    make_article(title="Harbour news", standfirst="Tides and boats.")
    return editions.make_draft(newsletter=briefing, user=editor)


def test_editors_see_every_newsletter_page(editor):
    client = sign_in(Client(), editor)
    make_newsletter()
    for url in PAGES:
        assert client.get(url).status_code == 200, url
    assert client.get("/admin/newsletters/newsletter/?kind=daily").status_code == 200


@pytest.mark.parametrize("role", ["Contributor", "Author"])
def test_other_roles_see_none_of_it(role):
    client = sign_in(Client(), make_user(role))
    for url in PAGES:
        assert client.get(url).status_code == 403, url


def test_an_editor_defines_a_newsletter(editor):
    client = sign_in(Client(), editor)
    response = client.post(
        "/admin/newsletters/newsletter/add/",
        {
            "name": "Evening Edition",
            "slug": "evening-edition",
            "description": "The day in review.",
            "language": "uk",
            "kind": "daily",
            "send_time": "18:30",
            "story_count": 6,
            "is_active": "on",
            "position": 3,
        },
    )
    assert response.status_code == 302
    made = Newsletter.objects.get(slug="evening-edition")
    assert (made.send_time.hour, made.language) == (18, "uk")


def test_a_daily_newsletter_needs_its_time(editor):
    client = sign_in(Client(), editor)
    response = client.post(
        "/admin/newsletters/newsletter/add/",
        {"name": "N", "slug": "n", "description": "d", "kind": "daily", "story_count": 6},
    )
    assert response.status_code == 200
    assert not Newsletter.objects.exists()


def test_an_edition_is_previewed_as_html_and_text(editor, draft):
    client = sign_in(Client(), editor)
    change = client.get(f"/admin/newsletters/edition/{draft.pk}/change/")
    assert b"0 / 0" in change.content  # a draft: no ledger yet
    html = client.get(f"/admin/newsletters/edition/{draft.pk}/preview/")
    assert b"Harbour news" in html.content
    assert "'unsafe-inline'" in html["Content-Security-Policy"]
    text = client.get(f"/admin/newsletters/edition/{draft.pk}/preview.txt")
    assert text["Content-Type"].startswith("text/plain")
    assert b"Tides and boats." in text.content
    contributor = sign_in(Client(), make_user("Contributor"))
    assert contributor.get(f"/admin/newsletters/edition/{draft.pk}/preview/").status_code == 403


def action(client, name, *objects, model="newsletters/edition"):
    return client.post(
        f"/admin/{model}/",
        {"action": name, "_selected_action": [o.pk for o in objects]},
        follow=True,
    )


def test_a_test_send_goes_to_the_editor_only_and_outside_the_ledger(editor, draft):
    client = sign_in(Client(), editor)
    action(client, "send_test", draft)
    (message,) = mail.outbox
    assert message.to == ["desk@example.net"]
    assert message.subject.startswith("[Test] ")
    assert not Delivery.objects.exists()


def test_an_editor_starts_and_pauses_a_send(editor, draft):
    client = sign_in(Client(), editor)
    action(client, "start_sending", draft)
    draft.refresh_from_db()
    assert draft.status == Edition.Status.SENDING
    assert Delivery.objects.count() == 2
    assert DBTaskResult.objects.filter(
        task_path="newsletters.services.sending.send_edition"
    ).exists()
    action(client, "pause_sending", draft)
    draft.refresh_from_db()
    assert draft.status == Edition.Status.PAUSED
    again = action(client, "start_sending", draft)
    assert b"not a draft" in again.content


def test_a_story_is_sent_as_an_alert_from_the_article_list(editor):
    make_alerts()
    story = make_article(title="Storm warning")
    client = sign_in(Client(), editor)
    action(client, "send_breaking_alert", story, model="articles/article")
    assert Edition.objects.get().subject == "Breaking: Storm warning"
    second = action(client, "send_breaking_alert", story, model="articles/article")
    assert b"already sent as an alert" in second.content
    assert Edition.objects.count() == 1


def test_authors_are_not_offered_the_alert_action():
    story = make_article()
    client = sign_in(Client(), make_user("Author"))
    page = client.get("/admin/articles/article/")
    assert b"send_breaking_alert" not in page.content
    action(client, "send_breaking_alert", story, model="articles/article")
    assert not Edition.objects.exists()
