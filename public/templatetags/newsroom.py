from django import template
from django.template.loader import render_to_string
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, pgettext

import editions
import links
from articles.models import Article
from pagecache.keys import record
from pagecache.store import kept
from public import freshness
from public.listing import next_page_url
from public.models import Section
from public.pagination import paginate

register = template.Library()

SIDEBAR_ITEMS = freshness.SIDEBAR_ITEMS


@register.simple_tag(takes_context=True)
def news_feed(context):
    """The "News Feed" column: the latest items and a link to the rest.

    Drawn once, then kept until a story it shows changes or the next scheduled story goes
    live (its time is in the key): most pages ask the database nothing for it.
    """
    at = freshness.next_publication()
    key = f"sidebar-feed:{at.isoformat() if at else 'none'}"  # no spaces: memcached's rule
    return kept(key, _draw_news_feed, shows=[freshness.SIDEBAR], request=context.get("request"))


def _draw_news_feed():
    page = paginate(
        Article.objects.for_feed(),
        visible=Article.objects.published().in_edition(),
        cursor=None,
        per_page=SIDEBAR_ITEMS,
    )
    next_url = next_page_url(page, links.address("articles:news_feed"))
    return render_to_string(
        "articles/includes/news_feed_sidebar.html", {"page": page, "next_url": next_url}
    )


@register.inclusion_tag("includes/masthead_nav.html", takes_context=True)
def masthead_nav(context):
    """The masthead's links: home, the news feed, the sections editors set ("Sections in
    the masthead") and the journalists; the current page's marked.

    Its one query and the addresses are kept until a section or its tag changes, or the next
    scheduled story goes live (its time is in the key): it may be a section's first.
    """
    request = context.get("request")
    record(freshness.MASTHEAD)
    at = freshness.next_publication()
    key = f"masthead-links:{at.isoformat() if at else 'none'}"
    links = kept(key, _masthead_links, shows=[freshness.MASTHEAD], request=request)
    return {"links": links, "current_path": request.path if request else ""}


def _masthead_links():
    sections = [(s.name, s.get_absolute_url()) for s in Section.objects.for_masthead()]
    return [
        (pgettext("front page", "Home"), links.address("home")),
        (gettext("News Feed"), links.address("articles:news_feed")),
        *sections,
        (gettext("Our journalists"), links.address("authors:list")),
    ]


@register.simple_tag
def address(name, **slugs):
    """`{% address "articles:tag" slug=tag.slug %}`: `{% url %}` for slug arguments, without
    a `reverse()` each time (links.address)."""
    return links.address(name, **slugs)


@register.simple_tag
def byline(authors):
    """Author names linked to their pages, read naturally: "A, B and C"."""
    links = [
        format_html(
            '<a href="{}" rel="author">{}</a>',
            author.get_absolute_url(),
            editions.translated(author, "name"),
        )
        for author in authors
    ]
    if len(links) <= 1:
        return links[0] if links else ""
    head = format_html_join(", ", "{}", ((link,) for link in links[:-1]))
    # Translators: the end of a byline of several authors, "A, B and C".
    return format_html(gettext("{names} and {last}"), names=head, last=links[-1])
