"""Canonical links, Open Graph, Twitter cards and NewsArticle JSON-LD on article pages."""

import json
import re
from html.parser import HTMLParser

import pytest
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image

from articles.models import Authorship
from articles.tests.factories import add_lead_image, make_article
from authors.tests.factories import make_author
from public.seo import LOGO_HEIGHT, LOGO_PATH, LOGO_WIDTH
from public.tests.pages import SITE_URL, machine_time

XSS_TITLE = "Breaking </script><script>alert(1)</script> news"


pytestmark = pytest.mark.usefixtures("site_url")


class _Head(HTMLParser):
    """<meta> and <link> tags by their property/name/rel, and the JSON-LD blocks."""

    def __init__(self):
        super().__init__()
        self.meta, self.links, self.jsonld, self._in_jsonld = {}, {}, [], False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and (key := attrs.get("property") or attrs.get("name")):
            self.meta.setdefault(key, []).append(attrs.get("content"))
        elif tag == "link":
            self.links.setdefault(attrs.get("rel"), []).append(attrs)
        self._in_jsonld = tag == "script" and attrs.get("type") == "application/ld+json"

    def handle_data(self, data):
        if self._in_jsonld:
            self.jsonld.append(json.loads(data))
            self._in_jsonld = False


def head(client, url):
    response = client.get(url)
    assert response.status_code == 200
    parser = _Head()
    parser.feed(response.content.decode())
    return parser


@pytest.fixture
def article():
    ada, bob = make_author(name="Ada Reporter"), make_author(name="Bob Writer")
    article = make_article(
        title="Budget passes",
        standfirst="MPs vote it through.",
        authors=[ada, bob],
        tags=["Politics", "Economy"],
        primary_tag="Politics",
    )
    return add_lead_image(article)


@pytest.mark.django_db
def test_article_page_has_canonical_open_graph_and_twitter_meta(client, article):
    page = head(client, "/news/budget-passes/")
    url = f"{SITE_URL}/news/budget-passes/"
    image = f"{SITE_URL}{article.lead_photo.image.url}"

    assert [link["href"] for link in page.links["canonical"]] == [url]
    expected = {
        "og:type": ["article"],
        "og:title": ["Budget passes"],
        "og:description": ["MPs vote it through."],
        "og:url": [url],
        "og:site_name": [page.meta["og:site_name"][0]],
        "og:image": [image],
        "og:image:width": ["1200"],
        "og:image:height": ["675"],
        "og:image:alt": ["A steel-blue sky"],
        "article:section": ["Politics"],
        "twitter:card": ["summary_large_image"],
        "twitter:title": ["Budget passes"],
        "twitter:image": [image],
    }
    for key, value in expected.items():
        assert page.meta[key] == value, key
    assert sorted(page.meta["article:tag"]) == ["Economy", "Politics"]
    assert page.meta["og:site_name"] != [""]
    assert page.meta["article:published_time"] == [machine_time(article.published_at)]
    assert page.meta["article:modified_time"] == [machine_time(article.last_modified)]


@pytest.mark.django_db
def test_json_ld_is_a_complete_news_article(client, settings, article):
    [data] = head(client, "/news/budget-passes/").jsonld
    url = f"{SITE_URL}/news/budget-passes/"

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Budget passes"
    assert data["description"] == "MPs vote it through."
    assert data["image"] == [f"{SITE_URL}{article.lead_photo.image.url}"]
    assert data["datePublished"] == machine_time(article.published_at)
    assert data["dateModified"] == machine_time(article.last_modified)
    assert data["mainEntityOfPage"] == {"@type": "WebPage", "@id": url}
    assert data["author"] == [
        {"@type": "Person", "name": "Ada Reporter", "url": f"{SITE_URL}/authors/ada-reporter/"},
        {"@type": "Person", "name": "Bob Writer", "url": f"{SITE_URL}/authors/bob-writer/"},
    ]
    publisher = data["publisher"]
    assert publisher["@type"] == "Organization"
    assert publisher["name"] == settings.SITE_NAME
    assert publisher["logo"]["@type"] == "ImageObject"
    assert publisher["logo"]["url"].startswith(f"{SITE_URL}/static/")
    assert publisher["logo"]["url"].endswith(".png")


def test_logo_file_matches_what_json_ld_says():
    with Image.open(finders.find(LOGO_PATH)) as logo:
        assert logo.size == (LOGO_WIDTH, LOGO_HEIGHT)


@pytest.mark.django_db
def test_a_title_cannot_break_out_of_the_json_ld_script(client):
    make_article(title=XSS_TITLE, slug="breaking", standfirst="</SCRIPT>&<!--")
    response = client.get("/news/breaking/")
    html = response.content.decode()

    assert "<script>alert(1)" not in html
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert "<" not in block
    data = json.loads(block)
    assert data["headline"] == XSS_TITLE
    assert data["description"] == "</SCRIPT>&<!--"


@pytest.mark.django_db
def test_article_without_image_still_has_valid_meta(client):
    make_article(title="No photo", authors=[make_author()])
    page = head(client, "/news/no-photo/")
    [data] = page.jsonld
    assert "image" not in data
    assert "og:image" not in page.meta
    assert page.meta["og:description"] == ["No photo"]  # falls back to the title


@pytest.mark.django_db
def test_meta_uses_site_url_not_the_request_host(client, settings, article):
    settings.ALLOWED_HOSTS = ["*"]
    response = client.get("/news/budget-passes/", headers={"host": "other.example"})
    assert b"other.example" not in response.content


@pytest.mark.django_db
def test_article_meta_queries_do_not_grow_with_tags_or_authors(client, article):
    def queries():
        cache.clear()
        with CaptureQueriesContext(connection) as context:
            assert client.get("/news/budget-passes/").status_code == 200
        return len(context)

    before = queries()
    article.tags.add("Budget", "Treasury", "Tax")
    Authorship.objects.create(article=article, author=make_author(name="Cy Third"), position=2)
    assert queries() == before


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        ("/", "/"),
        ("/news/", "/news/"),
        ("/tags/politics/", "/tags/politics/"),
        ("/authors/", "/authors/"),
        ("/authors/ada-reporter/", "/authors/ada-reporter/"),
    ],
)
def test_list_pages_have_canonical_links(client, url, canonical, article):
    page = head(client, url)
    assert [link["href"] for link in page.links["canonical"]] == [f"{SITE_URL}{canonical}"]


@pytest.mark.django_db
def test_every_page_points_to_the_main_feed(client):
    page = head(client, "/")
    alternates = page.links["alternate"]
    feeds = [link for link in alternates if link.get("type") == "application/rss+xml"]
    assert [link["href"] for link in feeds] == ["/rss/"]
