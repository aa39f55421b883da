"""The stories as the API serves them: only what is public, in full, by cursor."""

import threading
from datetime import timedelta

import pytest
from django.utils import timezone

from api.keys import active_key, issue_key, revoke_key
from articles.models import Correction
from articles.tests.factories import (
    ENTRY_DRAFT,
    NOW,
    add_lead_image,
    bulk_articles,
    hidden_articles,
    make_article,
    make_entry,
    make_live_story,
    make_tag,
)
from authors.tests.factories import make_author
from public.tests.test_purge import FakeEdge

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_url")]


@pytest.fixture
def story(clock):
    author = make_author(name="Ann Lee", role="Political editor")
    politics = make_tag("Politics")
    story = make_article(
        title="The vote is tonight",
        slug="the-vote",
        standfirst="Members return early.",
        body="First paragraph.\n\n> A quote.",
        authors=[author],
        tags=[politics, "Economy"],
        primary_tag=politics,
        corrections=["The vote is at 9pm, not 8pm."],
    )
    add_lead_image(story, alt="The chamber", caption="Members arrive.", credit="Bo Lens/Agency")
    return story


def test_a_story_in_full(api, story):
    response = api.get("/api/v1/stories/the-vote/")

    assert response.status_code == 200
    data = response.json()
    assert data["headline"] == "The vote is tonight"
    assert data["standfirst"] == "Members return early."
    assert "<blockquote>" in data["body_html"]
    assert [a["name"] for a in data["byline"]] == ["Ann Lee"]
    assert data["byline"][0]["role"] == "Political editor"
    assert data["section"]["slug"] == "politics"
    assert [t["name"] for t in data["tags"]] == ["Economy", "Politics"]
    assert data["corrections"][0]["text"] == "The vote is at 9pm, not 8pm."
    photo = data["lead_photo"]
    assert (photo["alt_text"], photo["caption"], photo["credit"]) == (
        "The chamber",
        "Members arrive.",
        "Bo Lens/Agency",
    )
    assert {r["width"] for r in photo["renditions"]} >= {320, 640, 960}
    assert all(r["url"].startswith("https://news.example.org/") for r in photo["renditions"])
    assert data["url"] == "https://news.example.org/news/the-vote/"
    assert data["published_at"].startswith("2025-07-01T")
    assert data["live"] is None


def test_without_a_key_the_answer_is_a_clear_401(client, story):
    response = client.get("/api/v1/stories/the-vote/")

    assert response.status_code == 401
    assert "API key" in response.json()["detail"]
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_a_wrong_or_revoked_key_is_a_401(client, api, story):
    wrong = client.get("/api/v1/stories/", HTTP_AUTHORIZATION="Bearer nr_not-a-key")
    assert wrong.status_code == 401
    revoke_key(key=active_key(api.raw))
    assert api.get("/api/v1/stories/").status_code == 401


def test_a_key_over_its_limit_gets_429_with_retry_after(client, story):
    _, raw = issue_key(name="Small", requests_per_minute=2)
    auth = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    assert [client.get("/api/v1/stories/", **auth).status_code for _ in range(2)] == [200, 200]

    refused = client.get("/api/v1/stories/", **auth)

    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 60


def test_nothing_that_is_not_public_is_served(api, story):
    hidden = hidden_articles(tags=["Secret tag"])

    listed = api.get("/api/v1/stories/").json()["results"]

    assert [item["slug"] for item in listed] == ["the-vote"]
    for article in hidden:
        assert api.get(f"/api/v1/stories/{article.slug}/").status_code == 404
        assert api.get(f"/api/v1/stories/{article.slug}/ninjs/").status_code == 404
    assert api.get("/api/v1/tags/secret-tag/").status_code == 404
    assert "secret-tag" not in api.get("/api/v1/tags/").content.decode()
    assert api.get("/api/v1/stories/?tag=secret-tag").status_code == 404


def test_a_scheduled_story_appears_by_itself_at_its_time(api, clock):
    make_article(slug="later", published_at=timezone.now() + timedelta(hours=1))
    assert api.get("/api/v1/stories/later/").status_code == 404

    clock.shift(timedelta(hours=1, seconds=1))

    assert api.get("/api/v1/stories/later/").status_code == 200


def test_draft_entries_never_appear(api, clock):
    live = make_live_story(slug="live")
    make_entry(live, body="Out now.")
    make_entry(live, body="Not yet.", status=ENTRY_DRAFT)

    story = api.get("/api/v1/stories/live/").json()
    entries = api.get("/api/v1/stories/live/entries/").json()["results"]

    assert [e["body_html"] for e in story["live"]["entries"]] == ["<p>Out now.</p>"]
    assert [e["body_html"] for e in entries] == ["<p>Out now.</p>"]


