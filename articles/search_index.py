"""Keeping the search index in step with the articles, on PostgreSQL and SQLite alike.

Every change that alters what a search should find (an article saved, a byline or tag
added or removed, an author or tag renamed, a placed library photo corrected or removed)
ends in `refresh(article_ids)`, the one function that rewrites those articles' entries,
set-based, whatever wrote them: the signals below for the admin and the workflow,
`articles/photos.py` for the stories it rewrites without a save, and `generate_articles`
for its batches.

- PostgreSQL: a weighted `tsvector` per article in `SearchDocument` (GIN-indexed):
  headline A, standfirst B, the names of its tags and authors C, body D, accents folded,
  in its edition's configuration (`config_for`: English stemming for English; for
  Ukrainian, which PostgreSQL has no stemmer for, `simple` words with accents folded,
  `newsroom_ukrainian`). It is built from
  the stored HTML: PostgreSQL's parser skips tags, so markup and link addresses are not
  words.
- SQLite: the same four columns, as plain text, in the FTS5 table `article_search`,
  whose rowid is the article's id. Its tokenizer (`unicode61`, `remove_diacritics 2`)
  folds the case of every script, Cyrillic included; the Porter stemmer in front of it
  stems English words and leaves others as they are.

Either way the database itself drops a deleted article's entry (a cascading foreign key,
a trigger).

Which entries a reader may see is not decided here: queries join the articles through
`Article.objects.published()`.
"""

import html
import re

from django.db import connection
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

# PostgreSQL's text-search configuration, for documents and queries: English stemming
# with accents folded first, so "cafe" finds "café" as SQLite's FTS5 does. The migration
# creates it (and the `unaccent` extension it uses).
CONFIG = "newsroom_english"
# Each edition's configuration (made by migration 0022); a language not named here is
# searched as English is.
CONFIGS = {"en-gb": CONFIG, "uk": "newsroom_ukrainian"}


def config_for(language: str | None) -> str:
    """The text-search configuration of `language`'s edition, on PostgreSQL."""
    return CONFIGS.get(language or "", CONFIG)


# Editions whose words no stemmer folds, on either database (PostgreSQL's `simple`,
# SQLite's Porter is English): a reader's word loses its inflected ending, if it has one,
# and matches the words its stem begins, so «шторму» finds «шторм» and «штормом» as
# «шторм» does. The endings are Ukrainian nouns' and adjectives' (a light stemmer: no
# dictionary, so «Києва» still misses «Київ»).
MATCHED_BY_BEGINNINGS = {
    "uk": sorted(
        {
            *("ами", "ями", "ові", "еві", "єві", "ого", "ому", "ими", "іми"),
            *("ів", "їв", "ах", "ях", "ам", "ям", "ом", "ем", "єм", "ою", "ею", "єю"),
            *("ий", "ій", "ої", "их", "іх", "им", "ім"),
            *("а", "я", "у", "ю", "і", "и", "е", "є", "о", "ї", "ь", "й"),
        },
        key=len,
        reverse=True,
    )
}
# A stem keeps this many letters: shorter ones begin too many unrelated words, so a word
# of this length or less is matched whole.
SHORTEST_STEM = 4


def by_beginnings(language: str | None) -> bool:
    return language in MATCHED_BY_BEGINNINGS


def beginning(word: str, language: str) -> str:
    """What `word` is matched by in `language`'s edition: its stem, the word without its
    longest inflected ending that leaves `SHORTEST_STEM` letters («шторму» → «шторм»)."""
    word = word.lower()
    for ending in MATCHED_BY_BEGINNINGS[language]:
        if word.endswith(ending) and len(word) - len(ending) >= SHORTEST_STEM:
            return word[: -len(ending)]
    return word


# The configuration of the article `a`, in SQL: its edition's.
_CONFIG_OF_ARTICLE = (
    "(CASE a.language "
    + " ".join(f"WHEN '{language}' THEN '{config}'" for language, config in CONFIGS.items())
    + f" ELSE '{CONFIG}' END)::regconfig"
)

# SQLite's FTS5 table (Porter stemming, accents folded), made by the migration.
FTS_TABLE = "article_search"
CHUNK = 2000  # ids per statement: within SQLite's limit on bound parameters

_TAG = re.compile(r"<[^>]+>")
# Two private-use characters that search snippets use as marks: never in the indexed text.
_MARKS = re.compile("[\ue000\ue001]")

# The names on an article, tags (by name) then authors (in byline order): a fixed order,
# so an entry's positions are the same however its rows were written.
_NAMES = """
    SELECT t.name, 0 AS kind, 0 AS position
    FROM articles_taggedarticle ta JOIN taggit_tag t ON t.id = ta.tag_id
    WHERE ta.content_object_id = a.id
    UNION ALL
    SELECT au.name, 1, s.position
    FROM articles_authorship s JOIN authors_author au ON au.id = s.author_id
    WHERE s.article_id = a.id
"""
_ORDER = "kind, position, name"

