"""Double opt-in: a sign-up mails a confirmation link; only its POST makes a subscription.

A sign-up for an address already subscribed mails nothing new and says the same as any
other sign-up, so the form tells no one who reads what.
"""

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language, gettext

import editions
from links import address
from newsletters.models import Newsletter, Subscription, Suppression
from readers import mail, throttle, tokens
from readers.models import Reader, Token
from readers.services import accounts


def request(*, request, email: str, newsletters) -> None:
    """Throttle, then mail one confirmation link per newsletter not yet subscribed."""
    email = accounts.normalise(email)
    throttle.check_request(request, email)
    wanted = [n for n in newsletters if n.is_active]
    already = set(
        Subscription.objects.filter(reader__email=email, newsletter__in=wanted).values_list(
            "newsletter_id", flat=True
        )
    )
    links = []
    for newsletter in wanted:
        if newsletter.pk in already:
            continue
        secret = tokens.issue(
            email=email, purpose=Token.Purpose.SUBSCRIBE, subject=str(newsletter.pk)
        )
        # Its confirmation page in its edition.
        page = address("newsletters:confirm", language=newsletter.language, secret=secret)
        links.append((newsletter, mail.absolute(page)))
    if links:
        mail.after_commit(lambda: _send_confirmation(email, links))


def _send_confirmation(email, links):
    names = editions.listed(n.name for n, _ in links)
    mail.send(
        to=email,
        subject=gettext("Confirm your subscription to {names}").format(names=names),
        template="newsletters/mail/confirm",
        context={"links": [{"newsletter": n, "url": url} for n, url in links], "names": names},
    )


def confirm(*, secret: str) -> Subscription:
    """Spend a confirmation link: the reader (made if new) is subscribed, once."""
    with transaction.atomic():
        token = tokens.spend(secret, Token.Purpose.SUBSCRIBE)
        newsletter = Newsletter.objects.filter(pk=int(token.subject), is_active=True).first()
        if newsletter is None:
            raise tokens.InvalidToken("This newsletter is no longer sent.")
        reader = accounts.reader_for(token.email)
        # A reader who confirms wants the mail again, whatever bounced before.
        Suppression.objects.filter(email=reader.email).delete()
        subscription, _ = Subscription.objects.get_or_create(
            reader=reader, newsletter=newsletter, defaults={"confirmed_at": timezone.now()}
        )
    return subscription


def unsubscribe(*, reader_id: int, newsletter_id: int) -> bool:
    """True if a subscription ended; unsubscribing twice is no error."""
    deleted, _ = Subscription.objects.filter(
        reader_id=reader_id, newsletter_id=newsletter_id
    ).delete()
    return bool(deleted)


def set_subscriptions(*, reader: Reader, newsletters) -> None:
    """From the account page: the reader (signed in, so their address is proven) keeps
    exactly `newsletters` among the active ones."""
    wanted = {n.pk for n in newsletters if n.is_active}
    with transaction.atomic():
        Subscription.objects.filter(reader=reader).exclude(newsletter_id__in=wanted).delete()
        have = set(
            Subscription.objects.filter(reader=reader).values_list("newsletter_id", flat=True)
        )
        now = timezone.now()
        Subscription.objects.bulk_create(
            [
                Subscription(reader=reader, newsletter_id=pk, confirmed_at=now)
                for pk in wanted - have
            ],
            ignore_conflicts=True,
        )


def default_newsletters():
    """What the sign-up box under stories subscribes to: the newsletters offered there
    in the edition being drawn."""
    offered = Newsletter.objects.filter(is_active=True, offered_on_stories=True)
    return list(offered.filter(language=get_language()))


def from_address():
    return settings.DEFAULT_FROM_EMAIL
