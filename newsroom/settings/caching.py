"""The cache, the page cache kept in it, and the edge caches in front."""

from .base import env

# Local memory by default; `CACHE_URL=redis://…` shares one cache between app servers.
# Either way through pagecache/backends.py: a cache that stops answering is an outage
# (misses, lost writes, a warning in the log), never an error.
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://newsroom")}
TOLERANT_BACKENDS = {
    "django.core.cache.backends.redis.RedisCache": "pagecache.backends.RedisCache",
    "django.core.cache.backends.locmem.LocMemCache": "pagecache.backends.LocMemCache",
}
CACHES["default"]["BACKEND"] = TOLERANT_BACKENDS.get(
    CACHES["default"]["BACKEND"], CACHES["default"]["BACKEND"]
)
if CACHES["default"]["BACKEND"].endswith("LocMemCache"):
    # Django's default keeps 300 entries per process, then culls a third: with a page,
    # each card and author box, and each key's version an entry, that is a dozen pages,
    # and readers spread over an archive always miss. A story page read is two entries
    # (the page, its story's key version; authors' boxes and tags' keys are shared), and
    # costs a process about 22 KB (12 KB pickled): 50,000 entries hold some 25,000 story
    # pages, with room for the lists and their cards, for at most about 550 MB a process
    # (docs/performance.md, "Pages with no cache at all"). CACHE_MAX_ENTRIES fits the
    # machine; a shared Redis (CACHE_URL) keeps one copy for every process instead.
    CACHES["default"].setdefault("OPTIONS", {})["MAX_ENTRIES"] = env.int(
        "CACHE_MAX_ENTRIES", default=50_000
    )
# How long an anonymous page may be served from the cache. A change to what it shows
# empties it sooner, and the next scheduled publication shortens it (pagecache/store.py).
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=300)
# How often an open live page asks for new entries (static/js/live.js); 20–30 s in
# production, where every reader's page asks.
LIVE_POLL_SECONDS = env.int("LIVE_POLL_SECONDS", default=25)

# --- Edge cache, purges and health checks (pagecache/edge.py, purge.py, public/health.py)
# How long the edge cache in front (Varnish, a CDN) may keep an anonymous page. Purges
# remove a page as soon as what it shows changes; the next scheduled publication shortens
# this. Told in Surrogate-Control, which the edge removes: readers and other caches see a
# fixed minute (pagecache/edge.py).
EDGE_CACHE_SECONDS = env.int("EDGE_CACHE_SECONDS", default=3600)
# How long it may go on serving an expired page while it fetches the new one.
EDGE_STALE_WHILE_REVALIDATE = env.int("EDGE_STALE_WHILE_REVALIDATE", default=30)
# How long it may serve an expired page while the site fails (the database restarting).
EDGE_STALE_IF_ERROR = env.int("EDGE_STALE_IF_ERROR", default=86400)
# Where changes are purged: "varnish" (a PURGE to each of EDGE_CACHE_URLS) or "none".
EDGE_PURGE = env.str("EDGE_PURGE", default="none")
# Send Surrogate-Control only with an edge cache in front that removes it (its numbers
# count down to the next scheduled story): by default, when there is one to purge.
EDGE_SURROGATE_CONTROL = env.bool("EDGE_SURROGATE_CONTROL", default=EDGE_PURGE != "none")
EDGE_CACHE_URLS = env.list("EDGE_CACHE_URLS", default=[])
# Seconds one purge request may take, and the pauses before each retry of a failed one.
EDGE_PURGE_TIMEOUT = env.float("EDGE_PURGE_TIMEOUT", default=2.0)
EDGE_PURGE_RETRY_DELAYS = env.list("EDGE_PURGE_RETRY_DELAYS", cast=float, default=[1, 5, 30])
# Sessions live in the database; with a shared Redis cache they are read through it, and a
# cache that stops answering is no error (the backend answers a miss: pagecache/backends.py).
if CACHES["default"]["BACKEND"].endswith("RedisCache"):
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
# Balancers and edge caches ask for /healthz over plain HTTP: no redirect to HTTPS.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
