"""Live coverage: the timestamped entries of a story told while the news happens.

A story runs as a live page while its coverage runs (`Article.coverage_started_at`, and
`coverage_ended_at` once an editor ends it); its entries are rows here, each with a time,
an optional headline, a Markdown body rendered like an article's, an optional photo, its
authors in order and two flags: pinned (at most one per story, shown at the top) and key
event (listed at the top as a link). Every write is in articles/workflow.py.
"""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, override, pgettext

from authors.models import Author

from ..text import render_markdown
from .tracking import Tracked
from .visibility import is_public

BODY_HELP = (
    "Markdown, as in an article: a blank line between paragraphs, “> ” before a quotation, "
    "[words](https://…) for a link."
)


class LiveEntryQuerySet(models.QuerySet):
    def published(self):
        """What readers see: published entries. Their time is set when they are published,
        never ahead of the clock, so it is the time they appeared."""
        return self.filter(status=LiveEntry.Status.PUBLISHED, published_at__lte=timezone.now())

    def newest_first(self):
        return self.order_by("-published_at", "-pk")

    def newer_than(self, *, published_at, pk):
        """Entries after (published_at, pk) in reading order: what a page showing up to
        that entry has not shown yet."""
        return self.filter(published_at__gte=published_at).filter(
            Q(published_at__gt=published_at) | Q(pk__gt=pk)
        )

    def with_byline(self):
        return self.prefetch_related(
            models.Prefetch(
                "authorships", queryset=LiveEntryAuthorship.objects.select_related("author")
            )
        )

    def key_events(self):
        """What the list of key events at the top of a live page shows: headline and time."""
        return self.filter(is_key_event=True).only(
            "pk", "article_id", "headline", "published_at", "status"
        )


class LiveEntry(Tracked):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="live_entries"
    )
    headline = models.CharField(
        max_length=200,
        blank=True,
        help_text="Optional, a few words. A key event needs one: it is its link at the top.",
    )
    body = models.TextField(help_text=BODY_HELP)
    body_html = models.TextField(editable=False, default="")

    photo = models.ForeignKey(
        "articles.Photo",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A photo from the library: its alt text, caption and credit come with it.",
    )

    authors = models.ManyToManyField(
        Author, through="LiveEntryAuthorship", related_name="live_entries"
    )
    status = models.CharField(max_length=10, choices=Status, default=Status.DRAFT)
    published_at = models.DateTimeField(
        "time",
        null=True,
        blank=True,
        editable=False,
        help_text="Set when the entry is published: the time readers see.",
    )
    is_pinned = models.BooleanField(
        "pinned",
        default=False,
        help_text="Shown first, above the other entries (one per story: pinning another "
        "unpins this one).",
    )
    is_key_event = models.BooleanField(
        "key event",
        default=False,
        help_text="Listed under “Key events” at the top of the page, by its headline.",
    )

    objects = LiveEntryQuerySet.as_manager()

    class Meta:
        verbose_name = "live entry"
        verbose_name_plural = "live entries"
        ordering = ["-published_at", "-pk"]
        get_latest_by = "published_at"
        indexes = [
            # A live page's stream, "Show More" and "entries after X": one story's
            # published entries in (time, id) order, either way.
            models.Index(
                fields=["article", "status", "-published_at", "-id"], name="live_entry_stream"
            ),
            # The desk's list of every entry, whatever its status (desk/admin/scale.py).
            models.Index(fields=["-published_at", "-id"], name="live_entry_newest"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["article"], condition=Q(is_pinned=True), name="one_pinned_entry_per_story"
            ),
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="live_entry_published_has_time",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # Rendered once here, never per request, with the article body's rules.
        self.body_html = render_markdown(self.body)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "body_html"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        """The entry's own, shareable page, in its story's edition."""
        story = self.article
        with override(story.language):
            return reverse("articles:live_entry", kwargs={"slug": story.slug, "pk": self.pk})

    @property
    def title(self):
        """The headline, or the time for an entry without one."""
        if self.headline:
            return self.headline
        if self.published_at:
            moment = timezone.localtime(self.published_at)
            written = date_format(moment, pgettext("date format", "H:i, j F"))
            return gettext("Update at %(time)s") % {"time": written}
        return gettext("Draft update")

    @property
    def is_published(self):
        return is_public(self.status, self.published_at)

    @property
    def anchor(self):
        return f"entry-{self.pk}"

    def get_stream_url(self):
        """The entry in its place on the live page."""
        return f"{self.article.get_absolute_url()}#{self.anchor}"

    @property
    def byline(self):
        """Authors in byline order, from the prefetched authorships."""
        return [authorship.author for authorship in self.authorships.all()]


class LiveEntryAuthorship(models.Model):
    """One author of one live entry, in order."""

    entry = models.ForeignKey(LiveEntry, on_delete=models.CASCADE, related_name="authorships")
    author = models.ForeignKey(Author, on_delete=models.PROTECT, related_name="live_entry_bylines")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["entry", "author"], name="one_entry_byline_per_author"),
        ]

    def __str__(self):
        return f"{self.author} on {self.entry}"
