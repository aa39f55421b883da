"""How the API writes a story, an author, a tag: one shape, shared by the webhooks.

Serializers read what the views' querysets already joined (`for_listing()`,
`for_page()`, prefetched entries), never a query per item.

A story is written in its edition's language, and so are the words of its tags, byline
and photos (`editions.translated`, as its page shows them); the directories of authors,
tags and sections, which belong to no edition, in the default one.
"""

import functools

from django.conf import settings
from django.core.files.storage import default_storage
from django.utils import translation
from rest_framework import serializers

import editions
from imaging.renditions import MIME_TYPES

from .addresses import absolute, api_url


def edition_prefix(language: str) -> str:
    """The address prefix of `language`'s edition ("" for the default, "/uk")."""
    try:
        return editions.get(language).prefix
    except LookupError:
        return ""


def in_story_language(write):
    """Write a story (the last argument) with its edition's language active, for
    `editions.translated`: a serializer's `to_representation`, ninjs's `document`."""

    @functools.wraps(write)
    def written(*args):
        with translation.override(args[-1].language):
            return write(*args)

    return written


class RenditionSerializer(serializers.Serializer):
    url = serializers.URLField()
    width = serializers.IntegerField()
    height = serializers.IntegerField()
    type = serializers.CharField(help_text="Its media type: image/avif, image/webp, image/jpeg.")


class PhotoSerializer(serializers.Serializer):
    url = serializers.URLField(help_text="The stored image, cleaned of metadata.")
    width = serializers.IntegerField(allow_null=True)
    height = serializers.IntegerField(allow_null=True)
    alt_text = serializers.CharField()
    caption = serializers.CharField(allow_blank=True)
    credit = serializers.CharField(allow_blank=True)
    renditions = RenditionSerializer(many=True)

    def to_representation(self, photo):
        renditions = [
            {
                "url": absolute(default_storage.url(item["name"])),
                "width": item["width"],
                "height": item["height"],
                "type": mime,
            }
            for fmt, mime in MIME_TYPES.items()
            for item in (photo.renditions or {}).get(fmt, ())
        ]
        return {
            "url": absolute(photo.image.url),
            "width": photo.width,
            "height": photo.height,
            "alt_text": editions.translated(photo, "alt_text"),
            "caption": editions.translated(photo, "caption"),
            "credit": photo.credit,
            "renditions": renditions,
        }


class TagSerializer(serializers.Serializer):
    name = serializers.CharField()
    slug = serializers.CharField()
    url = serializers.URLField(help_text="The tag's page.")
    api_url = serializers.URLField()

    def to_representation(self, tag):
        return {
            "name": editions.translated(tag, "name"),
            "slug": tag.slug,
            "url": absolute(f"{self.context.get('prefix', '')}/tags/{tag.slug}/"),
            "api_url": api_url("tag", slug=tag.slug),
        }


class AuthorSerializer(serializers.Serializer):
    name = serializers.CharField()
    slug = serializers.CharField()
    role = serializers.CharField(allow_blank=True)
    short_bio = serializers.CharField(allow_blank=True)
    url = serializers.URLField(help_text="The author's page.")
    api_url = serializers.URLField()
    avatar = serializers.URLField(allow_null=True)

    def to_representation(self, author):
        return {
            "name": editions.translated(author, "name"),
            "slug": author.slug,
            "role": editions.translated(author, "role"),
            "short_bio": editions.translated(author, "short_bio"),
            "url": absolute(author.get_absolute_url()),
            "api_url": api_url("author", slug=author.slug),
            "avatar": absolute(author.avatar.url) if author.avatar else None,
        }


class AuthorDetailSerializer(AuthorSerializer):
    bio = serializers.CharField(
        allow_blank=True, help_text="Plain text, paragraphs by blank lines."
    )
    stories_url = serializers.URLField(help_text="Their public stories, newest first.")

    def to_representation(self, author):
        return {
            **super().to_representation(author),
            "bio": editions.translated(author, "bio"),
            "stories_url": f"{api_url('stories')}?author={author.slug}",
        }


class CorrectionSerializer(serializers.Serializer):
    text = serializers.CharField()
    corrected_at = serializers.DateTimeField()


class EntrySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    headline = serializers.CharField(allow_blank=True)
    body_html = serializers.CharField()
    published_at = serializers.DateTimeField()
    is_pinned = serializers.BooleanField()
    is_key_event = serializers.BooleanField()
    byline = AuthorSerializer(many=True)
    photo = PhotoSerializer(allow_null=True)
    url = serializers.URLField(help_text="The entry's own page.")

    def to_representation(self, entry):
        return {
            "id": entry.pk,
            "headline": entry.headline,
            "body_html": entry.body_html,
            "published_at": serializers.DateTimeField().to_representation(entry.published_at),
            "is_pinned": entry.is_pinned,
            "is_key_event": entry.is_key_event,
            "byline": AuthorSerializer(entry.byline, many=True).data,
            "photo": PhotoSerializer(entry.photo).data if entry.photo else None,
            "url": absolute(
                f"{self.context.get('prefix', '')}/news/{self.context['story_slug']}"
                f"/entries/{entry.pk}/"
            ),
        }


