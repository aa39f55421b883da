"""What newsletters add to a reader's account page and data export (readers/account.py)."""

from readers import account

from .models import Delivery, Newsletter, Subscription


def _section(reader):
    subscribed = set(reader.subscriptions.values_list("newsletter_id", flat=True))
    return {
        "newsletters": [
            {"newsletter": n, "subscribed": n.pk in subscribed}
            for n in Newsletter.objects.filter(is_active=True)
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
