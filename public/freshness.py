"""What a change to the content does to cached pages.

Any change to what public pages show empties the anonymous page cache (a new generation),
and purges from the edge caches exactly the surrogate keys it affects, after the
transaction commits (public/purge.py). Receivers are connected for the models pages show,
and for nothing else.

What each change purges (keys in public/surrogate_keys.py):

- publish, schedule or reschedule: the story; home, the news feed, its tags' and authors'
  lists, sitemaps, search; the sidebar (soft) when the story is among its newest; the
  masthead (soft) when it is the first public story of a section's tag.
- update, correction, slug change: the story (every page and list showing it), sitemaps,
  search; the sidebar (soft) when the story is among its newest.
- unpublish or delete: the story, sitemaps, search; the sidebar when the story was among
  its newest and the masthead when it was a section tag's last public story (hard: a
  withdrawn story must go at once).
- a byline added or removed: the story, and that author's list.
- a tag added or removed: the story, that tag's list, search (its form lists the public
  tags) and sitemaps; the masthead when that makes a section's tag public or not.
- an author's name, role, bio or portrait: the author (every page showing them), /authors/.
- a tag renamed: the tag (every page showing it), search, sitemaps, and the masthead if
  it is a section; deleted: also its list.
- a live story's entry posted, changed or removed: the story (its live page, entry pages,
  feed of entries and polls, and the cards showing its "Updated:" time); the sidebar
  (soft) when the story is among its newest, for the "Updated:" time it shows.
- a library photo corrected, replaced or removed: each story that places it (its page
  prints the photo, caption and credit), and search (those stories' entries were
  rewritten). The photo library sends `stories_rerendered` for it (articles/photos.py):
  the stories are rewritten without a save, which the Article receivers never hear of.
- a masthead section added, changed or removed: the masthead, on every page (soft: the
  pages stay correct but for their navigation, and are refreshed in the background).

Drafts and stories in review are on no public page: changing them purges nothing.
"""

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from taggit.models import Tag

from articles.models import (
    Article,
    Authorship,
    Correction,
    LiveEntry,
    LiveEntryAuthorship,
    TaggedArticle,
    public_story_tagged,
)
from articles.signals import stories_rerendered
from authors.models import Author

from . import surrogate_keys as keys
from .cache import invalidate_public_pages
from .models import Section
from .purge import get_purger, purge
from .templatetags.newsroom import SIDEBAR_ITEMS

# A library photo is printed only inside the stories that place it: its changes reach the
# pages through `stories_rerendered` (below), not through its own saves.
SHOWN_ON_PAGES = (Article, Authorship, Correction, TaggedArticle, Tag, Author, Section)
PUBLISHED = Article.Status.PUBLISHED


def content_changed(sender, **kwargs):
    invalidate_public_pages()


# --- Edge purges --------------------------------------------------------------------------


def _in_sidebar(article) -> bool:
    """Whether the story is, was or will be among the newest the "News Feed" column shows."""
    if article.published_at is None:
        return False
    newest_others = (
        Article.objects.published()
        .exclude(pk=article.pk)
        .newest_first()
        .values_list("published_at", flat=True)
    )
    last_shown = newest_others[SIDEBAR_ITEMS - 1 : SIDEBAR_ITEMS].first()
    return last_shown is None or article.published_at >= last_shown


def _is_on_public_pages(article_id) -> bool:
    """Published, or scheduled: a scheduled story's lists must expire by its time."""
    return Article.objects.filter(pk=article_id, status=PUBLISHED).exists()


def _shows_or_hides_a_section(article_id, tag_ids) -> bool:
    """Whether the story is the one public story filed under a masthead section's tag
    (of `tag_ids`): publishing or withdrawing it, or filing it there or taking it out,
    shows or hides that section (`SectionQuerySet.for_masthead`)."""
    others = public_story_tagged(OuterRef("tag")).exclude(content_object_id=article_id)
    return Section.objects.filter(tag__in=tag_ids).exclude(Exists(others)).exists()


def _lists_of(article) -> set[str]:
    tag_ids = TaggedArticle.objects.filter(content_object=article).values_list("tag_id", flat=True)
    author_ids = Authorship.objects.filter(article=article).values_list("author_id", flat=True)
    return {*map(keys.tag_list, tag_ids), *map(keys.author_list, author_ids)}


def article_saving(sender, instance, raw=False, **kwargs):
    """Remember what the story was before this save: the keys depend on what changed."""
    if raw or not get_purger().active:
        return
    instance._saved_for_edge = (
        Article.objects.filter(pk=instance.pk).values("status", "published_at", "slug").first()
        if instance.pk
        else None
    )


def article_saved(sender, instance, raw=False, **kwargs):
    if raw or not get_purger().active:
        return
    before = getattr(instance, "_saved_for_edge", None)
    was_public = before is not None and before["status"] == PUBLISHED
    is_public = instance.status == PUBLISHED
    if not (was_public or is_public):
        return
    hard = {keys.article(instance.pk), keys.SITEMAPS, keys.SEARCH}
    soft = set()
    moved = was_public != is_public or before["published_at"] != instance.published_at
    if is_public and moved:  # published, scheduled or rescheduled: it joins lists
        hard |= {keys.HOME, keys.NEWS, *_lists_of(instance)}
    if _in_sidebar(instance):
        (soft if is_public else hard).add(keys.SIDEBAR)
    tag_ids = TaggedArticle.objects.filter(content_object=instance).values("tag_id")
    if was_public != is_public and _shows_or_hides_a_section(instance.pk, tag_ids):
        (soft if is_public else hard).add(keys.MASTHEAD)
    purge(hard=hard, soft=soft)


