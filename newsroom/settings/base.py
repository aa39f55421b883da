"""The site, its apps and middleware, templates, the database, files, languages, logging."""

from pathlib import Path
from urllib.parse import urlsplit

import environ

BASE_DIR = Path(__file__).resolve().parent.parent.parent

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
# The other editions' mastheads, in their own language (editions/; English's is above).
SITE_NAMES = {"uk": env.str("SITE_NAME_UK", default="Північний Леджер")}
SITE_TAGLINES = {"uk": env.str("SITE_TAGLINE_UK", default="Незалежні новини щогодини")}
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
    # The editions: one a language, each under its own address prefix.
    "editions",
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
    # The edition (language) a request reads, from its path alone (editions/).
    "editions.middleware.EditionMiddleware",
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
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and env.bool(
    "DATABASE_PREPARED_STATEMENTS", default=True
):
    # The server binds the parameters, and a statement run a fifth time on a connection is
    # prepared: PostgreSQL then plans a page's queries once per connection, not on every
    # request (a story page drawn with no cache: 3.3 to 1.3 ms of the database's CPU).
    # Off behind a pooler in transaction mode that cannot keep them (PgBouncer before 1.21).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        server_side_binding=True, prepare_threshold=5
    )
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

# Background work (docs/queue.md): jobs wait in the site's own database, so the embedded
# default needs no server and PostgreSQL carries production's queue; `run_worker` runs them.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": []}}

# One edition per language (editions/): English at the root, Ukrainian under /uk/. The
# codes are stored on every story, so they are fixed here, not read from the environment.
LANGUAGE_CODE = "en-gb"
LANGUAGES = [("en-gb", "English"), ("uk", "Українська")]
LOCALE_PATHS = [BASE_DIR / "locale"]
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

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
}

TAGGIT_CASE_INSENSITIVE = True
