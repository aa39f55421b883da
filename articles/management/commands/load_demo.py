from django.core.management.base import BaseCommand

from articles.demo.loader import load


class Command(BaseCommand):
    help = (
        "Load the demo newsroom: 8 authors, 12 section tags and about fifty articles "
        "(all fictional) over the past three weeks. Safe to run again: what exists is kept."
    )

    def handle(self, *args, **options):
        summary = load()
        self.stdout.write(self.style.SUCCESS(str(summary)))
