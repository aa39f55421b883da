"""Production settings: `check --deploy` is clean, and static files are hashed, compressed
and cached for a year, as `make serve` collects and serves them."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.template import Context, Template
from django.test import override_settings
from whitenoise.middleware import WhiteNoiseMiddleware

ROOT = Path(__file__).resolve().parents[2]
YEAR = 365 * 24 * 3600

PRODUCTION_ENV = {
    "DEBUG": "false",
    "SECRET_KEY": "a-production-length-key-" + "x7Q9" * 12,
    "ALLOWED_HOSTS": "news.example.org",
    "SITE_URL": "https://news.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://news.example.org",
    "EDGE_PURGE": "varnish",
    "EDGE_CACHE_URLS": "http://varnish.internal:6081/",
}


def test_production_settings_pass_check_deploy_without_warnings(tmp_path):
    # Only the production variables: not the test settings' (they turn HTTPS off).
    env = {
        "PATH": os.environ.get("PATH", ""),
        **PRODUCTION_ENV,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


PRODUCTION_STATIC = {
    "STATIC_ROOT": None,  # set per test
    "STORAGES": {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    },
    "WHITENOISE_USE_FINDERS": False,
    "WHITENOISE_AUTOREFRESH": False,
}


@pytest.fixture(scope="module")
def collected(tmp_path_factory):
    """collectstatic with the production storage, once for these tests."""
    root = tmp_path_factory.mktemp("staticfiles")
    with override_settings(**{**PRODUCTION_STATIC, "STATIC_ROOT": root}):
        call_command("collectstatic", interactive=False, verbosity=0)
        yield root


def static_url(name):
    return Template("{% load static %}{% static name %}").render(Context({"name": name}))


def test_static_files_get_hashed_names_and_compressed_copies(collected):
    with override_settings(**{**PRODUCTION_STATIC, "STATIC_ROOT": collected}):
        url = static_url("css/site.css")

    assert re.fullmatch(r"/static/css/site\.[0-9a-f]{12}\.css", url), url
    hashed = collected / url.removeprefix("/static/")
    assert hashed.exists()
    assert Path(f"{hashed}.gz").exists()


def test_static_files_are_served_compressed_and_cached_for_a_year(collected, rf):
    with override_settings(**{**PRODUCTION_STATIC, "STATIC_ROOT": collected}):
        url = static_url("css/site.css")
        serve = WhiteNoiseMiddleware(lambda request: None)
        response = serve(rf.get(url, headers={"accept-encoding": "gzip"}))

    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    max_age = int(re.search(r"max-age=(\d+)", response["Cache-Control"]).group(1))
    assert max_age >= YEAR
    assert "public" in response["Cache-Control"]
