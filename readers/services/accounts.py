"""Readers' accounts: asking for a sign-in link, spending it, changing and deleting.

Lock order: a Token row (spend), then the Reader row.
"""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from readers import mail, throttle, tokens
from readers.models import Reader, Token


def normalise(email: str) -> str:
    return email.strip().lower()


def request_sign_in(*, request, email: str) -> None:
    """Throttle, then mail a sign-in link to `email`, known or not (the page says the
    same either way, so it tells no one who has an account)."""
    email = normalise(email)
    throttle.check_request(request, email)
    secret = tokens.issue(email=email, purpose=Token.Purpose.SIGN_IN)
    url = mail.absolute(reverse("readers:link", args=[secret]))
    mail.after_commit(lambda: mail.send_sign_in_link(to=email, url=url))


def reader_for(email: str) -> Reader:
    """The reader with this address, made when they first prove they hold it."""
    reader, _ = Reader.objects.get_or_create(email=normalise(email))
    return reader


def sign_in(*, secret: str) -> Reader:
    """Spend a sign-in link; the reader it proves (made on a first sign-in)."""
    with transaction.atomic():
        token = tokens.spend(secret, Token.Purpose.SIGN_IN)
        reader = reader_for(token.email)
        reader.signed_in_at = timezone.now()
        reader.save(update_fields=["signed_in_at"])
    return reader


def rename(*, reader: Reader, name: str) -> None:
    reader.name = name.strip()[:100]
    reader.save(update_fields=["name"])


def sign_out_everywhere(*, reader: Reader) -> None:
    Reader.objects.filter(pk=reader.pk).update(session_version=reader.session_version + 1)


def delete(*, reader: Reader) -> None:
    """The reader and all an app keeps on them (their subscriptions, their mail's ledger),
    and their unspent links."""
    with transaction.atomic():
        Token.objects.filter(email=reader.email).delete()
        reader.delete()