# One article's document, from `a` (the article) and `{body}` (its body's vector).
_POSTGRES_DOCUMENTS = f"""
    INSERT INTO articles_searchdocument (article_id, document)
    SELECT a.id,
        setweight(to_tsvector({_CONFIG_OF_ARTICLE}, a.title), 'A')
        || setweight(to_tsvector({_CONFIG_OF_ARTICLE}, a.standfirst), 'B')
        || setweight(to_tsvector({_CONFIG_OF_ARTICLE}, coalesce(
            (SELECT string_agg(name, ' ' ORDER BY {_ORDER}) FROM ({_NAMES}) names), '')), 'C')
        || setweight({{body}}, 'D')
    FROM {{articles}}
    ON CONFLICT (article_id) DO UPDATE SET document = EXCLUDED.document
"""
_POSTGRES_REFRESH = _POSTGRES_DOCUMENTS.format(
    body=f"to_tsvector({_CONFIG_OF_ARTICLE}, a.body_html)",
    articles="articles_article a WHERE a.id = ANY(%s)",
)
# The same, with each body's vector given (`refresh(..., body_vectors=...)`).
_POSTGRES_REFRESH_GIVEN_BODIES = _POSTGRES_DOCUMENTS.format(
    body="b.vector",
    articles="unnest(%s::integer[], %s::tsvector[]) b (id, vector)"
    " JOIN articles_article a ON a.id = b.id",
)


def plain_text(body_html: str) -> str:
    """The words of stored HTML, for the SQLite index and for snippets."""
    return _MARKS.sub(" ", html.unescape(_TAG.sub(" ", body_html)))


def refresh(article_ids, *, body_vectors=None) -> None:
    """Rewrite the index entries of these articles from what is stored now.

    `body_vectors` (PostgreSQL only): each body's `tsvector`, in its text form, in the
    order of `article_ids`, from a caller that already knows them: `generate_articles`,
    whose bodies are made of a few thousand words (a test checks that its vectors are
    PostgreSQL's own). Parsing a body is most of the cost of an entry.
    """
    article_ids = list(article_ids)
    with connection.cursor() as cursor:
        for start in range(0, len(article_ids), CHUNK):
            chunk = article_ids[start : start + CHUNK]
            if connection.vendor == "postgresql" and body_vectors is not None:
                vectors = body_vectors[start : start + CHUNK]
                cursor.execute(_POSTGRES_REFRESH_GIVEN_BODIES, [chunk, vectors])
            elif connection.vendor == "postgresql":
                cursor.execute(_POSTGRES_REFRESH, [chunk])
            elif connection.vendor == "sqlite":
                _refresh_sqlite(cursor, chunk)


def _refresh_sqlite(cursor, ids):
    marks = ", ".join(["%s"] * len(ids))
    cursor.execute(
        f"SELECT a.id, a.title, a.standfirst, "
        # SQLite's group_concat keeps the order of the rows it is given.
        f"coalesce((SELECT group_concat(name, ' ') FROM "
        f"(SELECT name FROM ({_NAMES}) ORDER BY {_ORDER})), ''), a.body_html "
        f"FROM articles_article a WHERE a.id IN ({marks})",
        ids,
    )
    rows = [(*fields, plain_text(body)) for *fields, body in cursor.fetchall()]
    cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid IN ({marks})", ids)
    cursor.executemany(
        f"INSERT INTO {FTS_TABLE} (rowid, title, standfirst, names, body) "
        "VALUES (%s, %s, %s, %s, %s)",
        rows,
    )


def rebuild() -> None:
    """Every article's entry afresh (after a bulk load, or a change of configuration)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT id FROM articles_article ORDER BY id")
        ids = [pk for (pk,) in cursor.fetchall()]
    refresh(ids)


# --- Signals: what changes an entry -------------------------------------------------------


def _article_saved(sender, instance, **kwargs):
    refresh([instance.pk])


def _byline_or_tag_changed(sender, instance, origin=None, **kwargs):
    from .models import Article

    if isinstance(origin, Article):  # the article itself is being deleted: nothing to keep
        return
    article_id = getattr(instance, "article_id", None) or instance.content_object_id
    refresh([article_id])


def _tags_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """`article.tags.add(…)` and friends, which write the through rows in bulk."""
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:
        refresh([instance.pk])
    elif pk_set:  # tag.<articles>.add(…): the articles are the pk_set
        refresh(pk_set)


def _remember_name(sender, instance, **kwargs):
    """Before an author or tag is saved: note whether its name changes."""
    old = sender.objects.filter(pk=instance.pk).values_list("name", flat=True).first()
    instance._search_name_changed = old is not None and old != instance.name


def _author_renamed(sender, instance, created, **kwargs):
    """A renamed author: every article on their byline is rewritten."""
    if not created and getattr(instance, "_search_name_changed", False):
        refresh(list(instance.articles.values_list("pk", flat=True)))


def _tag_renamed(sender, instance, created, **kwargs):
    from .models import Article

    if not created and getattr(instance, "_search_name_changed", False):
        refresh(list(Article.objects.filter(tags=instance).values_list("pk", flat=True)))


def connect():
    from taggit.models import Tag

    from authors.models import Author

    from .models import Article, Authorship, TaggedArticle

    post_save.connect(_article_saved, sender=Article, dispatch_uid="search-article")
    for model in (Authorship, TaggedArticle):
        for signal in (post_save, post_delete):
            signal.connect(_byline_or_tag_changed, sender=model, dispatch_uid=f"search-{model}")
    m2m_changed.connect(_tags_changed, sender=TaggedArticle, dispatch_uid="search-tags")
    for model, renamed in ((Author, _author_renamed), (Tag, _tag_renamed)):
        pre_save.connect(_remember_name, sender=model, dispatch_uid=f"search-name-{model}")
        post_save.connect(renamed, sender=model, dispatch_uid=f"search-renamed-{model}")
