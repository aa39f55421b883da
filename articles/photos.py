"""The photo library's writes: a photo's caption and credit travel to every story showing it.

A placed photo is rendered into each story's stored HTML when the story is saved
(articles/body.py). When the photo itself changes (a corrected credit, a new caption, a
new image) or leaves the library, the stories that show it are rendered again here, so no
page prints an old credit. That re-rendering changes no text an editor wrote: it leaves
edit_version alone, and no form open on those stories becomes stale. It is written without
a save, so it does itself what a save's signals do: the stories' search entries are
rewritten, and `stories_rerendered` tells the public app which pages to let go of. A
removed photo's files (the original and its renditions) are deleted once its removal
commits.
"""

from functools import partial

from django.db import transaction

from imaging.pipeline import delete_files

from . import body, search_index
from .models import Article, Photo
from .signals import stories_rerendered


def stories_showing(photo_id):
    """Every article whose body places the photo (a body editor placeholder names it)."""
    return Article.objects.filter(
        body_format=body.HTML, body__contains=f'data-photo="{int(photo_id)}"'
    )


def save_photo(*, photo, user):
    """Save a new or edited photo (its upload is checked and cleaned as it is saved)."""
    with transaction.atomic():
        if photo.pk is None:
            photo.uploaded_by = user
            photo.save()
            return photo
        photo.save()
        refresh_stories(photo_id=photo.pk)
    return photo


def delete_photo(*, photo):
    """Remove a photo from the library, from the stories it was placed in, and its files
    from storage (after the commit: a removal rolled back keeps them)."""
    photo_id = photo.pk
    with transaction.atomic():
        photo.delete()
        refresh_stories(photo_id=photo_id)
        # robust: a storage error is logged; it cannot undo a removal already committed.
        transaction.on_commit(partial(delete_files, photo), robust=True)


def refresh_stories(*, photo_id):
    """Render again the bodies that place the photo; returns how many changed."""
    changed = []
    for article in stories_showing(photo_id).only("pk", "body", "body_format", "body_html"):
        html, _minutes = body.render(
            article.body, article.body_format, photos=Photo.objects.in_bulk
        )
        if html != article.body_html:
            # A queryset update: Article.save() would count an edit and make open forms stale.
            Article.objects.filter(pk=article.pk).update(body_html=html)
            changed.append(article.pk)
    if changed:
        search_index.refresh(changed)
        stories_rerendered.send(sender=Article, article_ids=changed)
    return len(changed)
