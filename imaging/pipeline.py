"""From upload to stored image: clean the original, pre-fill its credit, make renditions.

Which fields take part is said by the models, through `CheckedImageField`'s arguments;
the save hook (imaging/signals.py) and `manage.py make_renditions` both go through here,
and `delete_files` removes what they stored.
"""

from dataclasses import dataclass
from pathlib import PurePosixPath

from django.core.files.base import ContentFile

from .models import PhotoCredit
from .processing import clean_image
from .renditions import make_renditions, rendition_names


def processed_image_fields(model):
    """The fields of `model` whose uploads are cleaned and made into renditions: those
    that name their renditions field (`CheckedImageField(renditions_field=...)`)."""
    return [field for field in model._meta.get_fields() if getattr(field, "renditions_field", None)]


@dataclass(frozen=True)
class ImageSpec:
    field: str
    renditions: str  # the JSON field describing the renditions
    square: bool = False  # square crops (avatars) rather than widths
    credit: str = ""  # a text field pre-filled from the photo's metadata, if any

    @classmethod
    def all_for(cls, model):
        """One spec for each processed image field of `model`."""
        return [
            cls(field.name, field.renditions_field, field.square, field.credit_field or "")
            for field in processed_image_fields(model)
        ]


def process_upload(instance, spec):
    """Clean a new upload and make its renditions, before the row is saved.

    Raises ValidationError for a file that is not an acceptable image; nothing is stored then.
    """
    upload = getattr(instance, spec.field)
    upload.seek(0)
    cleaned = clean_image(upload.read())
    if spec.credit:
        _prefill_credit(instance, spec, cleaned)
    # Saving through the field applies upload_to and the storage's own naming, and sets
    # the width and height fields from the clean file (turned upright, maybe).
    name = PurePosixPath(upload.name).stem + cleaned.extension
    upload.save(name, ContentFile(cleaned.content, name=name), save=False)
    stored = getattr(instance, spec.field)
    renditions = make_renditions(
        cleaned.take_image(), name=stored.name, storage=stored.storage, square=spec.square
    )
    setattr(instance, spec.renditions, {**renditions, "sha256": cleaned.hashes})


def rebuild(instance, spec):
    """Remake an already stored image's renditions, cleaning the original if it never was.

    Returns the fields changed, for `save(update_fields=…)`.
    """
    stored = getattr(instance, spec.field)
    with stored.open("rb") as file:
        cleaned = clean_image(file.read())
    storage = stored.storage
    previous = getattr(instance, spec.renditions) or {}
    for name in rendition_names(previous):
        storage.delete(name)  # renditions keep their names, so make room for the new ones
    changed = [spec.renditions]
    if cleaned.upload_sha256 not in previous.get("sha256", ()):
        # Stored before uploads were cleaned: replace it by its clean version.
        target = str(PurePosixPath(stored.name).with_suffix(cleaned.extension))
        storage.delete(stored.name)
        setattr(instance, spec.field, storage.save(target, ContentFile(cleaned.content)))
        field = instance._meta.get_field(spec.field)
        setattr(instance, field.width_field, cleaned.image.width)
        setattr(instance, field.height_field, cleaned.image.height)
        changed += [spec.field, field.width_field, field.height_field]
        hashes = cleaned.hashes
    else:
        hashes = previous["sha256"]
    if spec.credit:
        before = getattr(instance, spec.credit)
        _prefill_credit(instance, spec, cleaned, hashes=hashes)
        if getattr(instance, spec.credit) != before:
            changed.append(spec.credit)
    stored = getattr(instance, spec.field)
    renditions = make_renditions(
        cleaned.take_image(), name=stored.name, storage=storage, square=spec.square
    )
    setattr(instance, spec.renditions, {**renditions, "sha256": hashes})
    return changed


def delete_files(instance):
    """Delete the stored files of every processed image of `instance`: each original and
    its renditions. For a row that is gone: call it once the deletion has committed
    (`transaction.on_commit`), so a deletion rolled back keeps its files."""
    for spec in ImageSpec.all_for(type(instance)):
        stored = getattr(instance, spec.field)
        if not stored:
            continue
        for name in [stored.name, *rendition_names(getattr(instance, spec.renditions) or {})]:
            stored.storage.delete(name)


def _prefill_credit(instance, spec, cleaned, *, hashes=None):
    """An empty credit takes the one this photo had before, else its metadata's.

    Whatever the credit ends up as is remembered for the next upload of the same photo.
    """
    hashes = hashes or cleaned.hashes
    credit = getattr(instance, spec.credit).strip()
    if not credit:
        known = PhotoCredit.objects.filter(sha256__in=hashes).exclude(credit="").first()
        # Both fit the 200-character credit field: the registry's and read_credit()'s.
        credit = (known and known.credit) or cleaned.credit.credit or cleaned.credit.copyright
        setattr(instance, spec.credit, credit)
    remember_credit(hashes, credit, copyright=cleaned.credit.copyright)


def remember_credit(hashes, credit, *, copyright=""):
    """Record a photo's credit under each of its hashes (one upsert, whatever was there)."""
    fields = [name for name, value in (("credit", credit), ("copyright", copyright)) if value]
    if not fields:
        return  # an empty credit says nothing: keep what we knew
    # An already-clean upload has the same hash before and after cleaning; PostgreSQL
    # refuses an upsert that touches one row twice.
    unique = dict.fromkeys(hashes)
    PhotoCredit.objects.bulk_create(
        [PhotoCredit(sha256=sha256, credit=credit, copyright=copyright) for sha256 in unique],
        update_conflicts=True,
        unique_fields=["sha256"],
        update_fields=[*fields, "updated_at"],
    )


def sync_credit(instance, spec):
    """An editor's later change to a stored photo's credit follows the photo too."""
    hashes = (getattr(instance, spec.renditions) or {}).get("sha256")
    if hashes:
        remember_credit(hashes, getattr(instance, spec.credit).strip())
