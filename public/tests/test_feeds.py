"""RSS feeds: public stories only, absolute links on SITE_URL, a fixed number of queries."""

import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.utils import timezone

from articles.tests.factories import add_lead_image, hidden_articles, make_article
from authors.tests.factories import make_author
from public.tests.pages import SITE_URL

DC = "{http://purl.org/dc/elements/1.1/}"
MEDIA = "{http://search.yahoo.com/mrss/}"


pytestmark = pytest.mark.usefixtures("site_url")


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
    tina, sam = make_author(name="Tina Writer"), make_author(name="Sam Editor")
    article = make_article(
        title="Budget passes",
        standfirst="MPs vote it through.",
        authors=[tina, sam],
        tags=["Politics", "Economy"],
        primary_tag="Politics",
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
    make_article(title="Host test")
    response = client.get("/rss/", headers={"host": "other.example"})
    assert b"other.example" not in response.content
    channel = ET.fromstring(response.content).find("channel")
    assert channel.find("item").findtext("link").startswith(SITE_URL)
    assert channel.find("{http://www.w3.org/2005/Atom}link").get("href") == f"{SITE_URL}/rss/"


@pytest.mark.django_db
def test_editor_text_is_escaped_for_feed_readers(client):
    make_article(title="Fish & <b>chips</b>", slug="fish-chips", standfirst="<script>x</script>")
    item = rss(client, "/rss/").find("item")
    # Readers treat these as HTML: after XML parsing they still hold entities, not tags.
    assert item.findtext("title") == "Fish &amp; &lt;b&gt;chips&lt;/b&gt;"
    assert item.findtext("description") == "&lt;script&gt;x&lt;/script&gt;"


@pytest.mark.django_db
def test_lead_image_is_offered_as_media_content(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    add_lead_image(make_article(title="With a photo"))
    media = rss(client, "/rss/").find("item").find(f"{MEDIA}content")
    assert media.get("url").startswith(f"{SITE_URL}/media/photos/")  # a library photo
    assert media.get("type") == "image/jpeg"
    assert (media.get("width"), media.get("height")) == ("1200", "675")
    assert media.findtext(f"{MEDIA}description") == "A steel-blue sky"


@pytest.mark.django_db
def test_latest_feed_is_newest_first_and_capped_at_30(client):
    now = timezone.now()
    for n in range(32):
        make_article(title=f"Story {n}", published_at=now - timedelta(minutes=n + 1))
    titles = item_titles(rss(client, "/rss/"))
    assert len(titles) == 30
    assert titles[:2] == ["Story 0", "Story 1"]


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/rss/", "/tags/politics/rss/", "/authors/ada-reporter/rss/"])
def test_hidden_articles_never_appear_in_a_feed(client, url):
    ada = make_author(name="Ada Reporter")
    make_article(title="Public story", authors=[ada], tags=["Politics"], primary_tag="Politics")
    hidden_articles(authors=[ada], tags=["Politics"], primary_tag="Politics")
    assert item_titles(rss(client, url)) == ["Public story"]


@pytest.mark.django_db
def test_tag_and_author_feeds_hold_only_their_stories(client):
    ada, bob = make_author(name="Ada Reporter"), make_author(name="Bob Writer")
    make_article(title="Vote tonight", authors=[ada], tags=["Politics"], primary_tag="Politics")
    make_article(title="Cup final", authors=[bob], tags=["Sport"], primary_tag="Sport")

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
    authors = [make_author(name="Ada Reporter"), make_author(name="Bob Writer")]
    now = timezone.now()
    for n in range(count):
        make_article(
            title=f"Story {n}",
            published_at=now - timedelta(minutes=n + 1),
            authors=authors,
            tags=["Politics", f"Tag {n % 7}"],
            primary_tag="Politics",
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
    make_article(title="Cached")
    client.get("/rss/")
    with django_assert_num_queries(0):
        assert client.get("/rss/").status_code == 200


@pytest.mark.django_db
def test_feed_sends_last_modified(client):
    make_article(title="Dated")
    assert client.get("/rss/").has_header("Last-Modified")
