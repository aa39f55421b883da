"""The translations alone, newest first: the desk's lists of stale or current translations
walk this small index, never the whole archive (desk/admin/translations.py). Partial on
`translation_of IS NOT NULL`, a condition with no parameter, which SQLite matches to a
query as PostgreSQL does. The table holds few translations when this runs: a plain
CREATE INDEX is quick.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("articles", "0020_translator_role")]

    operations = [
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                fields=["-published_at", "-id"],
                condition=models.Q(translation_of__isnull=False),
                name="article_translations_newest",
            ),
        ),
    ]
