"""What newsletters add to a reader's account page and data export (readers/account.py)."""

from django.utils.translation import get_language

from readers import account

from .models import Delivery, Newsletter, Subscription


def _section(reader):
    """Every edition's newsletters (one account reads both), the page's edition's first;
    another edition's marked with its language, for screen readers."""
    subscribed = set(reader.subscriptions.values_list("newsletter_id", flat=True))
    here = get_language()
    active = Newsletter.objects.filter(is_active=True)
    newsletters = sorted(active, key=lambda n: n.language != here)  # stable: in their order
    return {
        "newsletters": [
            {
                "newsletter": n,
                "subscribed": n.pk in subscribed,
                "lang": n.language if n.language != here else "",
            }
            for n in newsletters
        ]
    }


def _export(reader):
    return {
        "subscriptions": [
            {"newsletter": s.newsletter.name, "confirmed_at": s.confirmed_at.isoformat()}
            for s in Subscription.objects.filter(reader=reader).select_related("newsletter")
        ],
        "mail_sent": [
            {
                "edition": d.edition.subject,
                "status": d.status,
                "sent_at": d.sent_at and d.sent_at.isoformat(),
            }
            for d in Delivery.objects.filter(reader=reader).select_related("edition")
        ],
    }


def register():
    account.add_section("newsletters/includes/account_subscriptions.html", _section)
    account.add_export("newsletters", _export)
