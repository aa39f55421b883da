"""The anonymous page cache: served without queries, emptied by saves, never shown to staff,
never outliving the next scheduled publication, and answering conditional GETs."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.cache import get_max_age

from articles import workflow
from articles.models import Article, Correction
from articles.tests.factories import DRAFT, NOW, bulk_articles, make_article, make_tag
from authors.tests.factories import make_author
from public.freshness import seconds_until_next_publication
from public.tests.pages import list_slugs, next_link

pytestmark = pytest.mark.django_db

PAGES = ["/", "/news/", "/news/lead/", "/tags/politics/", "/authors/", "/authors/ann-lee/"]


@pytest.fixture
def story(clock, settings):
    settings.PAGE_CACHE_SECONDS = 300
    author = make_author(name="Ann Lee")
    return make_article(
        title="Original headline",
        slug="lead",
        authors=[author],
        primary_tag="Politics",
        tags=["Politics"],
        published_at=NOW - timedelta(hours=1),
    )


@pytest.mark.parametrize("url", PAGES)
def test_anonymous_second_visit_is_served_from_the_cache_without_queries(
    client, story, url, django_assert_num_queries
):
    first = client.get(url)
    assert first.status_code == 200

    with django_assert_num_queries(0):
        second = client.get(url)

    assert second.status_code == 200
    assert second.content == first.content
    assert "public" in second["Cache-Control"]
    assert 0 < get_max_age(second) <= 60


@pytest.mark.parametrize(
    "extra", ["utm_source=newsletter", "anything=1", "anything=2&fbclid=abc", "p=2"]
)
@pytest.mark.parametrize("url", ["/", "/news/", "/news/lead/", "/tags/politics/", "/authors/"])
def test_a_parameter_the_page_does_not_read_is_served_the_copy_without_it(
    client, story, url, extra, django_assert_num_queries
):
    first = client.get(url)

    with django_assert_num_queries(0):
        second = client.get(f"{url}?{extra}")

    assert second.status_code == 200
    assert second.content == first.content


def test_show_more_links_carry_only_what_the_page_reads(client, clock):
    for _ in range(25):
        make_article()

    page = client.get("/news/?utm_source=newsletter&anything=1")

    link = next_link(page.content)
    assert link.startswith("/news/?after=")
    assert "utm_source" not in link
    assert "anything" not in link


def test_each_value_of_a_parameter_the_page_reads_has_its_own_copy(
    client, clock, django_assert_num_queries
):
    for _ in range(25):
        make_article()
    first = client.get("/news/")
    cursor = next_link(first.content).split("after=", 1)[1]

    fragment = client.get(f"/news/?after={cursor}&fragment=1")
    with django_assert_num_queries(0):  # the order parameters come in makes no new copy
        same = client.get(f"/news/?fragment=1&utm_medium=x&after={cursor}")

    assert list_slugs(fragment.content)
    assert not set(list_slugs(fragment.content)) & set(list_slugs(first.content))
    assert same.content == fragment.content


@pytest.mark.parametrize(
    "url", ["/", "/news/", "/news/lead/", "/tags/politics/", "/authors/ann-lee/"]
)
def test_saving_an_article_shows_the_change_at_once(client, story, url):
    assert "Original headline" in client.get(url).text

    story.title = "Corrected headline"
    story.save()

    html = client.get(url).text
    assert "Corrected headline" in html
    assert "Original headline" not in html


def test_new_correction_tag_and_author_name_show_at_once(client, story):
    client.get("/news/lead/")

    Correction.objects.create(article=story, text="We misnamed the minister.")
    story.tags.add("Health")
    author = story.authors.get()
    author.name = "Ann Lee-Smith"
    author.save()

    html = client.get("/news/lead/").text
    assert "We misnamed the minister." in html
    assert 'href="/tags/health/"' in html
    assert "Ann Lee-Smith" in html


def test_deleting_an_article_removes_it_from_lists_at_once(client, story):
    assert "lead" in list_slugs(client.get("/news/").content)

    story.delete()

    assert "lead" not in list_slugs(client.get("/news/").content)
    assert client.get("/news/lead/").status_code == 404


def test_not_found_pages_are_not_cached(client, clock):
    assert client.get("/news/late/").status_code == 404

    # bulk_create sends no signal, so only an uncached 404 lets the story through.
    Article.objects.bulk_create(
        [Article(title="Late", slug="late", body="x", status="published", published_at=NOW)]
    )

    assert client.get("/news/late/").status_code == 200


def test_staff_are_never_served_the_cached_copy(client, staff_client, story):
    assert "Original headline" in client.get("/news/lead/").text
    # A change that sends no signal: the anonymous copy is now stale, on purpose.
    Article.objects.filter(pk=story.pk).update(title="Fresh headline")

    staff = staff_client.get("/news/lead/")

    assert "Fresh headline" in staff.text
    assert "Original headline" in client.get("/news/lead/").text


def test_staff_pages_are_private_and_not_stored_for_readers(client, staff_client, story):
    staff = staff_client.get("/news/lead/")

    assert "private" in staff["Cache-Control"]
    assert "public" not in staff["Cache-Control"]
    Article.objects.filter(pk=story.pk).update(title="Fresh headline")
    assert "Fresh headline" in client.get("/news/lead/").text


def test_seconds_until_next_publication_caps_the_cache_timeout(clock):
    assert seconds_until_next_publication(300) == 300  # nothing scheduled

    make_article(published_at=NOW + timedelta(hours=1))
    assert seconds_until_next_publication(300) == 300  # too far away to matter

    make_article(published_at=NOW + timedelta(seconds=90))
    assert seconds_until_next_publication(300) == 91

    make_article(published_at=NOW + timedelta(milliseconds=200))
    assert seconds_until_next_publication(300) == 1  # never zero: zero means "forever"


def test_drafts_and_past_stories_do_not_shorten_the_cache(clock):
    make_article(status="draft", published_at=NOW + timedelta(seconds=10))
    make_article(published_at=NOW - timedelta(seconds=10))

    assert seconds_until_next_publication(300) == 300


def test_browsers_keep_a_page_a_minute_whatever_is_scheduled(client, story, clock):
    # A fixed number tells nobody when the next story is due; a reader's own copy shows it
    # within the minute, as it shows an edit (no purge reaches a browser).
    make_article(published_at=NOW + timedelta(seconds=30))

    response = client.get("/news/")

    assert get_max_age(response) == 60


@pytest.mark.parametrize("url", ["/", "/news/", "/tags/politics/", "/authors/ann-lee/"])
def test_scheduled_article_appears_on_time_on_pages_cached_before(
    client, story, clock, url, django_assert_num_queries
):
    make_article(
        title="Embargoed report",
        slug="embargoed",
        authors=[story.authors.get()],
        tags=["Politics"],
        published_at=NOW + timedelta(minutes=2),  # sooner than PAGE_CACHE_SECONDS
    )
    assert "Embargoed report" not in client.get(url).text
    assert client.get("/news/embargoed/").status_code == 404

    clock.shift(timedelta(minutes=1, seconds=59))
    with django_assert_num_queries(0):  # still the cached copy, moments before
        assert "Embargoed report" not in client.get(url).text

    clock.shift(timedelta(seconds=2))  # past its time: no save, no job, no cache clear
    assert "Embargoed report" in client.get(url).text
    assert client.get("/news/embargoed/").status_code == 200


def test_the_kept_sidebar_shows_a_scheduled_story_on_time_without_a_save(
    client, story, clock, settings
):
    """The sidebar is kept until a save or the next scheduled publication: its time is in
    the key, so the story appears when it comes, with no save to retire the copy."""
    settings.PAGE_CACHE_SECONDS = 0  # pages built afresh: what is judged is the sidebar
    make_article(title="Embargoed report", published_at=NOW + timedelta(minutes=2))
    assert "Embargoed report" not in client.get("/news/lead/").text

    clock.shift(timedelta(minutes=1, seconds=59))
    assert "Embargoed report" not in client.get("/news/lead/").text
    clock.shift(timedelta(seconds=2))
    assert "Embargoed report" in client.get("/news/lead/").text


def test_a_scheduled_story_does_not_stop_the_sidebar_being_kept(client, story, settings):
    """Its time is in the sidebar's key, which any cache must take (memcached refuses a
    space; the tests turn Django's warning into an error): the page asks the database no
    more with a story scheduled than with none."""
    settings.PAGE_CACHE_SECONDS = 0

    def queries_of_a_second_visit():
        client.get("/news/lead/")
        with CaptureQueriesContext(connection) as queries:
            client.get("/news/lead/")
        return len(queries)

    nothing_scheduled = queries_of_a_second_visit()
    make_article(title="Embargoed report", published_at=NOW + timedelta(hours=1))
    assert queries_of_a_second_visit() == nothing_scheduled


@pytest.mark.parametrize("url", PAGES)
def test_response_carries_an_etag_and_a_matching_conditional_get_is_a_304(client, story, url):
    first = client.get(url)
    etag = first["ETag"]
    assert etag.startswith('"')

    again = client.get(url, headers={"if-none-match": etag})

    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag


def test_changed_page_gets_a_new_etag_and_a_full_response(client, story):
    etag = client.get("/news/lead/")["ETag"]

    story.title = "New headline"
    story.save()
    response = client.get("/news/lead/", headers={"if-none-match": etag})

    assert response.status_code == 200
    assert response["ETag"] != etag
    assert "New headline" in response.text


def test_different_pages_and_fragments_are_cached_separately(client, clock):
    make_tag("Politics")
    make_article(slug="one", tags=["Politics"])

    news = client.get("/news/")
    fragment = client.get("/news/?fragment=1")
    tag = client.get("/tags/politics/")

    assert "<html" in news.text
    assert "<html" not in fragment.text
    assert "<h1>Politics</h1>" in tag.text


# --- A save empties only what it changed --------------------------------------------------


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("chief", password="pw")


@pytest.fixture
def old_story(story):
    """A story a month old, off every list the lead's page shows (the sidebar has newer)."""
    old = make_article(
        title="Harbour dues",
        slug="old",
        published_at=NOW - timedelta(days=30),
        authors=[make_author(name="Old Hand")],
    )
    bulk_articles(10, newest=NOW - timedelta(minutes=5))
    return old


