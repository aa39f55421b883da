"""The desk's newest-first indexes, made by 0014 in plain SQL, are the models' own."""

import io

import pytest
from django.core.management import call_command
from django.db import connection

from articles.models import Article, LiveEntry

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("model", "name"), [(Article, "article_newest"), (LiveEntry, "live_entry_newest")]
)
def test_the_models_declare_the_index_the_database_has(model, name):
    declared = next(index for index in model._meta.indexes if index.name == name)
    with connection.cursor() as cursor:
        found = connection.introspection.get_constraints(cursor, model._meta.db_table)[name]

    assert declared.fields == ["-published_at", "-id"]
    assert found["columns"] == ["published_at", "id"]
    if "orders" in found:  # PostgreSQL says; SQLite's introspection does not
        assert found["orders"] == ["DESC", "DESC"]


@pytest.mark.django_db(transaction=True)  # SQLite's schema editor, outside a transaction
def test_declaring_them_runs_nothing_on_the_database():
    out = io.StringIO()
    call_command("sqlmigrate", "articles", "0018", stdout=out)
    assert "CREATE" not in out.getvalue().upper()
