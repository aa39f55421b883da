from django.core.management.base import BaseCommand

from api.keys import issue_key


class Command(BaseCommand):
    help = "Issue an API key for the content API and print it (it is shown only this once)."

    def add_arguments(self, parser):
        parser.add_argument("name", help="Who uses the key: a partner, an app, a tool.")
        parser.add_argument(
            "--per-minute", type=int, default=None, help="Its rate limit (default: 120)."
        )

    def handle(self, *, name, per_minute, **options):
        key, raw = issue_key(name=name, requests_per_minute=per_minute)
        self.stdout.write(raw)
        if options["verbosity"] > 1:
            self.stderr.write(f"Issued {key} at {key.requests_per_minute} requests a minute.")
