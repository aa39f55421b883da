"""Purging edge caches by surrogate key, once the change that calls for it has committed.

`send(hard=…, soft=…)` sends the keys of one change to every edge cache, in one request
each; `pagecache.invalidate` calls it once the change commits (nothing is sent when it
rolls back). Hard-purged pages are gone at once; soft-purged ones are marked stale and
refreshed in the background, so one more reader may see the previous copy. Where purges
go is chosen by settings: `EDGE_PURGE=varnish` with `EDGE_CACHE_URLS`, or `none`. A purge
that fails is logged and retried on a timer, never raised: an editor's save does not
depend on the edge, and pages the edge keeps expire by themselves within
EDGE_CACHE_SECONDS.
"""

import http.client
import logging
import threading
from urllib.parse import urlsplit

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver

logger = logging.getLogger(__name__)


class PurgeFailed(Exception):
    pass


class NoPurger:
    """No edge cache in front of the site: nothing to purge."""

    active = False
    targets: tuple[str, ...] = ()

    def send(self, target, *, hard, soft):
        pass


class VarnishPurger:
    """`PURGE` requests to each Varnish, read by deploy/varnish/default.vcl with xkey."""

    active = True

    def __init__(self, urls, *, timeout):
        self.targets = tuple(urls)
        self.timeout = timeout

    def send(self, target, *, hard, soft):
        url = urlsplit(target)
        headers = {}
        if hard:
            headers["xkey-purge"] = " ".join(sorted(hard))
        if soft:
            headers["xkey-softpurge"] = " ".join(sorted(soft))
        connection_class = (
            http.client.HTTPSConnection if url.scheme == "https" else http.client.HTTPConnection
        )
        connection = connection_class(url.hostname, url.port, timeout=self.timeout)
        try:
            connection.request("PURGE", url.path or "/", headers=headers)
            response = connection.getresponse()
            response.read()
        except OSError as error:
            raise PurgeFailed(f"{type(error).__name__}: {error}") from error
        finally:
            connection.close()
        if response.status != 200:
            raise PurgeFailed(f"answered {response.status} {response.reason}")


PURGERS = {"none": NoPurger, "varnish": VarnishPurger}
_purger = None


def get_purger():
    global _purger
    if _purger is None:
        kind = settings.EDGE_PURGE
        if kind not in PURGERS:
            raise ValueError(f"EDGE_PURGE must be one of {', '.join(PURGERS)}, not {kind!r}")
        if kind == "none":
            _purger = NoPurger()
        else:
            _purger = PURGERS[kind](settings.EDGE_CACHE_URLS, timeout=settings.EDGE_PURGE_TIMEOUT)
    return _purger


@receiver(setting_changed)
def _forget_purger(setting, **kwargs):
    global _purger
    if setting.startswith("EDGE_"):
        _purger = None


def send(*, hard=(), soft=()) -> None:
    """Purge `hard` and `soft` keys from every edge cache now, one request per cache.

    `pagecache.invalidate` calls it once the change has committed; the keys of one change
    go out together.
    """
    purger = get_purger()
    hard, soft = frozenset(hard), frozenset(soft) - frozenset(hard)  # purged: no refresh
    if not purger.active or not (hard or soft):
        return
    for target in purger.targets:
        deliver(purger, target, hard=hard, soft=soft)


def deliver(purger, target, *, hard, soft, attempt=0) -> None:
    """Send one purge to one cache; on failure, log it and try again later."""
    try:
        purger.send(target, hard=hard, soft=soft)
    except Exception as error:
        delays = settings.EDGE_PURGE_RETRY_DELAYS
        keys = " ".join(sorted(hard | soft))
        if attempt < len(delays):
            logger.warning(
                "Edge purge of %s at %s failed (%s); retry %d in %ss",
                keys, target, error, attempt + 1, delays[attempt],
            )  # fmt: skip
            retry = threading.Timer(
                delays[attempt],
                deliver,
                args=(purger, target),
                kwargs={"hard": hard, "soft": soft, "attempt": attempt + 1},
            )
            retry.daemon = True
            retry.start()
        else:
            logger.error(
                "Edge purge of %s at %s failed %d times (%s); giving up: those pages "
                "expire from that cache within %ss",
                keys, target, attempt + 1, error, settings.EDGE_CACHE_SECONDS,
            )  # fmt: skip
