"""What the demo's data files say, read and checked before anything is written.

    demo/newsroom.md         the tags, and which of them the masthead shows as sections
    demo/authors/<slug>.md   one journalist: name, role, avatar colour, short bio; the bio
    demo/stories/<slug>.md   one story: its front matter (STORY_KEYS), then its Markdown
    demo/live/<slug>.md      a live story's entries (demo/live_content.py says how)

A file's name is its slug, so two stories cannot share an address. Times are offsets
from the moment of loading ("2d 5h 10m ago", "in 20h"), so the demo always looks fresh;
an offset may end in seconds with a fraction ("2h 12m 41.306172s ago"), as a time taken
from the clock does (a story published with no time, a live entry), so that the pages
meet one.
Every mistake is reported as a FrontMatterError naming the file and line.
"""

import re
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from django.utils.text import slugify

from articles.models import Article, Photo
from authors.models import Author

from .fields import PHOTO, Fields, ago, duration
from .frontmatter import Document, FrontMatterError, read
from .images import PALETTES
from .live_content import with_live_entries

DEMO_DIR = Path(__file__).resolve().parent
CREDIT = "Illustration: Ledger graphics desk"
STATUSES = ("draft", "review", "published", "scheduled")

# key -> what it holds, for the error that lists the keys a story may have.
STORY_KEYS = {
    "title": "the headline",
    "standfirst": "one or two sentences under the headline",
    "status": "draft, review, published (in the past) or scheduled (in the future)",
    "published": "for published and scheduled stories: `2d 6h ago` or `in 20h` (seconds too: "
    "`5m 7.25s ago`)",
    "updated": "for published stories: how long after publication it changed, `3h later`",
    "primary_tag": "the tag shown above the headline (a slug from demo/newsroom.md)",
    "tags": "further tags, comma-separated slugs",
    "authors": "author slugs in byline order, comma-separated (files in demo/authors/)",
    "featured": "yes to lead the home page while recent",
    "correction": "a correction printed under the story; may repeat",
    "photo": "the drawn lead photo's key, `<palette>-<number>` (see demo/images.py)",
    "alt": "what the photo shows, if not the drawing's own description",
    "caption": "the photo's caption",
    "credit": f"the photo's credit (default: {CREDIT})",
    "live_started": "for a live story: when its live coverage started, `1d 2h ago`",
    "live_ended": "when its live coverage ended, `2h ago` (without it, it is still running)",
}
AUTHOR_KEYS = ("name", "role", "colour", "short_bio")
NEWSROOM_KEYS = ("tags", "sections")

COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


@dataclass(frozen=True)
class Person:
    slug: str
    name: str
    role: str
    short_bio: str
    bio: str
    colour: str  # the avatar's background

    @property
    def initials(self):
        return "".join(part[0] for part in self.name.split()[:2]).upper()


@dataclass(frozen=True)
class Story:
    slug: str
    title: str
    standfirst: str
    status: str  # one of STATUSES
    published: timedelta | None  # how long before loading; negative: scheduled
    updated: timedelta | None  # how long after publication
    primary_tag: str
    tags: tuple[str, ...]  # every tag, the primary one first
    authors: tuple[str, ...]
    featured: bool
    corrections: tuple[str, ...]
    photo: str
    alt: str
    caption: str
    credit: str
    body: str
    # Live coverage: how long before loading it started and ended, and its entries.
    live_started: timedelta | None = None
    live_ended: timedelta | None = None
    entries: tuple = ()
    # Another edition's story (demo/editions.py): its language, and the slug of the
    # default edition's story it translates ("" for a story of its own).
    language: str = ""
    translation_of: str = ""


@dataclass(frozen=True)
class Newsroom:
    tags: dict[str, str]  # slug -> name, in the file's order
    sections: tuple[str, ...]  # tag slugs, in masthead order
    authors: tuple[Person, ...]
    stories: tuple[Story, ...]


def read_newsroom(folder=DEMO_DIR) -> Newsroom:
    """Every demo file under `folder`, checked against the others (tags, authors, photos)."""
    folder = Path(folder)
    tags, sections = read_tags(folder / "newsroom.md")
    authors = tuple(read_author(path) for path in sorted((folder / "authors").glob("*.md")))
    author_slugs = {person.slug for person in authors}
    stories = []
    for path in sorted((folder / "stories").glob("*.md")):
        stories.append(read_story(path, tags=set(tags), authors=author_slugs))
    if not stories:
        raise FrontMatterError(folder / "stories", "holds no story (*.md)")
    stories = with_live_entries(stories, folder / "live", authors=author_slugs)
    return Newsroom(tags, sections, authors, tuple(stories))


def read_tags(path):
    """(slug -> name, section slugs) from demo/newsroom.md."""
    fields = Fields(read(path), NEWSROOM_KEYS)
    tags = {slugify(name): name for name in fields.words("tags")}
    if len(tags) != len(fields.words("tags")):
        raise fields.error("two tags have the same slug", fields.get("tags"))
    sections = fields.words("sections")
    for slug in sections:
        if slug not in tags:
            raise fields.error(f"section {slug!r} is not one of the tags", fields.get("sections"))
    return tags, sections


