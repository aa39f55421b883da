"""What each public page shows, and that anything not public is a 404, never a 500."""

import re
from datetime import timedelta

import pytest
from django.template import Context, Template

from articles.tests.factories import DRAFT, NOW, REVIEW, make_article, make_photo, make_tag
from authors.tests.factories import make_author
from imaging.tests.factories import png_file
from public.tests.pages import element, img_attrs, list_slugs, next_link, shows_image

pytestmark = pytest.mark.django_db

BODY = "The count went on past midnight.\n\n> Every vote will be counted.\n\n" + "word " * 480


@pytest.fixture
def authors():
    return [
        make_author(
            name="Ann Lee",
            role="Political editor",
            short_bio="Ann covers Westminster.",
            bio="Ann Lee has covered twelve elections.",
            avatar=png_file("ann.png"),
        ),
        make_author(name="Ben Okri", role="Data reporter", avatar=png_file("ben.png")),
        make_author(name="Cy Twombly", role="Correspondent", avatar=png_file("cy.png")),
    ]


@pytest.fixture
def story(clock, authors):
    """A full article, published at 08:05 UTC on 1 July 2025 (09:05 in London)."""
    politics = make_tag("Politics")
    return make_article(
        title="Vote count goes into the night",
        slug="vote-count",
        standfirst="Results are expected by dawn.",
        body=BODY,
        published_at=NOW - timedelta(minutes=55),
        authors=authors,
        primary_tag=politics,
        tags=[politics, "Elections"],
        corrections=["An earlier version misspelt a constituency."],
        lead_photo=make_photo(
            image=png_file("count.png", size=(16, 9)),
            alt_text="Volunteers counting ballot papers at long tables",
            caption="The count in Sunderland",
            credit="Jo Smith/Agency",
        ),
    )


@pytest.fixture
def feed(clock):
    """Twelve earlier public stories for the News Feed; the newest was updated."""
    items = [
        make_article(title=f"Earlier story {i}", published_at=NOW - timedelta(hours=2 + i))
        for i in range(12)
    ]
    items[0].updated_at = NOW - timedelta(minutes=30)
    items[0].save()
    return items


@pytest.fixture
def page(client, story, feed):
    response = client.get("/news/vote-count/")
    assert response.status_code == 200
    return response.text


# --- Every page ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/", "Vote count goes into the night"),
        ("/news/", "Vote count goes into the night"),
        ("/news/vote-count/", "Vote count goes into the night"),
        ("/tags/politics/", "Vote count goes into the night"),
        ("/tags/elections/", "Vote count goes into the night"),
        ("/authors/", "Political editor"),
        ("/authors/ann-lee/", "Vote count goes into the night"),
    ],
)
def test_every_public_page_renders_its_content(client, story, url, expected):
    response = client.get(url)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert expected in element(response.text, 'id="main"')  # not just in the sidebar


def test_home_leads_with_the_newest_story_and_lists_the_rest(client, clock):
    older = make_article(title="Older story", published_at=NOW - timedelta(hours=3))
    newest = make_article(title="Newest story", published_at=NOW - timedelta(hours=1))
    make_article(title="Unfinished draft", status=DRAFT)
    make_article(title="Tomorrow's story", published_at=NOW + timedelta(days=1))

    html = client.get("/").text

    assert newest.title in element(html, 'class="lead-story"')
    latest = element(html, 'class="cards"')
    assert older.title in latest
    assert newest.title not in latest
    assert "Unfinished draft" not in html
    assert "Tomorrow" not in html


def test_featured_story_leads_the_home_page(client, clock):
    featured = make_article(
        title="Featured", is_featured=True, published_at=NOW - timedelta(hours=1)
    )
    make_article(title="Plain newer story", published_at=NOW - timedelta(minutes=5))

    html = client.get("/").text

    assert featured.title in element(html, 'class="lead-story"')
    assert "Plain newer story" in element(html, 'class="cards"')


