"""Which keys each change affects: one receiver per change, for the models pages show
(connected by `connect()`, from the app's `ready`), each calling `pagecache.invalidate`
with the keys of public/freshness.py that the change affects. What they ask the database
to know it (is the story among its edition's newest, a tag's one public story there) is
in public/affected.py.

What each change empties:

- publish, schedule or reschedule: the story; home, the news feed, its tags' and authors'
  lists, sitemaps, search (lists and search: its edition's alone); the sidebar (soft)
  when the story is among its newest; the masthead (soft) when it is the first public
  story of a section's tag; and, at the origin only, the time of the next scheduled
  publication.
- update, correction, slug change: the story (every page and list showing it), sitemaps,
  search; the sidebar (soft) when the story is among its newest. A correction also
  empties the corrections feed.
- unpublish or delete: the story, sitemaps, search; the sidebar when the story was among
  its newest and the masthead when it was a section tag's last public story (hard: a
  withdrawn story must go at once).
- a byline added or removed: the story, and that author's list.
- a tag added or removed: the story, that tag's list, search (its form lists the public
  tags) and sitemaps; when that makes the tag public or not in the story's edition, the
  tag's list in every edition (its pages name each other) and, for a section's tag, the
  masthead. Publishing or withdrawing a story does the same for its tags.
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
- a front page layout, zone or slot that is live or scheduled, changed: the front page.
  A draft layout empties nothing.
- the banner raised, changed or lowered, or the story it links to published or
  withdrawn: the banner alone (soft). Pages are kept without it (frontpage/banner.py), so
  no page's own copy is emptied.

Drafts and stories in review are on no public page: changing them empties nothing.
"""

from django.conf import settings
from django.db.models.signals import post_delete, post_save, pre_save
from taggit.models import Tag

import pagecache
from articles.models import (
    Article,
    Authorship,
    Correction,
    LiveEntry,
    LiveEntryAuthorship,
    TaggedArticle,
)
from articles.signals import stories_rerendered
from authors.models import Author
from frontpage.models import Banner, Layout, Slot, Zone

from . import affected
from .affected import PUBLISHED
from .freshness import (
    AUTHORS,
    BANNER,
    CORRECTIONS,
    FRONTPAGE,
    HOME,
    MASTHEAD,
    NEWS,
    SCHEDULE,
    SEARCH,
    SIDEBAR,
    SITEMAPS,
    article,
    author,
    author_list,
    every_edition,
    in_edition,
    tag,
    tag_list,
)
from .models import Section


def article_saving(sender, instance, raw=False, **kwargs):
    """Remember what the story was before this save: the keys depend on what changed."""
    if raw:
        return
    instance._before_save = (
        Article.objects.filter(pk=instance.pk)
        .values("status", "published_at", "slug", "translation_of", "language")
        .first()
        if instance.pk
        else None
    )


def article_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    before = getattr(instance, "_before_save", None)
    was_public = before is not None and before["status"] == PUBLISHED
    is_public = instance.status == PUBLISHED
    if not (was_public or is_public):
        return
    language = instance.language  # the edition whose lists and search it is in
    hard = {article(instance.pk), SITEMAPS, in_edition(SEARCH, language)}
    soft = set()
    moved = was_public != is_public or before["published_at"] != instance.published_at
    if is_public and moved:  # published, scheduled or rescheduled: it joins lists
        hard |= {
            in_edition(HOME, language),
            in_edition(NEWS, language),
            *affected.lists_of(instance, language),
        }
    if affected.in_sidebar(instance):
        (soft if is_public else hard).add(in_edition(SIDEBAR, language))
    if was_public != is_public:
        tag_ids = TaggedArticle.objects.filter(content_object=instance).values("tag_id")
        turned = affected.tags_turned(instance.pk, tag_ids, language)
        if MASTHEAD in turned:
            (soft if is_public else hard).add(MASTHEAD)
        hard |= turned - {MASTHEAD}
    if was_public and before["language"] != language:
        # Moved to another edition: it leaves the lists of the one it was in.
        old = before["language"]
        hard |= {in_edition(key, old) for key in (HOME, NEWS, SIDEBAR, SEARCH)}
        # Its tags' pages in every edition: their public stories moved between editions.
        hard |= affected.lists_of(instance, *(code for code, _name in settings.LANGUAGES))
    if before is None or was_public != is_public or before["slug"] != instance.slug:
        # Its group's pages name it (`hreflang`, the language switch): they change too.
        hard |= set(map(article, affected.translation_group(instance, before)))
    if was_public != is_public and Banner.objects.filter(article=instance).exists():
        soft.add(BANNER)  # its link comes or goes
    pagecache.invalidate(hard, soft=soft)
    if moved:
        pagecache.invalidate([SCHEDULE], edge=False)


def article_deleted(sender, instance, **kwargs):
    if instance.status != PUBLISHED:
        return
    hard = {article(instance.pk), SITEMAPS, in_edition(SEARCH, instance.language)}
    if affected.in_sidebar(instance):
        hard.add(in_edition(SIDEBAR, instance.language))
    pagecache.invalidate(hard)
    if instance.is_scheduled:
        pagecache.invalidate([SCHEDULE], edge=False)


