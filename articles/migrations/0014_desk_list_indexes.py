"""Indexes for the desk's lists at any archive size (desk/admin/scale.py).

- Every story and every live entry, newest first, whatever their status: the admin's
  lists open on that order (the public lists' index starts with the status).
- On PostgreSQL, a live entry's words (headline and body, in the search configuration),
  for the desk's search of entries.

Plain SQL, outside the models' state, so that no model changes with them; a later
state-only migration may declare the two b-trees in `Meta.indexes`. The third is an
expression index PostgreSQL alone has (SQLite searches entries by their words: there are
few of them in an embedded newsroom).
"""

from django.db import migrations

NEWEST = [
    ("article_newest", "articles_article"),
    ("live_entry_newest", "articles_liveentry"),
]
ENTRY_WORDS = (
    "CREATE INDEX IF NOT EXISTS live_entry_words ON articles_liveentry USING gin "
    "(to_tsvector('newsroom_english'::regconfig, headline || ' ' || body))"
)


def create(apps, schema_editor):
    for name, table in NEWEST:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} (published_at DESC, id DESC)"
        )
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(ENTRY_WORDS)


def drop(apps, schema_editor):
    for name in [*(name for name, _ in NEWEST), "live_entry_words"]:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("articles", "0013_byline_publication_time")]

    operations = [migrations.RunPython(create, drop)]
