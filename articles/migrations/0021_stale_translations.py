"""The desk's lists of translations at any archive size (desk/admin/translations.py).

- `source_changed_at`: a stale translation carries when its source's words last changed
  (articles/services/translations.py keeps it with the versions); the translations that
  are stale already (their source's text_version past their source_version) get their
  source's last save time.
- Two partial indexes, each on a condition with no parameter, which SQLite matches to a
  query as PostgreSQL does: the translations alone, newest first; the stale ones alone,
  the newest source change first. The table holds few translations when this runs.
"""

from django.db import migrations, models
from django.db.models import F, OuterRef, Subquery


def mark_stale(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    sources = Article.objects.filter(pk=OuterRef("translation_of_id"))
    Article.objects.filter(
        translation_of__isnull=False, source_version__lt=F("translation_of__text_version")
    ).update(source_changed_at=Subquery(sources.values("modified_at")[:1]))


class Migration(migrations.Migration):
    dependencies = [("articles", "0020_translator_role")]

    operations = [
        migrations.AddField(
            model_name="article",
            name="source_changed_at",
            field=models.DateTimeField(
                blank=True,
                editable=False,
                help_text="When the source's words last changed while this translation did "
                "not match them; empty while it matches.",
                null=True,
                verbose_name="source changed",
            ),
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                fields=["-published_at", "-id"],
                condition=models.Q(translation_of__isnull=False),
                name="article_translations_newest",
            ),
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                fields=["-source_changed_at", "-id"],
                condition=models.Q(source_changed_at__isnull=False),
                name="article_stale_translations",
            ),
        ),
        migrations.RunPython(mark_stale, migrations.RunPython.noop),
    ]
