"""The articles app's models, one module per subject; import them from here.

visibility   the statuses, and the one rule of what readers may see
querysets    how articles are read (published, owned by, shaped for each page)
articles     the article
topics       which tags are public (a tag is public through its stories)
bylines      authors on an article, in order
tags         tags on articles
corrections  corrections at the foot of an article
addresses    old slugs that redirect, preview links
photos       the photo library
autosaves    autosaved copies of unsaved work
live         live coverage's entries and their bylines
search       the stored search document (PostgreSQL)
revisions    what a stored revision holds
tracking     who wrote and last changed a row, and when (stories, entries, photos)
"""

from . import revisions
from .addresses import PreviewLink, SlugRedirect
from .articles import Article
from .autosaves import Autosave
from .bylines import Authorship, AuthorshipQuerySet
from .corrections import Correction
from .live import LiveEntry, LiveEntryAuthorship, LiveEntryQuerySet
from .photos import Photo
from .querysets import ArticleQuerySet
from .search import SearchDocument
from .tags import TaggedArticle, TagTranslation
from .topics import has_public_story, public_story_tagged, public_tags
from .visibility import published_rule

__all__ = [
    "Article",
    "ArticleQuerySet",
    "Authorship",
    "AuthorshipQuerySet",
    "Autosave",
    "Correction",
    "LiveEntry",
    "LiveEntryAuthorship",
    "LiveEntryQuerySet",
    "Photo",
    "PreviewLink",
    "SearchDocument",
    "SlugRedirect",
    "TagTranslation",
    "TaggedArticle",
    "has_public_story",
    "public_story_tagged",
    "public_tags",
    "published_rule",
]

revisions.register()
