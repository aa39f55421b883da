"""Events as partners receive them: signed, each once, in order, only about what is public.

These tests commit (the queue's worker runs the jobs, as in production) and deliver to a
real HTTP receiver on 127.0.0.1 that checks signatures with the Standard Webhooks
reference library.
"""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from articles import workflow
from articles.models import Article, Correction, LiveEntry
from articles.tests.factories import (
    DRAFT,
    ENTRY_DRAFT,
    make_article,
    make_user,
)
from authors.tests.factories import make_author
from webhooks.endpoints import create_endpoint, enable_endpoint, replay_delivery
from webhooks.models import Delivery, Endpoint, Event
from webhooks.tests.receiver import Receiver

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("site_url")]


def run_jobs():
    call_command("run_worker", worker_id="tests", batch=True, verbosity=0)


@pytest.fixture
def receiver():
    with Receiver() as running:
        endpoint = create_endpoint(url=running.url, contact_email="dev@partner.example")
        running.secret, running.endpoint = endpoint.secret, endpoint
        yield running


@pytest.fixture
def editor():
    # A superuser: a committing test empties the tables, the roles' groups with them.
    return make_user(is_superuser=True)


@pytest.fixture
def draft():
    return make_article(
        title="Harbour reopens", slug="harbour", status=DRAFT, authors=[make_author()]
    )


def test_publishing_sends_a_signed_story_published_with_the_story_in_full(receiver, editor, draft):
    workflow.publish(article=draft, user=editor)
    run_jobs()

    [event] = receiver.events()
    assert event["type"] == "story.published"
    story = event["data"]["story"]
    assert story["headline"] == "Harbour reopens"
    # The byline is there (Ghost #13451 sent a post.published without its author).
    assert [a["slug"] for a in story["byline"]] == [a.slug for a in draft.byline]
    assert story["body_html"] == "<p>Words for the story.</p>"
    assert event["webhook-id"].startswith("msg_")


def test_updates_corrections_entries_and_unpublishing_arrive_in_order(receiver, editor, draft):
    workflow.publish(article=draft, user=editor)
    run_jobs()
    story = Article.objects.get(pk=draft.pk)
    story.title = "Harbour reopens after storm"
    workflow.save_article(article=story, user=editor, previous=story)
    Correction.objects.create(article=story, text="It reopened on Monday.")
    workflow.start_coverage(article=story, user=editor)
    workflow.post_entry(
        entry=LiveEntry(body="Ferries are running."),
        article=story,
        user=editor,
        authors=[make_author()],
        publish=True,
    )
    run_jobs()
    workflow.unpublish(article=story, user=editor)
    run_jobs()

    assert [e["type"] for e in receiver.events()] == [
        "story.published",
        "story.updated",
        "story.corrected",
        "story.updated",  # its live coverage started
        "live_entry.posted",
        "story.unpublished",
    ]


def test_an_event_about_a_story_withdrawn_before_it_was_sent_is_not_sent(receiver, editor, draft):
    workflow.publish(article=draft, user=editor)
    workflow.unpublish(article=draft, user=editor)
    run_jobs()

    assert [e["type"] for e in receiver.events()] == ["story.unpublished"]
    assert receiver.events()[0]["data"] == {"story": {"id": draft.pk, "slug": "harbour"}}
    assert list(Delivery.objects.values_list("status", flat=True).order_by("pk")) == [
        "skipped",
        "delivered",
    ]


def test_a_public_story_rescheduled_for_later_is_withdrawn_until_then(receiver, editor, draft):
    workflow.publish(article=draft, user=editor)
    workflow.publish(article=draft, user=editor, at=timezone.now() + timedelta(hours=1))
    run_jobs()

    assert [e["type"] for e in receiver.events()] == ["story.unpublished"]


def test_drafts_scheduled_stories_and_draft_entries_send_nothing(receiver, editor, draft):
    draft.title = "Still a draft"
    workflow.save_article(article=draft, user=editor, previous=draft)
    later = timezone.now() + timedelta(hours=2)
    workflow.publish(article=draft, user=editor, at=later)  # scheduled
    workflow.start_coverage(article=draft, user=editor)
    workflow.post_entry(
        entry=LiveEntry(body="Prepared."), article=draft, user=editor, authors=[make_author()]
    )
    public = make_article(slug="public", coverage_started_at=timezone.now())
    workflow.post_entry(
        entry=LiveEntry(body="Draft entry.", status=ENTRY_DRAFT),
        article=public,
        user=editor,
        authors=[make_author()],
    )
    run_jobs()

    assert receiver.requests == []
    assert not Event.objects.exists()


def test_a_scheduled_story_fires_story_published_at_its_time_with_no_one_running_anything(
    receiver, editor, draft
):
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        run_jobs()  # the first sweep: it starts looking from now
        workflow.publish(article=draft, user=editor, at=start + timedelta(hours=1))
        clock.shift(timedelta(minutes=59))
        run_jobs()
        assert receiver.events() == []

        clock.shift(timedelta(minutes=2))
        run_jobs()  # the worker's clock enqueues the sweep; nothing is run by hand
        clock.shift(timedelta(minutes=1))
        run_jobs()

    [event] = receiver.events()
    assert event["type"] == "story.published"
    assert event["data"]["story"]["slug"] == "harbour"
    assert Event.objects.count() == 1


def test_a_failing_endpoint_is_retried_then_disabled_with_a_notice_and_replayed(
    receiver, editor, draft, settings, admin_client
):
    settings.WEBHOOK_RETRY_DELAYS = [0, 0]
    receiver.fail_share = 1.0
    workflow.publish(article=draft, user=editor)
    run_jobs()

    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.log.count()) == ("failed", 3, 3)
    endpoint = Endpoint.objects.get()
    assert not endpoint.is_active
    assert "failed 3 times" in endpoint.disabled_reason
    assert [m.to for m in mail.outbox][:1] == [["dev@partner.example"]]

    receiver.fail_share = 0.0
    enable_endpoint(endpoint=endpoint)
    replay_delivery(delivery=delivery)
    run_jobs()

    assert [e["type"] for e in receiver.events()] == ["story.published"]
    assert Delivery.objects.get().status == "delivered"
