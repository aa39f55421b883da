"""How articles are read: who sees them, and the shape each page reads them in."""

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.utils import timezone
from django.utils.translation import get_language

from .bylines import Authorship
from .corrections import Correction
from .tags import TaggedArticle
from .visibility import Status, published_rule


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """The articles readers may see (`published_rule`)."""
        return self.filter(published_rule())

    def in_edition(self, language=None):
        """An edition's stories: `language`'s, or the edition being drawn (editions/)."""
        return self.filter(language=language or get_language())

    # Translations (articles/services/translations.py): a story's translations point at
    # their group's source, which counts the changes to its words (`text_version`).

    def translations(self):
        """The stories that translate another (walked in the `translation_of` index)."""
        return self.filter(translation_of__isnull=False)

    def stale_translations(self):
        """Translations whose source's words changed since they were translated (its
        `text_version` is past their `source_version`): the rows with a
        `source_changed_at`, which the services keep with the versions, in their own
        small index."""
        return self.filter(source_changed_at__isnull=False)

    def current_translations(self):
        """Translations that match their source's words as they are now."""
        return self.translations().filter(source_changed_at__isnull=True)

    def missing_translations(self, language):
        """Public stories of the default edition with no translation in `language` (the
        unique index on (translation_of, language) answers each story's question)."""
        translated = self.model.objects.filter(translation_of=OuterRef("pk"), language=language)
        return self.published().filter(language=settings.LANGUAGE_CODE).exclude(Exists(translated))

    def untranslated(self, language):
        """Stories of any status and edition but `language`'s, not themselves a translation,
        with no translation in `language`: what the desk may still translate."""
        translated = self.model.objects.filter(translation_of=OuterRef("pk"), language=language)
        return (
            self.filter(translation_of__isnull=True)
            .exclude(language=language)
            .exclude(Exists(translated))
        )

    def scheduled(self):
        return self.filter(status=Status.PUBLISHED, published_at__gt=timezone.now())

    def owned_by(self, user):
        """A user's own articles: they created them, or their author profile is on the byline."""
        if not user.is_authenticated:
            return self.none()
        bylined = Authorship.objects.filter(author__user=user).values("article_id")
        return self.filter(Q(created_by=user) | Q(pk__in=bylined))

    def newest_first(self):
        return self.order_by("-published_at", "-pk")

    def with_byline(self, *, bylines=True):
        """Kicker, lead photo and byline in two queries in all, however many authors.
        `bylines=False`: the caller reads the bylines itself (`Article.read_bylines`)."""
        rows = self.select_related("primary_tag", "primary_tag__translation", "lead_photo")
        if not bylines:
            return rows
        return rows.prefetch_related(
            Prefetch("authorships", queryset=Authorship.objects.for_byline())
        )

    def for_listing(self, *, bylines=True):
        """What a card shows: a list never needs the body, the largest column."""
        return self.with_byline(bylines=bylines).defer("body", "body_html")

    def for_feed(self):
        """What a news feed item shows: no byline or kicker, so no joins."""
        return self.only(
            "title",
            "slug",
            "language",
            "status",
            "published_at",
            "updated_at",
            "coverage_started_at",
            "coverage_ended_at",
        )

    def for_page(self, *, bylines=True):
        """What the article page shows: the body, byline, every tag and correction.

        The tags come through the join table's plain foreign keys (`Article.topics`):
        half the cost of taggit's own prefetch, which adds a DISTINCT and an extra column.
        Whether a story has corrections is asked in the story's own query, so the many
        with none cost no query for them (`Article.printed_corrections`).
        """
        tagged = TaggedArticle.objects.select_related("tag", "tag__translation").order_by(
            "tag__name"
        )
        corrected = Exists(Correction.objects.filter(article=OuterRef("pk")))
        # Whether other editions have it, so a story with no translation (most) costs no
        # query for its `hreflang` links (public/translations.py).
        translated = Exists(
            self.model.objects.filter(published_rule(), translation_of=OuterRef("pk"))
        )
        return (
            self.with_byline(bylines=bylines)
            .select_related("primary_tag__translation")
            .defer("body")  # its source in the editor: a page shows the stored HTML
            .annotate(has_corrections=corrected, has_translations=translated)
            .prefetch_related(Prefetch("taggedarticle_set", queryset=tagged, to_attr="tagged"))
        )
