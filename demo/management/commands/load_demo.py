from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo import front_page
from demo.api_key import demo_key
from demo.frontmatter import FrontMatterError
from demo.loader import load
from demo.newsletters import load_newsletters


class Command(BaseCommand):
    help = (
        "Load the demo newsroom from demo/newsroom.md, demo/authors/ and demo/stories/: "
        "journalists, tags, the masthead's sections and about 150 articles over six weeks, "
        "all fictional, then a curated front page, a banner to raise, a day of simulated "
        "reading, and two newsletters with a few subscribers and archived editions. "
        "Safe to run again: what exists is kept."
    )

    def handle(self, *args, **options):
        try:
            summary = load()
        except FrontMatterError as exc:
            raise CommandError(f"Nothing was loaded. {exc}") from exc
        self.stdout.write(self.style.SUCCESS(str(summary)))
        for line in front_page.load():
            self.stdout.write(self.style.SUCCESS(f"Front page: {line}."))
        key = demo_key()
        self.stdout.write(
            f"Content API demo key: {key}\n"
            f"  curl -H 'Authorization: Bearer {key}' {settings.SITE_URL}/api/v1/stories/\n"
            f"  docs: {settings.SITE_URL}/api/v1/docs/ (docs/api.md)"
        )
        self.stdout.write(self.style.SUCCESS(load_newsletters()))
