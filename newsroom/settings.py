"""Settings for Newsroom.

Every value comes from the environment (or an optional `.env` beside manage.py), read
once here through django-environ. Production differs from development by variables only;
`.env.example` lists them all.
"""

import secrets
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import environ
from csp.constants import NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
env.read_env(BASE_DIR / ".env")

DEBUG = env.bool("DEBUG", default=False)
# No default that could reach production: without DEBUG a key must be given.
SECRET_KEY = env.str("SECRET_KEY", default="") or (
    "django-insecure-development-only" if DEBUG else ""
)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])

SITE_NAME = env.str("SITE_NAME", default="The Northern Ledger")
SITE_TAGLINE = env.str("SITE_TAGLINE", default="Independent news, every hour")
# Absolute base for links leaving the site: feeds, sitemaps, Open Graph, JSON-LD. Without
# one, the local server's own address: `PORT=8123 make run` links to port 8123.
SITE_URL = env.str("SITE_URL", default=f"http://127.0.0.1:{env.int('PORT', default=8000)}").rstrip(
    "/"
)
# Origins whose forms (the admin's) may POST here: the site's own address always, so the
# admin works through the proxies in front whatever host or scheme they pass on, and any
# others named.
_SITE_ORIGIN = "{0.scheme}://{0.netloc}".format(urlsplit(SITE_URL))
CSRF_TRUSTED_ORIGINS = [
    _SITE_ORIGIN,
    *(o for o in env.list("CSRF_TRUSTED_ORIGINS", default=[]) if o != _SITE_ORIGIN),
]

INSTALLED_APPS = [
    # Django's admin, on a site that signs staff in with a second factor (staff/).
    "staff.admin_apps.StaffAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "taggit",
    "reversion",
    "csp",
    # The body editor's ProseMirror build and styles, served from our static files.
    "django_prose_editor",
    # The content API (Django REST framework, its OpenAPI document by drf-spectacular,
    # Swagger UI served from our own static files) and the webhooks that follow it.
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    # The editorial back office: every admin of ours, the desk's views and previews.
    "desk",
    "webhooks",
    "api",
    # Newsletters (editions, the send ledger) and reader accounts (sign-in by email link).
    "newsletters",
    "readers",
    # Providers' bounce and complaint webhooks, and their email backends when wanted.
    "anymail",
    "public",
    # The front page editors arrange, the breaking-news banner, "Most read".
    "frontpage",
    "articles",
    "authors",
    "pagecache",
    "imaging",
    # The one task queue: Django's tasks API, jobs stored in the site's database.
    "django_tasks",
    "django_tasks_db",
    "jobs",
    # Staff security: sign-in throttling, two-factor, sessions, the audit trail.
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "staff",
]
# The demo newsroom (`manage.py load_demo`): `make run` turns it on; production leaves it off.
DEMO = env.bool("DEMO", default=False)
if DEMO:
    INSTALLED_APPS.append("demo")

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "pagecache.edge.EdgeCacheMiddleware",  # outside sessions and CSRF: it sees their cookies
    "public.health.DatabaseUnavailableMiddleware",  # a database outage is a 503, not a 500
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Django's, keeping the edge's headers on a 304 (pagecache/edge.py).
    "pagecache.edge.ConditionalGetMiddleware",
    # Fills the breaking-news banner into pages, kept without it (frontpage/banner.py);
    # inside ConditionalGet, so the ETag is the page readers get.
    "frontpage.banner.BannerMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Which second factor verified the session; sessions ended elsewhere or lacking a
    # required second factor count as signed out; audit entries know the request.
    "django_otp.middleware.OTPMiddleware",
    "staff.middleware.StaffSessionMiddleware",
    "staff.middleware.AuditContextMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Turns a sign-in refused for too many failures into the lockout page (last, as
    # django-axes asks).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "newsroom.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Two editors saving at once: SQLite's default (deferred) transactions both read, then
    # both try to write and one fails at once with "database is locked". IMMEDIATE takes
    # the write lock at BEGIN, so the other waits its turn (up to `timeout` seconds); WAL
    # lets readers go on while a write is in progress.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        **DATABASES["default"].get("OPTIONS", {}),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

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
    # and readers spread over an archive always miss. 2,000 story pages read (with their
    # keys and author boxes) are about 6,000 entries; 20,000 leaves room for the lists
    # and their cards. A story page is some 25 KB, a card 1 KB, a version a few bytes:
    # a few hundred MB per process at the very most. CACHE_MAX_ENTRIES fits the machine.
    CACHES["default"].setdefault("OPTIONS", {})["MAX_ENTRIES"] = env.int(
        "CACHE_MAX_ENTRIES", default=20_000
    )
