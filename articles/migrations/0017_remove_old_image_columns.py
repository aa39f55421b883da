# The lead image's and the entry photo's own columns, now carried by library photos (0015).

from django.db import migrations

DETAILS = ["alt", "caption", "credit", "height", "renditions", "width"]
OLD_COLUMNS = {
    "article": ["lead_image", *(f"lead_image_{name}" for name in DETAILS)],
    "liveentry": ["image", *(f"image_{name}" for name in DETAILS)],
}


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0016_carry_images_to_photo_library"),
    ]

    operations = [
        migrations.RemoveField(model_name=model, name=name)
        for model, names in OLD_COLUMNS.items()
        for name in names
    ]
