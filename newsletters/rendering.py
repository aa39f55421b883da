"""An edition as mail: HTML with every style inline (mail clients drop <style> and
stylesheets), safe in dark mode, images with alt text; and plain text.

Rendered once when the edition is made, with a marker where each reader's unsubscribe
address goes; `personalise` puts it in per mail, and the archive puts the newsletter's
page there instead.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.translation import override

import editions

UNSUBSCRIBE_MARK = "__UNSUBSCRIBE_URL__"
IMAGE_WIDTH = 640


def mail_domain() -> str:
    return settings.MAIL_DOMAIN or urlsplit(settings.SITE_URL).hostname or "localhost"


def absolute(url: str) -> str:
    return url if url.startswith(("http://", "https://")) else settings.SITE_URL + url


def _image(article):
    """The lead photo's JPEG rendition closest to the mail's width (mail clients show
    JPEG everywhere; no srcset in mail), or None."""
    photo = article.lead_photo
    if photo is None or not photo.image:
        return None
    jpeg = (photo.renditions or {}).get("jpeg") or []
    fitting = [r for r in jpeg if r["width"] <= IMAGE_WIDTH] or jpeg[:1]
    if fitting:
        chosen = max(fitting, key=lambda r: r["width"])
        url, width, height = (
            photo.image.storage.url(chosen["name"]),
            chosen["width"],
            chosen["height"],
        )
    else:
        url, width, height = photo.image.url, photo.width, photo.height
    if width and height and width > IMAGE_WIDTH:
        width, height = IMAGE_WIDTH, round(height * IMAGE_WIDTH / width)
    alt = editions.translated(photo, "alt_text")
    return {"src": absolute(url), "width": width, "height": height, "alt": alt}


def stories(articles):
    return [
        {
            "title": a.title,
            "standfirst": a.standfirst,
            "url": absolute(a.get_absolute_url()),
            "image": _image(a),
        }
        for a in articles
    ]


def render(*, newsletter, subject, articles, intro=""):
    """(html, text) of an edition, in the newsletter's language."""
    with override(newsletter.language):
        return _render(newsletter, subject, articles, intro)


def _render(newsletter, subject, articles, intro):
    context = {
        "SITE_NAME": editions.site_name(newsletter.language),
        "SITE_URL": settings.SITE_URL,
        "newsletter": newsletter,
        "subject": subject,
        "intro": intro,
        "stories": stories(articles),
        "unsubscribe_url": UNSUBSCRIBE_MARK,
    }
    return (
        render_to_string("newsletters/mail/edition.html", context),
        render_to_string("newsletters/mail/edition.txt", context),
    )


def personalise(content: str, unsubscribe_url: str) -> str:
    return content.replace(UNSUBSCRIBE_MARK, unsubscribe_url)