def byline_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    language = affected.edition_if_on_public_pages(instance.article_id)
    if language is not None:
        lists = author_list(instance.author_id, language)
        pagecache.invalidate([article(instance.article_id), lists])


def tagging_changed(sender, instance, raw=False, **kwargs):
    article_id = instance.content_object_id
    language = None if raw else affected.edition_if_on_public_pages(article_id)
    if language is None:
        return
    # The tag may become public or stop being so in the story's edition: its search
    # form's topics, the sitemaps.
    hard = {
        article(article_id),
        tag_list(instance.tag_id, language),
        in_edition(SEARCH, language),
        SITEMAPS,
    }
    soft = set()
    turned = affected.tags_turned(article_id, [instance.tag_id], language)
    if MASTHEAD in turned:
        (hard if kwargs["signal"] is post_delete else soft).add(MASTHEAD)
    hard |= turned - {MASTHEAD}
    pagecache.invalidate(hard, soft=soft)


def correction_changed(sender, instance, raw=False, **kwargs):
    if not raw and affected.is_on_public_pages(instance.article_id):
        pagecache.invalidate([article(instance.article_id), CORRECTIONS])


def author_saved(sender, instance, created=False, raw=False, **kwargs):
    if not raw:
        pagecache.invalidate([AUTHORS] if created else [AUTHORS, author(instance.pk)])


def author_deleted(sender, instance, **kwargs):
    lists = {author_list(instance.pk, language) for language, _name in settings.LANGUAGES}
    pagecache.invalidate([AUTHORS, author(instance.pk), *lists])


def tag_saved(sender, instance, created=False, raw=False, **kwargs):
    if not (raw or created):
        in_masthead = Section.objects.filter(tag=instance).exists()
        # Its name is in the search form's topics, its address in the sitemaps.
        pagecache.invalidate(
            [tag(instance.pk), *every_edition(SEARCH), SITEMAPS],
            soft=[MASTHEAD] if in_masthead else [],
        )


def tag_deleted(sender, instance, **kwargs):
    lists = {tag_list(instance.pk, language) for language, _name in settings.LANGUAGES}
    pagecache.invalidate([tag(instance.pk), *lists, *every_edition(SEARCH), SITEMAPS])


def section_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        pagecache.invalidate(soft=[MASTHEAD])


def _live_story_changed(article_id):
    """A live story's entry: its page, entry pages, feed and polls, and every card showing
    its "Updated:" time, all carry the story's key; the sidebar shows that time too."""
    found = (
        Article.objects.filter(pk=article_id, status=PUBLISHED)
        .only("published_at", "language")
        .first()
    )
    if found is not None:
        sidebar = [in_edition(SIDEBAR, found.language)] if affected.in_sidebar(found) else []
        pagecache.invalidate([article(found.pk)], soft=sidebar)


def live_entry_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        _live_story_changed(instance.article_id)


def live_byline_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    entry = LiveEntry.objects.filter(pk=instance.entry_id).values("article_id").first()
    if entry is not None:  # gone with its entry: that change said it all
        _live_story_changed(entry["article_id"])


def rerendered(sender, article_ids, **kwargs):
    """A placed photo's change rewrote these stories' HTML and search entries."""
    public = Article.objects.filter(pk__in=article_ids, status=PUBLISHED).values_list(
        "pk", "language"
    )
    if public:
        pagecache.invalidate(
            [*(article(pk) for pk, _ in public), *{in_edition(SEARCH, lang) for _, lang in public}]
        )


def front_page_changed(sender, instance, raw=False, **kwargs):
    """A layout, zone or slot: the front page, if its layout is live or scheduled."""
    if raw:
        return
    if kwargs.get("signal") is post_delete:
        shown = True  # its layout may be gone with it: nothing left to ask
    elif isinstance(instance, Layout):
        shown = instance.live_from is not None
    else:
        zone_id = instance.pk if isinstance(instance, Zone) else instance.zone_id
        shown = Layout.objects.filter(zones=zone_id, live_from__isnull=False).exists()
    if shown:
        pagecache.invalidate([FRONTPAGE])


def banner_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        pagecache.invalidate(soft=[BANNER])


RECEIVERS = [
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
    (post_save, LiveEntry, live_entry_changed),
    (post_delete, LiveEntry, live_entry_changed),
    (post_save, LiveEntryAuthorship, live_byline_changed),
    (post_delete, LiveEntryAuthorship, live_byline_changed),
    (post_save, Section, section_changed),
    (post_delete, Section, section_changed),
    (post_save, Layout, front_page_changed),
    (post_delete, Layout, front_page_changed),
    (post_save, Zone, front_page_changed),
    (post_delete, Zone, front_page_changed),
    (post_save, Slot, front_page_changed),
    (post_delete, Slot, front_page_changed),
    (post_save, Banner, banner_changed),
    (post_delete, Banner, banner_changed),
]


def connect():
    for n, (signal, model, receiver) in enumerate(RECEIVERS):
        signal.connect(receiver, sender=model, dispatch_uid=f"freshness-{n}")
    stories_rerendered.connect(rerendered, dispatch_uid="freshness-rerendered")
