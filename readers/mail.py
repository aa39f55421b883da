"""The mails readers get from this app: their sign-in link."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils.translation import get_language, gettext, override

import editions


def absolute(path: str) -> str:
    return settings.SITE_URL + path


def send(*, to: str, subject: str, template: str, context: dict, headers=None) -> None:
    # The site's name in the active language: the edition the reader came from.
    context = {
        "SITE_NAME": editions.site_name(),
        "SITE_URL": settings.SITE_URL,
        "LANGUAGE_CODE": get_language(),
        **context,
    }
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"{template}.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        headers=headers or {},
    )
    message.attach_alternative(render_to_string(f"{template}.html", context), "text/html")
    message.send()


def after_commit(send_mail) -> None:
    """Call `send_mail` once the transaction commits, in the language active now: the
    edition whose page asked for the mail."""
    language = get_language()

    def in_that_language():
        with override(language):
            send_mail()

    transaction.on_commit(in_that_language)


def send_sign_in_link(*, to: str, url: str) -> None:
    send(
        to=to,
        subject=gettext("Your sign-in link for {site}").format(site=editions.site_name()),
        template="readers/mail/sign_in",
        context={"url": url},
    )
