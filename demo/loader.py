"""Load the demo newsroom from its data files (demo/content.py), creating only what is missing.

Rows are found by slug and an existing one is never touched, so running the loader again
adds nothing and draws no image twice. Times are offsets from the moment of loading. The
masthead's sections are set only on a site that has none: after that they are the editors'.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from taggit.models import Tag

from articles.models import (
    Article,
    Authorship,
    Correction,
    LiveEntry,
    LiveEntryAuthorship,
    Photo,
    TagTranslation,
)
from authors.models import Author
from public.models import Section

from . import images
from .content import CREDIT, DEMO_DIR, read_newsroom
from .editions import read_editions

STATUS = {
    "draft": Article.Status.DRAFT,
    "review": Article.Status.REVIEW,
    "published": Article.Status.PUBLISHED,
    "scheduled": Article.Status.PUBLISHED,  # published, at a time still to come
}
# A correction with no update time to go by is printed this long after publication.
CORRECTED_AFTER = timedelta(hours=5)


@dataclass
class Summary:
    authors: int = 0
    tags: int = 0
    sections: int = 0
    articles: int = 0
    entries: int = 0
    new_authors: int = 0
    new_tags: int = 0
    new_sections: int = 0
    new_articles: int = 0
    new_entries: int = 0

    def __str__(self):
        return (
            f"Demo content: {self.authors} authors ({self.new_authors} new), "
            f"{self.tags} tags ({self.new_tags} new), "
            f"{self.sections} masthead sections ({self.new_sections} new), "
            f"{self.articles} articles ({self.new_articles} new), "
            f"{self.entries} live entries ({self.new_entries} new)."
        )


def load(now=None, *, folder=DEMO_DIR) -> Summary:
    """Create whatever demo content is missing, in one transaction.

    Every file is read and checked first: a mistake in one (a FrontMatterError naming it)
    leaves the database as it was.
    """
    newsroom = read_newsroom(folder)
    editions = read_editions(folder, newsroom)
    # On the minute, so each time is what its file says: most whole minutes, and a few with
    # the fraction of a second a time taken from the clock has (demo/content.py).
    now = (now or timezone.now()).replace(second=0, microsecond=0)
    summary = Summary(
        authors=len(newsroom.authors),
        tags=len(newsroom.tags),
        articles=len(newsroom.stories) + sum(len(e.stories) for e in editions),
        entries=sum(
            len(story.entries)
            for story in [*newsroom.stories, *(s for e in editions for s in e.stories)]
        ),
    )
    with transaction.atomic():
        authors = {person.slug: _author(person, summary) for person in newsroom.authors}
        tags = {slug: _tag(slug, name, summary) for slug, name in newsroom.tags.items()}
        _sections(newsroom.sections, tags, summary)
        photos = PhotoPool()
        _stories(newsroom.stories, photos, authors, tags, now, summary)
        for edition in editions:
            _edition_words(edition, authors, tags)
            _stories(edition.stories, photos, authors, tags, now, summary)
    return summary


def _stories(stories, photos, authors, tags, now, summary):
    wanted = [story.slug for story in stories]
    existing = set(Article.objects.filter(slug__in=wanted).values_list("slug", flat=True))
    missing = [story for story in stories if story.slug not in existing]
    # Oldest first, so ids follow publication order; unpublished stories last.
    missing.sort(key=lambda story: -(story.published or timedelta.min).total_seconds())
    for story in missing:
        article = _article(story, photos, authors, tags, now)
        summary.new_articles += 1
        # A live story's entries come with it, so they too are loaded once.
        summary.new_entries += _entries(story, article, photos, authors, now)


def _edition_words(edition, authors, tags):
    """The journalists' and tags' words in the edition's language, where still empty."""
    suffix = edition.language.replace("-", "_")
    for person in edition.authors:
        words = {"name": person.name, "role": person.role, "short_bio": person.short_bio}
        words["bio"] = person.bio
        _fill_blanks(authors[person.slug], {f"{k}_{suffix}": v for k, v in words.items()})
    for slug, name in edition.tag_names.items():
        if name:
            TagTranslation.objects.get_or_create(tag=tags[slug], defaults={f"name_{suffix}": name})


class PhotoPool:
    """The drawn photos stories name by key, each drawn and stored at most once per load.

    The first story to show a photo uploads it to the library, so the imaging save hook
    cleans it and makes its renditions. Later stories with the same key get a library
    photo of their own (their caption and alt text are theirs) showing that stored file
    and its renditions: making renditions is most of a load's work, and this keeps the
    first `make run` quick.
    """

    def __init__(self):
        self.stored = {}  # key -> (a library photo showing it, the drawing's description)

    def photo(self, key, *, alt, caption, credit):
        """A library photo of drawing `key` with these words (each story has its own)."""
        if key in self.stored:
            first, description = self.stored[key]
            photo = Photo(
                image=first.image.name,
                width=first.width,
                height=first.height,
                renditions=first.renditions,
            )
        else:
            jpeg, description = images.photo(key)
            # New, unsaved bytes, exactly as an editor's upload: saving the photo stores
            # them through the imaging hook (checked, cleaned, renditions made).
            photo = Photo(image=ContentFile(jpeg, name=f"{key}.jpg"))
        photo.alt_text, photo.caption, photo.credit = alt or description, caption, credit
        photo.save()
        self.stored.setdefault(key, (photo, description))
        return photo


