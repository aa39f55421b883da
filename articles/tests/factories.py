"""Articles, tags and staff accounts for tests: small factories with keyword defaults.

`make_article` saves through the ORM, so `Article.save` renders the Markdown exactly as
the newsroom does; by default it makes a published story (an hour old) with no byline,
which is what reader-facing tests want. Editorial tests say `status=DRAFT` and give
authors. `bulk_articles` is the cheap path for long lists: it bypasses `save`, so it
fills in `body_html` itself.
"""

import itertools
from datetime import UTC, datetime, timedelta

from django.contrib.auth.models import Group, User
from django.core.files.base import ContentFile
from django.test import Client
from django.utils import timezone
from django.utils.text import slugify
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice
from taggit.models import Tag

from articles.models import (
    Article,
    Authorship,
    Correction,
    LiveEntry,
    LiveEntryAuthorship,
    Photo,
    TaggedArticle,
)
from articles.text import render_markdown
from imaging.tests.factories import image_bytes

PUBLISHED = Article.Status.PUBLISHED
DRAFT = Article.Status.DRAFT
REVIEW = Article.Status.REVIEW

# A summer morning: London is on BST (UTC+1), so local and UTC times differ on the page.
# With a fraction of a second, as `timezone.now()` has: a time saved from the clock (a
# story published with no time, a live entry) carries six digits, which pages must not
# print where HTML allows three at most.
NOW = datetime(2025, 7, 1, 9, 0, 0, 210_393, tzinfo=UTC)

_unique = itertools.count(1)
_DEFAULT = object()


def make_user(role=None, *, username=None, **fields):
    """A staff account in `role` (a group made by the roles migration), or in none."""
    user = User.objects.create_user(
        username or f"{(role or 'staff').lower()}-{next(_unique)}",
        password="pw",
        is_staff=True,
        **fields,
    )
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user


def sign_in(client, user):
    """Sign `user` in on the test `client` as the admin does once both factors are given.

    Editors and Administrators must sign in with a second factor: the user gets an
    authenticator app if they have none, and the session is marked verified by it (what
    django-otp's login does). Tests that drive the sign-in itself use the pages instead.
    """
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    device = device or TOTPDevice.objects.create(user=user, name="Test authenticator")
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def client_for(user, **options):
    """A test client of its own, signed in as `user` (see `sign_in`)."""
    return sign_in(Client(**options), user)


def make_tag(name, **fields):
    return Tag.objects.create(name=name, slug=fields.pop("slug", slugify(name)), **fields)


def make_article(
    *,
    title=None,
    status=PUBLISHED,
    published_at=_DEFAULT,
    authors=(),
    tags=(),
    primary_tag=None,
    corrections=(),
    body="Words for the story.",
    **fields,
):
    """Save one article; published an hour ago, with no byline, unless told otherwise.

    `authors` take their byline positions in order; `tags` and `primary_tag` take Tag
    objects or names; `corrections` takes texts.
    """
    if published_at is _DEFAULT:
        published_at = timezone.now() - timedelta(hours=1) if status == PUBLISHED else None
    title = title or f"Story number {next(_unique)}"
    if isinstance(primary_tag, str):
        primary_tag = Tag.objects.filter(name=primary_tag).first() or make_tag(primary_tag)
    article = Article.objects.create(
        title=title,
        status=status,
        published_at=published_at,
        primary_tag=primary_tag,
        body=body,
        **fields,
    )
    for position, author in enumerate(authors):
        Authorship.objects.create(article=article, author=author, position=position)
    if tags:
        article.tags.add(*tags)
    for text in corrections:
        Correction.objects.create(article=article, text=text)
    return article


def make_translation(source, *, title, slug, language="uk", **fields):
    """Save a published translation of `source` into `language`'s edition (a slug of its
    own: a Cyrillic headline makes none), matching the source's words as they are."""
    fields.setdefault("published_at", source.published_at)
    return make_article(
        title=title,
        slug=slug,
        language=language,
        translation_of=source,
        source_version=source.text_version,
        **fields,
    )


def hidden_articles(**fields):
    """One article in each state that must never be public: draft, in review, scheduled."""
    future = timezone.now() + timedelta(days=1)
    return [
        make_article(title="Secret draft", status=DRAFT, **fields),
        make_article(title="Secret in review", status=REVIEW, **fields),
        make_article(title="Secret scheduled", published_at=future, **fields),
    ]


def add_lead_image(article, alt="A steel-blue sky", **fields):
    """Give `article` a new library photo as its lead photo: a 1200×675 JPEG (renditions
    and all) described by `alt`."""
    image = ContentFile(image_bytes("JPEG", (1200, 675), "steelblue"), name="lead.jpg")
    fields = {"caption": "", "credit": "", **fields}
    article.lead_photo = make_photo(image=image, alt_text=alt, **fields)
    article.save()
    return article


def bulk_articles(
    count, *, newest, step=timedelta(minutes=1), author=None, tag=None, prefix="Bulk", **fields
):
    """`count` published articles, newest at `newest`, each `step` older than the last.

    Uses bulk_create (no save(), no signals), so it is cheap even for hundreds of rows;
    `body_html` is filled in here because save() is what normally renders it. Returns
    the articles newest first.
    """
    run = next(_unique)
    body = "A short bulk story."
    body_html = render_markdown(body)  # once: every row has the same body
    Article.objects.bulk_create(
        Article(
            title=f"{prefix} {run} item {i}",
            slug=f"{slugify(prefix)}-{run}-{i}",
            body=body,
            body_html=body_html,
            status=PUBLISHED,
            published_at=newest - i * step,
            **fields,
        )
        for i in range(count)
    )
    articles = list(Article.objects.filter(slug__startswith=f"{slugify(prefix)}-{run}-"))
    if author is not None:
        Authorship.objects.bulk_create(Authorship(article=a, author=author) for a in articles)
    if tag is not None:
        TaggedArticle.objects.bulk_create(
            TaggedArticle(content_object=a, tag=tag) for a in articles
        )
    return sorted(articles, key=lambda a: (a.published_at, a.pk), reverse=True)


def make_photo(*, alt_text="Boats moored at the quay", caption="The quay at dawn.", **fields):
    """A photo in the library: a 1200×800 JPEG (or `image`), cleaned and made into
    renditions on save."""
    image = fields.pop("image", None) or ContentFile(
        image_bytes("JPEG", (1200, 800), "steelblue"), name="quay.jpg"
    )
    fields.setdefault("credit", "Ann Lens")
    return Photo.objects.create(alt_text=alt_text, caption=caption, image=image, **fields)


def placed(photo):
    """The body editor's markup for `photo` placed in a story."""
    return f'<figure data-photo="{photo.pk}"></figure>'


# --- Live coverage: a published story whose coverage started two hours ago, its entries.

ENTRY_PUBLISHED = LiveEntry.Status.PUBLISHED
ENTRY_DRAFT = LiveEntry.Status.DRAFT


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
