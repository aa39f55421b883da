"""Settings read from the environment: what a new site gets, and what production asks for.

Settings are read once per process, so each case imports them afresh in a subprocess.
"""

import json
import os
import subprocess
import sys
import threading
from copy import deepcopy
from pathlib import Path

import pytest
from django.db import OperationalError, connection, connections, transaction

ROOT = Path(__file__).resolve().parents[2]
# A bare environment: this process's own (test settings set some) must not leak in.
BARE = {name: os.environ[name] for name in ("PATH", "HOME") if name in os.environ}

PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": "x" * 20 + "a-production-length-key-of-sixty-characters-or-so",
    "ALLOWED_HOSTS": "news.example.com",
    "SITE_URL": "https://news.example.com",
    "CSRF_TRUSTED_ORIGINS": "https://news.example.com",
    "BEHIND_TLS_PROXY": "true",
}


def dotenv_sets(name):
    dotenv = ROOT / ".env"
    return dotenv.exists() and any(
        line.split("=", 1)[0].strip() == name for line in dotenv.read_text().splitlines()
    )


def read_settings(*names, **environment):
    """The named settings as a fresh process reads them from `environment`."""
    env = {**BARE, "DJANGO_SETTINGS_MODULE": "newsroom.settings", "SECRET_KEY": "k"}
    env |= environment
    code = (
        "import json; from django.conf import settings; "
        f"print(json.dumps({{n: getattr(settings, n) for n in {list(names)!r}}}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_absolute_links_follow_the_port_the_site_is_served_on():
    if dotenv_sets("SITE_URL"):
        pytest.skip("SKIPPED: this checkout's .env sets SITE_URL, which wins over PORT")
    assert read_settings("SITE_URL", PORT="8123") == {"SITE_URL": "http://127.0.0.1:8123"}
    assert read_settings("SITE_URL") == {"SITE_URL": "http://127.0.0.1:8000"}
    given = read_settings("SITE_URL", PORT="8123", SITE_URL="https://news.example.com/")
    assert given == {"SITE_URL": "https://news.example.com"}


def test_the_site_address_may_post_its_forms_whatever_host_the_proxies_pass_on():
    # Behind Varnish and nginx the reader's browser says "Origin: <the site's address>".
    front = read_settings("CSRF_TRUSTED_ORIGINS", SITE_URL="http://127.0.0.1:6181/")
    assert front == {"CSRF_TRUSTED_ORIGINS": ["http://127.0.0.1:6181"]}
    named = read_settings(
        "CSRF_TRUSTED_ORIGINS",
        SITE_URL="https://news.example.com",
        CSRF_TRUSTED_ORIGINS="https://news.example.com,https://www.example.com",
    )
    assert named == {
        "CSRF_TRUSTED_ORIGINS": ["https://news.example.com", "https://www.example.com"]
    }


def test_forwarded_proto_is_trusted_only_behind_a_tls_proxy():
    assert read_settings("SECURE_PROXY_SSL_HEADER") == {"SECURE_PROXY_SSL_HEADER": None}
    behind = read_settings("SECURE_PROXY_SSL_HEADER", BEHIND_TLS_PROXY="true")
    assert behind == {"SECURE_PROXY_SSL_HEADER": ["HTTP_X_FORWARDED_PROTO", "https"]}


def test_hsts_binds_subdomains_and_preload_only_when_asked():
    names = ("SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_HSTS_PRELOAD")
    assert read_settings(*names, DEBUG="false") == dict.fromkeys(names, False)
    asked = read_settings(
        *names, DEBUG="false", SECURE_HSTS_INCLUDE_SUBDOMAINS="true", SECURE_HSTS_PRELOAD="true"
    )
    assert asked == dict.fromkeys(names, True)


def test_postgresql_prepares_repeated_statements_unless_told_not_to():
    database = {"DATABASE_URL": "postgres://postgres@127.0.0.1:5432/newsroom"}
    options = read_settings("DATABASES", **database)["DATABASES"]["default"]["OPTIONS"]
    assert options == {"server_side_binding": True, "prepare_threshold": 5}
    off = read_settings("DATABASES", **database, DATABASE_PREPARED_STATEMENTS="false")
    assert "server_side_binding" not in off["DATABASES"]["default"].get("OPTIONS", {})
    sqlite = read_settings("DATABASES", DATABASE_URL="sqlite:///newsroom.sqlite3")
    assert "server_side_binding" not in sqlite["DATABASES"]["default"]["OPTIONS"]


@pytest.mark.django_db
def test_a_repeated_query_is_planned_once_per_connection_on_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip(
            "PostgreSQL only: SQLite has no prepared statements (DATABASE_URL=postgres://…)"
        )
    from articles.models import Article

    for _ in range(6):  # prepared the fifth time the connection runs it
        list(Article.objects.published().filter(slug="no-such-story"))
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_prepared_statements")
        assert cursor.fetchone()[0] >= 1


def test_production_settings_pass_the_deploy_checks():
    env = BARE | PRODUCTION
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "newsroom.settings"},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


# SQLite, the embedded default, and two editors saving at once.

WRITERS, SAVES = 4, 40


@pytest.fixture
def sqlite_file_database(tmp_path, django_db_blocker):
    """A file database with the configured SQLite options (tests otherwise use memory)."""
    if connection.vendor != "sqlite":
        pytest.skip("SKIPPED: SQLite's locking, on a PostgreSQL run")
    alias = "concurrent_writers"
    connections.settings[alias] = {
        **deepcopy(connections.settings["default"]),
        "NAME": str(tmp_path / "writers.sqlite3"),
        "TEST": {},
    }
    with django_db_blocker.unblock():
        with connections[alias].cursor() as cursor:
            cursor.execute("CREATE TABLE story (id INTEGER PRIMARY KEY, saves INTEGER)")
            cursor.execute("INSERT INTO story VALUES (1, 0)")
        yield alias
        connections[alias].close()
    del connections.settings[alias]


def test_concurrent_editors_all_save_on_sqlite(sqlite_file_database, django_db_blocker):
    """Read-then-write transactions, as a locked save makes: none is refused as locked."""
    alias, refused = sqlite_file_database, []

    def editor():
        with django_db_blocker.unblock():
            for _ in range(SAVES):
                try:
                    with transaction.atomic(using=alias), connections[alias].cursor() as cursor:
                        cursor.execute("SELECT saves FROM story WHERE id = 1")
                        (saves,) = cursor.fetchone()
                        cursor.execute("UPDATE story SET saves = %s WHERE id = 1", [saves + 1])
                except OperationalError as error:
                    refused.append(str(error))
            connections[alias].close()

    threads = [threading.Thread(target=editor) for _ in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert refused == []
    with django_db_blocker.unblock(), connections[alias].cursor() as cursor:
        cursor.execute("SELECT saves FROM story WHERE id = 1")
        assert cursor.fetchone() == (WRITERS * SAVES,)
