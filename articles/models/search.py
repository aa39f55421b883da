"""The stored search document of an article, on PostgreSQL.

A weighted `tsvector` kept beside the article (headline A, standfirst B, the names of
its tags and authors C, body D; `articles/search_index.py` writes it), in a narrow table
of its own: list pages never read it, and the GIN index answers "which articles
hold these words" without touching the articles table. SQLite keeps the same words in
an FTS5 table instead (created by this app's migration), so this model exists only on
PostgreSQL.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models


class SearchDocument(models.Model):
    # Deleted with its article by the database (the migration declares the foreign key
    # ON DELETE CASCADE), not by Django's collector, which would look for this table on
    # SQLite too.
    article = models.OneToOneField(
        "articles.Article",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        primary_key=True,
        related_name="search_document",
    )
    document = SearchVectorField()

    class Meta:
        required_db_vendor = "postgresql"
        indexes = [GinIndex(fields=["document"], name="article_search_document")]

    def __str__(self):
        return f"Search document of article {self.article_id}"
