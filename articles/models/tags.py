"""Tags on articles (django-taggit, through a table of our own)."""

from django.db import models
from taggit.models import Tag, TaggedItemBase


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


class TagTranslation(models.Model):
    """A tag's name in the other editions (taggit's `Tag` is not ours to add columns to).

    One row beside the tag, read in the same query as the tag (`select_related`), so an
    edition's pages cost no query more for their tags' names (`editions.translated`).
    """

    tag = models.OneToOneField(
        Tag, on_delete=models.CASCADE, primary_key=True, related_name="translation"
    )
    name_uk = models.CharField("name in Ukrainian", max_length=100, blank=True)

    class Meta:
        verbose_name = "tag's translated name"
        verbose_name_plural = "tags' translated names"

    def __str__(self):
        return self.name_uk
