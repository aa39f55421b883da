"""Events newsletters act on: a provider's bounce and complaint webhooks (django-anymail
checks their signatures), and changes to what the public archive pages show."""

from anymail.signals import tracking
from django.db.models.signals import post_delete, post_save

from . import archive
from .models import Newsletter, Suppression
from .services import suppressions

# Anymail's normalised event types that mean "stop mailing this address".
STOPPING = {"bounced": Suppression.Reason.BOUNCE, "complained": Suppression.Reason.COMPLAINT}


def provider_event(sender, event, esp_name, **kwargs):
    reason = STOPPING.get(event.event_type)
    if reason and event.recipient:
        suppressions.suppress(
            email=event.recipient, reason=reason, detail=f"{esp_name}: {event.description or ''}"
        )


def newsletter_changed(sender, **kwargs):
    archive.changed()


def connect():
    tracking.connect(provider_event, dispatch_uid="newsletters.provider_event")
    post_save.connect(newsletter_changed, sender=Newsletter, dispatch_uid="newsletters.saved")
    post_delete.connect(newsletter_changed, sender=Newsletter, dispatch_uid="newsletters.deleted")
