"""Tags on articles (django-taggit, through a table of our own)."""

from django.db import models
from taggit.models import TaggedItemBase


class TaggedArticle(TaggedItemBase):
    """A plain foreign key instead of taggit's generic one: tag pages join on integers."""

    content_object = models.ForeignKey("Article", on_delete=models.CASCADE)

    class Meta:
        verbose_name = "tag on an article"
        verbose_name_plural = "tags on articles"
        indexes = [
            # "Is this article on that tag?" from the index alone: a tag page walks the
            # newest articles and asks it of each, never reading this table's rows.
            models.Index(fields=["content_object", "tag"], name="tagged_article_tag"),
        ]
