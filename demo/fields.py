"""Reading a demo file's keys: each document's entries by key, and the values stories and
live entries share (time offsets such as `2d 6h ago`, photo keys such as `harbour-3`)."""

import re
from datetime import timedelta
from decimal import Decimal

from .frontmatter import Document

DURATION = re.compile(
    r"(?:(?P<d>\d+)d)?\s*(?:(?P<h>\d+)h)?\s*(?:(?P<m>\d+)m)?\s*(?:(?P<s>\d+(?:\.\d{1,6})?)s)?"
)
PHOTO = re.compile(r"(?P<palette>[a-z]+)-(?P<number>\d+)")


class Fields:
    """One document's entries by key: an unknown key, or a key given twice, is an error."""

    def __init__(self, document: Document, known, *, repeatable=()):
        self.document, self.known = document, tuple(known)
        # What each key holds, for the message when a required one is missing.
        self.descriptions = known if isinstance(known, dict) else {}
        self.entries: dict[str, list] = {}
        for entry in document.entries:
            seen = self.entries.setdefault(entry.key, [])
            if seen and entry.key not in repeatable:
                raise self.error(f"`{entry.key}` is given twice (also line {seen[0].line})", entry)
            seen.append(entry)
        for key, [entry, *_] in self.entries.items():
            if key not in self.known:
                raise self.error(f"unknown key `{key}`; known: {', '.join(self.known)}", entry)

    def error(self, message, entry=None):
        return self.document.error(message, entry.line if entry else self.document.end_line)

    def get(self, key):
        return self.entries.get(key, [None])[0]

    def text(self, key, *, required=True, limit=None):
        entry = self.get(key)
        if entry is None:
            if required:
                raise self.error(f"`{key}` is missing ({self.descriptions.get(key, 'required')})")
            return ""
        if not entry.value:
            raise self.error(f"`{key}` is empty", entry)
        if limit and len(entry.value) > limit:
            raise self.error(f"`{key}` is {len(entry.value)} characters; at most {limit}", entry)
        return entry.value

    def words(self, key, *, required=True):
        """A comma-separated list, each item once."""
        text = self.text(key, required=required)
        items = [item.strip() for item in text.split(",")] if text else []
        entry = self.get(key)
        if any(not item for item in items):
            raise self.error(f"`{key}` has an empty item: {text!r}", entry)
        if len(set(items)) != len(items):
            raise self.error(f"`{key}` names something twice: {text!r}", entry)
        return tuple(items)


def duration(text) -> timedelta | None:
    """`1d 4h 30m 5.25s` (any of the four, in that order; seconds to the microsecond) as a
    timedelta, or None if it is not one."""
    match = DURATION.fullmatch(text.strip())
    if not match or not any(match.groupdict().values()):
        return None
    days, hours, minutes = (int(match[unit] or 0) for unit in "dhm")
    seconds = Decimal(match["s"] or 0)
    return timedelta(days=days, hours=hours, minutes=minutes, microseconds=int(seconds * 10**6))


def ago(fields, key, *, required=True):
    """The value of `key`, `2d 6h ago`, as a timedelta; None if it is absent and may be."""
    entry = fields.get(key)
    if entry is None and not required:
        return None
    text = fields.text(key)
    past = text.endswith(" ago") and duration(text.removesuffix(" ago"))
    if not past:
        raise fields.error(f"`{key}` looks like `2d 6h ago`, not {text!r}", entry)
    return past
