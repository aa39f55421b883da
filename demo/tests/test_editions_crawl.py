"""Both editions of the demo, crawled as a search engine would: every page names its
counterparts with reciprocal `hreflang` links and `x-default`, every language switch
lands on a page (never a 404), and no page mixes the two editions' site words.

One test loads the real demo (both editions) and walks the links from each front page;
the walk is bounded, and covers every kind of page either edition links to.
"""

import gettext
import io
import re
from collections import deque
from html.parser import HTMLParser
from itertools import cycle
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.management import call_command

pytestmark = pytest.mark.django_db

SITE_URL = "https://news.example.org"
MAX_PAGES = 130
# Pages of the site's editions; what is not a reader's page (the API, the desk, feeds and
# files) is not followed.
SKIPPED = re.compile(r"^/(?:uk/)?(?:admin|api|static|media|account|newsletters|views|banner)/")
CYRILLIC = re.compile(r"[А-Яа-яІіЇїЄєҐґ]")


class Page(HTMLParser):
    """What the walk reads from a page: its language, its links, its `hreflang` set, its
    language switch, and its words outside any element in another language."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.language = None
        self.links, self.alternates, self.switch = [], {}, []
        self.words = []
        self._stack = []  # (tag, in another language?, hidden?) of each open element
        self._in_switch = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.language = attrs.get("lang")
        foreign = bool(self._stack and self._stack[-1][1]) or (
            "lang" in attrs and tag != "html" and attrs["lang"].lower() != self.language
        )
        hidden = bool(self._stack and self._stack[-1][2]) or tag in ("script", "style")
        if tag not in ("link", "meta", "img", "input", "br", "source", "hr"):
            self._stack.append((tag, foreign, hidden))
        if tag == "link" and attrs.get("rel") == "alternate" and attrs.get("hreflang"):
            self.alternates[attrs["hreflang"]] = attrs["href"].removeprefix(SITE_URL)
        if tag == "nav" and "edition-switch" in (attrs.get("class") or ""):
            self._in_switch = True
        if tag == "a" and attrs.get("href"):
            (self.switch if self._in_switch else self.links).append(attrs["href"])
        if not foreign:
            self.words += [
                attrs[a] for a in ("alt", "aria-label", "placeholder", "title") if a in attrs
            ]

    def handle_endtag(self, tag):
        if tag == "nav":
            self._in_switch = False
        while self._stack:
            if self._stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if data.strip() and not (self._stack and (self._stack[-1][1] or self._stack[-1][2])):
            self.words.append(data)


def read(client, path, linked_from=None):
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code, linked_from)
    page = Page()
    page.feed(response.content.decode())
    return page


def english_site_words():
    """The site's own English words that its Ukrainian catalog translates (LOCALE_PATHS):
    whole phrases of two words or more, or one long word, so no name counts."""
    path = settings.LOCALE_PATHS[0] / "uk" / "LC_MESSAGES" / "django.mo"
    if not path.exists():
        return []
    with path.open("rb") as mo:
        catalog = gettext.GNUTranslations(mo)._catalog
    return sorted(
        msgid
        for msgid, msgstr in catalog.items()
        if isinstance(msgid, str)
        and msgid
        and msgstr != msgid
        and "%" not in msgid
        and "{" not in msgid
        and (" " in msgid or len(msgid) >= 8)
    )


def test_both_editions_name_each_other_and_never_mix(client, settings_site_url):
    call_command("load_demo", stdout=io.StringIO())
    english = english_site_words()

    # One queue an edition, taken in turn: each edition gets its half of the walk.
    seen = {}
    queues = {"/": deque([("/", None)]), "/uk/": deque([("/uk/", None)])}
    turns = cycle(queues)
    while any(queues.values()) and len(seen) < MAX_PAGES:
        queue = queues[next(turns)]
        if not queue:
            continue
        path, linked_from = queue.popleft()
        if path in seen:
            continue
        page = seen[path] = read(client, path, linked_from)
        for href in page.links:
            parts = urlsplit(href)
            if parts.netloc or parts.query or not parts.path.endswith("/"):
                continue
            if not SKIPPED.match(parts.path) and parts.path not in seen:
                edition = "/uk/" if parts.path.startswith("/uk/") else "/"
                queues[edition].append((parts.path, path))

    ukrainian = [path for path in seen if path.startswith("/uk/")]
    assert len(ukrainian) >= 50, "the walk reached the Ukrainian edition's pages"
    assert len(seen) - len(ukrainian) >= 60, "and the English edition's"
    assert any(len(page.alternates) > 2 for page in seen.values()), "some pages are translated"

    mixed = {}
    for path, page in seen.items():
        is_uk = path.startswith("/uk/")
        assert page.language == ("uk" if is_uk else settings.LANGUAGE_CODE), path
        # Its own edition's address, every counterpart's, and x-default among them.
        alternates = page.alternates
        assert "x-default" in alternates, path
        own = "uk" if is_uk else "en-GB"
        assert alternates.get(own) == path, (path, alternates)
        assert alternates["x-default"] == alternates.get("en-GB", path), (path, alternates)
        # Reciprocal: each counterpart names the same set.
        for href in alternates.values():
            if href != path:
                other = seen.get(href) or read(client, href)
                assert other.alternates == alternates, (path, href)
        # The switch goes to the counterpart when there is one, else the other front page.
        assert len(page.switch) == 1, path
        [switch] = page.switch
        assert switch == alternates.get("en-GB" if is_uk else "uk", "/" if is_uk else "/uk/")
        assert client.get(switch).status_code == 200, (path, switch)
        # No page mixes the editions' site words.
        text = " ".join(page.words)
        if is_uk:
            leaked = [w for w in english if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text)]
        else:
            leaked = CYRILLIC.findall(text)[:10]
        if leaked:
            mixed[path] = leaked
    assert len(english) >= 40, "the Ukrainian catalog translates the site's words"
    assert mixed == {}


@pytest.fixture
def settings_site_url(settings):
    settings.SITE_URL = SITE_URL
