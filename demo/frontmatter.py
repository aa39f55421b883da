"""A tiny reader for the demo's data files: a front matter of `key: value` lines, then Markdown.

    ---
    title: Inflation falls to 3.1% as food prices ease
    tags: economy, business
    ---
    The story itself, in Markdown.

The format is kept small on purpose, so that a few lines can read it and every mistake
gets a message naming the file and line: one `key: value` per line (a key is lower-case
letters and underscores; the value is the rest of the line, taken literally, with no
quoting or escapes), blank lines allowed, and the block closed by a second `---` line.
What the keys mean, and which may repeat, is for the caller to say (demo/content.py).
"""

import re
from dataclasses import dataclass
from pathlib import Path

FENCE = "---"
LINE = re.compile(r"(?P<key>[a-z][a-z_]*):(?:[ \t]+(?P<value>.*))?$")


class FrontMatterError(ValueError):
    """A data file that cannot be used, with where to look: the file and, if known, the line."""

    def __init__(self, path, message, line=None):
        self.path, self.line = Path(path), line
        where = f"{_shown(self.path)}, line {line}" if line else _shown(self.path)
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True)
class Entry:
    key: str
    value: str
    line: int


@dataclass(frozen=True)
class Document:
    path: Path
    entries: tuple[Entry, ...]
    body: str
    end_line: int  # the closing fence's line: where a missing key would have gone

    def error(self, message, line=None):
        return FrontMatterError(self.path, message, line or None)


def read(path) -> Document:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise FrontMatterError(path, f"is not UTF-8 text ({exc.reason})") from None
    return parse(text, path)


def parse(text: str, path, *, first_line=1) -> Document:
    """`text` as a document; `first_line` is the line of the file it starts on, when it is
    one part of a file (a live story's entries)."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != FENCE:
        raise FrontMatterError(
            path, f"must start with a {FENCE!r} line, then the front matter", first_line
        )
    entries = []
    for index, line in enumerate(lines[1:], start=1):
        number = first_line + index
        if line.strip() == FENCE:
            body = "\n".join(lines[index + 1 :]).strip()
            return Document(Path(path), tuple(entries), body, end_line=number)
        if not line.strip():
            continue
        match = LINE.match(line)
        if not match:
            raise FrontMatterError(
                path,
                f"expected `key: value` (a lower-case key, then a colon) or the closing "
                f"{FENCE!r}, got {line!r}",
                number,
            )
        entries.append(Entry(match["key"], (match["value"] or "").strip(), number))
    raise FrontMatterError(path, f"the front matter is never closed by a {FENCE!r} line")


def _shown(path: Path) -> str:
    """The path as a person would type it from the project root, when it is inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)
