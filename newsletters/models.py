"""Newsletters, who receives them, their editions, and the ledger of every mail sent.

The ledger (`Delivery`) has one row per edition and reader, unique: a send is the
ledger's rows moving from pending to sent, so it can stop, resume and run again without
mailing anyone twice (newsletters/services/sending.py; docs/newsletters.md).
"""

from django.db import models

import editions
from articles.models import Article
from links import address
from newsletters.rendering import mail_domain
from readers.models import Reader


class Newsletter(models.Model):
    class Kind(models.TextChoices):
        DAILY = "daily", "daily briefing"
        ALERT = "alert", "breaking-news alert"

    name = models.CharField(max_length=100)
    slug = models.SlugField(
        unique=True, help_text="Its archive's address: /newsletters/this-part/."
    )
    description = models.CharField(max_length=300, help_text="Shown beside its sign-up form.")
    kind = models.CharField(max_length=10, choices=Kind, default=Kind.DAILY)
    language = editions.language_field(
        "The edition it belongs to: it carries that edition's stories, is written in its "
        "language and offered on its pages."
    )
    send_time = models.TimeField(
        null=True,
        blank=True,
        help_text="Daily briefings: when each edition goes out, in the newsroom's time zone.",
    )
    story_count = models.PositiveSmallIntegerField(
        default=8, help_text="Daily briefings: the most stories an edition holds."
    )
    is_active = models.BooleanField(
        default=True, help_text="Off: no sign-up, no new edition; the archive stays."
    )
    offered_on_stories = models.BooleanField(
        default=False,
        help_text="The sign-up box under every story and on the home page subscribes to it.",
    )
    position = models.PositiveSmallIntegerField(default=0, help_text="Order on /newsletters/.")

    class Meta:
        ordering = ["position", "name"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind="daily") | models.Q(send_time__isnull=False),
                name="newsletters_daily_has_time",
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        """Its archive in its own edition, whichever edition is being drawn."""
        return address("newsletters:detail", language=self.language, slug=self.slug)


class Subscription(models.Model):
    """A reader who confirmed they want a newsletter (double opt-in: rows exist only
    once the link in the confirmation mail was spent)."""

    reader = models.ForeignKey(Reader, on_delete=models.CASCADE, related_name="subscriptions")
    newsletter = models.ForeignKey(
        Newsletter, on_delete=models.CASCADE, related_name="subscriptions"
    )
    confirmed_at = models.DateTimeField()

    class Meta:
        ordering = ["newsletter", "reader"]
        constraints = [
            models.UniqueConstraint(fields=["reader", "newsletter"], name="newsletters_one_sub")
        ]

    def __str__(self):
        return f"{self.reader} → {self.newsletter}"


class Edition(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "draft"
        SENDING = "sending", "sending"
        PAUSED = "paused", "paused"
        SENT = "sent", "sent"

    newsletter = models.ForeignKey(Newsletter, on_delete=models.PROTECT, related_name="editions")
    subject = models.CharField(max_length=200)
    # Daily briefings: the newsroom's date it is for (one edition a day).
    issue_date = models.DateField(null=True, blank=True)
    # Breaking-news alerts: the story it announces (one alert per story).
    alert_article = models.ForeignKey(
        Article, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    articles = models.ManyToManyField(Article, blank=True, related_name="+")
    # Rendered once when the edition is made: what was sent is what the archive shows.
    html = models.TextField(blank=True)
    text = models.TextField(blank=True)
    status = models.CharField(max_length=10, choices=Status, default=Status.DRAFT)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        get_latest_by = "created_at"
        constraints = [
            models.UniqueConstraint(
                fields=["newsletter", "issue_date"],
                condition=models.Q(issue_date__isnull=False),
                name="newsletters_one_edition_a_day",
            ),
            models.UniqueConstraint(
                fields=["newsletter", "alert_article"],
                condition=models.Q(alert_article__isnull=False),
                name="newsletters_one_alert_per_story",
            ),
        ]
        indexes = [
            models.Index(fields=["newsletter", "status", "-created_at"], name="newsletters_archive")
        ]

    def __str__(self):
        return self.subject

    def get_absolute_url(self):
        newsletter = self.newsletter
        return address(
            "newsletters:edition", language=newsletter.language, slug=newsletter.slug, pk=self.pk
        )

    @property
    def is_archived(self):
        return self.status == self.Status.SENT


class Delivery(models.Model):
    """The ledger: one row per edition and reader, the state of that one mail."""

    class Status(models.TextChoices):
        PENDING = "pending", "pending"
        # Taken by a sender, whose job id is in claimed_by; not yet sent.
        CLAIMED = "claimed", "claimed"
        SENT = "sent", "sent"
        FAILED = "failed", "failed"
        # Not sent: the address bounced or complained after the send began.
        SUPPRESSED = "suppressed", "suppressed"

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="deliveries")
    reader = models.ForeignKey(Reader, on_delete=models.CASCADE, related_name="deliveries")
    email = models.EmailField()
    status = models.CharField(max_length=10, choices=Status, default=Status.PENDING)
    claimed_by = models.CharField(max_length=64, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    error = models.CharField(max_length=300, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["edition", "reader"], name="newsletters_one_copy")
        ]
        indexes = [models.Index(fields=["edition", "status"], name="newsletters_ledger_state")]
        verbose_name_plural = "deliveries"

    def __str__(self):
        return f"{self.edition_id} → {self.email}: {self.status}"

    @property
    def message_id(self):
        """The same for every attempt at this mail: a receiver can tell a repeat."""
        return f"<edition-{self.edition_id}.reader-{self.reader_id}@{mail_domain()}>"


class Suppression(models.Model):
    """An address that bounced or complained: no newsletter goes to it any more."""

    class Reason(models.TextChoices):
        BOUNCE = "bounce", "bounced"
        COMPLAINT = "complaint", "complained (marked as spam)"

    email = models.EmailField(unique=True)
    reason = models.CharField(max_length=10, choices=Reason)
    detail = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.email} ({self.get_reason_display()})"
