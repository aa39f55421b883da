"""What shared caches are told: lifetimes and surrogate keys on anonymous public pages,
never a shared copy of a staff page, a preview, the admin or a response with a cookie,
no edge lifetime past the next scheduled publication, and nothing a reader sees that
tells when that publication is."""

from datetime import timedelta

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from articles import workflow
from articles.tests.factories import NOW, make_article, make_tag, sign_in
from authors.tests.factories import make_author
from pagecache.edge import EdgeCacheMiddleware, edge_lifetimes

pytestmark = pytest.mark.django_db


def cache_control(response, header="Cache-Control") -> dict:
    """Cache-Control as a dict: {"public": True, "max-age": "60", …}."""
    directives = {}
    for part in response.get(header, "").split(","):
        name, _, value = part.strip().partition("=")
        if name:
            directives[name.lower()] = value or True
    return directives


def surrogate_control(response) -> dict:
    """What only the edge cache reads: {"max-age": "3600", …}."""
    return cache_control(response, "Surrogate-Control")


def xkeys(response) -> set[str]:
    return set(response["xkey"].split())


@pytest.fixture(autouse=True)
def _edge_lifetimes(settings):
    settings.EDGE_CACHE_SECONDS = 3600
    settings.EDGE_STALE_WHILE_REVALIDATE = 30
    settings.EDGE_STALE_IF_ERROR = 86400
    settings.EDGE_SURROGATE_CONTROL = True


@pytest.fixture
def story(clock):
    ann = make_author(name="Ann Lee")
    politics, health = make_tag("Politics"), make_tag("Health")
    article = make_article(
        slug="lead", authors=[ann], primary_tag=politics, tags=[politics, health]
    )
    return article, ann, politics, health


def expected_keys(story):
    article, ann, politics, health = story
    card = {f"article-{article.pk}", f"author-{ann.pk}", f"tag-{politics.pk}"}
    return {
        "/": {"home", "sidebar", "masthead", *card},
        "/news/": {"list-news", "masthead", f"article-{article.pk}"},
        "/news/lead/": {"sidebar", "masthead", *card, f"tag-{health.pk}"},
        # Its first page also shows the tag's most read stories.
        "/tags/politics/": {"sidebar", "masthead", f"list-tag-{politics.pk}", "most-read", *card},
        "/authors/ann-lee/": {"sidebar", "masthead", f"list-author-{ann.pk}", *card},
        "/authors/": {"list-authors", "masthead"},
        "/rss/": {"list-news", *card, f"tag-{health.pk}"},
        "/tags/health/rss/": {f"list-tag-{health.pk}", *card, f"tag-{health.pk}"},
        "/authors/ann-lee/rss/": {f"list-author-{ann.pk}", *card, f"tag-{health.pk}"},
        "/sitemap.xml": {"sitemaps"},
        "/news-sitemap.xml": {"sitemaps"},
        # Its form lists the public tags and the journalists.
        "/search/?q=story": {"list-search", "list-authors", "sidebar", "masthead", *card},
        "/robots.txt": {"robots"},
    }


PAGES = [
    "/",
    "/news/",
    "/news/lead/",
    "/tags/politics/",
    "/authors/ann-lee/",
    "/authors/",
    "/rss/",
    "/tags/health/rss/",
    "/authors/ann-lee/rss/",
    "/sitemap.xml",
    "/news-sitemap.xml",
    "/search/?q=story",
    "/robots.txt",
]


@pytest.mark.parametrize("url", PAGES)
def test_each_public_page_names_what_it_shows_in_surrogate_keys(client, story, url):
    response = client.get(url)

    assert response.status_code == 200
    # An HTML page also carries the banner, filled in on the way out (frontpage/banner.py).
    html = response["Content-Type"].startswith("text/html")
    assert xkeys(response) == expected_keys(story)[url] | ({"banner"} if html else set())
    assert response["Surrogate-Key"] == response["xkey"]  # the same keys, for Fastly


