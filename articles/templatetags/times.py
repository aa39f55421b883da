"""`{{ moment|iso }}`: a time as machines read it, written one way everywhere.

Every `<time datetime>`, `article:*_time` meta tag, JSON-LD date and news-sitemap date
uses it: ISO 8601 in the newsroom's time zone, to the second. HTML accepts at most three
digits of a second, and `timezone.now()` (a story published with no time, a live entry)
carries six.
"""

from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def iso(moment):
    """`2025-07-01T10:00:05+01:00`; empty for no time, as Django's `date` filter."""
    if not moment:
        return ""
    return timezone.localtime(moment).isoformat(timespec="seconds")
