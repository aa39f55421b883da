"""Template helpers for the SEO and social meta of article pages (see public/seo.py)."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

import editions
from public import seo

register = template.Library()

# JSON-LD must be type="application/ld+json", which `json_script` cannot emit. These are
# its escapes: with no raw <, > or &, a title holding "</script>" cannot end the element.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.filter
def absolute(url):
    return seo.absolute_url(str(url))


@register.filter
def og_locale(article):
    """The story's edition as Open Graph's `og:locale` ("en_GB", "uk_UA")."""
    return editions.get(article.language).locale


@register.simple_tag
def news_article_jsonld(article):
    data = json.dumps(seo.news_article(article), cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(data.translate(_SCRIPT_ESCAPES)),  # escaped just above
    )