def article_deleted(sender, instance, **kwargs):
    if not get_purger().active or instance.status != PUBLISHED:
        return
    hard = {keys.article(instance.pk), keys.SITEMAPS, keys.SEARCH}
    if _in_sidebar(instance):
        hard.add(keys.SIDEBAR)
    purge(hard=hard)


def byline_changed(sender, instance, raw=False, **kwargs):
    if raw or not get_purger().active or not _is_on_public_pages(instance.article_id):
        return
    purge(hard={keys.article(instance.article_id), keys.author_list(instance.author_id)})


def tagging_changed(sender, instance, raw=False, **kwargs):
    article_id = instance.content_object_id
    if raw or not get_purger().active or not _is_on_public_pages(article_id):
        return
    # The tag may become public or stop being so: the search form's topics, the sitemaps.
    hard = {keys.article(article_id), keys.tag_list(instance.tag_id), keys.SEARCH, keys.SITEMAPS}
    soft = set()
    if _shows_or_hides_a_section(article_id, [instance.tag_id]):
        (hard if kwargs["signal"] is post_delete else soft).add(keys.MASTHEAD)
    purge(hard=hard, soft=soft)


def correction_changed(sender, instance, raw=False, **kwargs):
    if raw or not get_purger().active or not _is_on_public_pages(instance.article_id):
        return
    purge(hard={keys.article(instance.article_id)})


def author_saved(sender, instance, created=False, raw=False, **kwargs):
    if raw or not get_purger().active:
        return
    purge(hard={keys.AUTHORS} if created else {keys.AUTHORS, keys.author(instance.pk)})


def author_deleted(sender, instance, **kwargs):
    if get_purger().active:
        purge(hard={keys.AUTHORS, keys.author(instance.pk), keys.author_list(instance.pk)})


def tag_saved(sender, instance, created=False, raw=False, **kwargs):
    if not (raw or created) and get_purger().active:
        in_masthead = Section.objects.filter(tag=instance).exists()
        # Its name is in the search form's topics, its address in the sitemaps.
        purge(
            hard={keys.tag(instance.pk), keys.SEARCH, keys.SITEMAPS},
            soft={keys.MASTHEAD} if in_masthead else set(),
        )


def section_changed(sender, instance, raw=False, **kwargs):
    if not raw and get_purger().active:
        purge(soft={keys.MASTHEAD})


def tag_deleted(sender, instance, **kwargs):
    if get_purger().active:
        purge(hard={keys.tag(instance.pk), keys.tag_list(instance.pk), keys.SEARCH, keys.SITEMAPS})


def live_entry_changed_at_edge(sender, instance, raw=False, **kwargs):
    """A live story's entry: its page, entry pages, feed and polls, and every card showing
    its "Updated:" time, all carry the story's key; the sidebar shows that time too."""
    if raw or not get_purger().active:
        return
    story = (
        Article.objects.filter(pk=instance.article_id, status=PUBLISHED)
        .only("pk", "published_at")
        .first()
    )
    if story is None:
        return
    purge(hard={keys.article(story.pk)}, soft={keys.SIDEBAR} if _in_sidebar(story) else ())


def stories_rerendered_at_edge(sender, article_ids, **kwargs):
    """A placed photo's change rewrote these stories' HTML and search entries."""
    if not get_purger().active:
        return
    public = Article.objects.filter(pk__in=article_ids, status=PUBLISHED).values_list(
        "pk", flat=True
    )
    if public:
        purge(hard={*map(keys.article, public), keys.SEARCH})


EDGE_RECEIVERS = [
    (pre_save, Article, article_saving),
    (post_save, Article, article_saved),
    (post_delete, Article, article_deleted),
    (post_save, Authorship, byline_changed),
    (post_delete, Authorship, byline_changed),
    (post_save, TaggedArticle, tagging_changed),
    (post_delete, TaggedArticle, tagging_changed),
    (post_save, Correction, correction_changed),
    (post_delete, Correction, correction_changed),
    (post_save, Author, author_saved),
    (post_delete, Author, author_deleted),
    (post_save, Tag, tag_saved),
    (post_delete, Tag, tag_deleted),
    (post_save, LiveEntry, live_entry_changed_at_edge),
    (post_delete, LiveEntry, live_entry_changed_at_edge),
    (post_save, Section, section_changed),
    (post_delete, Section, section_changed),
]


# Changed again once committed. Live entries: readers' pages ask for new entries every few
# seconds, so one of them may render between the save and its commit, from the data as it
# was, and store that under the new generation. Stories a library photo's change rewrote:
# the rewrite may take a while over many stories, with the same risk. For both, the cache
# is emptied again once the change is committed.
LIVE_ENTRY_MODELS = (LiveEntry, LiveEntryAuthorship)


def changed_now_and_at_commit(sender, **kwargs):
    content_changed(sender, **kwargs)
    transaction.on_commit(lambda: content_changed(sender, **kwargs))


def connect():
    for model in SHOWN_ON_PAGES:
        for signal in (post_save, post_delete):
            signal.connect(content_changed, sender=model, dispatch_uid=f"public-pages-{model}")
    for model in LIVE_ENTRY_MODELS:
        for signal in (post_save, post_delete):
            signal.connect(
                changed_now_and_at_commit, sender=model, dispatch_uid=f"public-pages-{model}"
            )
    stories_rerendered.connect(changed_now_and_at_commit, dispatch_uid="public-pages-rewritten")
    # Tags added or removed through `article.tags`, which sends for its through model.
    m2m_changed.connect(content_changed, sender=TaggedArticle, dispatch_uid="public-pages-tags")
    for n, (signal, model, receiver) in enumerate(EDGE_RECEIVERS):
        signal.connect(receiver, sender=model, dispatch_uid=f"edge-purge-{n}")
    stories_rerendered.connect(stories_rerendered_at_edge, dispatch_uid="edge-purge-rewritten")
