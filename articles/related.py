"""Related stories: the public stories that share a story's tags and words.

Reads only: the list at the foot of a story's page, which public/related.py stores when
the story is saved. Candidates come from two bounded reads, so the cost does not grow
with the archive:

- the newest public stories filed under any of its tags (`TAG_CANDIDATES`), through the
  tag index;
- stories whose search entry holds words of its headline and standfirst
  (`WORD_CANDIDATES`): PostgreSQL's GIN-indexed `SearchDocument` ranked with `ts_rank`,
  or SQLite's FTS5 table ranked with `bm25`.

Each candidate scores one point per shared tag plus its word match (0 to 1, the best
match 1); equal scores go newest first. The story itself, anything unpublished and any
story of another edition are never chosen (`published()` and the story's language have
the last word); the word candidates are read in the story's edition alone, so another
edition's stories never crowd its own out of them.
"""

import re

from django.db import connection
from django.db.models import Count, Q

from .models import Article, TaggedArticle
from .search_index import FTS_TABLE, config_for

TAG_CANDIDATES = 60
WORD_CANDIDATES = 60
MAX_WORDS = 12
_WORD = re.compile(r"\w{4,}")
# Words that say nothing about a story's subject, on top of the databases' own stop lists.
_COMMON = {"that", "this", "with", "from", "have", "will", "what", "when", "their", "after"}


def words_of(article) -> list[str]:
    """The distinct longer words of its headline, then its standfirst, lower-cased."""
    found = _WORD.findall(f"{article.title} {article.standfirst}".lower())
    unique = [word for word in dict.fromkeys(found) if word not in _COMMON and not word.isdigit()]
    return unique[:MAX_WORDS]


def _word_matches_postgresql(article, words) -> dict[int, float]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT article_id, ts_rank(document, query, 1) FROM articles_searchdocument"
            " JOIN articles_article a ON a.id = article_id,"
            " (SELECT replace(plainto_tsquery(%s::regconfig, %s)::text, ' & ', ' | ')"
            "::tsquery AS query) q WHERE document @@ query AND article_id <> %s"
            " AND a.language = %s LIMIT %s",
            [
                config_for(article.language),
                " ".join(words),
                article.pk,
                article.language,
                WORD_CANDIDATES,
            ],
        )
        return dict(cursor.fetchall())


def _word_matches_sqlite(article, words) -> dict[int, float]:
    expression = " OR ".join(f'"{word}"' for word in words)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT rowid, -bm25({FTS_TABLE}) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s"
            " AND rowid <> %s AND rowid IN (SELECT id FROM articles_article WHERE language = %s)"
            " ORDER BY rank LIMIT %s",
            [expression, article.pk, article.language, WORD_CANDIDATES],
        )
        return dict(cursor.fetchall())


def _word_matches(article) -> dict[int, float]:
    """Candidate id → word score from 0 to 1 (the best match 1)."""
    words = words_of(article)
    if not words:
        return {}
    if connection.vendor == "postgresql":
        raw = _word_matches_postgresql(article, words)
    else:
        raw = _word_matches_sqlite(article, words)
    best = max(raw.values(), default=0) or 1
    return {pk: max(score, 0) / best for pk, score in raw.items()}


def related_ids(article, tag_ids, *, limit=4) -> list[int]:
    """The ids of up to `limit` public stories related to `article`, best first."""
    tag_ids = list(tag_ids)
    public = Article.objects.published().filter(language=article.language).exclude(pk=article.pk)
    tagged = (
        list(
            public.filter(
                pk__in=TaggedArticle.objects.filter(tag_id__in=tag_ids).values("content_object_id")
            )
            .newest_first()
            .values_list("pk", flat=True)[:TAG_CANDIDATES]
        )
        if tag_ids
        else []
    )
    worded = _word_matches(article)
    candidates = set(tagged) | set(worded)
    if not candidates:
        return []
    # Shared tags and publication time of each candidate still public, in one query.
    found = (
        public.filter(pk__in=candidates)
        .annotate(shared=Count("taggedarticle", filter=Q(taggedarticle__tag_id__in=tag_ids)))
        .values_list("pk", "published_at", "shared")
    )
    times, shared = {}, {}
    for pk, published_at, count in found:
        times[pk], shared[pk] = published_at, count
    ranked = sorted(
        times,
        key=lambda pk: (shared.get(pk, 0) + worded.get(pk, 0.0), times[pk], pk),
        reverse=True,
    )
    return ranked[:limit]


def related(article, tag_ids, *, limit=4) -> list[Article]:
    """The related stories themselves, read as cards read them."""
    ids = related_ids(article, tag_ids, limit=limit)
    if not ids:
        return []
    rows = Article.objects.published().for_listing().in_bulk(ids)
    return [rows[pk] for pk in ids if pk in rows]
