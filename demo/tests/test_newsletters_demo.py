"""The demo's newsletters: both of them, a few subscribers and archived editions, loaded
once however often `load_demo` runs."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.tests.factories import make_article
from demo.newsletters import ARCHIVED_DAYS, load_newsletters
from newsletters.models import Edition, Newsletter, Subscription

pytestmark = pytest.mark.django_db


def test_the_demo_has_both_newsletters_subscribers_and_an_archive_once(client):
    now = timezone.now()
    for hours in range(6, 24 * (ARCHIVED_DAYS + 1), 6):
        make_article(published_at=now - timedelta(hours=hours), is_featured=hours == 6)

    load_newsletters(now)
    counts = (Newsletter.objects.count(), Subscription.objects.count(), Edition.objects.count())
    load_newsletters(now)

    assert (Newsletter.objects.count(), Subscription.objects.count(), Edition.objects.count()) == (
        counts
    )
    assert set(Newsletter.objects.values_list("kind", flat=True)) == {"daily", "alert"}
    assert counts[1] >= 4
    assert Edition.objects.filter(newsletter__kind="daily").count() >= ARCHIVED_DAYS - 1
    assert Edition.objects.filter(newsletter__kind="alert").count() == 1
    archive = client.get("/newsletters/the-morning-briefing/")
    assert archive.content.count(b"The Morning Briefing: ") >= ARCHIVED_DAYS - 1
