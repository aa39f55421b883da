"""Mail, reader accounts and newsletters (readers/, newsletters/; docs/newsletters.md)."""

import secrets
from urllib.parse import urlsplit

from .base import SITE_NAME, SITE_URL, env

# Where mail leaves, in django-environ's syntax: `smtp://user:password@host:587`
# (`smtp+tls://`, `smtps://`), `consolemail://` (printed: the default), or
# `filemail:///path/to/folder`. A provider's API instead: EMAIL_BACKEND names an anymail backend.
globals().update(env.email_url("EMAIL_URL", default="consolemail://"))
if env.str("EMAIL_BACKEND", default=""):
    EMAIL_BACKEND = env.str("EMAIL_BACKEND")
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=30)
# The domain in our Message-IDs and List-Ids; empty: SITE_URL's (newsletters/rendering.py).
MAIL_DOMAIN = env.str("MAIL_DOMAIN", default="")
DEFAULT_FROM_EMAIL = env.str(
    "DEFAULT_FROM_EMAIL",
    default=f"{SITE_NAME} <news@{MAIL_DOMAIN or urlsplit(SITE_URL).hostname or 'localhost'}>",
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
NEWSLETTER_FROM_EMAIL = env.str("NEWSLETTER_FROM_EMAIL", default="") or DEFAULT_FROM_EMAIL
# Jobs that send one edition side by side (each takes its own batches of the ledger).
NEWSLETTER_SEND_JOBS = env.int("NEWSLETTER_SEND_JOBS", default=2)
# Sign-in and sign-up links one address, and one network address, may ask for an hour.
READER_LINKS_PER_ADDRESS = env.int("READER_LINKS_PER_ADDRESS", default=5)
READER_LINKS_PER_IP = env.int("READER_LINKS_PER_IP", default=30)
# Bounce and complaint webhooks (django-anymail): the basic-auth secret in the webhook's
# address, and the provider's own signing key where it signs (Mailgun, Postmark...).
# Unset, each is a random value of this process's: every call is refused (400), none is
# trusted, and no secret has a default.
ANYMAIL = {
    "WEBHOOK_SECRET": env.str("ANYMAIL_WEBHOOK_SECRET", default="")
    or f"unset:{secrets.token_urlsafe(32)}",
    "MAILGUN_WEBHOOK_SIGNING_KEY": env.str("MAILGUN_WEBHOOK_SIGNING_KEY", default="")
    or secrets.token_urlsafe(32),
}