def test_lists_page_by_cursor_without_repeats_or_gaps(api, clock):
    made = bulk_articles(7, newest=NOW - timedelta(minutes=1))

    seen, url = [], "/api/v1/stories/?limit=3"
    while url:
        page = api.get(url).json()
        seen += [item["slug"] for item in page["results"]]
        url = page["next"]
        assert url is None or url.startswith("https://news.example.org/api/v1/stories/?")
        url = url and url.removeprefix("https://news.example.org")

    assert seen == [a.slug for a in made]


@pytest.mark.parametrize(
    "query", ["after=junk", "after=1-x", "after=99999999999999999999-1", "limit=0", "limit=x"]
)
def test_junk_in_the_query_is_a_400_not_a_500(api, story, query):
    response = api.get(f"/api/v1/stories/?{query}")

    assert response.status_code == 400
    assert response.json()["detail"]


def test_answers_carry_an_etag_and_a_304_when_unchanged(api, story):
    first = api.get("/api/v1/stories/the-vote/")

    again = api.get("/api/v1/stories/the-vote/", HTTP_IF_NONE_MATCH=first["ETag"])

    assert first["ETag"]
    assert again.status_code == 304


def test_answers_are_cached_at_the_edge_per_key_under_the_pages_keys(api, story):
    response = api.get("/api/v1/stories/the-vote/")

    assert "public" in response["Cache-Control"]
    assert "Authorization" in response["Vary"]
    assert f"article-{story.pk}" in response["xkey"].split()
    listed = api.get("/api/v1/stories/")
    assert "list-news" in listed["xkey"].split()


def test_errors_are_never_kept_by_the_edge(client, story):
    response = client.get("/api/v1/stories/the-vote/")

    assert "xkey" not in response
    assert "private" in response["Cache-Control"]


def test_stories_filter_by_tag_and_author(api, story):
    make_article(slug="other")

    by_tag = api.get("/api/v1/stories/?tag=economy").json()["results"]
    by_author = api.get("/api/v1/stories/?author=ann-lee").json()["results"]

    assert [s["slug"] for s in by_tag] == ["the-vote"]
    assert [s["slug"] for s in by_author] == ["the-vote"]


def test_ninjs_of_a_story(api, story):
    data = api.get("/api/v1/stories/the-vote/ninjs/").json()

    assert data["type"] == "text"
    assert data["headlines"][0]["value"] == "The vote is tonight"
    assert data["bodies"][0]["contenttype"] == "text/html"
    assert data["by"] == "Ann Lee"
    assert data["associations"]["featureimage"]["copyrightholder"] == "Bo Lens/Agency"
    assert "9pm" in data["ednote"]


def test_revoking_a_key_purges_the_edge_copies_made_for_it(
    api, story, settings, django_capture_on_commit_callbacks
):
    key = active_key(api.raw)
    assert f"api-key-{key.pk}" in api.get("/api/v1/stories/the-vote/")["xkey"].split()
    edge = FakeEdge()
    threading.Thread(target=edge.serve_forever, args=(0.05,), daemon=True).start()
    settings.EDGE_PURGE, settings.EDGE_CACHE_URLS = "varnish", [edge.url]
    try:
        with django_capture_on_commit_callbacks(execute=True):
            revoke_key(key=key)
        assert edge.received.wait(10)
    finally:
        edge.shutdown()
        edge.server_close()

    assert f"api-key-{key.pk}" in edge.purged()


def test_the_corrections_feed_lists_corrections_to_public_stories_only(api, story):
    for hidden in hidden_articles():
        Correction.objects.create(article=hidden, text=f"Secret fix to {hidden.title}.")

    feed = api.get("/api/v1/corrections/").json()

    assert [(c["text"], c["story"]["slug"]) for c in feed["results"]] == [
        ("The vote is at 9pm, not 8pm.", "the-vote")
    ]
    assert "list-corrections" in api.get("/api/v1/corrections/")["xkey"].split()


def test_a_story_deleted_between_a_lists_two_queries_is_left_out(api, story, monkeypatch):
    """A tag's list reads its ids, then its rows: a story deleted in between is left out."""
    from api import paging

    newer = make_article(slug="newer", tags=["Economy"], published_at=timezone.now())
    real = paging.paginate

    def paginate_then_delete(*args, **kwargs):
        page = real(*args, **kwargs)
        newer.delete()
        return page

    monkeypatch.setattr(paging, "paginate", paginate_then_delete)
    listed = api.get("/api/v1/stories/?tag=economy")

    assert listed.status_code == 200
    assert [s["slug"] for s in listed.json()["results"]] == ["the-vote"]
