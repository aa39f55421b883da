"""Links inside a story's body to another story, pointed at the edition being drawn.

Editors write a link to a story as its address (`/news/<slug>/`, or the Ukrainian
edition's `/uk/news/<slug>/`, with or without the site's own `https://…`). Drawn in an
edition, such a link goes to the story's version in that edition when there is one: a
Ukrainian story linking to an English story that has a Ukrainian translation sends its
reader to `/uk/news/<translation>/`, and an English story linking to a Ukrainian one
that translates an English story sends its reader to the English one. A link to a story
with no version there is left as written (the story's own page answers, or moves it to
its own edition's address).

Why when the page is drawn, not when the body is saved: the stored HTML stays what the
editor wrote, the same in every edition, and nothing has to rewrite other stories'
bodies when a translation is published, withdrawn or moves to a new address. It costs
no query for the many bodies with no link to a story (a substring test), and one for
the slugs a body links to otherwise, whatever their number; the page is then kept by the
page cache like any other, under the keys of the stories it links to, so a translation's
publication (which empties its group's pages: public/invalidation.py) draws it afresh.
"""

import re

from django.conf import settings
from django.db.models import Q
from django.utils.safestring import SafeString, mark_safe

import editions
from articles.models import Article
from links import address
from pagecache.keys import record

from . import freshness

MAX_LINKED = 100  # distinct stories a body may link to and have followed


def _pattern():
    prefixes = "|".join(re.escape(e.prefix) for e in editions.all_editions() if e.prefix)
    return re.compile(
        r'href="(?P<site>' + re.escape(settings.SITE_URL) + r")?"
        r"(?P<prefix>" + (prefixes or "(?!)") + r")?"
        r'/news/(?P<slug>[-a-zA-Z0-9_]+)/(?P<rest>[?#][^"]*)?"'
    )


def follow_edition(html: str, language: str | None = None) -> SafeString:
    """`html` (a stored, sanitised body) with its links to stories pointed at their
    versions in `language`'s edition (the one being drawn by default)."""
    if "/news/" not in html:
        return mark_safe(html)
    language = language or editions.current().language
    pattern = _pattern()
    slugs = list(dict.fromkeys(match["slug"] for match in pattern.finditer(html)))[:MAX_LINKED]
    if not slugs:
        return mark_safe(html)
    here = _versions_here(slugs, language)

    def replace(match):
        found = here.get(match["slug"])
        if found is None:
            return match[0]
        rest = match["rest"] or ""
        return f'href="{match["site"] or ""}{found}{rest}"'

    return mark_safe(pattern.sub(replace, html))


def _versions_here(slugs, language) -> dict[str, str]:
    """For each linked slug: the address of its story's version in `language`'s edition
    (the story itself, its source or its translation), where there is one. One query; the
    linked stories' keys are recorded, so the page is drawn again when they change."""
    rows = (
        Article.objects.published()
        .filter(
            Q(slug__in=slugs)
            | Q(language=language, translation_of__slug__in=slugs)
            | Q(language=language, translations__slug__in=slugs)
        )
        .values_list("pk", "slug", "language", "translation_of__slug", "translations__slug")
    )
    found, linked = {}, set()
    for pk, slug, story_language, source_slug, translation_slug in rows:
        if slug in slugs:
            linked.add(pk)
        if story_language != language:
            continue
        page = address("articles:detail", language=language, slug=slug)
        for linked_slug in (slug, source_slug, translation_slug):
            if linked_slug in slugs and (linked_slug == slug or linked_slug not in found):
                found[linked_slug] = page
    record(*map(freshness.article, linked))
    return found
