"""Load the demo newsroom: authors, tags and articles, each created only if missing.

Rows are found by slug and an existing one is never touched, so running the loader again
adds nothing and draws no image twice. Times are relative to the moment of loading: the
stories spread over the three weeks before it, and a few are scheduled after it.
"""

import zlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag

from articles.models import Article, Authorship, Correction
from authors.models import Author

from . import AUTHORS, STORIES, TAGS, images

CREDIT = "Illustration: Ledger graphics desk"


@dataclass
class Summary:
    authors: int = 0
    tags: int = 0
    articles: int = 0
    new_authors: int = 0
    new_tags: int = 0
    new_articles: int = 0

    def __str__(self):
        return (
            f"Demo content: {self.authors} authors ({self.new_authors} new), "
            f"{self.tags} tags ({self.new_tags} new), "
            f"{self.articles} articles ({self.new_articles} new)."
        )


def load(now=None) -> Summary:
    """Create whatever demo content is missing, in one transaction."""
    now = now or timezone.now()
    summary = Summary(authors=len(AUTHORS), tags=len(TAGS), articles=len(STORIES))
    with transaction.atomic():
        authors = {person.slug: _author(person, summary) for person in AUTHORS}
        tags = {slug: _tag(slug, name, summary) for slug, name in TAGS}
        wanted = [slug_for(story) for story in STORIES]
        existing = set(Article.objects.filter(slug__in=wanted).values_list("slug", flat=True))
        missing = [story for story in STORIES if slug_for(story) not in existing]
        # Each picture is drawn while the one before is being stored (its renditions are most
        # of the work, and Pillow lets go of the GIL while encoding): two cores, both busy.
        with ThreadPoolExecutor(max_workers=1) as drawer:
            for story, picture in zip(missing, drawer.map(_draw, missing), strict=True):
                _article(story, picture, authors, tags, now)
                summary.new_articles += 1
    return summary


def slug_for(story):
    return slugify(story.title)[:200]


def _attach(instance, field_name, data, name):
    """Give an image field new, unsaved bytes, exactly as an editor's upload would.

    Saving the instance then stores it through the imaging app's hook (checked, cleaned,
    renditions made), the one route every image takes.
    """
    setattr(instance, field_name, ContentFile(data, name=name))


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
    _attach(author, "avatar", images.avatar(person.initials, person.colour), f"{person.slug}.png")
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


def _draw(story):
    """(JPEG bytes, alt text): the same story always gets the same picture."""
    return images.lead_image(slug_for(story), story.section)


def _times(story, now):
    """(published_at, updated_at) for a story, to the minute, a little off the hour."""
    if story.status != Article.Status.PUBLISHED:
        return None, None
    # A stable few minutes each, so stories do not all land on the same minute past.
    jitter = timedelta(minutes=zlib.crc32(story.title.encode()) % 50)
    published = now.replace(second=0, microsecond=0) - timedelta(hours=story.hours_ago) - jitter
    updated = None
    if story.updated_after is not None:
        updated = min(published + timedelta(hours=story.updated_after), now)
    return published, updated


def _file_stem(slug, limit=60):
    """The slug cut at a word: the path, date folders included, must fit in 100 characters."""
    return slug if len(slug) <= limit else slug[: limit + 1].rsplit("-", 1)[0]


def _article(story, picture, authors, tags, now):
    slug = slug_for(story)
    published_at, updated_at = _times(story, now)
    jpeg, alt = picture
    article = Article(
        title=story.title,
        slug=slug,
        standfirst=story.standfirst,
        body=story.markdown(),
        status=story.status,
        published_at=published_at,
        updated_at=updated_at,
        is_featured=story.featured,
        primary_tag=tags[story.section],
        lead_image_alt=alt,
        lead_image_caption=story.caption,
        lead_image_credit=CREDIT,
    )
    _attach(article, "lead_image", jpeg, f"{_file_stem(slug)}.jpg")
    article.save()

    Authorship.objects.bulk_create(
        Authorship(article=article, author=authors[author], position=position)
        for position, author in enumerate(story.authors)
    )
    article.tags.add(*(tags[name] for name in (story.section, *story.tags)))
    if story.correction:
        corrected = min(published_at + timedelta(hours=story.updated_after or 5), now)
        Correction.objects.create(article=article, text=story.correction, corrected_at=corrected)
