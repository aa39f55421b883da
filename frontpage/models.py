"""What editors arrange on `/`: layouts of zones and slots; the banner; view counts.

A layout is live from its `live_from` time until a later layout's comes; a layout with
no time is a draft. Which layout is live, which pins have expired and whether the banner
is up are decided when a page is drawn (frontpage/arrangement.py, frontpage/banner.py):
no job has to run at any of those times.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from taggit.models import Tag

import editions
from articles.models import Article, Photo


class Layout(models.Model):
    name = models.CharField(max_length=100, help_text="For the desk only, e.g. “Election night”.")
    # Each edition has a front page of its own (editions/).
    language = editions.language_field("The edition whose front page this is.")
    live_from = models.DateTimeField(
        null=True,
        blank=True,
        db_index=True,
        help_text="When this layout takes over the front page. Empty: a draft, never shown.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-live_from", "-pk"]
        get_latest_by = "live_from"

    def __str__(self):
        return self.name


class Zone(models.Model):
    """A band of the front page: the lead, top stories, a section, opinion."""

    class Kind(models.TextChoices):
        LEAD = "lead", "Lead (one large story)"
        TOP = "top", "Top stories (a grid of cards)"
        SECTION = "section", "Section (a titled list)"
        OPINION = "opinion", "Opinion (a titled list)"

    layout = models.ForeignKey(Layout, on_delete=models.CASCADE, related_name="zones")
    kind = models.CharField(max_length=10, choices=Kind, default=Kind.TOP)
    heading = models.CharField(
        max_length=60,
        blank=True,
        help_text="Shown above the zone, e.g. “Politics”. The lead has none.",
    )
    position = models.PositiveSmallIntegerField(
        default=0, help_text="Zones run down the page, lowest number first."
    )

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self):
        return self.heading or self.get_kind_display()


class Slot(models.Model):
    """One story's place in a zone: pinned to a story, or filled from a tag or the latest.

    A pin beats any automatic slot anywhere on the page; an expired pin, or a pinned story
    that is not public, leaves the slot to be filled automatically from its source.
    """

    zone = models.ForeignKey(Zone, on_delete=models.CASCADE, related_name="slots")
    position = models.PositiveSmallIntegerField(default=0, help_text="Lowest number first.")
    article = models.ForeignKey(
        Article,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name="pinned story",
        help_text="Pin a story here. Empty: the slot is filled automatically.",
    )
    headline = models.CharField(
        max_length=200, blank=True, help_text="The pinned story's headline on the front page only."
    )
    photo = models.ForeignKey(
        Photo,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The pinned story's photo on the front page only.",
    )
    pinned_until = models.DateTimeField(
        null=True, blank=True, help_text="The pin ends by itself at this time. Empty: no end."
    )
    source_tag = models.ForeignKey(
        Tag,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="fill from tag",
        help_text="Unpinned (or once the pin ends): the newest story of this tag or "
        "section. Empty: the newest story.",
    )

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self):
        return f"slot {self.position}"


class Banner(models.Model):
    """The breaking-news line on every public page, while it is up."""

    text = models.CharField(max_length=200, help_text="One line, e.g. “Polls have closed”.")
    language = editions.language_field("The edition whose pages show this banner.")
    article = models.ForeignKey(
        Article,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="links to",
        help_text="Optional: the story the banner links to (only while it is public).",
    )
    is_live = models.BooleanField("LIVE label", default=False)
    shown_from = models.DateTimeField(null=True, blank=True, help_text="Empty: not raised.")
    shown_until = models.DateTimeField(
        null=True, blank=True, help_text="The banner goes by itself at this time."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-shown_from", "-pk"]
        # Pages ask for the banners raised, newest first: walked in this order.
        indexes = [models.Index(fields=["shown_from", "id"], name="banner_raised")]
        constraints = [
            models.CheckConstraint(
                condition=Q(shown_until__isnull=True)
                | Q(shown_from__isnull=True)
                | Q(shown_until__gt=models.F("shown_from")),
                name="banner_ends_after_it_starts",
            )
        ]

    def __str__(self):
        return self.text


class StoryViews(models.Model):
    """Page views of one story in one hour: a number, nothing about who read it."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")
    hour = models.DateTimeField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["hour", "article"], name="story_views_per_hour")
        ]
        verbose_name_plural = "story views"

    def __str__(self):
        return f"{self.count} views of story {self.article_id} at {self.hour:%Y-%m-%d %H}h"
