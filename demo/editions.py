"""The demo's other editions: `demo/<language>/`, read against the default edition's files.

    demo/uk/newsroom.md         the tags' names in the edition's language, by slug
    demo/uk/authors/<slug>.md   a journalist's name, role, short bio and bio there
    demo/uk/stories/<slug>.md   a story of the edition: a translation names the default
                                edition's story it translates (`translation_of`) and
                                takes its tags, byline and photo from it; a story of
                                its own has every key a default edition's story has
    demo/uk/live/<slug>.md      a live story's entries, as in demo/live/

Every mistake is reported as a FrontMatterError naming the file and line, as in
demo/content.py.
"""

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from articles.models import Article, Photo
from authors.models import Author

from .content import (
    STORY_KEYS,
    Newsroom,
    Story,
    _coverage,
    _limit,
    _published,
    _slug,
    _updated,
    read_story,
)
from .fields import Fields
from .frontmatter import FrontMatterError, read
from .live_content import with_live_entries

# What a translation says itself; the rest is its source's.
TRANSLATION_KEYS = {
    "translation_of": "the slug of the story it translates (a file in demo/stories/)",
    **{
        key: STORY_KEYS[key]
        for key in (
            "title",
            "standfirst",
            "status",
            "published",
            "updated",
            "featured",
            "correction",
            "alt",
            "caption",
            "live_started",
            "live_ended",
        )
    },
}
AUTHOR_KEYS = ("name", "role", "short_bio")


@dataclass(frozen=True)
class Translator:
    """A journalist's words in an edition's language (`Author.<field>_<language>`)."""

    slug: str
    name: str
    role: str
    short_bio: str
    bio: str


@dataclass(frozen=True)
class EditionContent:
    language: str
    tag_names: dict[str, str]  # tag slug -> its name in the language
    authors: tuple[Translator, ...]
    stories: tuple[Story, ...]


def read_editions(folder, newsroom: Newsroom) -> tuple[EditionContent, ...]:
    """Each other edition with a folder under `folder`, in the settings' order."""
    found = []
    for language, _ in settings.LANGUAGES:
        path = Path(folder) / language
        if language != settings.LANGUAGE_CODE and path.is_dir():
            found.append(read_edition(path, language, newsroom))
    return tuple(found)


def read_edition(folder: Path, language: str, newsroom: Newsroom) -> EditionContent:
    document = read(folder / "newsroom.md")
    fields = Fields(document, tuple(newsroom.tags))
    tag_names = {slug: fields.text(slug, required=False) for slug in newsroom.tags}
    known = {person.slug for person in newsroom.authors}
    authors = tuple(_translator(path, known) for path in sorted((folder / "authors").glob("*.md")))
    sources = {story.slug: story for story in newsroom.stories}
    stories = []
    for path in sorted((folder / "stories").glob("*.md")):
        if path.stem in sources:
            raise FrontMatterError(path, "has a default edition story's slug; choose another")
        if any(entry.key == "translation_of" for entry in read(path).entries):
            story = _translation(path, sources)
        else:
            story = read_story(path, tags=set(newsroom.tags), authors=known)
        stories.append(dataclasses.replace(story, language=language))
    stories = with_live_entries(stories, folder / "live", authors=known)
    return EditionContent(language, tag_names, authors, tuple(stories))


def _translator(path, known) -> Translator:
    document = read(path)
    if path.stem not in known:
        raise document.error(f"names no journalist: demo/authors/{path.stem}.md must exist")
    fields = Fields(document, AUTHOR_KEYS)
    return Translator(
        slug=path.stem,
        name=fields.text("name", limit=_limit(Author, "name_uk")),
        role=fields.text("role", required=False, limit=_limit(Author, "role_uk")),
        short_bio=fields.text("short_bio", required=False, limit=_limit(Author, "short_bio_uk")),
        bio=document.body,
    )


def _translation(path, sources) -> Story:
    document = read(path)
    fields = Fields(document, TRANSLATION_KEYS, repeatable=("correction",))
    source = sources.get(fields.text("translation_of"))
    if source is None:
        raise fields.error(
            f"`translation_of` names no story of demo/stories/: {fields.text('translation_of')!r}",
            fields.get("translation_of"),
        )
    status = fields.text("status")
    if status != source.status:
        raise fields.error(
            f"`status` must be its source's, {source.status!r}", fields.get("status")
        )
    if not document.body:
        raise document.error("has no story after the front matter")
    live_started, live_ended = _coverage(fields, status)
    return dataclasses.replace(
        source,
        slug=_slug(document),
        title=fields.text("title", limit=_limit(Article, "title")),
        standfirst=fields.text("standfirst", limit=_limit(Article, "standfirst")),
        published=_published(fields, status),
        updated=_updated(fields, status),
        featured=(fields.text("featured", required=False) or "no") == "yes",
        corrections=tuple(entry.value for entry in fields.entries.get("correction", [])),
        alt=fields.text("alt", required=False, limit=_limit(Photo, "alt_text_uk")),
        caption=fields.text("caption", required=False, limit=_limit(Photo, "caption_uk")),
        body=document.body,
        live_started=live_started,
        live_ended=live_ended,
        entries=(),
        translation_of=source.slug,
    )
