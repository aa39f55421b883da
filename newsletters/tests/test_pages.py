"""/newsletters/ and its archive are public pages like the others: shared-cacheable with
their keys, a fixed number of queries, 404s for junk; the sign-up forms on the home and
story pages keep those pages shared and the same for every reader, signed in or not."""

import pytest
from django.core.cache import cache

from articles.tests.factories import make_article, make_user
from newsletters.models import Edition
from newsletters.services import editions
from newsletters.tests.factories import make_alerts, make_newsletter
from public.tests.test_edge_headers import cache_control
from readers.tests.factories import make_reader, signed_in_client

pytestmark = pytest.mark.django_db


def assert_shared(response, *keys):
    assert response.status_code == 200
    assert cache_control(response).get("public") is True
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")
    assert set(keys) <= set(response["xkey"].split())


def sent_edition(newsletter):
    """Today's edition of `newsletter` (the stories since yesterday), as if sent."""
    edition = editions.make_daily(newsletter=newsletter, send=False)
    Edition.objects.filter(pk=edition.pk).update(status=Edition.Status.SENT)
    edition.refresh_from_db()
    return edition


def test_the_newsletters_page_is_shared_and_lists_each_with_its_sign_up(
    client, django_assert_num_queries
):
    make_newsletter()
    make_alerts()
    # The newsletters, the deadline, the masthead, the breaking-news banner.
    with django_assert_num_queries(4):
        response = client.get("/newsletters/")
    assert_shared(response, "newsletters")
    assert response.content.count(b'action="/newsletters/sign-up/"') == 2
    assert b"csrfmiddlewaretoken" not in response.content


def test_an_archive_and_an_edition_are_shared_pages(client, django_assert_num_queries):
    briefing = make_newsletter()
    story = make_article(title="Tide tables")
    edition = sent_edition(briefing)
    draft = editions.make_draft(newsletter=briefing, user=make_user("Editor"))

    # The newsletter, its editions, the deadline, the masthead, the banner.
    with django_assert_num_queries(5):
        archive = client.get(briefing.get_absolute_url())
    assert_shared(archive, "newsletters")
    assert edition.subject.encode() in archive.content

    # The edition (with its newsletter), its stories, their bylines; the masthead, the
    # deadline and the banner are kept from the page before.
    with django_assert_num_queries(4):
        page = client.get(edition.get_absolute_url())
    assert_shared(page, "newsletters", f"article-{story.pk}")
    assert b"Tide tables" in page.content
    assert client.get(f"/newsletters/{briefing.slug}/{draft.pk}/").status_code == 404


def test_an_archived_edition_shows_no_story_withdrawn_since(client):
    briefing = make_newsletter()
    story = make_article(title="Withdrawn later")
    edition = sent_edition(briefing)
    story.status = "draft"
    story.save()
    cache.clear()
    page = client.get(edition.get_absolute_url())
    assert b"Withdrawn later" not in page.content
    assert b"no longer online" in page.content


@pytest.mark.parametrize(
    "url",
    ["/newsletters/no-such/", "/newsletters/no-such/1/", "/newsletters/x/99999999999999999999/"],
)
def test_junk_addresses_are_404s(client, url):
    make_newsletter()
    assert client.get(url).status_code == 404


def test_story_and_home_pages_stay_shared_and_the_same_for_a_signed_in_reader(client):
    story = make_article()
    reader_browser = signed_in_client(make_reader(name="Ada"))
    for url in (story.get_absolute_url(), "/"):
        anonymous = client.get(url)
        assert_shared(anonymous)
        assert b'action="/newsletters/sign-up/"' in anonymous.content
        assert b"csrfmiddlewaretoken" not in anonymous.content
        cache.clear()
        signed_in = reader_browser.get(url)
        assert_shared(signed_in)
        assert signed_in.content == anonymous.content
        assert b"Ada" not in signed_in.content
