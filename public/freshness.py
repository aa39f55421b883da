"""Which surrogate key each thing pages show has, and the deadline no kept page outlives.

Pages and fragments name what they show with these keys (`pagecache.keys.record`, the
`{% fragment … shows … %}` tag); a change calls `pagecache.invalidate` with the keys it
affects, which empties those pages and fragments from the page cache at once and again at
the commit, and purges them from the edge caches once committed (pagecache/). Nothing else
is emptied: a draft's save empties nothing, a typo fixed in an old story empties that
story (its page, and the lists showing its card). Receivers are connected for the models
pages show, and for nothing else.

Which keys each change affects, and the receivers that say so: public/invalidation.py.
"""

from collections.abc import Iterable

from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language

from articles.models import Article
from frontpage import banner as front_banner
from pagecache import edge, store

SIDEBAR_ITEMS = 10  # the stories the "News Feed" column beside most pages shows

# --- The keys -------------------------------------------------------------------------------

HOME = "home"
NEWS = "list-news"  # the news feed, its RSS feed
AUTHORS = "list-authors"  # /authors/
SEARCH = "list-search"  # search result pages
SITEMAPS = "sitemaps"
SIDEBAR = "sidebar"  # the "News Feed" column beside most pages
MASTHEAD = "masthead"  # the sections in every page's masthead
ROBOTS = "robots"
SCHEDULE = "schedule"  # when the next scheduled story goes live: kept here, on no page
CORRECTIONS = "list-corrections"  # the corrections feed (the content API's)
FRONTPAGE = "frontpage"  # the live layout of `/`
MOST_READ = "most-read"  # the "Most read" lists
BANNER = front_banner.BANNER  # the breaking-news banner, on every page (frontpage/banner.py)


def in_edition(key: str, language: str | None = None) -> str:
    """An edition's own copy of a list's key (`NEWS`, `HOME`, `SIDEBAR`, `SEARCH`, a
    tag's or an author's list): the lists of
    `language`'s edition (the one being drawn by default) show its stories alone, so a
    story's publication empties its edition's lists and leaves the others'. The default
    edition's keys are the bare names they always were."""
    language = language or get_language() or settings.LANGUAGE_CODE
    return key if language == settings.LANGUAGE_CODE else f"{key}-{language}"


def article(pk) -> str:
    return f"article-{pk}"


def author(pk) -> str:
    return f"author-{pk}"


def tag(pk) -> str:
    return f"tag-{pk}"


def every_edition(key: str) -> set[str]:
    """An edition's key (`in_edition`) in every edition: for what all of them show (a
    tag renamed, an author removed)."""
    return {in_edition(key, language) for language, _name in settings.LANGUAGES}


def tag_list(pk, language: str | None = None) -> str:
    """The stories filed under a tag in an edition (`in_edition`): its page, every "Show
    More" page, its feed."""
    return in_edition(f"list-tag-{pk}", language)


def author_list(pk, language: str | None = None) -> str:
    """One journalist's stories in an edition (`in_edition`): their page's list, every
    "Show More" page, their feed."""
    return in_edition(f"list-author-{pk}", language)


def story(item) -> set[str]:
    """A story as a card shows it: the story, its kicker and its byline, from a row read
    with its byline (`with_byline()`, `for_listing()`, `for_page()`)."""
    keys = {article(item.pk), *(author(person.pk) for person in item.byline)}
    if item.primary_tag_id is not None:
        keys.add(tag(item.primary_tag_id))
    return keys


def story_page(item, tags: Iterable) -> set[str]:
    """A story's page, or a feed's item: its card's keys and every tag it shows."""
    return story(item) | {tag(each.pk) for each in tags}


# --- The deadline: no cached page outlives the next scheduled publication ------------------


@store.deadline
def next_publication():
    """When the next scheduled story goes live (None: nothing is scheduled).

    Every public page asks, so the answer is kept until a story's schedule changes, or
    until that time comes (then the one after it is looked up).
    """
    return store.kept(
        "next-publication",
        lambda: (
            Article.objects.scheduled()
            .order_by("published_at")
            .values_list("published_at", flat=True)
            .first()
        ),
        shows=[SCHEDULE],
        still_true=lambda at: at is None or at > timezone.now(),
    )


def seconds_until_next_publication(default: int) -> int:
    until = edge.seconds_until(next_publication())
    return default if until is None else min(default, until)