# Background work (docs/queue.md): jobs wait in the site's own database, so the embedded
# default needs no server and PostgreSQL carries production's queue; `run_worker` runs them.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": []}}

# The content API (api/, docs/api.md) and its webhooks (webhooks/).
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": f"{SITE_NAME} content API",
    "DESCRIPTION": "Public stories, authors, tags, sections, search and corrections, "
    "read with an API key (docs/api.md).",
    "VERSION": "1",
    "SERVE_AUTHENTICATION": [],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
}
# The pauses between a webhook delivery's attempts, in seconds: about 27 hours in all (the
# Standard Webhooks schedule). After the last, the delivery has failed and its endpoint is
# disabled, with a notice to its contact.
WEBHOOK_RETRY_DELAYS = env.list(
    "WEBHOOK_RETRY_DELAYS", cast=float, default=[5, 300, 1800, 7200, 18000, 36000, 36000]
)
WEBHOOK_TIMEOUT_SECONDS = env.float("WEBHOOK_TIMEOUT_SECONDS", default=10.0)
# How often scheduled stories whose time came are announced (story.published).
WEBHOOK_SWEEP_SECONDS = env.int("WEBHOOK_SWEEP_SECONDS", default=30)

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

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    # Every account here is a staff account: 12 characters at least.
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = env.str("LANGUAGE_CODE", default="en-gb")
TIME_ZONE = env.str("TIME_ZONE", default="Europe/London")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = env.str("MEDIA_URL", default="/media/")
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
# Uploaded images larger than these are refused (imaging/validators.py).
IMAGE_MAX_BYTES = env.int("IMAGE_MAX_BYTES", default=20 * 1024 * 1024)
IMAGE_MAX_PIXELS = env.int("IMAGE_MAX_PIXELS", default=40_000_000)

# Media on S3-compatible storage when a bucket is named; the file system otherwise.
AWS_STORAGE_BUCKET_NAME = env.str("AWS_STORAGE_BUCKET_NAME", default="")
if AWS_STORAGE_BUCKET_NAME:
    media_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": env.str("AWS_S3_ENDPOINT_URL", default="") or None,
            "custom_domain": env.str("AWS_S3_CUSTOM_DOMAIN", default="") or None,
            "file_overwrite": False,
            "querystring_auth": False,
        },
    }
else:
    media_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": media_storage,
    "staticfiles": {
        # Hashed, compressed names served with far-future caching by WhiteNoise.
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
    },
}
# Tests and `runserver` with DEBUG read static files straight from the source folders.
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG

# Security: `manage.py check --deploy` passes when DEBUG is off.
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
# Both bind every subdomain (and, preloaded, every browser) for the whole max-age, and
# are hard to undo: off unless asked for. Their deploy checks are silenced only while off.
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=False)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
SILENCED_SYSTEM_CHECKS = [
    *([] if SECURE_HSTS_INCLUDE_SUBDOMAINS else ["security.W005"]),
    *([] if SECURE_HSTS_PRELOAD else ["security.W021"]),
]
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
# Trust X-Forwarded-Proto only behind a TLS-terminating proxy that sets it: elsewhere a
# client could send it and pass a plain-HTTP request off as HTTPS.
if env.bool("BEHIND_TLS_PROXY", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=not DEBUG)
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
# Everything the pages load is ours: no CDN, no external font or script. JSON-LD is a data
# block, not a script, so it needs no exception.
_MEDIA_ORIGINS = env.list("CSP_MEDIA_ORIGINS", default=[])
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "img-src": [SELF, "data:", *_MEDIA_ORIGINS],
        "script-src": [SELF],
        "style-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
}

TAGGIT_CASE_INSENSITIVE = True