class StorySerializer(serializers.Serializer):
    """A story as a list shows it: everything but the body, corrections and entries."""

    id = serializers.IntegerField()
    slug = serializers.CharField()
    language = serializers.ChoiceField(
        choices=settings.LANGUAGES,
        help_text="The story's edition, by its language (`?edition=` on lists).",
    )
    url = serializers.URLField(help_text="The story's page, in its own edition.")
    api_url = serializers.URLField()
    headline = serializers.CharField()
    standfirst = serializers.CharField(allow_blank=True)
    section = TagSerializer(allow_null=True, help_text="The primary tag, above the headline.")
    tags = TagSerializer(many=True)
    byline = AuthorSerializer(many=True)
    lead_photo = PhotoSerializer(allow_null=True)
    published_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField(
        allow_null=True, help_text="Set when the story was updated after publication."
    )
    reading_minutes = serializers.IntegerField()
    is_live = serializers.BooleanField(help_text="Live coverage is running now.")

    @in_story_language
    def to_representation(self, story):
        when = serializers.DateTimeField()
        # Its tags' pages are in its edition too.
        edition = {"prefix": edition_prefix(story.language)}
        section = story.primary_tag
        return {
            "id": story.pk,
            "slug": story.slug,
            "language": story.language,
            "url": absolute(story.get_absolute_url()),
            "api_url": api_url("story", slug=story.slug),
            "headline": story.title,
            "standfirst": story.standfirst,
            "section": TagSerializer(section, context=edition).data if section else None,
            "tags": TagSerializer(story.topics, many=True, context=edition).data,
            "byline": AuthorSerializer(story.byline, many=True).data,
            "lead_photo": PhotoSerializer(story.lead_photo).data if story.lead_photo else None,
            "published_at": when.to_representation(story.published_at),
            "updated_at": when.to_representation(story.updated_at) if story.was_updated else None,
            "reading_minutes": story.reading_minutes,
            "is_live": story.is_live,
        }


class LiveSerializer(serializers.Serializer):
    started_at = serializers.DateTimeField()
    ended_at = serializers.DateTimeField(allow_null=True)
    entries = EntrySerializer(many=True, help_text="The newest published entries.")
    entries_url = serializers.URLField(help_text="Every published entry, newest first, by page.")


class StoryDetailSerializer(StorySerializer):
    """A story in full: what its page shows. Webhooks carry this too."""

    body_html = serializers.CharField(help_text="Sanitised HTML, photos placed in it included.")
    corrections = CorrectionSerializer(many=True)
    live = LiveSerializer(allow_null=True, help_text="Null unless told in live entries.")

    @in_story_language
    def to_representation(self, story):
        when = serializers.DateTimeField()
        live = None
        if story.has_live_coverage:
            entries = story.api_entries  # the newest published ones, read by the caller
            live = {
                "started_at": when.to_representation(story.coverage_started_at),
                "ended_at": when.to_representation(story.coverage_ended_at)
                if story.coverage_ended_at
                else None,
                "entries": EntrySerializer(
                    entries,
                    many=True,
                    context={"story_slug": story.slug, "prefix": edition_prefix(story.language)},
                ).data,
                "entries_url": api_url("story_entries", slug=story.slug),
            }
        return {
            **super().to_representation(story),
            "body_html": story.body_html,
            "corrections": CorrectionSerializer(story.corrections.all(), many=True).data,
            "live": live,
        }


class SectionSerializer(serializers.Serializer):
    name = serializers.CharField(help_text="As the masthead shows it.")
    tag = TagSerializer()

    def to_representation(self, section):
        return {"name": section.name, "tag": TagSerializer(section.tag).data}


class CorrectionFeedItemSerializer(serializers.Serializer):
    text = serializers.CharField()
    corrected_at = serializers.DateTimeField()
    story = serializers.DictField(help_text="The corrected story's id, slug, headline and links.")

    def to_representation(self, correction):
        story = correction.article
        return {
            "text": correction.text,
            "corrected_at": serializers.DateTimeField().to_representation(correction.corrected_at),
            "story": {
                "id": story.pk,
                "slug": story.slug,
                "headline": story.title,
                "url": absolute(story.get_absolute_url()),
                "api_url": api_url("story", slug=story.slug),
            },
        }


class SearchItemSerializer(StorySerializer):
    snippet = serializers.CharField(help_text="HTML: the matched words in <mark>.")

    def to_representation(self, story):
        return {**super().to_representation(story), "snippet": str(story.snippet)}


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField()
