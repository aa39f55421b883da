"""A story as ninjs 2.0, the IPTC's JSON news format agencies exchange: for partners
whose systems already read it. Built from the same row and joins as the API's story."""

from django.conf import settings
from rest_framework import serializers

import editions

from .addresses import absolute
from .serializers import PhotoSerializer, edition_prefix, in_story_language


def _text(value, role=None, contenttype="text/plain"):
    item = {"contenttype": contenttype, "value": value}
    if role:
        item["role"] = role
    return item


def _picture(photo):
    data = PhotoSerializer(photo).data
    renditions = {
        f"{item['type'].split('/')[1]}-{item['width']}": {
            "href": item["url"],
            "contenttype": item["type"],
            "width": item["width"],
            "height": item["height"],
        }
        for item in data["renditions"]
    }
    renditions["original"] = {"href": data["url"], "width": data["width"], "height": data["height"]}
    picture = {
        "uri": data["url"],
        "type": "picture",
        "representationtype": "complete",
        "descriptions": [_text(data["alt_text"], "alternative")],
        "renditions": renditions,
    }
    if data["caption"]:
        picture["headlines"] = [_text(data["caption"])]
    if photo.credit:
        picture["copyrightholder"] = photo.credit
    return picture


@in_story_language
def document(story):
    """The story in its edition's language, its tags', byline's and photo's words too."""
    when = serializers.DateTimeField()
    item = {
        "uri": absolute(story.get_absolute_url()),
        "type": "text",
        "representationtype": "complete",
        "version": str(story.edit_version),
        "firstcreated": when.to_representation(story.published_at),
        "versioncreated": when.to_representation(
            story.updated_at if story.was_updated else story.published_at
        ),
        "pubstatus": "usable",
        # Its edition's language, as ninjs (BCP 47) and Google News write it: "en", "uk".
        "language": story.language.partition("-")[0],
        "headlines": [_text(story.title)],
        "bodies": [_text(story.body_html, "main", "text/html")],
        "by": editions.listed(editions.translated(author, "name") for author in story.byline),
        "subjects": [
            {
                "name": editions.translated(tag, "name"),
                "uri": absolute(f"{edition_prefix(story.language)}/tags/{tag.slug}/"),
                "rel": "about",
            }
            for tag in story.topics
        ],
        "copyrightholder": settings.SITE_NAME,
        "altids": [{"role": "internal", "value": str(story.pk)}],
    }
    if story.standfirst:
        item["descriptions"] = [_text(story.standfirst, "summary")]
    corrections = list(story.corrections.all())
    if corrections:
        item["ednote"] = " ".join(
            f"Correction ({c.corrected_at:%Y-%m-%d}): {c.text}" for c in corrections
        )
    if story.lead_photo:
        item["associations"] = {"featureimage": _picture(story.lead_photo)}
    return item


class NinjsSerializer(serializers.Serializer):
    """The fields of ninjs 2.0 this API writes (https://iptc.org/standards/ninjs/)."""

    uri = serializers.URLField()
    type = serializers.CharField()
    representationtype = serializers.CharField()
    version = serializers.CharField()
    firstcreated = serializers.DateTimeField()
    versioncreated = serializers.DateTimeField()
    pubstatus = serializers.CharField()
    language = serializers.CharField()
    headlines = serializers.ListField(child=serializers.DictField())
    descriptions = serializers.ListField(child=serializers.DictField(), required=False)
    bodies = serializers.ListField(child=serializers.DictField())
    by = serializers.CharField(allow_blank=True)
    subjects = serializers.ListField(child=serializers.DictField())
    copyrightholder = serializers.CharField()
    altids = serializers.ListField(child=serializers.DictField())
    ednote = serializers.CharField(required=False)
    associations = serializers.DictField(required=False)
