"""Render every stored body again from its source, as a save would, but without one.

Bodies are stored rendered (articles/body.py): a change to how they are drawn reaches a
story only when it is saved, or when a photo it places changes. After an upgrade that
changes the drawing, this brings the archive up to date; say, Ukrainian stories saved
before their placed photos were drawn in Ukrainian. Like a photo's correction
(articles/photos.py) it counts no edit and makes no open form stale.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from articles import photos
from articles.models import Article
from articles.signals import stories_rerendered

BATCH = 500


class Command(BaseCommand):
    help = "Render every story's stored body again (or one edition's: --language)."

    def add_arguments(self, parser):
        parser.add_argument("--language", help="Only this edition's stories, e.g. uk.")

    def handle(self, *, language, **options):
        stories = Article.objects.order_by("pk")
        if language:
            stories = stories.filter(language=language)
        ids = list(stories.values_list("pk", flat=True))
        changed = 0
        for start in range(0, len(ids), BATCH):
            with transaction.atomic():  # a batch's bodies, index entries and purges together
                batch = photos.render_bodies(
                    Article.objects.filter(pk__in=ids[start : start + BATCH])
                )
                if batch:
                    stories_rerendered.send(sender=Article, article_ids=batch)
            changed += len(batch)
            self.stdout.write(f"{min(start + BATCH, len(ids)):,} of {len(ids):,} stories")
        self.stdout.write(f"{changed:,} of {len(ids):,} bodies changed.")
