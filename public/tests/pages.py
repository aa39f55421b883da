"""Reading the public site's pages in tests: elements, images, story lists, Show More, and
the times written for machines."""

import html
import re

from django.conf import settings
from django.utils import timezone

# The public address tests give the site (the `site_url` fixture sets it).
SITE_URL = "https://news.example.org"

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


# Times written for machines. HTML's `datetime` takes a date, or a date and time with at
# most three digits of a second (and an offset, for a "global" one); pages write seconds.
_DATETIME_ATTR = re.compile(r'\sdatetime="([^"]*)"')
_HTML_DATETIME = re.compile(
    r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?"
)


def datetime_values(content):
    """Every `datetime="…"` attribute's value in `content`, in order."""
    return [html.unescape(value) for value in _DATETIME_ATTR.findall(_text(content))]


def invalid_datetimes(content):
    """The `datetime` values in `content` that HTML does not accept."""
    return [value for value in datetime_values(content) if not _HTML_DATETIME.fullmatch(value)]


def machine_time(moment):
    """`moment` as pages write it for machines: ISO 8601 in the newsroom's zone, to the second."""
    return timezone.localtime(moment).replace(microsecond=0).isoformat()
