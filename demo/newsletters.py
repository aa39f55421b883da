"""The demo's newsletters: the morning briefing and breaking-news alerts, the Ukrainian
edition's briefing, a few readers subscribed to them, and a few days of editions in the
archive, as if sent. Loaded once: what exists is kept."""

from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from articles.models import Article
from newsletters import rendering
from newsletters.models import Delivery, Edition, Newsletter, Subscription
from newsletters.services import editions
from readers.models import Reader

BRIEFING = {
    "slug": "the-morning-briefing",
    "name": "The Morning Briefing",
    "description": "The stories that matter this morning, before breakfast, every day at 07:00.",
    "kind": Newsletter.Kind.DAILY,
    "send_time": time(7, 0),
    "offered_on_stories": True,
    "position": 1,
}
ALERTS = {
    "slug": "breaking-news",
    "name": "Breaking News",
    "description": "A short mail when a big story breaks: only a few a month.",
    "kind": Newsletter.Kind.ALERT,
    "position": 2,
}
BRIEFING_UK = {
    "slug": "ranok",
    "name": "Ранковий брифінг",
    "description": "Головне за ніч і зранку, до сніданку, щодня о 07:00.",
    "kind": Newsletter.Kind.DAILY,
    "language": "uk",
    "send_time": time(7, 0),
    "offered_on_stories": True,
    "position": 1,
}
READERS = [
    ("morgan.ashby@example.com", "Morgan Ashby"),
    ("priya.lund@example.com", "Priya Lund"),
    ("tomas.greer@example.com", "Tomas Greer"),
    ("ines.hartley@example.com", "Ines Hartley"),
]
ARCHIVED_DAYS = 4


def load_newsletters(now=None) -> str:
    now = now or timezone.now()
    with transaction.atomic():
        briefing, alerts, briefing_uk = (
            Newsletter.objects.get_or_create(slug=fields["slug"], defaults=fields)[0]
            for fields in (BRIEFING, ALERTS, BRIEFING_UK)
        )
        readers = [
            Reader.objects.get_or_create(email=email, defaults={"name": name})[0]
            for email, name in READERS
        ]
        for i, reader in enumerate(readers):
            wanted = [briefing, alerts] if i % 2 == 0 else [briefing, briefing_uk]
            for newsletter in wanted:
                Subscription.objects.get_or_create(
                    reader=reader, newsletter=newsletter, defaults={"confirmed_at": now}
                )
        made = sum(
            _briefing(newsletter, now, days_ago)
            for newsletter in (briefing, briefing_uk)
            for days_ago in range(1, ARCHIVED_DAYS + 1)
        )
        made += _alert(alerts, now)
    return (
        f"Demo newsletters: 3 newsletters, {len(readers)} subscribed readers, "
        f"{made} archived editions new."
    )


def _sent(newsletter, subject, articles, sent_at, **fields):
    html, text = rendering.render(newsletter=newsletter, subject=subject, articles=articles)
    edition = Edition.objects.create(
        newsletter=newsletter,
        subject=subject,
        html=html,
        text=text,
        status=Edition.Status.SENT,
        started_at=sent_at,
        finished_at=sent_at + timedelta(seconds=40),
        **fields,
    )
    Edition.objects.filter(pk=edition.pk).update(created_at=sent_at)
    edition.articles.set(articles)
    Delivery.objects.bulk_create(
        [
            Delivery(
                edition=edition,
                reader_id=s.reader_id,
                email=s.reader.email,
                status=Delivery.Status.SENT,
                sent_at=sent_at,
            )
            for s in newsletter.subscriptions.select_related("reader")
        ]
    )
    return edition


def _briefing(newsletter, now, days_ago) -> int:
    day = timezone.localtime(now).date() - timedelta(days=days_ago)
    if newsletter.editions.filter(issue_date=day).exists():
        return 0
    sent_at = timezone.make_aware(datetime.combine(day, newsletter.send_time))
    articles = list(
        Article.objects.published()
        .in_edition(newsletter.language)
        .filter(published_at__lte=sent_at, published_at__gt=sent_at - timedelta(days=1))
        .newest_first()[: newsletter.story_count]
    )
    if not articles:
        return 0
    subject = editions.daily_subject(newsletter, timezone.localtime(sent_at))
    _sent(newsletter, subject, articles, sent_at, issue_date=day)
    return 1


def _alert(newsletter, now) -> int:
    featured = Article.objects.published().in_edition(newsletter.language).filter(is_featured=True)
    story = featured.newest_first().first()
    if story is None or newsletter.editions.filter(alert_article=story).exists():
        return 0
    subject = editions.alert_subject(newsletter, story)
    _sent(newsletter, subject, [story], story.published_at, alert_article=story)
    return 1