def test_the_ukrainian_edition_lists_carry_keys_of_their_own(client, story):
    _, ann, politics, _ = story
    make_article(slug="vybory", language="uk", authors=[ann], tags=[politics])
    keys = {
        url: xkeys(client.get(url))
        for url in (
            "/uk/tags/politics/",
            "/uk/authors/ann-lee/",
            "/uk/tags/politics/rss/",
            "/uk/search/?q=x",
        )
    }
    assert f"list-tag-{politics.pk}-uk" in keys["/uk/tags/politics/"]
    assert f"list-tag-{politics.pk}-uk" in keys["/uk/tags/politics/rss/"]
    assert f"list-author-{ann.pk}-uk" in keys["/uk/authors/ann-lee/"]
    assert "list-search-uk" in keys["/uk/search/?q=x"]
    english = {f"list-tag-{politics.pk}", f"list-author-{ann.pk}", "list-search"}
    assert not english & set().union(*keys.values())


@pytest.mark.parametrize("url", PAGES)
def test_each_public_page_tells_the_edge_cache_how_long_it_may_keep_it(client, story, url):
    response = client.get(url)

    assert surrogate_control(response) == {
        "max-age": "3600",
        "stale-while-revalidate": "30",
        "stale-if-error": "86400",
    }
    assert cache_control(response) == {"public": True, "max-age": "60", "stale-if-error": "86400"}


@pytest.mark.parametrize("url", ["/", "/news/", "/news/lead/", "/search/?q=story", "/rss/"])
def test_readers_cannot_tell_when_the_next_story_is_scheduled(client, story, clock, url):
    nothing_scheduled = client.get(url)["Cache-Control"]
    make_article(published_at=NOW + timedelta(seconds=90))

    due_soon = client.get(url)
    clock.shift(timedelta(seconds=75))
    due_sooner = client.get(url)

    assert due_soon["Cache-Control"] == due_sooner["Cache-Control"] == nothing_scheduled
    assert surrogate_control(due_sooner)["max-age"] == "16"  # for the edge only


def test_without_an_edge_cache_in_front_no_page_carries_surrogate_control(client, story, settings):
    settings.EDGE_SURROGATE_CONTROL = False  # nobody would remove it before readers see it
    make_article(published_at=NOW + timedelta(seconds=90))

    for url in ("/", "/news/lead/", "/search/?q=story"):
        response = client.get(url)
        assert "Surrogate-Control" not in response
        assert cache_control(response)["max-age"] == "60"


def test_a_page_from_the_page_cache_keeps_its_keys(client, story, django_assert_num_queries):
    first = client.get("/news/lead/")

    with django_assert_num_queries(0):
        second = client.get("/news/lead/")

    assert second["xkey"] == first["xkey"]
    assert surrogate_control(second)["max-age"] == "3600"


def test_a_page_revalidated_by_the_edge_keeps_its_keys_and_takes_the_current_lifetime(
    client, story, clock
):
    first = client.get("/news/lead/")
    make_article(published_at=NOW + timedelta(seconds=90))  # changes nothing shown yet

    again = client.get("/news/lead/", headers={"if-none-match": first["ETag"]})

    assert again.status_code == 304
    assert cache_control(again) == cache_control(first)  # not made private
    assert xkeys(again) == xkeys(first)
    assert surrogate_control(again)["max-age"] == "91"  # Varnish takes it from the 304


def test_the_news_feed_names_every_story_it_lists(client, clock):
    stories = [make_article() for _ in range(3)]

    keys = xkeys(client.get("/news/"))

    assert {f"article-{s.pk}" for s in stories} <= keys


@pytest.mark.parametrize("url", ["/", "/news/", "/news/lead/", "/authors/", "/search/?q=x"])
def test_anonymous_readers_get_no_cookie(client, story, url):
    response = client.get(url)

    assert not response.cookies
    assert "Set-Cookie" not in response
    assert not client.cookies


