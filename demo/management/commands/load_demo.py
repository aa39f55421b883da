from django.core.management.base import BaseCommand, CommandError

from demo.frontmatter import FrontMatterError
from demo.loader import load
from demo.newsletters import load_newsletters


class Command(BaseCommand):
    help = (
        "Load the demo newsroom from demo/newsroom.md, demo/authors/ and demo/stories/: "
        "journalists, tags, the masthead's sections, about 150 articles over six weeks, "
        "and two newsletters with a few subscribers and archived editions, "
        "all fictional. Safe to run again: what exists is kept."
    )

    def handle(self, *args, **options):
        try:
            summary = load()
        except FrontMatterError as exc:
            raise CommandError(f"Nothing was loaded. {exc}") from exc
        self.stdout.write(self.style.SUCCESS(str(summary)))
        self.stdout.write(self.style.SUCCESS(load_newsletters()))
