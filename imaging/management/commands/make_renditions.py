from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand

from imaging.pipeline import ImageSpec, rebuild


class Command(BaseCommand):
    help = (
        "Make renditions for images stored without them (and clean those originals). "
        "Uploads get theirs when saved; this is for images that were already there."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--all",
            action="store_true",
            help="Remake every image's renditions, not only missing ones.",
        )

    def handle(self, *args, **options):
        made = failed = 0
        specs = [(model, spec) for model in apps.get_models() for spec in ImageSpec.all_for(model)]
        for model, spec in specs:
            label = model._meta.label
            # Primary keys first: rows are saved as we go, and SQLite shares one cursor space.
            pks = model.objects.exclude(**{spec.field: ""}).order_by("pk").values_list("pk")
            for (pk,) in list(pks):
                instance = model.objects.get(pk=pk)
                if not options["all"] and (getattr(instance, spec.renditions) or {}).get("jpeg"):
                    continue
                try:
                    changed = rebuild(instance, spec)
                except (ValidationError, OSError) as exc:  # refused, or missing from storage
                    failed += 1
                    reason = " ".join(getattr(exc, "messages", [str(exc)]))
                    name = getattr(instance, spec.field).name
                    self.stderr.write(f"{label} {instance.pk} ({name}): {reason}")
                    continue
                instance.save(update_fields=changed)
                made += 1
                if options["verbosity"] > 1:
                    self.stdout.write(f"{label} {instance.pk}: {getattr(instance, spec.field)}")
        self.stdout.write(f"Made renditions for {made} image(s); {failed} could not be read.")
