# Today's lead images and entry photos become library photos: one Photo per distinct
# stored file, its size, renditions, alt text, caption and credit those of the first row
# (by id) that stored it. The files and renditions are reused as they are: nothing is
# processed again. A row whose file is already in the library points at that photo.

from django.db import migrations

# (model, the old image column, its columns' prefix, the new foreign key)
SOURCES = [
    ("Article", "lead_image", "lead_image_", "lead_photo"),
    ("LiveEntry", "image", "image_", "photo"),
]
BATCH = 500


def _photo_for(row, field, prefix, Photo, photos):
    name = getattr(row, field).name
    if name not in photos:
        photo = Photo.objects.filter(image=name).order_by("pk").first()
        if photo is None:
            photo = Photo.objects.create(
                image=name,
                width=getattr(row, f"{prefix}width"),
                height=getattr(row, f"{prefix}height"),
                renditions=getattr(row, f"{prefix}renditions") or {},
                alt_text=getattr(row, f"{prefix}alt"),
                caption=getattr(row, f"{prefix}caption"),
                credit=getattr(row, f"{prefix}credit"),
                uploaded_by_id=row.created_by_id,
            )
        photos[name] = photo.pk
    return photos[name]


def carry_over(apps, schema_editor):
    Photo = apps.get_model("articles", "Photo")
    photos = {}  # stored file name → the library photo's id
    for model_name, field, prefix, key in SOURCES:
        model = apps.get_model("articles", model_name)
        rows = model.objects.exclude(**{f"{field}__isnull": True}).exclude(**{field: ""})
        batch = []
        for row in rows.order_by("pk").iterator(chunk_size=BATCH):
            setattr(row, f"{key}_id", _photo_for(row, field, prefix, Photo, photos))
            batch.append(row)
            if len(batch) == BATCH:
                model.objects.bulk_update(batch, [key])
                batch = []
        model.objects.bulk_update(batch, [key])


def carry_back(apps, schema_editor):
    """The photo's image and words back into the old columns (the photos stay)."""
    for model_name, field, prefix, key in SOURCES:
        model = apps.get_model("articles", model_name)
        for row in model.objects.filter(**{f"{key}__isnull": False}).select_related(key):
            photo = getattr(row, key)
            model.objects.filter(pk=row.pk).update(
                **{
                    field: photo.image.name,
                    f"{prefix}width": photo.width,
                    f"{prefix}height": photo.height,
                    f"{prefix}renditions": photo.renditions,
                    f"{prefix}alt": photo.alt_text,
                    f"{prefix}caption": photo.caption,
                    f"{prefix}credit": photo.credit,
                }
            )


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0014_lead_photo_and_entry_photo"),
    ]

    operations = [migrations.RunPython(carry_over, carry_back)]
