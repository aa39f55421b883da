"""`{{ moment|iso }}`: a time as machines read it, written one way everywhere.

Every `<time datetime>`, `article:*_time` meta tag, JSON-LD date and news-sitemap date
uses it: ISO 8601 in the newsroom's time zone, to the second. HTML accepts at most three
digits of a second, and `timezone.now()` (a story published with no time, a live entry)
carries six.

`{{ moment|written:"j F Y" }}`: a time as readers read it, in the language of the page.
Each format a page uses is listed in FORMATS, and each language's catalog says how it
writes it (Ukrainian: day and genitive month, `6 грудня 2026`).
"""

from functools import lru_cache

from django import template
from django.template.defaultfilters import date
from django.utils import timezone
from django.utils.translation import get_language, pgettext, pgettext_lazy

register = template.Library()

# The formats of `written`, marked for translation (context "date format"): the English
# format is the message, the language's own is its translation. A format not listed here
# is written as it is in every language.
FORMATS = (
    pgettext_lazy("date format", "j F Y"),  # 6 December 2026
    pgettext_lazy("date format", "j F Y, H:i"),  # 6 December 2026, 14:05
    pgettext_lazy("date format", "j M, H:i"),  # 6 Dec, 14:05
    pgettext_lazy("date format", "j M"),  # 6 Dec
    pgettext_lazy("date format", "H:i"),  # 14:05
)


@register.filter
def iso(moment):
    """`2025-07-01T10:00:05+01:00`; empty for no time, as Django's `date` filter."""
    if not moment:
        return ""
    return timezone.localtime(moment).isoformat(timespec="seconds")


@register.filter(expects_localtime=True)
def written(moment, format_string):
    """`{{ moment|written:"j F Y, H:i" }}`: Django's `date` filter in the active language's
    own format (FORMATS), remembered. A list's times repeat from page to page (the news
    feed column is on every page), and formatting one costs some 25 µs."""
    if not moment:
        return ""
    # Equal instants in two zones are equal datetimes: the zone is part of the key.
    zone = str(getattr(moment, "tzinfo", None))
    return _written(moment, zone, format_string, get_language())


@lru_cache(maxsize=8192)
def _written(moment, zone, format_string, language):
    return date(moment, pgettext("date format", format_string))
