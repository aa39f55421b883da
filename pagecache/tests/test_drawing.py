from django.test import override_settings

from pagecache import keys, store
from pagecache.drawing import one_drawing

NO_CACHE = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}


def counting():
    calls = []

    def compute():
        calls.append(1)
        keys.record("thing-1")
        return len(calls)

    return compute, calls


@override_settings(CACHES=NO_CACHE)
def test_with_no_cache_a_kept_value_is_computed_once_per_page():
    compute, calls = counting()
    with one_drawing(), keys.collecting() as page_keys:
        first = store.kept("x", compute, shows=["things"], part_of_page=True)
        again = store.kept("x", compute, shows=["things"], part_of_page=True)

    assert first == again == 1
    assert calls == [1]
    assert page_keys == {"thing-1", "things"}  # found again, its keys still count


@override_settings(CACHES=NO_CACHE)
def test_each_page_computes_its_own():
    compute, calls = counting()
    for _ in range(2):
        with one_drawing():
            store.kept("x", compute, shows=["things"])
    store.kept("x", compute, shows=["things"])  # outside a page: nothing remembered

    assert len(calls) == 3
