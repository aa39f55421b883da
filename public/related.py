"""Related stories, worked out when a story is saved and read with its page.

Choosing them (articles/related.py) takes three queries over the tag index and the search
index; a story page drawn with no cache paid them on every view. So they are chosen when
what they follow from changes: the story saved (its headline, standfirst, status or
edition) or a tag added or removed, once per transaction, after it commits. Its page
reads the stored ids with the story's own row (`stored_ids`) and the cards by those ids
(`cards`), through `published()` in the story's edition: a story unpublished since, or
moved to another edition, is never shown, and the next stored one takes its place.

Like the cached fragment they replace, a story's list follows the archive as it was when
the story was last saved: a newer story on the same tags joins it at the next save or
`manage.py relate_stories`. A story with no stored list (saved before this existed, or
written by a bulk load that skips signals) has its list chosen as its page is drawn, as
before.
"""

import threading

from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.db.models.signals import m2m_changed, post_delete, post_save

from articles.models import Article, TaggedArticle
from articles.related import related_ids

from .models import RelatedStories

SHOWN = 4
# Kept per story: more than shown, so a story withdrawn since leaves its place to another.
KEPT = 8

_local = threading.local()


def stored_ids():
    """An annotation for a story's own query: its stored ids, or None if none are stored."""
    return Subquery(RelatedStories.objects.filter(article=OuterRef("pk")).values("ids")[:1])


def read_bylines(article) -> None:
    """The story's byline and those of the related stories its page shows first, in one
    query: the ids are stored with the story (`stored_ids`), so they are known before
    the cards are read, and the cards' rows need no byline query of their own."""
    shown = (getattr(article, "related_ids", None) or [])[:SHOWN]
    found = Article.read_bylines([article], also=shown)
    article.related_bylines = {pk: found.get(pk, []) for pk in shown}


def refresh(article_ids) -> None:
    """Choose and store the related stories of these articles, from what is stored now."""
    articles = Article.objects.filter(pk__in=list(article_ids)).only(
        "title", "standfirst", "language"
    )
    tags = {}
    for article_id, tag_id in TaggedArticle.objects.filter(
        content_object_id__in=list(article_ids)
    ).values_list("content_object_id", "tag_id"):
        tags.setdefault(article_id, []).append(tag_id)
    lists = [
        RelatedStories(
            article=article, ids=related_ids(article, tags.get(article.pk, []), limit=KEPT)
        )
        for article in articles
    ]
    RelatedStories.objects.bulk_create(
        lists,
        update_conflicts=True,
        unique_fields=["article"],
        update_fields=["ids", "computed_at"],
    )


def cards(article, limit=SHOWN) -> list[Article]:
    """The related stories `article`'s page shows, read as cards read them.

    From the ids stored with it (`article.related_ids`, see `stored_ids`): one query for
    the rows, their bylines read with the story's by its page (`read_bylines`), else one
    more (and again when one of the first is gone); without them, chosen now
    (articles/related.py).
    """
    ids = getattr(article, "related_ids", None)
    if ids is None:
        ids = related_ids(article, [tag.pk for tag in article.topics], limit=KEPT)
    if not ids:
        return []
    public = Article.objects.published().in_edition(article.language).exclude(pk=article.pk)
    # The first `limit` alone, as a rule: the ids after them are read only when one of
    # these is no longer public (each row read is a card's worth of columns and bylines).
    # Their bylines were read with the story's when its page did (`read_bylines`).
    bylines = getattr(article, "related_bylines", {})
    known = all(pk in bylines for pk in ids[:limit])
    rows = public.for_listing(bylines=not known).in_bulk(ids[:limit])
    if known:
        for row in rows.values():
            row.bylines_read = bylines[row.pk]
    if len(rows) < limit and len(ids) > limit:
        rows |= public.for_listing().in_bulk(ids[limit:])
    return [rows[pk] for pk in ids if pk in rows][:limit]


# --- What changes a story's list ----------------------------------------------------------


def _later(article_id) -> None:
    """Refresh `article_id`'s list once its transaction commits, once however many changes
    it saw. Each change registers the refresh; the first to run takes every id noted."""
    pending = _pending()
    pending.add(article_id)
    transaction.on_commit(_refresh_pending, robust=True)


def _pending() -> set:
    if not hasattr(_local, "pending"):
        _local.pending = set()
    return _local.pending


def _refresh_pending() -> None:
    pending = _pending()
    ids, _local.pending = set(pending), set()
    if ids:
        refresh(ids)


def _article_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        _later(instance.pk)


def _tag_row_changed(sender, instance, origin=None, **kwargs):
    if isinstance(origin, Article):  # the story itself is being deleted
        return
    _later(instance.content_object_id)


def _tags_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """`article.tags.add(…)` and friends, which write the through rows in bulk."""
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:
        _later(instance.pk)
    else:
        for pk in pk_set or ():
            _later(pk)


def connect():
    post_save.connect(_article_saved, sender=Article, dispatch_uid="related-article")
    for signal in (post_save, post_delete):
        signal.connect(_tag_row_changed, sender=TaggedArticle, dispatch_uid=f"related-{signal}")
    m2m_changed.connect(_tags_changed, sender=TaggedArticle, dispatch_uid="related-tags")
