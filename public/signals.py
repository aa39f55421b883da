"""Any change to what public pages show empties the anonymous page cache.

Receivers are connected for the models pages show, and for nothing else.
"""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from taggit.models import Tag

from articles.models import (
    Article,
    Authorship,
    Correction,
    LiveEntry,
    LiveEntryAuthorship,
    TaggedArticle,
)
from authors.models import Author

from .cache import invalidate_public_pages
from .models import Section

SHOWN_ON_PAGES = (Article, Authorship, Correction, TaggedArticle, Tag, Author, Section)


def content_changed(sender, **kwargs):
    invalidate_public_pages()


def connect():
    for model in SHOWN_ON_PAGES:
        for signal in (post_save, post_delete):
            signal.connect(content_changed, sender=model, dispatch_uid=f"public-pages-{model}")
    # Tags added or removed through `article.tags`, which sends for its through model.
    m2m_changed.connect(content_changed, sender=TaggedArticle, dispatch_uid="public-pages-tags")
    connect_live_entries()


# Live entries. Readers' pages ask for new entries every few seconds, so one of them may
# render between the save and its commit, from the data as it was, and store that under
# the new generation: the cache is emptied again once the entry is committed.
LIVE_ENTRY_MODELS = (LiveEntry, LiveEntryAuthorship)


def live_entry_changed(sender, **kwargs):
    content_changed(sender, **kwargs)
    transaction.on_commit(lambda: content_changed(sender, **kwargs))


def connect_live_entries():
    for model in LIVE_ENTRY_MODELS:
        for signal in (post_save, post_delete):
            signal.connect(live_entry_changed, sender=model, dispatch_uid=f"public-pages-{model}")
