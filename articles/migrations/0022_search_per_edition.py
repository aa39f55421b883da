"""Search per edition: the Ukrainian edition's text-search configuration on PostgreSQL,
and the entries of the stories not in English rewritten in their edition's.

PostgreSQL has no Ukrainian stemmer: the configuration is `simple` (each word as it is,
lower-cased) with accents folded first by `unaccent` where the extension is there. The
extension is trusted (the database's owner may create it), but a server without the
contrib package, or a role that may not create it, must not stop the migration: the
configuration is then `simple` alone, still a working search, and says so in the log.

SQLite's FTS5 table needs no change: its tokenizer (`unicode61 remove_diacritics 2`,
migration 0009) folds Cyrillic case and accents as it does Latin.
"""

import logging

from django.db import migrations, transaction

logger = logging.getLogger(__name__)

# A frozen copy of what articles/search_index.py holds now: a migration must not change
# when live code does.
ENGLISH = "newsroom_english"
UKRAINIAN = "newsroom_ukrainian"
CONFIG_OF_ARTICLE = (
    f"(CASE a.language WHEN 'uk' THEN '{UKRAINIAN}' ELSE '{ENGLISH}' END)::regconfig"
)
NAMES = """
    SELECT t.name, 0 AS kind, 0 AS position
    FROM articles_taggedarticle ta JOIN taggit_tag t ON t.id = ta.tag_id
    WHERE ta.content_object_id = a.id
    UNION ALL
    SELECT au.name, 1, s.position
    FROM articles_authorship s JOIN authors_author au ON au.id = s.author_id
    WHERE s.article_id = a.id
"""
REFILL = f"""
    INSERT INTO articles_searchdocument (article_id, document)
    SELECT a.id,
        setweight(to_tsvector({CONFIG_OF_ARTICLE}, a.title), 'A')
        || setweight(to_tsvector({CONFIG_OF_ARTICLE}, a.standfirst), 'B')
        || setweight(to_tsvector({CONFIG_OF_ARTICLE}, coalesce(
            (SELECT string_agg(name, ' ' ORDER BY kind, position, name) FROM ({NAMES}) n),
            '')), 'C')
        || setweight(to_tsvector({CONFIG_OF_ARTICLE}, a.body_html), 'D')
    FROM articles_article a WHERE a.language <> 'en-gb'
    ON CONFLICT (article_id) DO UPDATE SET document = EXCLUDED.document
"""


def _has_unaccent(cursor):
    cursor.execute("SELECT 1 FROM pg_ts_dict WHERE dictname = 'unaccent'")
    return cursor.fetchone() is not None


def create_configuration(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        try:
            # In a savepoint: a refusal (no contrib package, no privilege) leaves the
            # migration's transaction usable.
            with transaction.atomic(using=connection.alias), connection.cursor() as attempt:
                attempt.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
        except Exception as error:  # noqa: BLE001 (any refusal: we go on without it)
            logger.warning("unaccent could not be created (%s): Ukrainian search keeps accents", error)
        cursor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {UKRAINIAN}")
        cursor.execute(f"CREATE TEXT SEARCH CONFIGURATION {UKRAINIAN} (COPY = simple)")
        if _has_unaccent(cursor):
            cursor.execute(
                f"ALTER TEXT SEARCH CONFIGURATION {UKRAINIAN} "
                "ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple"
            )
        cursor.execute(REFILL)


def drop_configuration(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(REFILL.replace(CONFIG_OF_ARTICLE, f"'{ENGLISH}'::regconfig"))
        cursor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {UKRAINIAN}")


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0021_stale_translations"),
    ]

    operations = [
        migrations.RunPython(create_configuration, drop_configuration),
    ]
