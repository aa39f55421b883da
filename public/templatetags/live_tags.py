"""Template helpers of live pages: their JSON-LD, and an entry's words for a description."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from public import live_seo
from public.templatetags.seo_tags import _SCRIPT_ESCAPES

register = template.Library()


def _jsonld(data):
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(_SCRIPT_ESCAPES)),  # no raw <, > or & left (seo_tags)
    )


@register.simple_tag
def live_blog_jsonld(article, entries):
    return _jsonld(live_seo.live_blog_posting(article, entries))


@register.simple_tag
def live_entry_jsonld(entry):
    return _jsonld(live_seo.blog_posting(entry, standalone=True))


@register.filter
def summary(entry, words=40):
    """The start of an entry's text, for a description or a social card."""
    return Truncator(live_seo.plain_text(entry.body_html)).words(int(words))
