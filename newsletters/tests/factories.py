from datetime import time

from django.utils import timezone

from newsletters.models import Newsletter, Subscription
from readers.models import Reader


def make_newsletter(
    *, name="The Morning Briefing", slug=None, kind=Newsletter.Kind.DAILY, **fields
):
    if kind == Newsletter.Kind.DAILY:
        fields.setdefault("send_time", time(7, 0))
    return Newsletter.objects.create(
        name=name,
        slug=slug or name.lower().replace(" ", "-"),
        description=f"{name}, by email.",
        kind=kind,
        **fields,
    )


def make_alerts(**fields):
    return make_newsletter(name="Breaking News", kind=Newsletter.Kind.ALERT, **fields)


def subscribe(newsletter, *emails):
    """Readers for `emails` (made if new), subscribed to `newsletter`; the readers."""
    readers = [Reader.objects.get_or_create(email=e)[0] for e in emails]
    Subscription.objects.bulk_create(
        [
            Subscription(reader=r, newsletter=newsletter, confirmed_at=timezone.now())
            for r in readers
        ]
    )
    return readers
