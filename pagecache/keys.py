"""Surrogate keys: the names of what a cached page shows, so a change purges exactly it.

A page is tagged with one key per thing it shows (`article-12`, `author-4`, `tag-7`) and
one per list it is a page of (`list-news`, `list-tag-7`, `home`). Views record keys while
they render (`record`), from objects they have already loaded, never with a query of
their own; `public_page` collects them into the response's `xkey` header (read by
Varnish's xkey module) and the same value in `Surrogate-Key` (read by Fastly).
public/signals.py names the keys each kind of change purges.
"""

from collections.abc import Iterable
from contextlib import contextmanager
from contextvars import ContextVar

HOME = "home"
NEWS = "list-news"  # the news feed, its RSS feed
AUTHORS = "list-authors"  # /authors/
SEARCH = "list-search"  # search result pages
SITEMAPS = "sitemaps"
SIDEBAR = "sidebar"  # the "News Feed" column beside most pages
MASTHEAD = "masthead"  # the sections in every page's masthead
ROBOTS = "robots"

HEADERS = ("xkey", "Surrogate-Key")


def article(pk) -> str:
    return f"article-{pk}"


def author(pk) -> str:
    return f"author-{pk}"


def tag(pk) -> str:
    return f"tag-{pk}"


def tag_list(pk) -> str:
    """The stories filed under a tag: its page, every "Show More" page, its feed."""
    return f"list-tag-{pk}"


def author_list(pk) -> str:
    """One journalist's stories: their page's list, every "Show More" page, their feed."""
    return f"list-author-{pk}"


def for_card(item) -> set[str]:
    """A story in a list: the story, and the byline and kicker its card shows.

    Reads only what the list's queryset loaded: a news feed item (`for_feed()`) has no
    byline or kicker loaded, and shows none.
    """
    keys = {article(item.pk)}
    if (rows := item.__dict__.get("_rows")) is not None:  # a DeferredRow: its row, if read
        item = (rows.by_id or {}).get(item.pk)
        if item is None:
            return keys
    loaded = item.__dict__
    if "primary_tag_id" in loaded and loaded["primary_tag_id"] is not None:
        keys.add(tag(loaded["primary_tag_id"]))
    # From the instance's own attributes: an item a list has not read yet (a DeferredRow,
    # public/pagination.py) names its story alone, and reads no row for it.
    prefetched = loaded.get("_prefetched_objects_cache", {})
    if "authorships" in prefetched:
        keys.update(author(a.author_id) for a in prefetched["authorships"])
    return keys


def for_article_page(article) -> set[str]:
    """The article page (or a feed's item): the story, its byline and author boxes, its
    kicker and its tags, as prefetched (for_page()'s `tagged`, or a feed's `tags`)."""
    keys = for_card(article)
    keys.update(tag(tagged.tag_id) for tagged in getattr(article, "tagged", ()))
    keys.update(
        tag(t.pk) for t in article.__dict__.get("_prefetched_objects_cache", {}).get("tags", ())
    )
    return keys


_collected: ContextVar[set[str] | None] = ContextVar("surrogate_keys", default=None)


@contextmanager
def collecting():
    """Collect the keys recorded while a view runs; yields the set they land in."""
    keys: set[str] = set()
    token = _collected.set(keys)
    try:
        yield keys
    finally:
        _collected.reset(token)


def record(*keys: str | Iterable[str]) -> None:
    """Add keys to the page being rendered; outside `collecting()` this does nothing."""
    collected = _collected.get()
    if collected is None:
        return
    for key in keys:
        if isinstance(key, str):
            collected.add(key)
        else:
            collected.update(key)


def header_value(keys: Iterable[str]) -> str:
    return " ".join(sorted(keys))
