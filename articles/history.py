"""An article's stored revisions (django-reversion): what one holds, and what changed, in words.

Used by the admin's compare view (a revision beside the article as it is now) and by the
edit-conflict message (what another editor changed since a form was opened). Each version
of the article is shown as a dict of field name → display text, so comparing is `!=`.
"""

from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.formats import date_format
from reversion.models import Version
from taggit.models import Tag

from authors.models import Author

from .models import Article, Authorship, Photo, TaggedArticle

FIELDS = [
    "title",
    "slug",
    "standfirst",
    "body",
    "authors",
    "status",
    "published_at",
    "updated_at",
    "is_featured",
    "primary_tag",
    "tags",
    "lead_photo",
]
# How far back to look for the version a stale form was opened at.
VERSIONS_SEARCHED = 50


def label(name):
    return str(Article._meta.get_field(name).verbose_name).capitalize()


def _text(name, value):
    if name == "status" and value:
        return Article.Status(value).label
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, datetime):
        return date_format(timezone.localtime(value), "j M Y, H:i")
    if isinstance(value, list | tuple):
        value = ", ".join(str(item) for item in value)
    # Browsers send text areas with CRLF line ends: not a change anyone made.
    return str(value or "").replace("\r\n", "\n") or "—"


def _shown(values):
    return {name: _text(name, values[name]) for name in FIELDS if name in values}


def article_snapshot(article):
    """The article as it is saved now."""
    values = {name: getattr(article, name) for name in FIELDS if name not in ("authors", "tags")}
    values["authors"] = [author.name for author in article.byline]
    values["tags"] = sorted(tag.name for tag in article.tags.all())
    return _shown(values)


def form_snapshot(cleaned_data):
    """What a submitted article form holds (only the fields it has and that are valid)."""
    values = {name: value for name, value in cleaned_data.items() if name in FIELDS}
    if "tags" in values:
        values["tags"] = sorted(values["tags"])
    return _shown(values)


def version_snapshot(version):
    """The article as a stored revision has it, with the byline and tags saved beside it."""
    fields = version.field_dict
    values = {name: fields.get(name) for name in FIELDS if name in fields}
    values["lead_photo"] = Photo.objects.filter(pk=fields.get("lead_photo_id")).first()
    values["primary_tag"] = Tag.objects.filter(pk=fields["primary_tag_id"]).first()
    byline = sorted(
        (row["position"], row["author_id"])
        for row in _followed(version, Authorship)
        if row["article_id"] == version.object_id
    )
    authors = Author.objects.in_bulk([author_id for _, author_id in byline])
    values["authors"] = [authors[author_id] for _, author_id in byline if author_id in authors]
    tag_ids = [row["tag_id"] for row in _followed(version, TaggedArticle)]
    values["tags"] = sorted(Tag.objects.filter(pk__in=tag_ids).values_list("name", flat=True))
    return _shown(values)


def _followed(version, model):
    """Field values of the `model` rows stored in the same revision, keys as attnames."""
    content_type = ContentType.objects.get_for_model(model)
    for other in version.revision.version_set.filter(content_type=content_type):
        row = other.field_dict
        yield {**row, "article_id": str(row.get("article_id", row.get("content_object_id")))}


def version_at(article, edit_version):
    """The stored revision of the article whose edit_version is this one, if kept."""
    versions = Version.objects.get_for_object(article).select_related("revision")
    for version in versions[:VERSIONS_SEARCHED]:
        if version.field_dict.get("edit_version") == edit_version:
            return version
    return None


def changed_since(article, edit_version, cleaned_data):
    """For an edit conflict: (label, saved now, submitted) for each field someone else changed.

    Someone else's changes are where the saved article differs from the revision the form
    was opened at (without that revision: from the form); a field where both made the same
    change is no conflict.
    """
    saved = article_snapshot(article)
    submitted = form_snapshot(cleaned_data)
    opened = version_at(article, edit_version)
    baseline = version_snapshot(opened) if opened else submitted
    return [
        (label(name), saved[name], submitted[name])
        for name in FIELDS
        if name in submitted and baseline.get(name) != saved[name] != submitted[name]
    ]
