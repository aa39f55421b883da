"""deploy/backup.py on SQLite: a backup restores into an empty database and media folder
with the same rows and files, and a restore over existing data is refused."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

MAKE_DATA = """
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from articles.models import Article
from authors.models import Author
Author.objects.create(name="Ann Lee", slug="ann-lee")
Article.objects.create(title="Kept", slug="kept", body="Words.", status="draft")
default_storage.save("lead/photo.jpg", ContentFile(b"not really a jpeg, but bytes to keep"))
"""


def run(*args, db, media):
    env = {
        "PATH": os.environ.get("PATH", ""),
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "DEBUG": "false",
        "SECRET_KEY": "backup-test-only-" + "k" * 40,
        "DATABASE_URL": f"sqlite:///{db}",
        "MEDIA_ROOT": str(media),
    }
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A migrated SQLite site with an author, a story and one media file."""
    tmp = tmp_path_factory.mktemp("site")
    db, media = tmp / "site.sqlite3", tmp / "media"
    for args in (["manage.py", "migrate", "-v0"], ["manage.py", "shell", "-v0", "-c", MAKE_DATA]):
        done = run(*args, db=db, media=media)
        assert done.returncode == 0, done.stderr
    return tmp, db, media


def test_a_backup_restores_into_an_empty_database_and_media_folder(site):
    tmp, db, media = site
    made = run("deploy/backup.py", "make", "--to", str(tmp / "backups"), db=db, media=media)
    assert made.returncode == 0, made.stderr
    folder = next((tmp / "backups").iterdir())

    restored_db, restored_media = tmp / "restored.sqlite3", tmp / "restored-media"
    restored = run("deploy/backup.py", "restore", str(folder), db=restored_db, media=restored_media)

    assert restored.returncode == 0, restored.stderr
    assert "'stories': 1" in restored.stdout
    assert "'authors': 1" in restored.stdout
    assert "matches the manifest" in restored.stdout
    photo = "lead/photo.jpg"
    assert (restored_media / photo).read_bytes() == (media / photo).read_bytes()


def test_a_restore_over_existing_data_is_refused(site):
    tmp, db, media = site
    made = run("deploy/backup.py", "make", "--to", str(tmp / "again"), db=db, media=media)
    folder = next((tmp / "again").iterdir())

    refused = run("deploy/backup.py", "restore", str(folder), db=db, media=media)

    assert made.returncode == 0
    assert refused.returncode != 0
    assert "The database is not empty" in refused.stderr
