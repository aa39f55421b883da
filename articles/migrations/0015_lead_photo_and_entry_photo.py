# A story's lead photo and a live entry's photo become library photos (a foreign key);
# 0015 carries today's images over, 0016 removes the old columns.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0014_desk_list_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="lead_photo",
            field=models.ForeignKey(
                blank=True,
                help_text="A photo from the library, shown above the story and on its cards.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="articles.photo",
                verbose_name="lead photo",
            ),
        ),
        migrations.AddField(
            model_name="liveentry",
            name="photo",
            field=models.ForeignKey(
                blank=True,
                help_text=(
                    "A photo from the library: its alt text, caption and credit come with it."
                ),
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="articles.photo",
            ),
        ),
    ]
