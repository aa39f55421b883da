"""A cache server that does not answer is an outage, never an error: reads miss, writes
are reported lost, and nothing raises (pagecache/backends.py)."""

import socket

import pytest

from pagecache.backends import RedisCache


@pytest.fixture
def stopped_redis():
    """Django's Redis backend, through ours, pointed at a port nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return RedisCache(f"redis://127.0.0.1:{port}/0", {"OPTIONS": {"socket_timeout": 1}})


def test_a_stopped_redis_answers_reads_as_misses(stopped_redis):
    assert stopped_redis.get("page", "default") == "default"
    assert stopped_redis.get_many(["page", "clock"]) == {}
    assert not stopped_redis.has_key("page")
    assert stopped_redis.get_or_set("page", lambda: "drawn") == "drawn"


def test_a_stopped_redis_reports_writes_lost_and_counts_nothing(stopped_redis):
    assert stopped_redis.set_many({"a": 1, "b": 2}) == ["a", "b"]
    assert stopped_redis.add("a", 1) is False
    assert stopped_redis.incr("clock") is None
    stopped_redis.set("a", 1)
    stopped_redis.delete("a")
