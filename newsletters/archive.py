"""The web archive's surrogate key: /newsletters/ and every archive page show it."""

from pagecache import invalidate

ARCHIVE_KEY = "newsletters"


def changed() -> None:
    """An edition finished, or a newsletter changed: the archive pages let go of their copies."""
    invalidate([ARCHIVE_KEY])
