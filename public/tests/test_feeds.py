"""RSS feeds: public stories only, absolute links on SITE_URL, a fixed number of queries.

The helpers here are shared by this package's distribution tests (sitemaps, search, SEO).
"""

import io
import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image

import conftest
from articles.models import Article
from authors.models import Author
from conftest import SITE_URL

DC = "{http://purl.org/dc/elements/1.1/}"
MEDIA = "{http://search.yahoo.com/mrss/}"


pytestmark = pytest.mark.usefixtures("site_url")


def make_author(name="Ada Reporter", **fields):
    return Author.objects.create(name=name, slug=slugify(name), **fields)


def make_article(title="A public story", *, published_at=None, tags=(), **fields):
    """An article, public by default (published an hour ago); the first tag is primary."""
    if published_at is not None:
        fields["published_at"] = published_at
    return conftest.make_article(
        title=title,
        tags=tags,
        primary_tag=tags[0] if tags else None,
        body=fields.pop("body", f"The body of {title}."),
        **fields,
    )


def hidden_articles(**fields):
    """One article in each state that must never be public."""
    future = timezone.now() + timedelta(days=1)
    return [
        make_article("Secret draft", status=Article.Status.DRAFT, **fields),
        make_article("Secret in review", status=Article.Status.REVIEW, **fields),
        make_article("Secret scheduled", published_at=future, **fields),
    ]


def jpeg(width=1200, height=675):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "steelblue").save(buffer, "JPEG")
    return ContentFile(buffer.getvalue(), name="lead.jpg")


def add_lead_image(article, alt="A steel-blue sky"):
    article.lead_image_alt = alt
    article.lead_image.save("lead.jpg", jpeg(), save=True)
    return article


def rss(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)  # well-formed XML, or this raises
    assert root.tag == "rss"
    assert root.get("version") == "2.0"
    return root.find("channel")


def item_titles(channel):
    return [item.findtext("title") for item in channel.findall("item")]


@pytest.mark.django_db
def test_latest_feed_items_carry_everything_a_reader_needs(client, settings):
    tina, sam = make_author("Tina Writer"), make_author("Sam Editor")
    article = make_article(
        "Budget passes",
        standfirst="MPs vote it through.",
        authors=[tina, sam],
        tags=["Politics", "Economy"],
    )
    channel = rss(client, "/rss/")

    assert channel.findtext("title") == settings.SITE_NAME
    assert channel.findtext("link") == f"{SITE_URL}/"
    [item] = channel.findall("item")
    url = f"{SITE_URL}/news/budget-passes/"
    assert item.findtext("title") == "Budget passes"
    assert item.findtext("link") == url
    assert item.findtext("guid") == url
    assert item.find("guid").get("isPermaLink") == "true"
    assert item.findtext("description") == "MPs vote it through."
    assert [e.text for e in item.findall(f"{DC}creator")] == ["Tina Writer", "Sam Editor"]
    assert sorted(e.text for e in item.findall("category")) == ["Economy", "Politics"]
    assert article.published_at.strftime("%d %b %Y") in item.findtext("pubDate")


@pytest.mark.django_db
def test_feed_links_use_site_url_not_the_request_host(client, settings):
    settings.ALLOWED_HOSTS = ["*"]
    make_article("Host test")
    response = client.get("/rss/", headers={"host": "other.example"})
    assert b"other.example" not in response.content
    channel = ET.fromstring(response.content).find("channel")
    assert channel.find("item").findtext("link").startswith(SITE_URL)
    assert channel.find("{http://www.w3.org/2005/Atom}link").get("href") == f"{SITE_URL}/rss/"


@pytest.mark.django_db
def test_editor_text_is_escaped_for_feed_readers(client):
    make_article("Fish & <b>chips</b>", slug="fish-chips", standfirst="<script>x</script>")
    item = rss(client, "/rss/").find("item")
    # Readers treat these as HTML: after XML parsing they still hold entities, not tags.
    assert item.findtext("title") == "Fish &amp; &lt;b&gt;chips&lt;/b&gt;"
    assert item.findtext("description") == "&lt;script&gt;x&lt;/script&gt;"


@pytest.mark.django_db
def test_lead_image_is_offered_as_media_content(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    add_lead_image(make_article("With a photo"))
    media = rss(client, "/rss/").find("item").find(f"{MEDIA}content")
    assert media.get("url").startswith(f"{SITE_URL}/media/lead/")
    assert media.get("type") == "image/jpeg"
    assert (media.get("width"), media.get("height")) == ("1200", "675")
    assert media.findtext(f"{MEDIA}description") == "A steel-blue sky"


@pytest.mark.django_db
def test_latest_feed_is_newest_first_and_capped_at_30(client):
    now = timezone.now()
    for n in range(32):
        make_article(f"Story {n}", published_at=now - timedelta(minutes=n + 1))
    titles = item_titles(rss(client, "/rss/"))
    assert len(titles) == 30
    assert titles[:2] == ["Story 0", "Story 1"]


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/rss/", "/tags/politics/rss/", "/authors/ada-reporter/rss/"])
def test_hidden_articles_never_appear_in_a_feed(client, url):
    ada = make_author()
    make_article("Public story", authors=[ada], tags=["Politics"])
    hidden_articles(authors=[ada], tags=["Politics"])
    assert item_titles(rss(client, url)) == ["Public story"]


@pytest.mark.django_db
def test_tag_and_author_feeds_hold_only_their_stories(client):
    ada, bob = make_author("Ada Reporter"), make_author("Bob Writer")
    make_article("Vote tonight", authors=[ada], tags=["Politics"])
    make_article("Cup final", authors=[bob], tags=["Sport"])

    politics = rss(client, "/tags/politics/rss/")
    assert item_titles(politics) == ["Vote tonight"]
    assert politics.findtext("link") == f"{SITE_URL}/tags/politics/"
    bob_feed = rss(client, "/authors/bob-writer/rss/")
    assert item_titles(bob_feed) == ["Cup final"]
    assert bob_feed.findtext("link") == f"{SITE_URL}/authors/bob-writer/"


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/tags/no-such-tag/rss/", "/authors/nobody/rss/"])
def test_unknown_slugs_are_404(client, url):
    assert client.get(url).status_code == 404


def _many(count):
    authors = [make_author("Ada Reporter"), make_author("Bob Writer")]
    now = timezone.now()
    for n in range(count):
        make_article(
            f"Story {n}",
            published_at=now - timedelta(minutes=n + 1),
            authors=authors,
            tags=["Politics", f"Tag {n % 7}"],
        )


# One query for the page cache's next publication, then articles, bylines and tags
# (and the tag or author itself): the same for 5 items as for 30.
@pytest.mark.django_db
@pytest.mark.parametrize("count", [5, 50])
@pytest.mark.parametrize(
    ("url", "queries"),
    [("/rss/", 4), ("/tags/politics/rss/", 5), ("/authors/ada-reporter/rss/", 5)],
)
def test_feed_queries_do_not_grow_with_items(
    client, django_assert_num_queries, count, url, queries
):
    _many(count)
    with django_assert_num_queries(queries):
        response = client.get(url)
    assert response.status_code == 200
    assert len(ET.fromstring(response.content).findall("channel/item")) == min(count, 30)


@pytest.mark.django_db
def test_feed_is_served_from_the_page_cache(client, django_assert_num_queries):
    make_article("Cached")
    client.get("/rss/")
    with django_assert_num_queries(0):
        assert client.get("/rss/").status_code == 200


@pytest.mark.django_db
def test_feed_sends_last_modified(client):
    make_article("Dated")
    assert client.get("/rss/").has_header("Last-Modified")
