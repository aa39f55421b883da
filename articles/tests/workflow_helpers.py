"""Small factories and a browser-like form reader for the editorial workflow tests.

Kept beside those tests (test_workflow, test_admin, test_preview, test_revisions,
test_redirects) rather than in the shared conftest.py.
"""

import io
import itertools
from datetime import timedelta
from html.parser import HTMLParser

from django.contrib.auth.models import Group, User
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from articles.models import Article, Authorship
from articles.roles import ADMINISTRATOR, AUTHOR, CONTRIBUTOR, EDITOR
from authors.models import Author

ROLES = [CONTRIBUTOR, AUTHOR, EDITOR, ADMINISTRATOR]
DRAFT, REVIEW, PUBLISHED = Article.Status.DRAFT, Article.Status.REVIEW, Article.Status.PUBLISHED

_n = itertools.count(1)


def make_user(role=None, *, username=None, **kw):
    """A staff account in `role` (a group made by the roles migration)."""
    user = User.objects.create_user(
        username or f"{(role or 'staff').lower()}-{next(_n)}", password="pw", is_staff=True, **kw
    )
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user


def make_author(*, name=None, user=None, **kw):
    n = next(_n)
    return Author.objects.create(name=name or f"Writer {n}", slug=f"writer-{n}", user=user, **kw)


def make_article(*, status=DRAFT, authors=None, published_at=None, **kw):
    """An article with one author unless told otherwise; published an hour ago if published."""
    n = next(_n)
    if status == PUBLISHED and published_at is None:
        published_at = timezone.now() - timedelta(hours=1)
    article = Article.objects.create(
        title=kw.pop("title", f"Story {n}"),
        slug=kw.pop("slug", f"story-{n}"),
        body=kw.pop("body", "Words for the story."),
        status=status,
        published_at=published_at,
        **kw,
    )
    for position, author in enumerate(authors if authors is not None else [make_author()]):
        Authorship.objects.create(article=article, author=author, position=position)
    return article


def png(name="photo.png"):
    buffer = io.BytesIO()
    Image.new("RGB", (16, 10), "teal").save(buffer, format="PNG")
    return ContentFile(buffer.getvalue(), name=name)


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


class _FormReader(HTMLParser):
    """What a browser would submit for one form: its fields with their current values."""

    def __init__(self, form_id):
        super().__init__()
        self.form_id, self.inside, self.data = form_id, False, {}
        self._select = self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        if tag == "option" and self._select and "selected" in attrs:
            self.data[self._select] = attrs.get("value", "")
        name = attrs.get("name", "")
        if not self.inside or not name or "__prefix__" in name:
            return
        if tag == "input" and attrs.get("type") not in ("submit", "file", "button"):
            if attrs.get("type") not in ("checkbox", "radio") or "checked" in attrs:
                self.data[name] = attrs.get("value", "on" if "checked" in attrs else "")
        elif tag == "textarea":
            self._textarea = name
            self.data[name] = ""
        elif tag == "select":
            self._select = name

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea" and self._textarea:
            # Browsers drop the newline that may follow <textarea>.
            self.data[self._textarea] = self.data[self._textarea].removeprefix("\n")
            self._textarea = None
        elif tag == "select":
            self._select = None


def form_data(response, form_id="article_form"):
    """The POST data of the admin form in `response`, as a browser would send it unchanged."""
    assert response.status_code == 200, response.status_code
    reader = _FormReader(form_id)
    reader.feed(response.content.decode())
    return reader.data
