# Today's lead images and entry photos become library photos: one Photo per distinct
# stored file, its size, renditions, alt text, caption and credit those of the first row
# (by id) that stored it. The files and renditions are reused as they are: nothing is
# processed again, and no file is opened. A row whose file is already in the library
# points at that photo.

from collections import defaultdict

from django.db import migrations

# (model, the old image column, its columns' prefix, the new foreign key)
SOURCES = [
    ("Article", "lead_image", "lead_image_", "lead_photo"),
    ("LiveEntry", "image", "image_", "photo"),
]
WORDS = ["width", "height", "renditions", "alt", "caption", "credit"]
BATCH = 500


def _photo_for(row, field, prefix, Photo, photos):
    name = row[field]
    if name not in photos:
        photo = Photo.objects.filter(image=name).order_by("pk").values_list("pk", flat=True)
        photos[name] = photo.first() or _new_photo(row, name, prefix, Photo)
    return photos[name]


def _new_photo(row, name, prefix, Photo):
    # The file is named by an update, after the row is made: a model given a file with no
    # recorded size opens it to measure it (and fails if storage has lost it).
    photo = Photo.objects.create(
        width=row[f"{prefix}width"],
        height=row[f"{prefix}height"],
        renditions=row[f"{prefix}renditions"] or {},
        alt_text=row[f"{prefix}alt"],
        caption=row[f"{prefix}caption"],
        credit=row[f"{prefix}credit"],
        uploaded_by_id=row["created_by_id"],
    )
    Photo.objects.filter(pk=photo.pk).update(image=name)
    return photo.pk


def carry_over(apps, schema_editor):
    Photo = apps.get_model("articles", "Photo")
    photos = {}  # stored file name → the library photo's id
    for model_name, field, prefix, key in SOURCES:
        model = apps.get_model("articles", model_name)
        # Read as values, not models: a model with an image opens the file to measure it.
        columns = ["pk", "created_by_id", field]
        columns += [f"{prefix}{name}" for name in WORDS]
        rows = model.objects.exclude(**{f"{field}__isnull": True}).exclude(**{field: ""})
        showing = defaultdict(list)  # photo id → the rows it is now the photo of
        for row in rows.order_by("pk").values(*columns).iterator(chunk_size=BATCH):
            showing[_photo_for(row, field, prefix, Photo, photos)].append(row["pk"])
        for photo_id, pks in showing.items():
            for start in range(0, len(pks), BATCH):
                model.objects.filter(pk__in=pks[start : start + BATCH]).update(**{key: photo_id})


def carry_back(apps, schema_editor):
    """The photo's image and words back into the old columns (the photos stay)."""
    Photo = apps.get_model("articles", "Photo")
    for model_name, field, prefix, key in SOURCES:
        model = apps.get_model("articles", model_name)
        shown = model.objects.filter(**{f"{key}__isnull": False}).values_list("pk", f"{key}_id")
        for pk, photo_id in shown:
            photo = Photo.objects.values().get(pk=photo_id)
            model.objects.filter(pk=pk).update(
                **{
                    field: photo["image"],
                    f"{prefix}width": photo["width"],
                    f"{prefix}height": photo["height"],
                    f"{prefix}renditions": photo["renditions"],
                    f"{prefix}alt": photo["alt_text"],
                    f"{prefix}caption": photo["caption"],
                    f"{prefix}credit": photo["credit"],
                }
            )


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0015_lead_photo_and_entry_photo"),
    ]

    operations = [migrations.RunPython(carry_over, carry_back)]
