"""Any change to what public pages show empties the anonymous page cache."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from taggit.models import Tag

from authors.models import Author
from newsroom.cache import invalidate_public_pages

from .models import Article, Authorship, Correction, TaggedArticle

_SHOWN_ON_PAGES = (Article, Authorship, Correction, TaggedArticle, Tag, Author)


@receiver(post_save)
@receiver(post_delete)
@receiver(m2m_changed)
def _content_changed(sender, **kwargs):
    if sender in _SHOWN_ON_PAGES:
        invalidate_public_pages()
