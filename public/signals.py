"""Any change to what public pages show empties the anonymous page cache.

Receivers are connected for the models pages show, and for nothing else.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from taggit.models import Tag

from articles.models import Article, Authorship, Correction, Photo, TaggedArticle
from authors.models import Author

from .cache import invalidate_public_pages
from .models import Section

SHOWN_ON_PAGES = (Article, Authorship, Correction, TaggedArticle, Tag, Author, Section)
# A library photo is printed inside the stories that place it (articles/photos.py).
SHOWN_ON_PAGES += (Photo,)


def content_changed(sender, **kwargs):
    invalidate_public_pages()


def connect():
    for model in SHOWN_ON_PAGES:
        for signal in (post_save, post_delete):
            signal.connect(content_changed, sender=model, dispatch_uid=f"public-pages-{model}")
    # Tags added or removed through `article.tags`, which sends for its through model.
    m2m_changed.connect(content_changed, sender=TaggedArticle, dispatch_uid="public-pages-tags")
