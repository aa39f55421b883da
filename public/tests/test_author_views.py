"""The journalists' list and each journalist's page."""

import re
from datetime import timedelta
from itertools import chain

import pytest

from articles.tests.factories import DRAFT, NOW, REVIEW, bulk_articles, make_article
from authors.tests.factories import make_author
from imaging.tests.factories import png_file
from public.tests.pages import element, img_attrs, list_slugs, next_link, shows_image, walk_pages

pytestmark = pytest.mark.django_db


@pytest.fixture
def ann():
    return make_author(
        name="Ann Lee",
        role="Political editor",
        short_bio="Ann covers Westminster.",
        bio="Ann Lee joined in 2009.\n\nShe has covered four general elections.",
        avatar=png_file("ann.png", size=(20, 20)),
    )


def test_author_list_shows_every_author_by_name(client, ann):
    make_author(name="Zed Adams", role="Sports writer", short_bio="Zed follows the Premier League.")
    make_author(name="Bea Cole", role="", short_bio="")  # no stories, no role: still listed

    response = client.get("/authors/")

    assert response.status_code == 200
    people = element(response.text, 'class="people"')
    names = re.findall(r'<h2 class="person__name"><a href="(/authors/[\w-]+/)">([^<]+)</a>', people)
    assert names == [
        ("/authors/ann-lee/", "Ann Lee"),
        ("/authors/bea-cole/", "Bea Cole"),
        ("/authors/zed-adams/", "Zed Adams"),
    ]
    assert "Political editor" in people
    assert "Zed follows the Premier League." in people
    assert shows_image(element(people, 'class="person"'), ann.avatar)


def test_author_list_with_no_authors_says_so(client):
    response = client.get("/authors/")

    assert response.status_code == 200
    assert "No journalists listed yet." in response.text


def test_author_page_shows_avatar_name_role_and_full_bio(client, ann):
    response = client.get("/authors/ann-lee/")

    assert response.status_code == 200
    profile = element(response.text, 'class="profile"')
    assert shows_image(profile, ann.avatar)
    avatar = img_attrs(profile)
    assert avatar["alt"] == "Portrait of Ann Lee"
    assert int(avatar["width"]) > 0
    assert int(avatar["height"]) > 0
    assert '<h1 class="profile__name">Ann Lee</h1>' in profile
    assert '<p class="profile__role">Political editor</p>' in profile
    bio = element(profile, 'class="profile__bio"')
    assert "<p>Ann Lee joined in 2009.</p>" in bio
    assert "<p>She has covered four general elections.</p>" in bio
    assert "Ann covers Westminster." not in bio  # the short bio is for the author box


def test_author_page_falls_back_to_the_short_bio(client):
    make_author(name="Bea Cole", short_bio="Bea writes about science.", bio="")

    profile = element(client.get("/authors/bea-cole/").text, 'class="profile"')

    assert "Bea writes about science." in element(profile, 'class="profile__bio"')


def test_author_page_lists_only_their_published_stories_newest_first(client, clock, ann):
    other = make_author(name="Ben Okri")
    make_article(slug="older", authors=[ann], published_at=NOW - timedelta(days=2))
    make_article(slug="newer", authors=[ann], published_at=NOW - timedelta(hours=1))
    make_article(slug="shared", authors=[other, ann], published_at=NOW - timedelta(days=1))
    make_article(slug="theirs", authors=[other], published_at=NOW - timedelta(minutes=5))
    make_article(slug="draft", authors=[ann], status=DRAFT)
    make_article(
        slug="in-review", authors=[ann], status=REVIEW, published_at=NOW - timedelta(days=3)
    )
    make_article(slug="scheduled", authors=[ann], published_at=NOW + timedelta(hours=1))

    response = client.get("/authors/ann-lee/")

    assert list_slugs(response.content) == ["newer", "shared", "older"]
    assert next_link(response.content) is None
    assert "Stories by Ann Lee" in response.text


def test_author_page_with_no_published_stories_says_so(client, ann):
    make_article(authors=[ann], status=DRAFT)

    response = client.get("/authors/ann-lee/")

    assert response.status_code == 200
    assert "No published stories yet." in response.text
    assert list_slugs(response.content) == []


def test_author_page_show_more_pages_through_all_their_stories(client, clock, ann):
    theirs = bulk_articles(30, newest=NOW - timedelta(minutes=1), author=ann)
    bulk_articles(10, newest=NOW - timedelta(seconds=30), author=make_author(name="Ben Okri"))

    pages = walk_pages(client, "/authors/ann-lee/")

    assert [len(page) for page in pages] == [12, 12, 6]
    assert list(chain.from_iterable(pages)) == [article.slug for article in theirs]


def test_author_bio_is_only_on_the_first_page(client, clock, ann):
    bulk_articles(13, newest=NOW - timedelta(minutes=1), author=ann)
    first = client.get("/authors/ann-lee/")

    second = client.get(next_link(first.content))

    assert "She has covered four general elections." in first.text
    assert second.status_code == 200
    assert "She has covered four general elections." not in second.text
    assert '<h1 class="profile__name">Ann Lee</h1>' in second.text


def test_unknown_author_is_a_404(client, ann):
    response = client.get("/authors/nobody/")

    assert response.status_code == 404
    assert "We couldn’t find that page" in response.text
