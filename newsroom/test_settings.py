"""Test settings: the few speed-ups tests need, in one place, over the real settings."""

import os

# Tests behave like production whatever a developer's .env says, minus HTTPS.
os.environ["DEBUG"] = "false"
os.environ["SECURE_SSL_REDIRECT"] = "false"
os.environ.setdefault("SECRET_KEY", "tests-only-not-a-secret")
# The demo newsroom's app, so that its loader is tested.
os.environ["DEMO"] = "true"

from newsroom.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "pagecache.backends.LocMemCache"}}
STORAGES = {
    **STORAGES,  # noqa: F405
    # Tests render templates without running collectstatic first.
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Nothing is collected before tests; WhiteNoise would warn about the missing folder.
STATIC_ROOT = None
# Models for imaging's own tests: the bottom app may not borrow the models of those above it.
INSTALLED_APPS = [*INSTALLED_APPS, "imaging.tests.testapp"]  # noqa: F405
