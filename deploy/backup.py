"""Backups that restore: the database and the media files, made and restored in one command.

    .venv/bin/python deploy/backup.py make [--to backups/]
    .venv/bin/python deploy/backup.py restore backups/<name> [--force]

Settings come from the environment, as for the site (DATABASE_URL, MEDIA_ROOT).

`make` writes one folder: the database (PostgreSQL: `pg_dump --format=custom`, one
consistent snapshot; SQLite: its online backup API, safe while the site writes), the
media folder as a tar file, and a manifest with row counts and a checksum of each file.
It takes the database first: a photo uploaded meanwhile is then in the media archive
without a row, which is harmless, while the other order could leave a row without its file.

`restore` loads that folder into an EMPTY database and media folder (it refuses anything
else without --force), then checks the restored row counts and files against the manifest.
docs/deployment.md says how often to run it and where to keep the copies.
"""

import argparse
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tarfile
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# What the drill compares, and the manifest records: model label -> what it is.
COUNTED = {
    "articles.Article": "stories",
    "reversion.Version": "revisions",
    "authors.Author": "authors",
    "articles.Correction": "corrections",
    "taggit.Tag": "tags",
}


def setup():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    import django

    django.setup()


def database():
    from django.conf import settings

    return settings.DATABASES["default"]


def pg_env(db):
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    return env


def pg_args(db):
    args = ["--dbname", db["NAME"]]
    if db.get("HOST"):
        args += ["--host", db["HOST"]]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", db["USER"]]
    return args


def counts(cursor=None):
    """Rows of each counted model, through `cursor` (a DB-API cursor) or Django's own."""
    from django.apps import apps
    from django.db import connection

    own = cursor is None
    cursor = connection.cursor() if own else cursor
    result = {}
    for label, name in COUNTED.items():
        table = apps.get_model(label)._meta.db_table
        cursor.execute(f'SELECT COUNT(*) FROM "{table}"')  # a model's own table name
        result[name] = cursor.fetchone()[0]
    if own:
        cursor.close()
    return result


def media_files(root: Path):
    """Relative path -> sha256 of every file under the media folder."""
    if not root.exists():
        return {}
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def make(target_dir: Path) -> Path:
    from django.conf import settings

    db = database()
    folder = target_dir / datetime.now(UTC).strftime("newsroom-%Y%m%d-%H%M%S")
    folder.mkdir(parents=True)
    if db["ENGINE"].endswith("postgresql"):
        dump = folder / "database.pgdump"
        recorded = _pg_dump(db, dump)
    elif db["ENGINE"].endswith("sqlite3"):
        dump = folder / "database.sqlite3"
        source = sqlite3.connect(db["NAME"])
        with sqlite3.connect(dump) as copy:
            source.backup(copy)  # a consistent copy while others write
            recorded = counts(copy.cursor())
        source.close()
    else:
        sys.exit(f"No backup method for {db['ENGINE']}")
    media_root = Path(settings.MEDIA_ROOT)
    files = media_files(media_root)
    with tarfile.open(folder / "media.tar.gz", "w:gz") as archive:
        for name in files:
            archive.add(media_root / name, arcname=name)
    manifest = {
        "made_at": datetime.now(UTC).isoformat(),
        "database": dump.name,
        "counts": recorded,
        "media": files,
    }
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=1, sort_keys=True))
    return folder


def _pg_dump(db, dump):
    """pg_dump of one exported snapshot, and the manifest's counts read in that same one."""
    from django.db import connection, transaction

    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        subprocess.run(
            [
                *("pg_dump", "--format=custom", "--no-owner", "--snapshot", snapshot),
                *("--file", str(dump), *pg_args(db)),
            ],
            check=True,
            env=pg_env(db),
        )
        return counts(cursor)


def _is_empty_database():
    from django.db import connection

    return not connection.introspection.table_names()


def restore(folder: Path, *, force=False):
    from django.conf import settings
    from django.db import connection

    manifest = json.loads((folder / "manifest.json").read_text())
    db = database()
    media_root = Path(settings.MEDIA_ROOT)
    if not force:
        if not _is_empty_database():
            sys.exit("The database is not empty: restore into an empty one (or use --force).")
        if media_root.exists() and any(media_root.iterdir()):
            sys.exit(f"The media folder {media_root} is not empty (or use --force).")
    dump = folder / manifest["database"]
    connection.close()
    if db["ENGINE"].endswith("postgresql"):
        subprocess.run(
            ["pg_restore", "--no-owner", "--exit-on-error", *pg_args(db), str(dump)],
            check=True,
            env=pg_env(db),
        )
    else:
        shutil.copyfile(dump, db["NAME"])
    media_root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(folder / "media.tar.gz") as archive:
        archive.extractall(media_root, filter="data")
    restored_counts, restored_files = counts(), media_files(media_root)
    problems = []
    if restored_counts != manifest["counts"]:
        problems.append(f"row counts differ: {restored_counts} != {manifest['counts']}")
    if restored_files != manifest["media"]:
        problems.append("media files differ from the manifest")
    if problems:
        sys.exit("Restore check FAILED: " + "; ".join(problems))
    return restored_counts, len(restored_files)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    make_parser = commands.add_parser("make", help="back up the database and media files")
    make_parser.add_argument("--to", type=Path, default=ROOT / "backups")
    restore_parser = commands.add_parser("restore", help="restore a backup folder")
    restore_parser.add_argument("folder", type=Path)
    restore_parser.add_argument("--force", action="store_true")
    args = parser.parse_args()
    setup()
    if args.command == "make":
        folder = make(args.to)
        manifest = json.loads((folder / "manifest.json").read_text())
        print(f"backup in {folder}: {manifest['counts']}, {len(manifest['media'])} media files")
    else:
        restored, files = restore(args.folder, force=args.force)
        print(f"restored {args.folder}: {restored}, {files} media files; matches the manifest")


if __name__ == "__main__":
    main()