def edited(article, editor, **changes):
    previous = Article.objects.get(pk=article.pk)
    for name, value in changes.items():
        setattr(article, name, value)
    return workflow.save_article(article=article, user=editor, previous=previous)


def test_saving_a_draft_leaves_another_storys_cached_page_served_without_a_query(
    client, story, editor, django_assert_num_queries
):
    draft = make_article(title="Scoop", slug="scoop", status=DRAFT, published_at=None)
    first = client.get("/news/lead/")

    edited(draft, editor, title="Scoop, rewritten")

    with django_assert_num_queries(0):
        again = client.get("/news/lead/")
    assert again.content == first.content


def test_editing_an_old_story_leaves_another_storys_cached_page_served_without_a_query(
    client, story, old_story, editor, django_assert_num_queries
):
    first = client.get("/news/lead/")
    assert "Harbour dues" in client.get("/news/old/").text

    edited(old_story, editor, title="Harbour fees")

    with django_assert_num_queries(0):
        again = client.get("/news/lead/")
    assert again.content == first.content
    html = client.get("/news/old/").text  # the story itself shows the fix at once
    assert "Harbour fees" in html
    assert "Harbour dues" not in html


def test_a_story_of_one_edition_leaves_the_other_editions_tag_page_cached(
    client, story, editor, django_assert_num_queries
):
    # Politics is public in both editions already: a new story does not change whether
    # the English page names a Ukrainian one.
    make_article(title="Раніше", slug="ranishe", language="uk", tags=["Politics"])
    first = client.get("/tags/politics/")
    ukrainian = make_article(
        title="Вибори",
        slug="vybory",
        language="uk",
        status=DRAFT,
        published_at=None,
        tags=["Politics"],
        authors=[make_author()],
    )

    workflow.publish(article=ukrainian, user=editor)

    with django_assert_num_queries(0):
        again = client.get("/tags/politics/")
    assert again.content == first.content
    assert 'href="/uk/news/vybory/"' in client.get("/uk/tags/politics/").text  # its own


def test_a_new_story_empties_the_lists_it_joins(client, story, editor):
    assert "fresh" not in list_slugs(client.get("/tags/politics/").content)
    fresh = make_article(
        slug="fresh", status=DRAFT, published_at=None, tags=["Politics"], authors=[make_author()]
    )

    workflow.publish(article=fresh, user=editor)

    assert "fresh" in list_slugs(client.get("/tags/politics/").content)
    assert "fresh" in list_slugs(client.get("/news/").content)
