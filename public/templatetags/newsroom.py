from django import template
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from articles.models import Article
from public import surrogate_keys as keys
from public.listing import next_page_url
from public.models import Section
from public.pagination import paginate

register = template.Library()

SIDEBAR_ITEMS = 10


@register.inclusion_tag("articles/includes/news_feed_sidebar.html")
def news_feed():
    """The "News Feed" column: the latest items and a link to the rest."""
    page = paginate(Article.objects.for_feed(), cursor=None, per_page=SIDEBAR_ITEMS)
    return {"page": page, "next_url": next_page_url(page, reverse("articles:news_feed"))}


@register.inclusion_tag("includes/masthead_sections.html", takes_context=True)
def masthead_sections(context):
    """The masthead's links to sections, as editors set them ("Sections in the masthead").

    One query however many sections; none set, no links.
    """
    request = context.get("request")
    keys.record(keys.MASTHEAD)
    return {
        "sections": Section.objects.for_masthead(),
        "current_path": request.path if request else "",
    }


@register.simple_tag
def byline(authors):
    """Author names linked to their pages, read naturally: "A, B and C"."""
    links = [
        format_html('<a href="{}" rel="author">{}</a>', author.get_absolute_url(), author.name)
        for author in authors
    ]
    if len(links) <= 1:
        return links[0] if links else ""
    head = format_html_join(", ", "{}", ((link,) for link in links[:-1]))
    return format_html("{} and {}", head, links[-1])
