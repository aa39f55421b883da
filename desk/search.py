"""Searching stories and live entries on the desk: the readers' index, drafts included.

The search index holds every story, whatever its status (articles/search_index.py);
readers' searches apply the visibility rule when they query it. The desk queries it over
the admin's own list (its filters applied, no visibility rule), so drafts are found
too, read and ranked as readers' queries are (public/search.py): the newest `CANDIDATES`
matches, a story with no time yet (a draft) counting as the newest, ordered by relevance
blended with recency.

Live entries have no index of their own: on PostgreSQL an expression index over their
headline and body answers the same query (articles/migrations/0014); on SQLite, an
embedded newsroom's few entries are searched word by word.
"""

from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.db.models import F, Q
from django.db.models.expressions import RawSQL
from django.utils import timezone

from articles.search_index import CONFIG, FTS_TABLE
from public.search import CANDIDATES, blended_score, clean_query, parse_query
from public.search_backends import backend_for

_ENTRY_WORDS = f"to_tsvector('{CONFIG}'::regconfig, headline || ' ' || body)"


def ranked_story_ids(articles, term, *, as_typed=False):
    """The ids of the stories among `articles` matching `term`, best first.

    `as_typed`: the term is being typed (a picker's box): its words must all be there, the
    last one as the start of a word.
    """
    parsed = parse_query(clean_query(term)[0])
    if not parsed:
        return []
    backend = backend_for(parsed)

    def matching(articles, parsed):
        return _starting_with(articles, parsed) if as_typed else backend.matching(articles)

    newest = F("published_at").desc(nulls_first=True)
    found = list(
        matching(articles, parsed)
        .order_by(newest, "-pk")
        .values_list("pk", "published_at")[:CANDIDATES]
    )
    relevance = backend.relevance([pk for pk, _ in found]) if found else {}
    now = timezone.now()
    found.sort(
        key=lambda c: (blended_score(relevance.get(c[0], 0.0), c[1] or now, now), c[0]),
        reverse=True,
    )
    return [pk for pk, _ in found]


def _starting_with(articles, parsed):
    """Stories with every word typed, the last as a prefix ("harb" finds "harbour")."""
    words = [word for term in parsed.alternatives[0] if not term.negated for word in term.words]
    if connection.vendor == "postgresql":
        # Words are letters and digits only (parse_query), so none is an operator.
        query = " & ".join([*words[:-1], f"{words[-1]}:*"])
        typed = SearchQuery(query, config=CONFIG, search_type="raw")
        return articles.filter(search_document__document=typed)
    expression = " ".join([*(f'"{word}"' for word in words[:-1]), f'"{words[-1]}"*'])
    return articles.filter(
        pk__in=RawSQL(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [expression])
    )


def matching_entries(entries, term):
    """The entries among `entries` matching `term`, their words as the stories' are read."""
    parsed = parse_query(clean_query(term)[0])
    if not parsed:
        return entries.none()
    if connection.vendor == "postgresql":
        table = entries.model._meta.db_table
        # Matched through the index first (a fence the planner keeps), then sorted: else
        # it walks every entry newest first, parsing each one's text, for a rare word.
        matches = (
            f"WITH matches AS MATERIALIZED (SELECT id FROM {table} "
            f"WHERE {_ENTRY_WORDS} @@ websearch_to_tsquery(%s::regconfig, %s)) "
            "SELECT id FROM matches"
        )
        return entries.filter(pk__in=RawSQL(matches, [CONFIG, parsed.websearch()]))
    either = Q()
    for alternative in parsed.alternatives:
        every = Q()
        for term in alternative:
            words = " ".join(term.words)
            has = Q(headline__icontains=words) | Q(body__icontains=words)
            every &= ~has if term.negated else has
        either |= every
    return entries.filter(either)