def read_author(path) -> Person:
    document = read(path)
    fields = Fields(document, AUTHOR_KEYS)
    colour = fields.text("colour")
    if not COLOUR.fullmatch(colour):
        raise fields.error(f"`colour` must look like #2f4b7c, not {colour!r}", fields.get("colour"))
    if not document.body:
        raise document.error("has no biography after the front matter")
    return Person(
        slug=_slug(document),
        name=fields.text("name", limit=_limit(Author, "name")),
        role=fields.text("role", limit=_limit(Author, "role")),
        short_bio=fields.text("short_bio", limit=_limit(Author, "short_bio")),
        bio=document.body,
        colour=colour,
    )


def read_story(path, *, tags, authors) -> Story:
    document = read(path)
    fields = Fields(document, STORY_KEYS, repeatable=("correction",))
    status = fields.text("status")
    if status not in STATUSES:
        raise fields.error(
            f"`status` must be one of {', '.join(STATUSES)}, not {status!r}", fields.get("status")
        )
    published = _published(fields, status)
    updated = _updated(fields, status)
    corrections = tuple(entry.value for entry in fields.entries.get("correction", []))
    if corrections and status != "published":
        raise fields.error("only a published story can have a correction", fields.get("correction"))
    if any(not text for text in corrections):
        raise fields.error("`correction` is empty", fields.get("correction"))

    primary = fields.text("primary_tag")
    further = fields.words("tags", required=False)
    for slug, key in [(primary, "primary_tag")] + [(slug, "tags") for slug in further]:
        if slug not in tags:
            raise fields.error(
                f"unknown tag {slug!r} (tags are listed in demo/newsroom.md)", fields.get(key)
            )
    byline = fields.words("authors")
    for slug in byline:
        if slug not in authors:
            raise fields.error(
                f"unknown author {slug!r} (authors are demo/authors/<slug>.md)",
                fields.get("authors"),
            )
    photo = fields.text("photo")
    match = PHOTO.fullmatch(photo)
    if not match or match["palette"] not in PALETTES:
        raise fields.error(
            f"`photo` must be <palette>-<number> with a palette of {', '.join(PALETTES)}; "
            f"not {photo!r}",
            fields.get("photo"),
        )
    featured = fields.text("featured", required=False) or "no"
    if featured not in ("yes", "no"):
        raise fields.error(
            f"`featured` must be yes or no, not {featured!r}", fields.get("featured")
        )
    if not document.body:
        raise document.error("has no story after the front matter")
    live_started, live_ended = _coverage(fields, status)

    return Story(
        slug=_slug(document),
        title=fields.text("title", limit=_limit(Article, "title")),
        standfirst=fields.text("standfirst", limit=_limit(Article, "standfirst")),
        status=status,
        published=published,
        updated=updated,
        primary_tag=primary,
        tags=(primary, *(slug for slug in further if slug != primary)),
        authors=byline,
        featured=featured == "yes",
        corrections=corrections,
        photo=photo,
        alt=fields.text("alt", required=False, limit=_limit(Photo, "alt_text")),
        caption=fields.text("caption", required=False, limit=_limit(Photo, "caption")),
        credit=fields.text("credit", required=False, limit=_limit(Photo, "credit")) or CREDIT,
        body=document.body,
        live_started=live_started,
        live_ended=live_ended,
    )


def _published(fields, status):
    entry = fields.get("published")
    if status in ("draft", "review"):
        if entry:
            raise fields.error(
                f"a {status} story has no publication time; remove `published`", entry
            )
        return None
    text = fields.text("published")
    past = text.endswith(" ago") and duration(text.removesuffix(" ago"))
    future = text.startswith("in ") and duration(text.removeprefix("in "))
    if status == "published" and past:
        return past
    if status == "scheduled" and future:
        return -future
    example = "2d 6h ago" if status == "published" else "in 20h"
    raise fields.error(
        f"a {status} story's `published` looks like `{example}`, not {text!r}", entry
    )


def _updated(fields, status):
    entry = fields.get("updated")
    if entry is None:
        return None
    if status != "published":
        raise fields.error("only a published story can be updated", entry)
    text = fields.text("updated")
    later = text.endswith(" later") and duration(text.removesuffix(" later"))
    if not later:
        raise fields.error(f"`updated` looks like `3h later`, not {text!r}", entry)
    return later


def _coverage(fields, status):
    """(started, ended) of a story's live coverage, as offsets from loading, or Nones."""
    started = ago(fields, "live_started", required=False)
    ended = ago(fields, "live_ended", required=False)
    if started is None:
        if ended is not None:
            raise fields.error("`live_ended` needs a `live_started`", fields.get("live_ended"))
        return None, None
    if status != "published":
        raise fields.error("only a published story has live coverage", fields.get("live_started"))
    if ended is not None and ended > started:
        raise fields.error("live coverage ends before it starts", fields.get("live_ended"))
    return started, ended


def _slug(document: Document) -> str:
    slug = document.path.stem
    if slugify(slug) != slug or len(slug) > _limit(Article, "slug"):
        raise document.error(
            "the file's name is the slug: lower-case words joined by hyphens, at most 200 "
            f"characters, then .md (this one would be {slugify(slug)[:200]!r})"
        )
    return slug


def _limit(model, field):
    """A column's length, checked here: SQLite would store a longer value without a word."""
    return model._meta.get_field(field).max_length
