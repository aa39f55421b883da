"""Search over public articles: every word must appear in the title, standfirst or body.

One code path on SQLite and PostgreSQL (icontains), so both behave alike in tests.
"""

import re
from functools import reduce
from operator import and_

from django.db.models import Q

from articles.models import Article

MAX_QUERY_LENGTH = 200
MAX_TERMS = 10  # each word adds three LIKEs to the query

# NUL makes PostgreSQL refuse the query outright; other control characters are noise.
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


def clean_query(raw: str) -> tuple[str, list[str]]:
    """The query as we will run and show it, and notes for the reader on what changed."""
    notes = []
    query = " ".join(_CONTROL_CHARACTERS.sub(" ", raw).split())
    if len(query) > MAX_QUERY_LENGTH:
        query = query[:MAX_QUERY_LENGTH].rstrip()
        notes.append(f"Your search was shortened to its first {MAX_QUERY_LENGTH} characters.")
    if len(query.split()) > MAX_TERMS:
        notes.append(f"Only the first {MAX_TERMS} words were searched for.")
    return query, notes


def search_articles(query: str):
    """Articles holding every word of a cleaned, non-empty `query`.

    Only for a paginated list: `paginate()` applies the visibility rule, so it is not
    applied twice here.
    """
    terms = query.split()[:MAX_TERMS]
    conditions = [
        Q(title__icontains=term) | Q(standfirst__icontains=term) | Q(body__icontains=term)
        for term in terms
    ]
    return Article.objects.filter(reduce(and_, conditions, Q()))
