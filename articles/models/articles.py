"""The article: its words, times, people, photo and topics, and what pages ask of it."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.text import slugify
from taggit.managers import TaggableManager
from taggit.models import Tag

import editions
from authors.models import Author
from links import address

from .. import body as body_text
from .addresses import SlugRedirect
from .bylines import Authorship
from .photos import Photo
from .querysets import ArticleQuerySet
from .tags import TaggedArticle
from .tracking import Tracked
from .visibility import Status, is_public


class Article(Tracked):
    Status = Status

    title = models.CharField(max_length=200)
    slug = models.SlugField(
        max_length=200, unique=True, help_text="The end of the article's address: /news/this-part/."
    )
    standfirst = models.TextField(
        max_length=400,
        blank=True,
        help_text="One or two sentences under the headline, also used in lists and feeds.",
    )
    body = models.TextField(
        help_text="Written in the body editor: subheadings, bold and italic, links, quotes, "
        "lists and photos from the library. A story written before it is Markdown until it "
        "is next saved from the editor."
    )
    body_format = models.CharField(
        max_length=10,
        choices=[(body_text.MARKDOWN, "Markdown"), (body_text.HTML, "Body editor HTML")],
        default=body_text.MARKDOWN,
        editable=False,
    )
    body_html = models.TextField(editable=False, default="")
    reading_minutes = models.PositiveSmallIntegerField(editable=False, default=1)

    # From the photo library (articles/models/photos.py): its alt text, caption and credit
    # are the photo's own, so a corrected credit shows on every story using it.
    lead_photo = models.ForeignKey(
        Photo,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="lead photo",
        help_text="A photo from the library, shown above the story and on its cards.",
    )

    tags = TaggableManager(through=TaggedArticle, blank=True)
    primary_tag = models.ForeignKey(
        Tag,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown above the headline and links to its tag page.",
    )
    authors = models.ManyToManyField(Author, through="Authorship", related_name="articles")

    status = models.CharField(max_length=10, choices=Status, default=Status.DRAFT)
    published_at = models.DateTimeField(
        "publication time",
        null=True,
        blank=True,
        help_text="A time in the future schedules the article; it appears by itself then.",
    )
    updated_at = models.DateTimeField(
        "updated time",
        null=True,
        blank=True,
        help_text="Shown to readers as “Updated:” when a published story changes materially.",
    )
    is_featured = models.BooleanField(
        "featured",
        default=False,
        help_text="The newest featured story of the last three days leads the home page.",
    )
    # Live coverage (articles/models/live.py): started and ended by the workflow alone.
    coverage_started_at = models.DateTimeField(
        "live coverage started", null=True, blank=True, editable=False
    )
    coverage_ended_at = models.DateTimeField(
        "live coverage ended", null=True, blank=True, editable=False
    )
    # Bumped by every save: a form based on an older number is a stale copy.
    edit_version = models.PositiveIntegerField(default=1, editable=False)

    # Editions (editions/): the story's language is its edition. A translation points at
    # the story it translates (its source); a source and its translations are one group,
    # whose pages name each other (`hreflang`). `text_version` counts the changes to the
    # words (headline, standfirst, body); a translation remembers the source's number it
    # matches, so a source changed since is seen (articles/services/translations.py).
    language = editions.language_field("The edition the story appears in.")
    translation_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="translations",
        verbose_name="translation of",
        help_text="The story this one translates, in another edition.",
    )
    text_version = models.PositiveIntegerField(default=1, editable=False)
    source_version = models.PositiveIntegerField(
        null=True,
        blank=True,
        editable=False,
        help_text="The source's text version this translation matches.",
    )
    # Stale: the source's words changed since (its text_version is past source_version).
    # Kept with the versions by articles/services/translations.py, so the desk finds the
    # stale translations in their own small index.
    source_changed_at = models.DateTimeField(
        "source changed",
        null=True,
        blank=True,
        editable=False,
        help_text="When the source's words last changed while this translation did not "
        "match them; empty while it matches.",
    )

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        get_latest_by = "published_at"
        indexes = [
            # Every public list: published, newest first, keyset-paginated on (time, id).
            # Not a partial index: SQLite cannot match one to a query's bound parameters.
            models.Index(fields=["status", "-published_at", "-id"], name="article_public_newest"),
            # The desk's list of every story, whatever its status (desk/admin/scale.py).
            models.Index(fields=["-published_at", "-id"], name="article_newest"),
            # An edition's public lists: its language's stories alone, newest first.
            models.Index(
                fields=["language", "status", "-published_at", "-id"],
                name="article_edition_newest",
            ),
            # The translations alone, newest first: the desk's lists of stale or current
            # translations walk these few rows, never the archive. Partial on a condition
            # with no parameter, which SQLite matches as PostgreSQL does.
            models.Index(
                fields=["-published_at", "-id"],
                condition=Q(translation_of__isnull=False),
                name="article_translations_newest",
            ),
            # The stale translations alone, the newest source change first (the desk home).
            models.Index(
                fields=["-source_changed_at", "-id"],
                condition=Q(source_changed_at__isnull=False),
                name="article_stale_translations",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="article_published_has_time",
            ),
            models.CheckConstraint(
                condition=Q(coverage_ended_at__isnull=True)
                | Q(
                    coverage_started_at__isnull=False,
                    coverage_started_at__lte=models.F("coverage_ended_at"),
                ),
                name="article_coverage_ends_after_it_starts",
            ),
            # One translation per edition, and never into the source's own language (the
            # services check the latter; the database keeps the former under races).
            models.UniqueConstraint(
                fields=["translation_of", "language"], name="article_one_translation_per_edition"
            ),
        ]
        # The editorial roles (articles/roles.py) are built from these;
        # articles/services/permissions.py is the one place that reads them.
        permissions = [
            ("change_own_article", "Can edit own articles"),
            ("publish_own_article", "Can publish, schedule and unpublish own articles"),
            ("publish_article", "Can publish, schedule and unpublish any article"),
            ("translate_article", "Can create translations of articles"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self._unique_slug()
        # Rendered once here, never per request: placed photos included (articles/body.py).
        self.body_html, self.reading_minutes = body_text.render(
            self.body, self.body_format, photos=Photo.objects.in_bulk, language=self.language
        )
        if not self._state.adding:
            self.edit_version += 1
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {
                *update_fields,
                "body_html",
                "reading_minutes",
                "body_format",
                "edit_version",
            }
        adding = self._state.adding
        super().save(*args, **kwargs)
        if not adding and (update_fields is None or "published_at" in update_fields):
            # The bylines keep a copy of the time for the author pages' index.
            self.authorships.update(published_at=self.published_at)

    def get_absolute_url(self):
        """Its page in its own edition, whichever edition is being drawn."""
        return address("articles:detail", language=self.language, slug=self.slug)

    def get_preview_url(self):
        return reverse("articles:preview", kwargs={"slug": self.slug})

    def _unique_slug(self):
        # A title in another script slugifies to nothing: fall back to a neutral stem.
        stem = slugify(self.title)[:180].strip("-") or "story"
        slug, n = stem, 1
        while self._slug_taken(slug):
            n += 1
            slug = f"{stem}-{n}"
        return slug

    def _slug_taken(self, slug):
        """Another story's address, now or before (its old address leads to it for good)."""
        others = Article.objects.filter(slug=slug).exclude(pk=self.pk)
        moved = SlugRedirect.objects.filter(old_slug=slug).exclude(article_id=self.pk)
        return others.exists() or moved.exists()

    @property
    def is_published(self):
        return is_public(self.status, self.published_at)

    @property
    def is_scheduled(self):
        return self.status == self.Status.PUBLISHED and not self.is_published

    @property
    def byline(self):
        """Authors in byline order, from the authorships read with the story (prefetched,
        or `read_bylines`)."""
        authorships = getattr(self, "bylines_read", None)
        if authorships is None:
            authorships = self.authorships.all()
        return [authorship.author for authorship in authorships]

    @staticmethod
    def read_bylines(stories, also=()):
        """The bylines of `stories` and of the stories with ids `also`, in one query: set
        on each of `stories` (its `byline`), and returned by story id for the others."""
        found = {}
        ids = [story.pk for story in stories] + list(also)
        authorships = Authorship.objects.for_byline().filter(article_id__in=ids)
        for authorship in authorships:
            found.setdefault(authorship.article_id, []).append(authorship)
        for story in stories:
            story.bylines_read = found.pop(story.pk, [])
        return found

    @property
    def topics(self):
        """The article's tags by name: prefetched by for_page(), else read in one query."""
        tagged = getattr(self, "tagged", None)
        if tagged is None:
            return list(self.tags.order_by("name"))
        return [item.tag for item in tagged]

    @property
    def was_updated(self):
        return bool(self.updated_at and self.published_at and self.updated_at > self.published_at)

    @property
    def last_modified(self):
        return max(filter(None, [self.published_at, self.updated_at]), default=self.modified_at)

    @property
    def printed_corrections(self):
        """The corrections under the story; none without a query when `for_page()` found
        that it has none."""
        if self.pk is None or not getattr(self, "has_corrections", True):
            return []  # unsaved (a preview of a new story), or known to have none
        return list(self.corrections.all())

    @property
    def has_live_coverage(self):
        """Told in live entries: a live page while coverage runs, and an archive after."""
        return self.coverage_started_at is not None

    @property
    def is_live(self):
        """Coverage is running: pages mark the story LIVE and its page checks for entries."""
        return self.coverage_started_at is not None and self.coverage_ended_at is None
