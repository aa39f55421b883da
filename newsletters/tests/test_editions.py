"""Editions: the morning briefing made once a day at its time in the newsroom's zone, by
the periodic task; a breaking-news alert sent once per story, by editors only."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.management import call_command

from articles.tests.factories import make_article, make_user
from jobs import periodic
from newsletters.models import Edition
from newsletters.services import editions
from newsletters.tasks import make_due_editions
from newsletters.tests.factories import make_alerts, make_newsletter, subscribe

# 07:00 in London in winter is 07:00 UTC; in summer, 06:00 UTC.
SUMMER_MORNING = datetime(2025, 7, 1, 5, 59, tzinfo=UTC)


@pytest.mark.django_db
def test_the_briefing_is_due_at_seven_in_the_newsrooms_time_zone():
    briefing = make_newsletter()
    with time_machine.travel(SUMMER_MORNING, tick=False):
        make_article(published_at=SUMMER_MORNING - timedelta(hours=2))
        assert editions.due_daily() == []
    with time_machine.travel(SUMMER_MORNING + timedelta(minutes=1), tick=False):
        assert editions.due_daily() == [briefing]
        edition = editions.make_daily(newsletter=briefing, send=False)
        assert edition.subject == "The Morning Briefing: Tuesday 1 July 2025"
        assert editions.due_daily() == []
        assert editions.make_daily(newsletter=briefing, send=False) is None  # once a day


@pytest.mark.django_db
def test_the_briefing_holds_the_stories_since_the_last_edition():
    briefing = make_newsletter(story_count=2)
    with time_machine.travel(SUMMER_MORNING, tick=False) as clock:
        old = make_article(
            title="Yesterday's news", published_at=SUMMER_MORNING - timedelta(days=2)
        )
        first = editions.make_daily(newsletter=briefing, send=False)
        assert first is None  # nothing new: no empty briefing
        newer = [make_article(published_at=SUMMER_MORNING - timedelta(hours=h)) for h in (1, 2, 3)]
        first = editions.make_daily(newsletter=briefing, send=False)
        assert list(first.articles.order_by("-published_at")) == newer[:2]
        assert old.title not in first.text
        Edition.objects.filter(pk=first.pk).update(status=Edition.Status.SENT)
        clock.shift(timedelta(days=1))
        assert editions.make_daily(newsletter=briefing, send=False) is None


@pytest.mark.django_db(transaction=True)
def test_the_periodic_task_makes_and_sends_the_due_briefing(mailbox):
    briefing = make_newsletter()
    subscribe(briefing, "early@example.net")
    assert "newsletters.tasks.make_due_editions" in periodic.registered()
    with time_machine.travel(SUMMER_MORNING + timedelta(minutes=1), tick=False):
        make_article(published_at=SUMMER_MORNING - timedelta(hours=1))
        make_due_editions.enqueue()
        call_command("run_worker", worker_id="tests", batch=True, verbosity=0)
    (message,) = mailbox.wait_for(1)
    assert message["To"] == "early@example.net"
    assert Edition.objects.get().status == Edition.Status.SENT


@pytest.mark.django_db(transaction=True)
def test_a_story_goes_out_as_an_alert_once(admin_user, mailbox):
    alerts = make_alerts()
    make_newsletter()  # a briefing: alerts are not its business
    subscribe(alerts, "fast@example.net")
    story = make_article(title="Bridge closed")
    (edition,) = editions.send_alert(article=story, user=admin_user)
    assert edition.subject == "Breaking: Bridge closed"
    assert editions.send_alert(article=story, user=admin_user) == []
    call_command("run_worker", worker_id="tests", batch=True, verbosity=0)
    (message,) = mailbox.wait_for(1)
    assert message["Subject"] == "Breaking: Bridge closed"
    assert len(mailbox.received()) == 1


@pytest.mark.django_db
def test_only_editors_send_alerts_and_only_public_stories():
    make_alerts()
    story = make_article()
    with pytest.raises(editions.NotAllowed):
        editions.send_alert(article=story, user=make_user("Author"))
    draft = make_article(status="draft")
    with pytest.raises(editions.NotAllowed, match="published"):
        editions.send_alert(article=draft, user=make_user("Editor"))
    assert not Edition.objects.exists()
