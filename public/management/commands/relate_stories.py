"""Choose and store every story's related stories (public/related.py), say after a bulk
load that wrote stories without saving them one by one."""

from django.core.management.base import BaseCommand

from articles.models import Article
from public import related
from public.models import RelatedStories

BATCH = 500


class Command(BaseCommand):
    help = "Choose and store the related stories of every story (or only those with none)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--missing", action="store_true", help="Only stories with no stored list yet."
        )

    def handle(self, *, missing, **options):
        stories = Article.objects.order_by("pk")
        if missing:
            stories = stories.exclude(pk__in=RelatedStories.objects.values("article_id"))
        ids = list(stories.values_list("pk", flat=True))
        for start in range(0, len(ids), BATCH):
            related.refresh(ids[start : start + BATCH])
            self.stdout.write(f"{min(start + BATCH, len(ids)):,} of {len(ids):,} stories")
