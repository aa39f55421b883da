"""The edition's tags: a field in the edition being drawn, a page's `hreflang` links and
the language switch (editions/)."""

from django import template
from django.conf import settings

import editions

register = template.Library()


@register.filter
def translated(obj, field):
    """`{{ author|translated:"name" }}`: `editions.translated`."""
    return editions.translated(obj, field)


@register.inclusion_tag("editions/links.html", takes_context=True)
def edition_links(context):
    """`<link rel="alternate" hreflang>` for each edition that has the page, and
    `x-default`: the default edition's where it has the page, else this one."""
    request = context["request"]
    named = editions.counterparts(request)
    alternates = [
        (edition.hreflang, f"{settings.SITE_URL}{named[edition.language]}")
        for edition in editions.all_editions()
        if edition.language in named
    ]
    default = named.get(settings.LANGUAGE_CODE, named[editions.current().language])
    return {"alternates": alternates, "x_default": f"{settings.SITE_URL}{default}"}


@register.inclusion_tag("editions/switch.html", takes_context=True)
def edition_switch(context):
    """A link to each other edition: to this page there when it has it, else to its front
    page."""
    named = editions.counterparts(context["request"])
    choices = [
        (edition, named.get(edition.language) or f"{edition.prefix}/")
        for edition in editions.other_editions()
    ]
    return {"choices": choices}
