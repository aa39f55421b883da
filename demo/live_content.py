"""A live story's entries: demo/live/<slug>.md beside demo/stories/<slug>.md.

The file holds the entries oldest first, each a small front matter (ENTRY_KEYS) and its
Markdown, with a line of `+++` between two entries:

    ---
    time: 23h 40m ago
    authors: nadia-corvell
    headline: Red warning for the Northern Reach coast
    key_event: yes
    ---
    The national weather service has issued its first red warning in eleven years.
    +++
    ---
    time: 23h 20m ago
    ...

Its story names when its coverage started (`live_started`) and, if it has, ended; every
entry falls within it. Mistakes name the file and the line, as everywhere in the demo.
"""

import dataclasses
import re
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from articles.models import LiveEntry, Photo

from .fields import PHOTO, Fields, ago
from .frontmatter import FrontMatterError, parse
from .images import PALETTES

SEPARATOR = "+++"
ENTRY_KEYS = {
    "time": "when it was posted, `5h 20m ago` (or to the microsecond, `24m 3.094816s ago`), "
    "within the story's live coverage",
    "authors": "author slugs in byline order, comma-separated (files in demo/authors/)",
    "headline": "a few words above the entry; a key event needs one",
    "key_event": "yes to list it under the key events at the top",
    "pinned": "yes to pin it above the others (one entry per story)",
    "photo": "a drawn photo's key, `<palette>-<number>` (see demo/images.py)",
    "alt": "what the photo shows, if not the drawing's own description",
    "caption": "the photo's caption",
}


@dataclass(frozen=True)
class Entry:
    published: timedelta  # how long before loading
    authors: tuple[str, ...]
    headline: str
    key_event: bool
    pinned: bool
    photo: str
    alt: str
    caption: str
    body: str


def with_live_entries(stories, folder, *, authors):
    """`stories` with the entries of each live story that has a file in `folder`."""
    by_slug = {story.slug: story for story in stories}
    for path in sorted(Path(folder).glob("*.md")):
        story = by_slug.get(path.stem)
        if story is None or story.live_started is None:
            raise FrontMatterError(
                path,
                f"names no live story: demo/stories/{path.stem}.md must exist and have "
                "`live_started`",
            )
        entries = read_entries(path, story=story, authors=authors)
        by_slug[story.slug] = dataclasses.replace(story, entries=entries)
    return [by_slug[story.slug] for story in stories]


def read_entries(path, *, story, authors) -> tuple[Entry, ...]:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise FrontMatterError(path, f"is not UTF-8 text ({exc.reason})") from None
    entries = [
        read_entry(part, first_line, path=path, story=story, authors=authors)
        for part, first_line in _parts(text)
    ]
    if not entries:
        raise FrontMatterError(path, "holds no entry")
    pinned = [entry for entry in entries if entry.pinned]
    if len(pinned) > 1:
        raise FrontMatterError(path, f"pins {len(pinned)} entries; a story pins one at most")
    return tuple(entries)


def _parts(text):
    """(text, first line) of each entry, split at the `+++` lines; blank lines around them
    are not part of an entry."""
    part, first_line = [], 1
    for number, line in enumerate([*text.splitlines(), SEPARATOR], start=1):
        if line.strip() != SEPARATOR:
            if part or line.strip():
                first_line = first_line if part else number
                part.append(line)
            continue
        if part:
            yield "\n".join(part), first_line
        part = []


def read_entry(text, first_line, *, path, story, authors) -> Entry:
    document = parse(text, path, first_line=first_line)
    fields = Fields(document, ENTRY_KEYS)
    published = ago(fields, "time")
    if published > story.live_started or (story.live_ended and published < story.live_ended):
        raise fields.error("its `time` is outside the story's live coverage", fields.get("time"))
    byline = fields.words("authors")
    for slug in byline:
        if slug not in authors:
            raise fields.error(
                f"unknown author {slug!r} (authors are demo/authors/<slug>.md)",
                fields.get("authors"),
            )
    headline = fields.text("headline", required=False, limit=_limit(LiveEntry, "headline"))
    key_event, pinned = _yes(fields, "key_event"), _yes(fields, "pinned")
    if key_event and not headline:
        raise fields.error(
            "a key event needs a `headline`: it is listed by it", fields.get("key_event")
        )
    photo = fields.text("photo", required=False)
    match = PHOTO.fullmatch(photo)
    if photo and (not match or match["palette"] not in PALETTES):
        raise fields.error(
            f"`photo` must be <palette>-<number>, not {photo!r}", fields.get("photo")
        )
    if not photo and (fields.get("alt") or fields.get("caption")):
        raise fields.error("`alt` and `caption` describe a `photo`, which is missing")
    if not document.body:
        raise document.error("has no text after its front matter", document.end_line)
    if re.search(r"^---\s*$", document.body, re.MULTILINE):
        raise document.error(
            f"holds a second front matter: is a {SEPARATOR!r} line missing before it?",
            document.end_line,
        )
    return Entry(
        published=published,
        authors=byline,
        headline=headline,
        key_event=key_event,
        pinned=pinned,
        photo=photo,
        alt=fields.text("alt", required=False, limit=_limit(Photo, "alt_text")),
        caption=fields.text("caption", required=False, limit=_limit(Photo, "caption")),
        body=document.body,
    )


def _yes(fields, key):
    value = fields.text(key, required=False) or "no"
    if value not in ("yes", "no"):
        raise fields.error(f"`{key}` must be yes or no, not {value!r}", fields.get(key))
    return value == "yes"


def _limit(model, field):
    return model._meta.get_field(field).max_length
