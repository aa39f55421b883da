"""Live stories and their entries for tests, saved through the ORM like make_article.

`make_live_story` is a published story whose coverage started two hours ago;
`make_entry` saves one entry (published ten minutes ago unless told otherwise), so its
Markdown is rendered as the newsroom renders it; `bulk_entries` is the cheap path for
long streams.
"""

import itertools
from datetime import timedelta

from django.utils import timezone

from articles.models import LiveEntry, LiveEntryAuthorship
from articles.tests.factories import make_article
from articles.text import render_markdown

ENTRY_PUBLISHED = LiveEntry.Status.PUBLISHED
ENTRY_DRAFT = LiveEntry.Status.DRAFT

_unique = itertools.count(1)
_DEFAULT = object()


def make_live_story(*, started=_DEFAULT, ended=None, **fields):
    """A story with live coverage (running unless `ended` is a time); make_article's keywords."""
    if started is _DEFAULT:
        started = timezone.now() - timedelta(hours=2)
    fields.setdefault("published_at", timezone.now() - timedelta(hours=3))
    return make_article(coverage_started_at=started, coverage_ended_at=ended, **fields)


def make_entry(
    article,
    *,
    body=None,
    status=ENTRY_PUBLISHED,
    published_at=_DEFAULT,
    authors=(),
    **fields,
):
    """Save one entry on `article`; `authors` take their byline positions in order."""
    if published_at is _DEFAULT:
        published_at = timezone.now() - timedelta(minutes=10) if status == ENTRY_PUBLISHED else None
    entry = LiveEntry.objects.create(
        article=article,
        body=body or f"Update number {next(_unique)} from the scene.",
        status=status,
        published_at=published_at,
        **fields,
    )
    LiveEntryAuthorship.objects.bulk_create(
        LiveEntryAuthorship(entry=entry, author=author, position=position)
        for position, author in enumerate(authors)
    )
    return entry


def bulk_entries(article, count, *, newest, step=timedelta(minutes=2), author=None):
    """`count` published entries, newest at `newest`, each `step` older than the last.

    bulk_create: no save(), no signals, so `body_html` is filled in here. Returns them
    newest first.
    """
    run = next(_unique)
    body = f"Bulk update {run}."
    body_html = render_markdown(body)
    created = LiveEntry.objects.bulk_create(
        LiveEntry(
            article=article,
            headline=f"Bulk {run} entry {i}",
            body=body,
            body_html=body_html,
            status=ENTRY_PUBLISHED,
            published_at=newest - i * step,
        )
        for i in range(count)
    )
    entries = list(LiveEntry.objects.filter(headline__startswith=f"Bulk {run} entry "))
    if author is not None:
        LiveEntryAuthorship.objects.bulk_create(
            LiveEntryAuthorship(entry=entry, author=author) for entry in entries
        )
    assert len(entries) == len(created)
    return sorted(entries, key=lambda e: (e.published_at, e.pk), reverse=True)