@pytest.mark.parametrize("url", ["/", "/news/lead/", "/tags/politics/", "/search/?q=story"])
def test_staff_pages_are_private_and_carry_no_keys(staff_client, story, url):
    response = staff_client.get(url)

    directives = cache_control(response)
    assert "private" in directives
    assert not {"public", "s-maxage", "stale-while-revalidate"} & directives.keys()
    assert "xkey" not in response
    assert "Surrogate-Key" not in response
    assert "Surrogate-Control" not in response


def test_previews_are_private(client, django_user_model, clock):
    editor = django_user_model.objects.create_superuser("chief", password="pw")
    draft = make_article(status="draft", slug="scoop")
    sign_in(client, editor)

    staff_preview = client.get("/news/scoop/preview/")
    link = workflow.create_preview_link(article=draft, user=editor)
    client.logout()
    shared_link = client.get(f"/preview/{link.token}/")

    for response in (staff_preview, shared_link):
        assert response.status_code == 200
        assert "private" in cache_control(response)
        assert "xkey" not in response


def test_the_admin_is_private(staff_client):
    response = staff_client.get("/admin/")

    assert "private" in cache_control(response)
    assert "xkey" not in response


@pytest.mark.parametrize(
    "url", ["/news/missing/", "/news/?after=junk", "/admin/login/", "/healthz"]
)
def test_errors_forms_and_health_checks_are_never_shared(client, url):
    response = client.get(url)

    assert "private" in cache_control(response) or "no-store" in cache_control(response)
    assert "public" not in cache_control(response)
    assert "xkey" not in response


def test_a_response_that_sets_a_cookie_is_made_private_whatever_the_view_said():
    def view(request):
        response = HttpResponse("hello")
        response["Cache-Control"] = "public, max-age=60, s-maxage=3600, stale-if-error=60"
        response["Surrogate-Control"] = "max-age=3600"
        response["xkey"] = response["Surrogate-Key"] = "home"
        response.set_cookie("tracker", "1")
        return response

    response = EdgeCacheMiddleware(view)(RequestFactory().get("/"))

    assert cache_control(response) == {"private": True, "max-age": "60"}
    assert "xkey" not in response
    assert "Surrogate-Key" not in response
    assert "Surrogate-Control" not in response


def test_a_private_response_never_carries_surrogate_control():
    def view(request):
        response = HttpResponse("hello")
        response["Cache-Control"] = "private"
        response["Surrogate-Control"] = "max-age=3600"  # Varnish would keep it whatever
        return response

    response = EdgeCacheMiddleware(view)(RequestFactory().get("/"))

    assert "Surrogate-Control" not in response


def test_edge_lifetime_ends_when_the_next_story_is_published(client, story, clock):
    make_article(published_at=NOW + timedelta(seconds=90))

    directives = surrogate_control(client.get("/news/"))

    assert directives["max-age"] == "91"
    assert directives["stale-while-revalidate"] == "0"  # no stale copy after it either


def test_stale_while_revalidate_is_shortened_to_fit_before_the_next_story(client, story, clock):
    make_article(published_at=NOW + timedelta(seconds=3600 + 9))

    directives = surrogate_control(client.get("/"))

    assert directives["max-age"] == "3600"
    assert directives["stale-while-revalidate"] == "10"


def test_a_page_served_from_the_page_cache_states_its_remaining_lifetime(
    client, story, clock, django_assert_num_queries
):
    make_article(published_at=NOW + timedelta(seconds=120))
    assert surrogate_control(client.get("/news/lead/"))["max-age"] == "121"

    clock.shift(timedelta(seconds=100))
    with django_assert_num_queries(0):
        directives = surrogate_control(client.get("/news/lead/"))

    assert directives["max-age"] == "21"


def test_search_results_expire_by_the_next_publication_too(client, story, clock):
    make_article(published_at=NOW + timedelta(seconds=45))

    assert surrogate_control(client.get("/search/?q=story"))["max-age"] == "46"


def test_edge_lifetimes_without_anything_scheduled(settings):
    assert edge_lifetimes(None) == {
        "max-age": 3600,
        "stale-while-revalidate": 30,
        "stale-if-error": 86400,
    }