def test_newest_featured_story_leads_even_after_many_newer_stories(client, clock):
    # The help text promises "The newest featured story leads the home page."
    make_article(title="Featured", is_featured=True, published_at=NOW - timedelta(days=1))
    for i in range(13):
        make_article(title=f"Newer story {i}", published_at=NOW - timedelta(hours=i + 1))

    html = client.get("/").text

    lead = element(html, 'class="lead-story"')
    assert "Featured" in lead, "the featured story lost the lead to the newest story"


def test_news_feed_lists_public_stories_newest_first(client, clock):
    make_article(title="Middle", slug="middle", published_at=NOW - timedelta(hours=2))
    make_article(title="Newest", slug="newest", published_at=NOW - timedelta(hours=1))
    make_article(title="Oldest", slug="oldest", published_at=NOW - timedelta(hours=3))
    make_article(title="Draft", slug="draft", status=DRAFT)
    make_article(title="Review", slug="review", status=REVIEW, published_at=NOW - timedelta(days=1))
    make_article(title="Later", slug="later", published_at=NOW + timedelta(minutes=1))

    response = client.get("/news/")

    assert list_slugs(response.content) == ["newest", "middle", "oldest"]
    assert next_link(response.content) is None


def test_tag_page_lists_only_public_stories_with_that_tag(client, clock):
    make_article(slug="tagged", tags=["Health"])
    make_article(slug="untagged", tags=["Sport"])
    make_article(slug="tagged-draft", status=DRAFT, tags=["Health"])

    response = client.get("/tags/health/")

    assert response.status_code == 200
    assert "<h1>Health</h1>" in response.text
    assert list_slugs(response.content) == ["tagged"]


def test_a_tag_with_no_public_story_is_not_found(client, clock):
    make_tag("Weather")
    make_article(slug="forecast", status=DRAFT, tags=["Weather"])

    assert client.get("/tags/weather/").status_code == 404


# --- The article page ---------------------------------------------------------------------


def test_article_page_shows_the_primary_tag_linking_to_its_tag_page(page):
    header = element(page, 'class="story__header"')

    assert '<p class="kicker"><a href="/tags/politics/">Politics</a></p>' in header


def test_article_page_shows_headline_and_standfirst(page):
    header = element(page, 'class="story__header"')

    assert '<h1 class="story__title">Vote count goes into the night</h1>' in header
    assert "Results are expected by dawn." in header
    assert "<title>Vote count goes into the night · " in page


def test_article_page_shows_the_date_in_newsroom_local_time(page, settings):
    assert settings.TIME_ZONE == "Europe/London"
    dateline = element(page, 'class="dateline"')

    # 08:05 UTC is 09:05 in London in July (BST).
    assert '<time datetime="2025-07-01T09:05:00+01:00">1 July 2025, 09:05</time>' in dateline


def test_article_page_shows_the_reading_time(page, story):
    # 7 words of prose and quotation + 480 more: 487 words at 230 a minute.
    assert story.reading_minutes == 3
    assert "3 min read" in element(page, 'class="dateline"')


def test_article_page_shows_the_lead_image_with_alt_text_caption_and_credit(page, story):
    figure = element(page, 'class="lead-image"')
    img = img_attrs(figure)

    assert shows_image(figure, story.lead_photo.image)
    assert img["alt"] == "Volunteers counting ballot papers at long tables"
    assert int(img["width"]) > 0  # the browser reserves the space
    assert int(img["height"]) > 0
    assert "The count in Sunderland" in element(figure, "<figcaption")
    assert '<span class="credit">(Jo Smith/Agency)</span>' in figure


def test_article_page_shows_the_body_with_its_quotation(page):
    body = element(page, 'class="story__body"')

    assert "<p>The count went on past midnight.</p>" in body
    assert "<blockquote>\n<p>Every vote will be counted.</p>\n</blockquote>" in body


