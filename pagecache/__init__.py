"""The page cache: pages and fragments kept under the surrogate keys they show, their
edge-cache headers, and purges. It knows no model: views and templates say what they
show (`keys.record`, `{% fragment … shows … %}`), and the app that knows what a change
affects calls `invalidate(keys)`, which empties every layer."""

from functools import partial

from django.db import transaction

from . import purge, store
from .store import edge_page, kept, public_page

__all__ = ["edge_page", "invalidate", "kept", "public_page"]


def invalidate(keys=(), *, soft=(), edge=True) -> None:
    """Empty whatever shows `keys` or `soft`: the pages and fragments kept here, and
    (if `edge`) the edge caches, which refresh `soft` keys in the background.

    Kept copies let go at once, for reads inside this transaction, and again once it
    commits: a reader who drew the page between the change and its commit saw the old
    content. Edge caches are purged once it commits; nothing is sent if it rolls back.
    """
    hard, soft = frozenset(keys), frozenset(soft) - frozenset(keys)
    if not (hard or soft):
        return
    if transaction.get_connection().in_atomic_block:
        store.forget(hard | soft)
    transaction.on_commit(partial(_committed, hard, soft, edge), robust=True)


def _committed(hard, soft, edge):
    store.forget(hard | soft)
    if edge:
        purge.send(hard=hard, soft=soft)
