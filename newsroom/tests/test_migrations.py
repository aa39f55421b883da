"""A fresh database migrates from zero, on SQLite and on PostgreSQL.

Each run uses a database made for it (a file, or a PostgreSQL database created and
dropped here), so it sees what a new site's first `migrate` sees.
"""

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from articles.roles import ROLES

ROOT = Path(__file__).resolve().parents[2]

PRINT_ROLES = """
import json
from django.contrib.auth.models import Group
print(json.dumps({
    group.name: sorted(f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all())
    for group in Group.objects.all()
}))
"""


@pytest.fixture
def fresh_database_url(tmp_path):
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
        return
    if connection.vendor != "postgresql":
        pytest.skip(f"no fresh-database recipe for {connection.vendor}")
    import psycopg

    server = settings.DATABASES["default"]
    name = f"newsroom_fresh_{uuid.uuid4().hex[:12]}"
    params = {
        "host": server["HOST"] or "localhost",
        "port": server["PORT"] or 5432,
        "user": server["USER"],
        "password": server["PASSWORD"],
        "dbname": "postgres",
        "autocommit": True,
    }
    with psycopg.connect(**params) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    auth = server["USER"] + (f":{server['PASSWORD']}" if server["PASSWORD"] else "")
    yield f"postgres://{auth}@{params['host']}:{params['port']}/{name}"
    with psycopg.connect(**params) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def manage(database_url, *args):
    env = {**os.environ, "DATABASE_URL": database_url}
    return subprocess.run(
        [sys.executable, "manage.py", *args, "--settings=newsroom.test_settings"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def test_a_fresh_database_migrates_from_zero_and_gets_the_roles(fresh_database_url):
    migrated = manage(fresh_database_url, "migrate", "--noinput")
    assert migrated.returncode == 0, migrated.stdout + migrated.stderr

    shown = manage(fresh_database_url, "shell", "--no-imports", "-c", PRINT_ROLES)
    assert shown.returncode == 0, shown.stderr
    roles = json.loads(shown.stdout)
    assert roles == {name: sorted(permissions) for name, permissions in ROLES.items()}
