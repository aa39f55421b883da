"""The lists around a story that are not the story: "Most read" and related stories.

Each is drawn once and kept (`kept`, as a fragment of the page) until a key it shows
moves: "Most read" until its refresh (frontpage/most_read.py) or a story in it changes;
related stories until the story itself or one of them changes, so they are cached with
the story's page and emptied with it.
"""

from django import template
from django.template.loader import render_to_string
from django.utils.translation import gettext

import editions
from frontpage import most_read
from links import address
from pagecache.keys import record
from pagecache.store import kept
from public import freshness, related

register = template.Library()

MOST_READ_ITEMS = 5


@register.simple_tag(takes_context=True)
def most_read_list(context, tag=None):
    """The most read public stories of the last 24 hours, site-wide or of `tag`."""
    tag_id = tag.pk if tag is not None else None
    name = editions.translated(tag, "name") if tag is not None else ""

    def draw():
        ranked = most_read.top(tag_id=tag_id, limit=MOST_READ_ITEMS)
        record(*(freshness.article(pk) for pk, _, _ in ranked))
        # The edition's own stories (`top`), at their addresses in it.
        stories = [
            {"title": title, "url": address("articles:detail", slug=slug)}
            for _, title, slug in ranked
        ]
        if tag is not None:
            title = gettext("Most read in %(topic)s") % {"topic": name}
        else:
            title = gettext("Most read")
        return render_to_string(
            "frontpage/includes/most_read.html",
            {"stories": stories, "heading_id": f"most-read-{tag_id or 'all'}", "title": title},
        )

    return kept(
        f"most-read:{tag_id or 'all'}",
        draw,
        shows=[freshness.MOST_READ, *([freshness.tag(tag_id)] if tag_id else [])],
        request=context.get("request"),
        part_of_page=True,
    )


@register.simple_tag(takes_context=True)
def related_stories(context, article):
    """Up to four public stories sharing the story's tags and words, as stored when the
    story was saved (public/related.py)."""

    def draw():
        stories = related.cards(article)
        record(*map(freshness.story, stories))
        return render_to_string("articles/includes/related.html", {"stories": stories})

    return kept(
        f"related:{article.pk}",
        draw,
        shows=[freshness.article(article.pk)],
        request=context.get("request"),
        part_of_page=True,
    )
