"""The mails readers get from this app: their sign-in link."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string

import editions


def absolute(path: str) -> str:
    return settings.SITE_URL + path


def send(*, to: str, subject: str, template: str, context: dict, headers=None) -> None:
    # The site's name in the active language: the edition the reader came from.
    context = {"SITE_NAME": editions.site_name(), "SITE_URL": settings.SITE_URL, **context}
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"{template}.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        headers=headers or {},
    )
    message.attach_alternative(render_to_string(f"{template}.html", context), "text/html")
    message.send()


def send_sign_in_link(*, to: str, url: str) -> None:
    send(
        to=to,
        subject=f"Your sign-in link for {settings.SITE_NAME}",
        template="readers/mail/sign_in",
        context={"url": url},
    )
