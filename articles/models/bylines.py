"""Bylines: the authors of an article, in order."""

from django.db import models

from authors.models import Author

from .visibility import published_rule


class AuthorshipQuerySet(models.QuerySet):
    def published(self):
        """Bylines of the articles readers may see: the articles' own rule, through the join."""
        return self.filter(published_rule("article__"))

    def for_byline(self):
        """With their authors as a byline and an author box show them: never the whole
        biography, an author's largest columns."""
        return self.select_related("author").defer("author__bio", "author__bio_uk")

    def bulk_create(self, objs, *args, **kwargs):
        """Bylines made in bulk (no save()) copy their articles' time too, in one query."""
        objs = list(objs)
        missing = [byline for byline in objs if byline.published_at is None]
        if missing:
            articles = self.model._meta.get_field("article").related_model.objects
            times = dict(
                articles.filter(pk__in={byline.article_id for byline in missing}).values_list(
                    "pk", "published_at"
                )
            )
            for byline in missing:
                byline.published_at = times.get(byline.article_id)
        return super().bulk_create(objs, *args, **kwargs)


class Authorship(models.Model):
    """One author on one article's byline, in order."""

    article = models.ForeignKey("Article", on_delete=models.CASCADE, related_name="authorships")
    author = models.ForeignKey(Author, on_delete=models.PROTECT, related_name="authorships")
    position = models.PositiveSmallIntegerField(default=0)
    # The article's publication time, copied by Article.save and Authorship.save (and by
    # whatever bulk-creates bylines): an author's page walks this index, (author, time),
    # rather than the whole archive's newest stories asking each whose it is.
    published_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = AuthorshipQuerySet.as_manager()

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["article", "author"], name="one_byline_per_author"),
        ]
        indexes = [
            models.Index(
                fields=["author", "-published_at", "-article"], name="byline_author_newest"
            ),
        ]

    def __str__(self):
        return f"{self.author} on {self.article}"

    def save(self, *args, **kwargs):
        self.published_at = self.article.published_at
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "published_at"}
        super().save(*args, **kwargs)
