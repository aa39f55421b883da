"""Shared fixtures and small factories for the Newsroom tests.

Factories take keyword defaults and save through the ORM, so `Article.save` renders the
Markdown exactly as the newsroom does. `bulk_articles` is the cheap path for long lists:
it bypasses `save`, so it fills in `body_html` itself.
"""

import html
import io
import itertools
import re
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.test import Client
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image
from taggit.models import Tag

from articles.models import Article, Authorship, Correction, TaggedArticle
from articles.text import render_markdown
from authors.models import Author

PUBLISHED = Article.Status.PUBLISHED
DRAFT = Article.Status.DRAFT
REVIEW = Article.Status.REVIEW

# A summer morning: London is on BST (UTC+1), so local and UTC times differ on the page.
NOW = datetime(2025, 7, 1, 9, 0, tzinfo=UTC)

_unique = itertools.count(1)
_DEFAULT = object()


# --- Fixtures applied to every test -------------------------------------------------------


@pytest.fixture(autouse=True)
def _media_in_tmp_path(settings, tmp_path):
    """Uploaded images go to a throwaway folder, never the project's media/."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _empty_cache():
    """Every test starts with an empty page cache (and leaves one behind)."""
    cache.clear()
    yield
    cache.clear()


SITE_URL = "https://news.example.org"


@pytest.fixture
def site_url(settings):
    """The site's public address, which feeds, sitemaps and social cards are built on."""
    settings.SITE_URL = SITE_URL
    return SITE_URL


@pytest.fixture
def clock():
    """The clock frozen at NOW; move it with `clock.move_to(...)` or `clock.shift(...)`."""
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def staff_client(django_user_model):
    """A logged-in editor, separate from the anonymous `client`."""
    user = django_user_model.objects.create_user("editor", password="pw", is_staff=True)
    staff = Client()
    staff.force_login(user)
    return staff


# --- Factories ----------------------------------------------------------------------------


def png_file(name="photo.png", size=(12, 8), color="navy"):
    """A tiny real PNG, ready to assign to an ImageField."""
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format="PNG")
    return ContentFile(buffer.getvalue(), name=name)


def make_author(**kw):
    n = next(_unique)
    name = kw.pop("name", f"Author {n}")
    fields = {
        "slug": slugify(name) or f"author-{n}",
        "role": "Reporter",
        "short_bio": f"{name} covers the news.",
        "bio": f"{name} has reported for the paper for many years.",
        **kw,
    }
    return Author.objects.create(name=name, **fields)


def make_tag(name, **kw):
    return Tag.objects.create(name=name, slug=kw.pop("slug", slugify(name)), **kw)


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
    **kw,
):
    """Save one article; published an hour ago unless told otherwise.

    `tags` and `primary_tag` take Tag objects or names; `corrections` takes texts.
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
        **kw,
    )
    for position, author in enumerate(authors):
        Authorship.objects.create(article=article, author=author, position=position)
    if tags:
        article.tags.add(*tags)
    for text in corrections:
        Correction.objects.create(article=article, text=text)
    return article


def bulk_articles(
    count, *, newest, step=timedelta(minutes=1), author=None, tag=None, prefix="Bulk"
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


# --- Reading pages ------------------------------------------------------------------------

_ARTICLE_HREF = re.compile(r'href="/news/([\w-]+)/"')


def _text(content):
    return content.decode() if isinstance(content, bytes) else content


def element(content, marker):
    """The HTML of the element whose start tag holds `marker`, through its matching end tag."""
    text = _text(content)
    start = text.rindex("<", 0, text.index(marker) + 1)
    name = re.match(r"<(\w+)", text[start:]).group(1)
    depth = 0
    for tag in re.finditer(rf"<(/?){name}\b[^>]*>", text[start:]):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return text[start : start + tag.end()]
    raise AssertionError(f"<{name}> holding {marker!r} is never closed")


def img_attrs(content):
    """The attributes of the first <img> in `content`, as a dict."""
    tag = re.search(r"<img\b[^>]*>", _text(content), re.DOTALL)
    assert tag, "no <img> found"
    return {name: html.unescape(value) for name, value in re.findall(r'([\w-]+)="([^"]*)"', tag[0])}


def shows_image(content, field_file):
    """Whether the first <img> in `content` is (a rendition of) the uploaded `field_file`."""
    src = img_attrs(content)["src"]
    stem = field_file.name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return src.startswith(settings.MEDIA_URL) and stem in src


def list_slugs(content, list_id="story-list"):
    """Article slugs, in order, in the list with `list_id` (the whole text if there is none)."""
    text = _text(content)
    scope = element(text, f'id="{list_id}"') if f'id="{list_id}"' in text else text
    return _ARTICLE_HREF.findall(scope)


def next_link(content, list_id="story-list"):
    """The "Show More" URL for the list with `list_id` (any list if None), or None."""
    target = '[^"]*' if list_id is None else re.escape(list_id)
    match = re.search(rf'href="([^"]*)" rel="next" data-show-more="{target}"', _text(content))
    return html.unescape(match.group(1)) if match else None


def walk_pages(client, url, *, limit=50):
    """Follow "Show More" from `url` to the last page; the slugs shown on each page."""
    pages = []
    while url:
        response = client.get(url)
        assert response.status_code == 200, url
        pages.append(list_slugs(response.content))
        url = next_link(response.content)
        assert len(pages) <= limit, "Show More never ends"
    return pages
