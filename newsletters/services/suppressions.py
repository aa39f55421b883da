"""Addresses that bounced or complained: they get no more newsletters."""

from django.db import transaction

from newsletters.models import Delivery, Subscription, Suppression


def suppress(*, email: str, reason: str, detail: str = "") -> None:
    """Stop all mail to `email`: the suppression, the end of its subscriptions, and its
    pending mail in any send under way marked suppressed."""
    email = email.strip().lower()
    with transaction.atomic():
        Suppression.objects.update_or_create(
            email=email, defaults={"reason": reason, "detail": detail[:300]}
        )
        Subscription.objects.filter(reader__email=email).delete()
        Delivery.objects.filter(email=email, status=Delivery.Status.PENDING).update(
            status=Delivery.Status.SUPPRESSED
        )