# --- Staff security (staff/; docs/security.md) ---------------------------------------------
# The admin's address. Moving it off /admin/ does not protect it (the sign-in does), but it
# keeps it out of the scanners that try /admin/ on every site.
ADMIN_PATH = (env.str("ADMIN_PATH", default="admin/").strip("/") or "admin") + "/"
# django-axes refuses every sign-in for an account, or from an address, that failed
# LOGIN_FAILURE_LIMIT times within the cool-off, even with the right password.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("LOGIN_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # either one: not only the pair
# A try during the cool-off is refused without counting, so the page's "try again in 15
# minutes" holds; an attacker still gets LOGIN_FAILURE_LIMIT guesses per cool-off, no more.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_USERNAME_CALLABLE = "staff.addresses.typed_username"
AXES_CLIENT_IP_CALLABLE = "staff.addresses.client_address"
AXES_LOCKOUT_CALLABLE = "staff.views.locked_out"
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "code", "proof"]
# Sign-ins and sign-outs are in the audit trail; axes keeps only its failure counters.
AXES_DISABLE_ACCESS_LOG = True
AXES_ENABLE_ADMIN = False  # staff/admin.py shows the counters as lockouts to lift
AXES_VERBOSE = False
# The client's address: REMOTE_ADDR, unless a proxy sets a header, named here (e.g.
# X-Forwarded-For), and CLIENT_IP_PROXY_COUNT proxies append to it. Never trusted unnamed.
CLIENT_IP_HEADER = env.str("CLIENT_IP_HEADER", default="")
CLIENT_IP_PROXY_COUNT = env.int("CLIENT_IP_PROXY_COUNT", default=1)
# Editors and Administrators always sign in with a second factor; this extends it to all.
TWO_FACTOR_REQUIRED_FOR_ALL = env.bool("TWO_FACTOR_REQUIRED_FOR_ALL", default=False)
OTP_TOTP_ISSUER = SITE_NAME  # the name authenticator apps show beside the code
# A staff session ends this many hours after sign-in, whatever happens meanwhile.
STAFF_SESSION_HOURS = env.int("STAFF_SESSION_HOURS", default=10)
SESSION_COOKIE_AGE = STAFF_SESSION_HOURS * 60 * 60
# django-axes tells of every sign-in at INFO; the audit trail has them. Failures stay (WARNING).
LOGGING.setdefault("loggers", {})["axes"] = {"level": "WARNING"}

# --- Mail, reader accounts and newsletters (readers/, newsletters/; docs/newsletters.md) ---
# Where mail leaves, in django-environ's syntax: `smtp://user:password@host:587`
# (`smtp+tls://`, `smtps://`), `consolemail://` (printed: the default), or
# `filemail:///path/to/folder`. A provider's API instead: EMAIL_BACKEND names an anymail backend.
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
if env.str("EMAIL_BACKEND", default=""):
    EMAIL_BACKEND = env.str("EMAIL_BACKEND")
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=30)
# The domain in our Message-IDs and List-Ids; empty: SITE_URL's (newsletters/rendering.py).
MAIL_DOMAIN = env.str("MAIL_DOMAIN", default="")
DEFAULT_FROM_EMAIL = env.str(
    "DEFAULT_FROM_EMAIL",
    default=f"{SITE_NAME} <news@{MAIL_DOMAIN or urlsplit(SITE_URL).hostname or 'localhost'}>",
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
NEWSLETTER_FROM_EMAIL = env.str("NEWSLETTER_FROM_EMAIL", default="") or DEFAULT_FROM_EMAIL
# Jobs that send one edition side by side (each takes its own batches of the ledger).
NEWSLETTER_SEND_JOBS = env.int("NEWSLETTER_SEND_JOBS", default=2)
# Sign-in and sign-up links one address, and one network address, may ask for an hour.
READER_LINKS_PER_ADDRESS = env.int("READER_LINKS_PER_ADDRESS", default=5)
READER_LINKS_PER_IP = env.int("READER_LINKS_PER_IP", default=30)
# Bounce and complaint webhooks (django-anymail): the basic-auth secret in the webhook's
# address, and the provider's own signing key where it signs (Mailgun, Postmark...).
# Unset, each is a random value of this process's: every call is refused (400), none is
# trusted, and no secret has a default.
ANYMAIL = {
    "WEBHOOK_SECRET": env.str("ANYMAIL_WEBHOOK_SECRET", default="")
    or f"unset:{secrets.token_urlsafe(32)}",
    "MAILGUN_WEBHOOK_SIGNING_KEY": env.str("MAILGUN_WEBHOOK_SIGNING_KEY", default="")
    or secrets.token_urlsafe(32),
}
