"""Matching, ranking and snippets, per database: the index each one has (see
public/search.py; articles/search_index.py keeps both in step).

- PostgreSQL: the GIN-indexed `SearchDocument`, matched with `websearch_to_tsquery`
  (`to_tsquery` with word beginnings, `:*`, for an edition with no stemmer), ranked with
  `ts_rank`, snippets from `ts_headline`.
- SQLite: the FTS5 table, matched with an FTS5 expression built from the same tree
  (prefix phrases for an edition with no stemmer), ranked with `bm25`, snippets from
  `snippet`.
"""

import html
import re

from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.db.models.expressions import RawSQL
from django.utils.html import escape
from django.utils.safestring import mark_safe

from articles.models import Article, SearchDocument
from articles.search_index import FTS_TABLE, by_beginnings, config_for

# Marks ts_headline and snippet() put around a match: private-use characters, which the
# snippet's own text is cleared of, so escaping can never split or fake one.
_START, _STOP = "\ue000", "\ue001"
SNIPPET_WORDS = 30
# ts_headline's options: two passages of 15–30 words around the matches.
_HEADLINE = (
    f"StartSel='{_START}', StopSel='{_STOP}', MaxWords={SNIPPET_WORDS}, "
    f"MinWords={SNIPPET_WORDS // 2}, MaxFragments=2, FragmentDelimiter=' … '"
)


class _Postgres:
    # Days back that a phrase search reaches, window by window (see _newest_matches).
    PHRASE_WINDOWS = (30, 365, 5 * 365, None)

    def __init__(self, parsed, language=None):
        # The edition's configuration: its stories' entries were written in it. An edition
        # with no stemmer matches words by their beginnings (`to_tsquery` with `:*`).
        self.config = config_for(language)
        if by_beginnings(language):
            self.text, self.parser = parsed.by_beginnings(language), "to_tsquery"
            search_type = "raw"
        else:
            self.text, self.parser = parsed.websearch(), "websearch_to_tsquery"
            search_type = "websearch"
        self.query = SearchQuery(self.text, config=self.config, search_type=search_type)

    def matching(self, articles):
        return articles.filter(search_document__document=self.query)

    def relevance(self, ids):
        # Normalisation 1: divided by 1 + log(length), so a long story is not ranked above
        # a short one for the length alone. The ids go as one array: two hundred
        # parameters cost more to prepare than the ranking itself.
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT article_id, ts_rank(document, {self.parser}(%s::regconfig, %s), 1)"
                f" FROM {SearchDocument._meta.db_table} WHERE article_id = ANY(%s)",
                [self.config, self.text, ids],
            )
            return dict(cursor.fetchall())

    def snippets(self, ids):
        # The stored HTML as text (tags, and any stray mark character, become spaces);
        # entities (&amp;, &rsquo;) become the characters they stand for.
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT id, ts_headline(%s::regconfig, regexp_replace(body_html, %s, ' ', 'g'),"
                f" {self.parser}(%s::regconfig, %s), %s)"
                f" FROM {Article._meta.db_table} WHERE id = ANY(%s)",
                [
                    self.config,
                    f"<[^>]+>|[{_START}{_STOP}]",
                    self.config,
                    self.text,
                    _HEADLINE,
                    ids,
                ],
            )
            return {pk: html.unescape(text) for pk, text in cursor.fetchall()}


class _Sqlite:
    PHRASE_WINDOWS = (None,)  # FTS5 keeps positions: a phrase costs what its words do
    # bm25 weights of the columns: title, standfirst, names, body.
    WEIGHTS = "10.0, 4.0, 2.0, 1.0"

    def __init__(self, parsed, language=None):
        # One table for every edition: the tokenizer folds case in any script, and the
        # edition is the articles' filter (`Article.objects.published().in_edition()`).
        # Its Porter stemmer knows English alone: other editions match word beginnings.
        self.expression = parsed.fts5(language)

    def matching(self, articles):
        return articles.filter(
            pk__in=RawSQL(
                f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [self.expression]
            )
        )

    def _select(self, column, ids):
        """`column` for a few matching rows (a page's worth: see `relevance`)."""
        marks = ", ".join(["%s"] * len(ids))
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rowid, {column} FROM {FTS_TABLE} "
                f"WHERE {FTS_TABLE} MATCH %s AND rowid IN ({marks})",
                [self.expression, *ids],
            )
            return dict(cursor.fetchall())

    def relevance(self, ids):
        # Every match's score in one pass of the index, kept for the candidates: FTS5
        # answers `rowid IN (…)` one row at a time, hundreds of times slower. bm25() is
        # lower for a better match; turned round so higher is better.
        wanted = set(ids)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rowid, bm25({FTS_TABLE}, {self.WEIGHTS}) FROM {FTS_TABLE} "
                f"WHERE {FTS_TABLE} MATCH %s",
                [self.expression],
            )
            return {pk: -score for pk, score in cursor.fetchall() if pk in wanted}

    def snippets(self, ids):
        column = f"snippet({FTS_TABLE}, 3, '{_START}', '{_STOP}', ' … ', {SNIPPET_WORDS // 2})"
        return self._select(column, ids)


def backend_for(parsed, language=None):
    """The index this database has, ready to match `parsed` in `language`'s edition."""
    backend = _Postgres if connection.vendor == "postgresql" else _Sqlite
    return backend(parsed, language)


def marked_snippet(text: str):
    """Snippet text, escaped, with its matches in <mark>: safe whatever the story holds.

    A snippet that marks nothing (the words were in the headline, the standfirst or the
    names, not the body) is the body's opening lines, no help to a reader: none is
    given, and the card shows its standfirst.
    """
    if _START not in text:
        return ""
    text = " ".join(text.split())
    out, inside = [], False
    for part in re.split(f"([{_START}{_STOP}])", text):
        if part == _START and not inside:
            out.append("<mark>")
            inside = True
        elif part == _STOP and inside:
            out.append("</mark>")
            inside = False
        elif part not in (_START, _STOP):
            out.append(escape(part))
    if inside:
        out.append("</mark>")
    return mark_safe("".join(out))  # every piece of text in it was escaped above
