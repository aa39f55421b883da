from django.db import models
from django.db.models import OuterRef
from django.utils.translation import get_language
from taggit.models import Tag

import editions
from articles.models import Article, has_public_story
from links import address


class SectionQuerySet(models.QuerySet):
    def for_masthead(self):
        """What the masthead's navigation shows: each section with its tag, in one query.

        Only sections whose tag is public in the edition being drawn (`public_tags`' rule):
        a section waiting for its first story there links nowhere yet, and names nothing
        readers cannot see.
        """
        public = has_public_story(OuterRef("tag"), get_language())
        return self.filter(public).select_related("tag", "tag__translation")


class Section(models.Model):
    """A tag the masthead links to, in the order editors choose.

    The masthead's navigation is built from these rows, never from a slug in a template,
    so a site links only to tags it has, and shows a section once a public story is filed
    under its tag. Deleting the tag removes its section.
    """

    tag = models.OneToOneField(
        Tag,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="The masthead links to this tag's page.",
    )
    label = models.CharField(
        max_length=40,
        blank=True,
        help_text="Shown in the masthead instead of the tag's name. Leave empty to use the name.",
    )
    label_uk = models.CharField(
        "label in Ukrainian",
        max_length=40,
        blank=True,
        help_text="Shown in the Ukrainian edition's masthead. Empty: the tag's Ukrainian name.",
    )
    position = models.PositiveSmallIntegerField(
        default=0, help_text="Sections are shown left to right, lowest number first."
    )

    objects = SectionQuerySet.as_manager()

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = "section in the masthead"
        verbose_name_plural = "sections in the masthead"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return address("articles:tag", slug=self.tag.slug)

    @property
    def name(self):
        """In the edition being drawn: its label there, else its tag's name there, else
        the default edition's label or name."""
        return (
            editions.translated(self, "label", fallback=False)
            or editions.translated(self.tag, "name", fallback=False)
            or self.label
            or self.tag.name
        )


class RelatedStories(models.Model):
    """The stories the foot of a story's page offers, best first, worked out when the story
    is saved (public/related.py) rather than each time its page is drawn.

    More ids are kept than a page shows: the page reads them through `published()` in the
    story's edition, so one unpublished since leaves its place to the next.
    """

    article = models.OneToOneField(
        Article, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    ids = models.JSONField(default=list)
    computed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "related stories"

    def __str__(self):
        return f"Related to story {self.article_id}"
