"""Search over public articles: full text, ranked, on PostgreSQL and SQLite alike.

A reader's query is read once into a small syntax tree (`parse_query`: words, "quoted
phrases", -exclusions and `or`, the syntax of PostgreSQL's `websearch_to_tsquery`), then
handed to the index the database has (public/search_backends.py: PostgreSQL's
`SearchDocument` or SQLite's FTS5 table, which articles/search_index.py keeps in step).

Every query goes through `Article.objects.published()`. Ranking looks at the newest
`CANDIDATES` matches only, so a query matching half the archive costs what one matching
a few hundred does; relevance is blended with recency (`blended_score`), and the date
filters reach anything older.
"""

import math
import re
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.utils import timezone
from django.utils.translation import get_language, ngettext

from articles.models import Article
from articles.search_index import beginning, by_beginnings

from .search_backends import backend_for, marked_snippet

MAX_QUERY_LENGTH = 200
MAX_TERMS = 10  # words and phrases; more adds cost and rarely a better answer
CANDIDATES = 200  # the newest matches that are ranked (and counted exactly)
ENOUGH_FOUND = 25  # matches that end a phrase search going back by windows
RECENCY_HALF_LIFE_DAYS = 365

# NUL makes PostgreSQL refuse the query outright; other control characters are noise.
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f\ue000\ue001]")
# A word is letters and digits (any script); everything else between words is a gap.
_WORD = re.compile(r"[^\W_]+")
_TOKEN = re.compile(r'(-?)"([^"]*)("?)|(\S+)')


def clean_query(raw: str) -> tuple[str, list[str]]:
    """The query as we will run and show it, and notes for the reader on what changed."""
    notes = []
    query = " ".join(_CONTROL_CHARACTERS.sub(" ", raw).split())
    if len(query) > MAX_QUERY_LENGTH:
        query = query[:MAX_QUERY_LENGTH].rstrip()
        notes.append(
            ngettext(
                "Your search was shortened to its first %(count)d character.",
                "Your search was shortened to its first %(count)d characters.",
                MAX_QUERY_LENGTH,
            )
            % {"count": MAX_QUERY_LENGTH}
        )
    return query, notes


# --- The query, parsed ----------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]  # one word, or a phrase
    negated: bool = False


@dataclass
class ParsedQuery:
    """Alternatives (joined by `or`), each a list of terms that must all hold."""

    alternatives: list[list[Term]] = field(default_factory=list)
    truncated: bool = False

    def __bool__(self):
        return bool(self.alternatives)

    @property
    def has_phrase(self):
        return any(len(t.words) > 1 for alt in self.alternatives for t in alt if not t.negated)

    def websearch(self) -> str:
        """The query in `websearch_to_tsquery` syntax, with nothing but words in it."""
        return " or ".join(" ".join(_websearch_term(t) for t in alt) for alt in self.alternatives)

    def by_beginnings(self, language) -> str:
        """The query in `to_tsquery` syntax, each word's stem matching the words it begins
        (`'шторм':*` finds «шторм», «шторму», «штормом»): for `language`'s edition, which
        has no stemmer (articles/search_index.py)."""
        return " | ".join(
            "(" + " & ".join(_tsquery_term(t, language) for t in alt) + ")"
            for alt in self.alternatives
        )

    def fts5(self, language=None) -> str:
        """The same query as an FTS5 expression: every word quoted, so none is an operator;
        in an edition with no stemmer (`language`'s), each word's stem matching the words
        it begins."""
        beginnings_in = language if by_beginnings(language) else None
        return " OR ".join(_fts5_group(alt, beginnings_in) for alt in self.alternatives)


def _websearch_term(term):
    text = " ".join(term.words)
    text = f'"{text}"' if len(term.words) > 1 else text
    return f"-{text}" if term.negated else text


def _tsquery_term(term, language):
    # Words are letters and digits alone (`_WORD`): quoted, none can be an operator.
    text = " <-> ".join(f"'{beginning(word, language)}':*" for word in term.words)
    return f"!({text})" if term.negated else f"({text})"


def _fts5_group(terms, language):
    def phrase(term):
        if language:  # a phrase of word beginnings: "сильн"* + "шторм"*
            return " + ".join(f'"{beginning(word, language)}"*' for word in term.words)
        return f'"{" ".join(term.words)}"'

    positive = " ".join(phrase(t) for t in terms if not t.negated)
    negative = "".join(f" NOT {phrase(t)}" for t in terms if t.negated)
    return f"({positive}{negative})"


def parse_query(query: str) -> ParsedQuery:
    """Words, "phrases", -exclusions and `or`, as a reader types them.

    Punctuation is a gap between words, so no operator of either database survives. An
    alternative with nothing but exclusions is dropped: it would match almost every
    story (and read the whole index to do it).
    """
    parsed, current, terms = ParsedQuery(), [], 0
    for negated, phrase, _closed, bare in _TOKEN.findall(query):
        if bare:
            if bare.lower() == "or":
                parsed.alternatives.append(current)
                current = []
                continue
            negated = "-" if bare.startswith("-") else ""
            phrase = bare
        words = tuple(word.lower() for word in _WORD.findall(phrase))
        if not words:
            continue
        if terms == MAX_TERMS:
            parsed.truncated = True
            break
        terms += 1
        current.append(Term(words=words, negated=bool(negated)))
    parsed.alternatives.append(current)
    parsed.alternatives = [alt for alt in parsed.alternatives if any(not t.negated for t in alt)]
    return parsed


