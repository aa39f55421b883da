from django.db import migrations

# How many of the documents' words PostgreSQL's statistics follow (10 per unit, so 10,000
# words). With the default (100), a word outside its 1,000 most common is guessed to be
# in 0.4 % of a million stories; a place named in 700 of them was then searched for by
# walking the newest stories one by one (seconds) instead of through the index (ms).
STATISTICS = 1000


def raise_target(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "ALTER TABLE articles_searchdocument "
            f"ALTER COLUMN document SET STATISTICS {STATISTICS}"
        )
        schema_editor.execute("ANALYZE articles_searchdocument")


def restore_target(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "ALTER TABLE articles_searchdocument ALTER COLUMN document SET STATISTICS -1"
        )


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0010_tagged_article_index"),
    ]

    operations = [migrations.RunPython(raise_target, restore_target)]
