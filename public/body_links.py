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
A page of many bodies (a live story's entries) looks them all up at once first
(`looked_up_together`): one query for the page, not one a body.
"""

import re
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.db.models import Q
from django.utils.safestring import SafeString, mark_safe

import editions
from articles.models import Article
from links import address
from pagecache.keys import record

from . import freshness

MAX_LINKED = 100  # distinct stories a body may link to and have followed

# While a page of many bodies is drawn: (language, {slug: address or None}) for every slug
# they link to, looked up together (`looked_up_together`).
_known: ContextVar[tuple[str, dict] | None] = ContextVar("body_links_known", default=None)


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
    slugs = _linked_slugs(pattern, html)
    if not slugs:
        return mark_safe(html)
    known = _known.get()
    if known is not None and known[0] == language and all(s in known[1] for s in slugs):
        here = {slug: known[1][slug] for slug in slugs if known[1][slug] is not None}
    else:
        here = _versions_here(slugs, language)

    def replace(match):
        found = here.get(match["slug"])
        if found is None:
            return match[0]
        rest = match["rest"] or ""
        return f'href="{match["site"] or ""}{found}{rest}"'

    return mark_safe(pattern.sub(replace, html))


def _linked_slugs(pattern, html) -> list[str]:
    return list(dict.fromkeys(match["slug"] for match in pattern.finditer(html)))[:MAX_LINKED]


@contextmanager
def looked_up_together(bodies, language: str | None = None):
    """While the block draws `bodies` (a live page's entries), their links to stories
    are looked up in one query for them all, made here, and none for each body."""
    language = language or editions.current().language
    pattern = _pattern()
    linked = (_linked_slugs(pattern, html) for html in bodies if "/news/" in html)
    slugs = list(dict.fromkeys(slug for found in linked for slug in found))
    found = _versions_here(slugs, language) if slugs else {}
    token = _known.set((language, {slug: found.get(slug) for slug in slugs}))
    try:
        yield
    finally:
        _known.reset(token)


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