def test_article_page_has_an_author_box_for_each_author(page, authors):
    boxes = re.findall(r'<aside class="author-box".*?</aside>', page, re.DOTALL)

    assert len(boxes) == 3
    ann = boxes[0]
    assert shows_image(ann, authors[0].avatar)
    assert '<a href="/authors/ann-lee/" rel="author">Ann Lee</a>' in ann
    assert "Political editor" in ann
    assert "Ann covers Westminster." in ann
    assert re.search(
        r'<a class="author-box__more" href="/authors/ann-lee/">'
        r"Read more<span[^>]*> about Ann Lee</span></a>",
        ann,
    )
    assert [re.search(r"author-box__name.*?>([^<]+)</a>", box).group(1) for box in boxes] == [
        "Ann Lee",
        "Ben Okri",
        "Cy Twombly",
    ]


def test_byline_of_three_authors_reads_a_b_and_c(page):
    byline = element(page, 'class="dateline__byline"')

    names = re.sub(r"<[^>]+>", "", byline)
    assert names == "By Ann Lee, Ben Okri and Cy Twombly"
    assert 'href="/authors/ben-okri/"' in byline


def test_article_page_shows_corrections_and_topics(page):
    assert "An earlier version misspelt a constituency." in element(page, 'class="corrections"')
    topics = element(page, 'class="tag-list"')
    assert '<a href="/tags/politics/">Politics</a>' in topics
    assert '<a href="/tags/elections/">Elections</a>' in topics


def test_article_page_sidebar_shows_the_news_feed_with_updates_and_show_more(page, story, feed):
    sidebar = element(page, 'class="news-feed"')

    assert ">News Feed</h2>" in sidebar
    items = re.findall(r'<li class="feed__item">.*?</li>', sidebar, re.DOTALL)
    assert len(items) == 10
    assert story.title in items[0]
    assert "Updated:" in items[1]  # feed[0] was updated
    assert "Updated:" not in "".join(items[2:])
    more = next_link(sidebar, "sidebar-feed")
    assert more.startswith("/news/?after=")
    assert ">Show More</a>" in sidebar


def render_byline(people):
    return Template("{% load newsroom %}{% byline people %}").render(Context({"people": people}))


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        ([], ""),
        (["Ann"], "Ann"),
        (["Ann", "Ben"], "Ann and Ben"),
        (["Ann", "Ben", "Cy"], "Ann, Ben and Cy"),
        (["Ann", "Ben", "Cy", "Di"], "Ann, Ben, Cy and Di"),
    ],
)
def test_byline_joins_names_naturally(names, expected):
    rendered = render_byline([make_author(name=name) for name in names])

    assert re.sub(r"<[^>]+>", "", rendered) == expected
    assert rendered.count('rel="author"') == len(names)


def test_byline_escapes_author_names():
    rendered = render_byline([make_author(name="<b>Eve</b>", slug="eve")])

    assert "&lt;b&gt;Eve&lt;/b&gt;" in rendered
    assert "<b>" not in rendered


# --- Not public: 404 ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "offset"),
    [(DRAFT, None), (REVIEW, timedelta(hours=-1)), ("published", timedelta(minutes=1))],
    ids=["draft", "in-review", "scheduled"],
)
def test_unpublished_article_is_a_404(client, clock, status, offset):
    article = make_article(
        slug="hidden", status=status, published_at=None if offset is None else NOW + offset
    )

    response = client.get(article.get_absolute_url())

    assert response.status_code == 404
    assert "We couldn’t find that page" in response.text


@pytest.mark.parametrize(
    "url",
    [
        "/news/no-such-story/",
        "/tags/no-such-tag/",
        "/authors/no-such-person/",
        "/news/%C3%A9t%C3%A9/",
        "/news/two/levels/",
    ],
)
def test_unknown_addresses_are_a_404(client, url):
    make_article(slug="real-story", tags=["Real tag"])
    make_author(name="Real Person")

    response = client.get(url)

    assert response.status_code == 404
    assert "We couldn’t find that page" in response.text


def test_a_featured_story_older_than_three_days_no_longer_leads(client, clock):
    make_article(title="Old feature", is_featured=True, published_at=NOW - timedelta(days=4))
    make_article(title="Fresh news", published_at=NOW - timedelta(hours=1))

    lead = element(client.get("/").text, 'class="lead-story"')

    assert "Fresh news" in lead
