"""Making editions: the morning briefing when its time comes, an alert when an editor
sends one, a draft on an editor's request; previews and test sends of them.

Each edition is rendered once, when made (newsletters/rendering.py). The database keeps
the "once": one edition a day per briefing, one alert per story per alert newsletter.
A newsletter belongs to one of the site's editions (`Newsletter.language`): it carries
that edition's stories only, and its subject and mail are written in its language.
"""

from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.utils import dateformat, timezone
from django.utils.translation import gettext, override

from articles import workflow
from articles.models import Article
from newsletters import rendering
from newsletters.models import Delivery, Edition, Newsletter

from . import sending


class NotAllowed(Exception):
    pass


def _stories_since(newsletter, now):
    last = newsletter.editions.exclude(status=Edition.Status.DRAFT).order_by("-created_at").first()
    since = last.created_at if last else now - timedelta(days=1)
    return list(
        Article.objects.published()
        .in_edition(newsletter.language)
        .filter(published_at__gt=since)
        .newest_first()
        .for_listing()[: newsletter.story_count]
    )


def daily_subject(newsletter, day) -> str:
    """A day's subject, "The Morning Briefing: Sunday 6 December 2026", its date in the
    newsletter's language ("…: Неділя 6 грудня 2026")."""
    with override(newsletter.language):
        return f"{newsletter.name}: {dateformat.format(day, 'l j E Y')}"


def alert_subject(newsletter, article) -> str:
    with override(newsletter.language):
        return gettext("Breaking: {headline}").format(headline=article.title)


def _make(newsletter, subject, articles, **fields):
    html, text = rendering.render(newsletter=newsletter, subject=subject, articles=articles)
    edition = Edition.objects.create(
        newsletter=newsletter, subject=subject, html=html, text=text, **fields
    )
    edition.articles.set(articles)
    return edition


def due_daily(now=None):
    """Daily newsletters whose time has come today (newsroom's zone) with no edition yet."""
    now = now or timezone.now()
    local = timezone.localtime(now)
    due = []
    for newsletter in Newsletter.objects.filter(is_active=True, kind=Newsletter.Kind.DAILY):
        sends_at = timezone.make_aware(
            datetime.combine(local.date(), newsletter.send_time), timezone.get_current_timezone()
        )
        if now >= sends_at and not newsletter.editions.filter(issue_date=local.date()).exists():
            due.append(newsletter)
    return due


def make_daily(*, newsletter: Newsletter, now=None, send=True) -> Edition | None:
    """Today's edition with the stories published since the last one, and its send
    started; None when there is nothing new or another clock made it first."""
    now = now or timezone.now()
    local = timezone.localtime(now)
    articles = _stories_since(newsletter, now)
    if not articles:
        return None
    try:
        with transaction.atomic():
            subject = daily_subject(newsletter, local)
            edition = _make(newsletter, subject, articles, issue_date=local.date())
            if send:
                sending.start(edition=edition)
    except IntegrityError:  # made already today
        return None
    return edition


def make_draft(*, newsletter: Newsletter, user, now=None) -> Edition:
    """A draft from the stories since the last edition, for an editor to preview and send."""
    if not workflow.publishes_any(user):
        raise NotAllowed("Only editors make editions.")
    now = now or timezone.now()
    subject = daily_subject(newsletter, timezone.localtime(now))
    return _make(newsletter, subject, _stories_since(newsletter, now))


def send_alert(*, article: Article, user) -> list[Edition]:
    """Send `article` as breaking news to every alert newsletter of its edition that has
    not had it: sending a story twice sends nothing the second time. The editions
    started."""
    if not workflow.publishes_any(user):
        raise NotAllowed("Only editors send breaking-news alerts.")
    if not article.is_published:
        raise NotAllowed("Only a published story can be sent as an alert.")
    made = []
    alerts = Newsletter.objects.filter(
        is_active=True, kind=Newsletter.Kind.ALERT, language=article.language
    )
    for newsletter in alerts:
        try:
            with transaction.atomic():
                subject = alert_subject(newsletter, article)
                edition = _make(newsletter, subject, [article], alert_article=article)
                sending.start(edition=edition)
        except IntegrityError:  # this story went out on this newsletter before
            continue
        made.append(edition)
    return made


def start(*, edition: Edition, user) -> int:
    if not workflow.publishes_any(user):
        raise NotAllowed("Only editors send editions.")
    return sending.start(edition=edition)


def pause(*, edition: Edition, user) -> None:
    if not workflow.publishes_any(user):
        raise NotAllowed("Only editors pause sends.")
    sending.pause(edition=edition)


def resume(*, edition: Edition, user) -> None:
    if not workflow.publishes_any(user):
        raise NotAllowed("Only editors resume sends.")
    sending.resume(edition=edition)


def test_send(*, edition: Edition, user, to: str) -> None:
    """The edition as a reader gets it, to `to` only, outside the ledger ("[Test]" in
    the subject, an unsubscribe address that ends nothing)."""
    if not workflow.publishes_any(user):
        raise NotAllowed("Only editors send test mails.")
    probe = Delivery(edition=edition, reader_id=0, email=to)
    message = sending.message_for(edition, probe, subject_prefix="[Test] ")
    message.extra_headers["Message-ID"] = (
        f"<test-{edition.pk}-{int(timezone.now().timestamp() * 1000)}@{rendering.mail_domain()}>"
    )
    message.send()
