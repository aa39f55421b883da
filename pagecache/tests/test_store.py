"""The store on its own, with no model: kept values let go by key, and a value drawn
while a key it shows moved is not kept."""

import pytest

from pagecache import invalidate, kept, store

pytestmark = pytest.mark.django_db  # invalidate() waits for the commit, if in a transaction


def counting(value="drawn"):
    calls = []

    def compute():
        calls.append(1)
        return value

    return compute, calls


def test_a_kept_value_is_drawn_once_until_a_key_it_shows_is_invalidated():
    compute, calls = counting()

    kept("greeting", compute, shows=["thing-1"])
    kept("greeting", compute, shows=["thing-1"])
    invalidate(["thing-2"], edge=False)
    kept("greeting", compute, shows=["thing-1"])
    assert len(calls) == 1

    invalidate(["thing-1"], edge=False)
    kept("greeting", compute, shows=["thing-1"])
    assert len(calls) == 2


def test_a_value_drawn_while_a_key_it_shows_changed_is_not_kept():
    """A reader who read the old content while a change committed must not keep it."""
    calls = []

    def compute_during_a_change():
        calls.append(1)
        if len(calls) == 1:
            store.forget(["thing-3"])  # the change commits while this is drawn
        return "maybe old"

    kept("racy", compute_during_a_change, shows=["thing-3"])
    kept("racy", compute_during_a_change, shows=["thing-3"])

    assert len(calls) == 2
