"""The photo library's writes: a photo's caption and credit travel to every story showing it.

A story's lead photo and a live entry's photo are library photos too (a foreign key):
their pages read the photo's alt text, caption and credit as they render, so a correction
needs only the caches of those stories let go of. A photo placed in a body is rendered
into each story's stored HTML when the story is saved (articles/body.py). When the photo
itself changes (a corrected credit, a new caption, a new image) or leaves the library, the
stories that show it are rendered again here, so no page prints an old credit. That re-
rendering changes no text an editor wrote: it leaves edit_version alone, and no form open
on those stories becomes stale. It is written without a save, so it does itself what a
save's signals do: the stories' search entries are rewritten, and `stories_rerendered`
tells the public app which pages to let go of. A removed photo's files (the original and
its renditions) are deleted once its removal commits.
"""

from functools import partial

from django.db import transaction

from imaging.pipeline import delete_files

from . import body, search_index
from .models import Article, LiveEntry, Photo
from .signals import stories_rerendered


def stories_showing(photo_id):
    """Every article whose body places the photo (a body editor placeholder names it)."""
    return Article.objects.filter(
        body_format=body.HTML, body__contains=f'data-photo="{int(photo_id)}"'
    )


def stories_leading_with(photo_id):
    """The ids of the stories whose lead photo it is, or whose live entries show it."""
    leads = Article.objects.filter(lead_photo_id=photo_id).values_list("pk", flat=True)
    entries = LiveEntry.objects.filter(photo_id=photo_id).values_list("article_id", flat=True)
    return {*leads, *entries}


def upload_photo(*, image, alt_text, caption="", credit="", user):
    """A new library photo from an upload on a story's or an entry's form."""
    photo = Photo(image=image, alt_text=alt_text, caption=caption, credit=credit)
    return save_photo(photo=photo, user=user)


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
    """Remove a photo from the library, from the stories it was placed in or led, and its
    files from storage (after the commit: a removal rolled back keeps them)."""
    photo_id = photo.pk
    with transaction.atomic():
        # Collected first: the removal empties their lead photos (SET_NULL) without a save.
        leading = stories_leading_with(photo_id)
        photo.delete()
        refresh_stories(photo_id=photo_id, also=leading)
        # Another library photo may show the same stored file (the demo's, a migrated
        # archive's): the files go only with the last of them.
        if not Photo.objects.filter(image=photo.image.name).exists():
            # robust: a storage error is logged; it cannot undo a removal already committed.
            transaction.on_commit(partial(delete_files, photo), robust=True)


def render_bodies(stories):
    """Render these stories' bodies again, each in its edition's language, and write those
    that came out different, with their search entries; returns their ids. The caller
    tells the public app (`stories_rerendered`)."""
    changed = []
    shown = ("pk", "body", "body_format", "body_html", "language", "edit_version")
    for article in stories.only(*shown):
        html, _minutes = body.render(
            article.body,
            article.body_format,
            photos=Photo.objects.in_bulk,
            language=article.language,
        )
        if html == article.body_html:
            continue
        # A queryset update: Article.save() would count an edit and make open forms stale.
        # Only over the version read: a story saved meanwhile was drawn by its own save,
        # from the body now stored, which this older drawing must not overwrite.
        unsaved = Article.objects.filter(pk=article.pk, edit_version=article.edit_version)
        if unsaved.update(body_html=html):
            changed.append(article.pk)
    if changed:
        search_index.refresh(changed)
    return changed


def refresh_stories(*, photo_id, also=()):
    """Render again the bodies that place the photo, and let go of the pages of every story
    showing it (`also`: those it led before a removal); returns how many bodies changed."""
    changed = render_bodies(stories_showing(photo_id))
    # Lead photos and entries' photos are read as pages render: only their caches change.
    shown = sorted({*changed, *stories_leading_with(photo_id), *also})
    if shown:
        stories_rerendered.send(sender=Article, article_ids=shown)
    return len(changed)
