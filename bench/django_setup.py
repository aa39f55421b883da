"""Django for an in-process benchmark: test settings, a throwaway database and media."""

import os
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def configure(tmp):
    """Set Django up on a SQLite file in `tmp`, unless DATABASE_URL names another."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.test_settings")
    os.environ["MEDIA_ROOT"] = str(Path(tmp) / "media")
    if "DATABASE_URL" not in os.environ:
        os.environ["DATABASE_URL"] = f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
    import django

    django.setup()


@contextmanager
def throwaway_database():
    """Django set up on a test database made for the benchmark and dropped after it."""
    with tempfile.TemporaryDirectory() as tmp:
        configure(tmp)
        from django.test.utils import setup_databases, teardown_databases

        old = setup_databases(verbosity=0, interactive=False)
        try:
            yield
        finally:
            teardown_databases(old, verbosity=0)