# --- The search --------------------------------------------------------------------------


class Sort:
    RELEVANCE = "relevance"
    NEWEST = "newest"


@dataclass
class Filters:
    tag: object = None  # a Tag
    author: object = None  # an Author
    date_from: object = None  # dates, inclusive, in the site's time zone
    date_to: object = None

    def apply(self, articles):
        if self.tag is not None:
            articles = articles.filter(tags=self.tag)
        if self.author is not None:
            articles = articles.filter(authorships__author=self.author)
        # Whole days in the site's time zone, as bounds the publication-time index can use.
        if self.date_from is not None:
            articles = articles.filter(published_at__gte=_start_of(self.date_from))
        if self.date_to is not None:
            articles = articles.filter(published_at__lt=_start_of(self.date_to + timedelta(days=1)))
        return articles


def _start_of(day):
    return timezone.make_aware(datetime.combine(day, time.min))


@dataclass
class Results:
    items: list  # articles for the cards, each with `.snippet` (safe HTML)
    total: int  # matches, up to CANDIDATES + 1
    start: int
    next_start: int | None
    oldest_ranked: object = None  # publication time of the oldest match ranked
    searched_since: object = None  # where a phrase search stopped short of the archive
    ranked: int = 0  # how many matches at most are ranked and counted

    @property
    def more_than_ranked(self):
        """More stories match than are ranked and counted: the total is a lower bound."""
        return self.total > self.ranked

    @property
    def has_next(self):
        return self.next_start is not None


def blended_score(relevance, published_at, now):
    """Relevance, with half its weight fading as a story ages (half-life of a year)."""
    age_days = max(0.0, (now - published_at).total_seconds() / 86400)
    return relevance * (0.5 + 0.5 * math.pow(0.5, age_days / RECENCY_HALF_LIFE_DAYS))


def search(
    parsed: ParsedQuery,
    *,
    sort=Sort.RELEVANCE,
    filters=None,
    start=0,
    per_page=12,
    language=None,
):
    """One page of public stories of `language`'s edition (the one being drawn by
    default) matching `parsed`, with their snippets."""
    language = language or get_language()
    backend = backend_for(parsed, language)
    public = Article.objects.published().in_edition(language)
    articles = (filters or Filters()).apply(backend.matching(public))
    # The newest matches, one more than are ranked, to know whether there are more.
    windows = backend.PHRASE_WINDOWS if parsed.has_phrase else (None,)
    candidates, since = _newest_matches(articles, windows)
    total = len(candidates)
    candidates = candidates[:CANDIDATES]
    oldest = since or (candidates[-1][1] if candidates else None)
    if sort == Sort.RELEVANCE and candidates:
        relevance = backend.relevance([pk for pk, _ in candidates])
        now = timezone.now()
        candidates.sort(
            key=lambda c: (blended_score(relevance.get(c[0], 0.0), c[1], now), c[1], c[0]),
            reverse=True,
        )
    page_ids = [pk for pk, _ in candidates[start : start + per_page]]
    by_id = Article.objects.for_listing().in_bulk(page_ids)
    snippets = backend.snippets(page_ids) if page_ids else {}
    items = []
    for pk in page_ids:
        article = by_id[pk]
        article.snippet = marked_snippet(snippets.get(pk, ""))
        items.append(article)
    end = start + per_page
    return Results(
        items=items,
        total=total,
        start=start,
        next_start=end if end < len(candidates) else None,
        oldest_ranked=oldest,
        searched_since=since,
        ranked=CANDIDATES,
    )


def _newest_matches(articles, windows):
    """(id, publication time) of the newest matches, one more than are ranked, and the
    time they reach back to when the search stopped short of the whole archive.

    The windows are days back from now, each searched after the one before; the search
    stops once a window brings `ENOUGH_FOUND` matches. PostgreSQL's index cannot check
    a phrase (only that its words are there), so a phrase of common words is checked
    story by story: going back by windows bounds that work by the stories searched.
    """
    found, upper, now = [], None, timezone.now()
    for days in windows:
        lower = now - timedelta(days=days) if days else None
        window = articles
        if upper is not None:
            window = window.filter(published_at__lt=upper)
        if lower is not None:
            window = window.filter(published_at__gte=lower)
        found += window.order_by("-published_at", "-pk").values_list("pk", "published_at")[
            : CANDIDATES + 1 - len(found)
        ]
        upper = lower
        if len(found) > CANDIDATES or len(found) >= ENOUGH_FOUND:
            break
    return found, upper if len(found) <= CANDIDATES else None
