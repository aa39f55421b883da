"""Surrogate keys: the names of what a cached page shows, so a change empties exactly it.

A page is tagged with one key per thing it shows (`article-12`, `author-4`) and one per
list it is a page of (`list-news`, `home`). Which key a thing has is the business of the
app that shows it (public/freshness.py); this module only collects them. Views and
templates record keys while they render (`record`), from objects they have already
loaded, never with a query of their own; `public_page` collects them into the response's
`xkey` header (read by Varnish's xkey module) and the same value in `Surrogate-Key` (read
by Fastly), and stores the page under them. A fragment collects its own keys, which also
count for the page around it.
"""

from collections.abc import Iterable
from contextlib import contextmanager
from contextvars import ContextVar

HEADERS = ("xkey", "Surrogate-Key")

_collected: ContextVar[set[str] | None] = ContextVar("surrogate_keys", default=None)
_ends: ContextVar[list | None] = ContextVar("page_ends", default=None)


@contextmanager
def collecting(*, counts_outside=True):
    """Collect the keys recorded while a view or fragment renders; yields the set they
    land in. Keys collected inside another collection count for it too, if they
    `counts_outside` (a fragment's do: the page shows it)."""
    outer = _collected.get()
    keys: set[str] = set()
    token = _collected.set(keys)
    try:
        yield keys
    finally:
        _collected.reset(token)
        if outer is not None and counts_outside:
            outer.update(keys)


def record(*keys: str | Iterable[str]) -> None:
    """Add keys to the page being rendered; outside `collecting()` this does nothing."""
    collected = _collected.get()
    if collected is None:
        return
    for key in keys:
        if isinstance(key, str):
            collected.add(key)
        else:
            collected.update(key)


@contextmanager
def collecting_ends():
    """Collect the times recorded with `until` while a page renders (a list)."""
    ends: list = []
    token = _ends.set(ends)
    try:
        yield ends
    finally:
        _ends.reset(token)


def until(moment) -> None:
    """The page being rendered changes by the clock at `moment` (a pin ends, a layout
    takes over): it is kept no longer, here or at the edge. None: no such time."""
    ends = _ends.get()
    if ends is not None and moment is not None:
        ends.append(moment)


def header_value(keys: Iterable[str]) -> str:
    return " ".join(sorted(keys))