def _author(person, summary):
    author = Author.objects.filter(slug=person.slug).first()
    if author:
        return author
    author = Author(
        slug=person.slug,
        name=person.name,
        role=person.role,
        short_bio=person.short_bio,
        bio=person.bio,
    )
    author.avatar = ContentFile(images.avatar(person.initials, person.colour), f"{person.slug}.png")
    author.save()
    summary.new_authors += 1
    return author


def _tag(slug, name, summary):
    # By slug first; by name in case someone already made the tag with another slug.
    tag = Tag.objects.filter(slug=slug).first() or Tag.objects.filter(name=name).first()
    if tag:
        return tag
    summary.new_tags += 1
    return Tag.objects.create(slug=slug, name=name)


def _sections(slugs, tags, summary):
    summary.sections = len(slugs)
    if Section.objects.exists():
        return  # the masthead has been set up, by us or by an editor: leave it alone
    for position, slug in enumerate(slugs):
        Section.objects.create(tag=tags[slug], position=position)
        summary.new_sections += 1


def _times(story, now):
    """(published_at, updated_at) of a story loaded at `now`."""
    if story.published is None:
        return None, None
    published = now - story.published
    updated = min(published + story.updated, now) if story.updated else None
    return published, updated


def _article(story, photos, authors, tags, now):
    published_at, updated_at = _times(story, now)
    source = (
        Article.objects.select_related("lead_photo").get(slug=story.translation_of)
        if story.translation_of
        else None
    )
    article = Article(
        title=story.title,
        slug=story.slug,
        standfirst=story.standfirst,
        body=story.body,
        status=STATUS[story.status],
        published_at=published_at,
        updated_at=updated_at,
        is_featured=story.featured,
        coverage_started_at=_before(now, story.live_started),
        coverage_ended_at=_before(now, story.live_ended),
        primary_tag=tags[story.primary_tag],
        lead_photo=_lead_photo(story, source, photos),
    )
    if story.language:
        article.language = story.language
    if source is not None:
        article.translation_of = source
        article.source_version = source.text_version
    article.save()

    Authorship.objects.bulk_create(
        Authorship(article=article, author=authors[slug], position=position)
        for position, slug in enumerate(story.authors)
    )
    article.tags.add(*(tags[slug] for slug in story.tags))
    corrected_at = published_at and min(published_at + (story.updated or CORRECTED_AFTER), now)
    for text in story.corrections:
        Correction.objects.create(article=article, text=text, corrected_at=corrected_at)
    return article


def _lead_photo(story, source, photos):
    """A translation shows its source's photo (one photo, its words in each language);
    any other story a photo of its own."""
    if source is None or source.lead_photo is None:
        return photos.photo(story.photo, alt=story.alt, caption=story.caption, credit=story.credit)
    photo = source.lead_photo
    suffix = story.language.replace("-", "_")
    _fill_blanks(photo, {f"alt_text_{suffix}": story.alt, f"caption_{suffix}": story.caption})
    return photo


def _fill_blanks(row, values):
    """Set the fields of `row` that are still empty to `values`, leaving an editor's own."""
    blank = {name: value for name, value in values.items() if value and not getattr(row, name)}
    for name, value in blank.items():
        setattr(row, name, value)
    if blank:
        row.save(update_fields=list(blank))


def _entries(story, article, photos, authors, now):
    """The live story's entries, published at their times; the story shows the newest
    as its "Updated:" time, as posting them would have. Returns how many."""
    for item in story.entries:
        entry = LiveEntry(
            article=article,
            headline=item.headline,
            body=item.body,
            status=LiveEntry.Status.PUBLISHED,
            published_at=now - item.published,
            is_key_event=item.key_event,
            is_pinned=item.pinned,
        )
        if item.photo:
            entry.photo = photos.photo(
                item.photo, alt=item.alt, caption=item.caption, credit=CREDIT
            )
        entry.save()
        LiveEntryAuthorship.objects.bulk_create(
            LiveEntryAuthorship(entry=entry, author=authors[slug], position=position)
            for position, slug in enumerate(item.authors)
        )
    if story.entries:
        newest = now - min(item.published for item in story.entries)
        updated = max(filter(None, [article.updated_at, newest]))
        Article.objects.filter(pk=article.pk).update(updated_at=updated)
    return len(story.entries)


def _before(now, offset):
    return None if offset is None else now - offset
