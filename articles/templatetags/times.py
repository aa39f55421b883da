"""`{{ moment|iso }}`: a time as machines read it, written one way everywhere.

Every `<time datetime>`, `article:*_time` meta tag, JSON-LD date and news-sitemap date
uses it: ISO 8601 in the newsroom's time zone, to the second. HTML accepts at most three
digits of a second, and `timezone.now()` (a story published with no time, a live entry)
carries six.
"""

from functools import lru_cache

from django import template
from django.template.defaultfilters import date
from django.utils import timezone
from django.utils.translation import get_language

register = template.Library()


@register.filter
def iso(moment):
    """`2025-07-01T10:00:05+01:00`; empty for no time, as Django's `date` filter."""
    if not moment:
        return ""
    return timezone.localtime(moment).isoformat(timespec="seconds")


@register.filter(expects_localtime=True)
def written(moment, format_string):
    """`{{ moment|written:"j F Y, H:i" }}`: Django's `date` filter, remembered. A list's
    times repeat from page to page (the news feed column is on every page), and
    formatting one costs some 25 µs."""
    if not moment:
        return ""
    # Equal instants in two zones are equal datetimes: the zone is part of the key.
    return _written(moment, str(moment.tzinfo), format_string, get_language())


@lru_cache(maxsize=8192)
def _written(moment, zone, format_string, language):
    return date(moment, format_string)
