"""How articles are read: who sees them, and the shape each page reads them in."""

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

    def with_byline(self):
        """Kicker, lead photo and byline in two queries in all, however many authors."""
        return self.select_related(
            "primary_tag", "primary_tag__translation", "lead_photo"
        ).prefetch_related(
            Prefetch("authorships", queryset=Authorship.objects.select_related("author"))
        )

    def for_listing(self):
        """What a card shows: a list never needs the body, the largest column."""
        return self.with_byline().defer("body", "body_html")

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

    def for_page(self):
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
            self.with_byline()
            .annotate(has_corrections=corrected, has_translations=translated)
            .prefetch_related(Prefetch("taggedarticle_set", queryset=tagged, to_attr="tagged"))
        )
