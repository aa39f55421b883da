"""The reading beacon: `POST /views/` with `story=<id>`, one per story page read.

It is the busiest address of a news site and needs nothing Django's middleware gives (no
session, no user, no page), so `wsgi(app)` answers it in front of Django, in the same
process: parse the body, skip bots, add one to this process's counts (most_read.count),
204. Any other request goes on to Django. The Django view (public/front_views.py) gives
the same answers through the same two functions, for servers run without the wrapper
(`runserver`, the tests' client, ASGI).
"""

import logging
import re

from django.db import DatabaseError, close_old_connections

from . import most_read

logger = logging.getLogger(__name__)

PATH = "/views/"
MAX_BODY = 64  # "story=" and a number, with room to spare
_STORY = re.compile(rb"(?:^|&)story=([0-9]{1,12})(?:&|$)")
# Crawlers, link previews, monitors and scripted browsers name themselves so; a beacon
# from one is answered like any other and counted nowhere.
_BOTS = re.compile(
    r"bot|crawl|spider|slurp|preview|fetch|monitor|scan|curl|wget|python|java/|go-http"
    r"|httpclient|okhttp|headless|phantom|lighthouse",
    re.IGNORECASE,
)


def story_from(body: bytes) -> int | None:
    """The story's number in a form-encoded body, or None for anything else."""
    found = _STORY.search(body)
    return int(found.group(1)) if found else None


def is_counted(user_agent: str, fetch_site: str | None) -> bool:
    """A reader's browser on one of our pages: not a bot, not another site's page."""
    return bool(user_agent) and not _BOTS.search(user_agent) and fetch_site != "cross-site"


def count(story: int) -> None:
    """Count one view; a database that fails loses this second's counts, never the answer."""
    try:
        most_read.count(story)
    except DatabaseError:
        logger.warning("Page views could not be written", exc_info=True)
        close_old_connections()


def wsgi(app):
    """`app`, with the beacon answered before it."""

    def application(environ, start_response):
        if environ.get("PATH_INFO") != PATH or environ.get("REQUEST_METHOD") != "POST":
            return app(environ, start_response)
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        story = story_from(environ["wsgi.input"].read(length)) if 0 < length <= MAX_BODY else None
        if story is None:
            start_response("400 Bad Request", [("Content-Type", "text/plain; charset=utf-8")])
            return [b"story: a story's number"]
        if is_counted(environ.get("HTTP_USER_AGENT", ""), environ.get("HTTP_SEC_FETCH_SITE")):
            count(story)
        start_response("204 No Content", [("Cache-Control", "private, no-store")])
        return [b""]

    return application
