"""Writing a large made-up archive quickly (`manage.py generate_articles`).

PostgreSQL: rows go in by COPY with ids drawn from their sequences, the bodies' search
vectors are worked out here rather than parsed by the database, the written tables'
plain indexes are dropped for a large run and built once at the end, and commits do not
wait for the disk. Elsewhere: bulk_create.
"""

import operator

from django.db import connection, connections, models

from articles import search_index
from articles.models import Article, Authorship, Correction, SearchDocument, TaggedArticle

from .story_generator import BODY_WORDS


def lexemes():
    """Each word a body can hold, with its lexeme in the search configuration (None for a
    stop word): asked of PostgreSQL once, for the few thousand words there are."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT w, (SELECT min(lexeme) FROM unnest(to_tsvector(%s, w)))"
            " FROM unnest(%s::text[]) w",
            [search_index.CONFIG, BODY_WORDS],
        )
        return dict(cursor.fetchall())


class BodyVectors(dict):
    """A generated body's search vector, as PostgreSQL's `to_tsvector` makes it from the
    stored HTML: every word, stop words included, takes the next position (tags take
    none), and each lexeme lists its positions. Parsing a million bodies is the largest
    part of the database's work, and these bodies hold nothing but words from a list
    (`BODY_WORDS`), each followed by a space, a comma or a full stop. A test checks the
    result against PostgreSQL's own."""

    def __init__(self, lexemes):
        super().__init__()
        self.lexemes = lexemes

    def __missing__(self, form):  # a word as it stands in a body ("Council", "bank.")
        self[form] = lexeme = self.lexemes[form.strip(".,").lower()]
        return lexeme

    def vector(self, body):
        positions = {}
        for position, form in enumerate(body.split(), 1):
            if lexeme := self[form]:
                positions.setdefault(lexeme, []).append(str(position))
        return " ".join(f"'{word}':{','.join(at)}" for word, at in positions.items())


def insert_rows(model, objects):
    """Insert `objects` in one statement and give each its id.

    PostgreSQL: ids drawn from the table's sequence, then one COPY, the cheapest way in
    for many rows. Elsewhere: bulk_create, which reads the ids back.
    """
    if connection.vendor != "postgresql":
        model.objects.bulk_create(objects)
        return
    if not objects:
        return
    table = model._meta.db_table
    # The connection itself, not the thread-local proxy: looked up once, not per value.
    database = connections[connection.alias]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
            [table, len(objects)],
        )
        for obj, (pk,) in zip(objects, cursor.fetchall(), strict=True):
            obj.pk = pk
        fields = model._meta.concrete_fields
        columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
        values = [_copy_value(field, database) for field in fields]
        with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for obj in objects:
                copy.write_row([value(obj) for value in values])


def _copy_value(field, database):
    """How a COPY row gets `field`'s value from an object: Django's preparation only where
    psycopg cannot take the Python value as it is (JSON, files, automatic times); the rest
    straight from the attribute, which is a third of a batch's Python time saved."""
    automatic = getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
    if automatic or isinstance(field, (models.JSONField, models.FileField)):
        return lambda obj: field.get_db_prep_save(field.pre_save(obj, True), database)
    return operator.attrgetter(field.attname)


# The tables a batch writes: their indexes, other than keys and unique constraints, are
# dropped for a large run and built again at the end, once each, which is much cheaper
# than growing them a row at a time (the search documents' GIN index above all). Kept: the
# index through which a batch's search entries read each article's tags.
INDEXES_REBUILT = (Article, Authorship, TaggedArticle, Correction, SearchDocument)


INDEXES_KEPT = {index.name for index in TaggedArticle._meta.indexes}


def drop_secondary_indexes():
    """Drop the written tables' plain indexes; return their definitions."""
    tables = [model._meta.db_table for model in INDEXES_REBUILT]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i"
            " WHERE i.indrelid::regclass::text = ANY(%s) AND NOT i.indisunique"
            " AND NOT i.indisprimary",
            [tables],
        )
        indexes = [row for row in cursor.fetchall() if row[0] not in INDEXES_KEPT]
        for name, _ in indexes:
            cursor.execute(f"DROP INDEX IF EXISTS {connection.ops.quote_name(name)}")
    return [definition for _, definition in indexes]


def build_indexes(definitions):
    with connection.cursor() as cursor:
        cursor.execute("SET maintenance_work_mem = '512MB'")
        for definition in definitions:
            cursor.execute(definition.replace("CREATE INDEX", "CREATE INDEX IF NOT EXISTS", 1))


def commit_without_waiting():
    """A crash would lose the last few batches of made-up stories: no need to wait for
    each commit to reach the disk. Long texts (bodies, search documents) are compressed
    with LZ4 where the server has it: several times cheaper than the default, pglz."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET synchronous_commit = off")
            cursor.execute(
                "SELECT set_config('default_toast_compression', 'lz4', false) FROM pg_settings"
                " WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)"
            )
