"""The desk's two newest-first indexes, made in plain SQL by 0014, declared in the
models' `Meta.indexes`: this changes the migration state only. Every database migrated
through 0014 has them already, with the definition Django would write
(`(published_at DESC, id DESC)`), so nothing is run. The entries' words index stays in
0014 alone: an expression index PostgreSQL alone has.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("articles", "0017_remove_old_image_columns")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AddIndex(
                    model_name="article",
                    index=models.Index(fields=["-published_at", "-id"], name="article_newest"),
                ),
                migrations.AddIndex(
                    model_name="liveentry",
                    index=models.Index(fields=["-published_at", "-id"], name="live_entry_newest"),
                ),
            ],
            database_operations=[],
        )
    ]
