"""Django's cache backends, for which a cache that does not answer is an outage, never
an error.

The cache is a speed-up, never a dependency: while Redis is stopped, a read is a miss, a
write is lost (`set_many` names every key it could not store, as Django's contract
says), `incr` answers None, and the failure is logged. Everything that uses the cache
(the page store, sessions, sitemaps) therefore works on without it, and says nothing
about it. Configured in settings (`CACHES`); the locmem one never fails, and is there so
every configuration behaves alike.
"""

import logging
from functools import wraps

from django.core.cache.backends import locmem, redis

logger = logging.getLogger(__name__)

try:
    from redis.exceptions import RedisError
except ImportError:  # pragma: no cover - redis is in requirements.txt
    RedisError = OSError

# What a cache server that is stopped, restarting or out of reach raises.
UNREACHABLE = (OSError, RedisError)


def _tolerant(name, answer):
    def method(self, *args, **kwargs):
        try:
            return getattr(super(Tolerant, self), name)(*args, **kwargs)
        except UNREACHABLE as error:
            logger.warning("Cache unavailable (%s): %s answered as a miss", error, name)
            return answer(*args, **kwargs)

    return wraps(getattr(locmem.LocMemCache, name))(method)


def _default(key, default=None, *args, **kwargs):
    return default


def _nothing(*args, **kwargs):
    return None


def _false(*args, **kwargs):
    return False


def _get_or_set(key, default, *args, **kwargs):
    return default() if callable(default) else default


def _all_keys(data, *args, **kwargs):
    return list(data)


def _empty(*args, **kwargs):
    return {}


class Tolerant:
    """Each operation of the backend it is mixed into, with an unreachable server
    answered as an empty cache."""

    get = _tolerant("get", _default)
    get_many = _tolerant("get_many", _empty)
    get_or_set = _tolerant("get_or_set", _get_or_set)
    has_key = _tolerant("has_key", _false)
    add = _tolerant("add", _false)
    set = _tolerant("set", _nothing)
    set_many = _tolerant("set_many", _all_keys)
    touch = _tolerant("touch", _false)
    incr = _tolerant("incr", _nothing)
    decr = _tolerant("decr", _nothing)
    delete = _tolerant("delete", _false)
    delete_many = _tolerant("delete_many", _nothing)
    clear = _tolerant("clear", _nothing)


class RedisCache(Tolerant, redis.RedisCache):
    pass


class LocMemCache(Tolerant, locmem.LocMemCache):
    pass
