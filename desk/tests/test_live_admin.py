"""The live desk and the live entry admin: posting fast, editing and deleting with
revisions, and the same roles through every form and hand-made POST."""

import re

import pytest
from django.urls import reverse
from reversion.models import Version

from articles.models import LiveEntry
from articles.roles import AUTHOR, CONTRIBUTOR, EDITOR, ROLES
from articles.tests.admin_forms import change_url, form_data
from articles.tests.factories import (
    DRAFT,
    ENTRY_DRAFT,
    ENTRY_PUBLISHED,
    make_article,
    make_entry,
    make_live_story,
    make_user,
    sign_in,
)
from authors.tests.factories import make_author
from imaging.tests.factories import png_file

pytestmark = pytest.mark.django_db


def desk_url(article):
    return reverse("admin:articles_article_live", args=[article.pk])


def entry_url(entry):
    return reverse("admin:articles_liveentry_change", args=[entry.pk])


@pytest.fixture
def reporter(client):
    """A signed-in Author with a profile, and the live story on their byline."""
    user = make_user(AUTHOR)
    profile = make_author(name="Rhea Marsh", user=user)
    sign_in(client, user)
    return user, profile, make_live_story(authors=[profile], slug="storm")


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


# The live desk


@pytest.mark.parametrize("role", ROLES)
def test_the_desk_renders_for_every_role(client, role):
    sign_in(client, make_user(role))
    story = make_live_story(authors=[make_author()])
    make_entry(story, headline="Harbour closed")
    make_entry(story, status=ENTRY_DRAFT, body="A draft entry.")

    response = client.get(desk_url(story))

    assert response.status_code == 200
    assert "Harbour closed" in response.text
    assert "A draft entry." in response.text


def test_the_post_form_comes_first_with_the_body_first(client, reporter):
    _, profile, story = reporter

    response = client.get(desk_url(story))

    form = re.search(r'<form[^>]*id="live-entry-form".*?</form>', response.text, re.DOTALL)[0]
    fields = re.findall(r'<(?:textarea|input|select)[^>]*name="(\w+)"', form)
    assert fields[:2] == ["csrfmiddlewaretoken", "body"]
    assert re.search(r'<textarea[^>]*name="body"[^>]*autofocus', form)
    # Their own profile is offered and ticked.
    assert re.search(rf'value="{profile.pk}"[^>]*checked', form)
    assert "Ctrl+Enter" in form
    assert 'name="_publish" value="Publish now" data-live-default' in form


def test_a_journalist_posts_an_entry_and_sees_where_it_is(client, reporter):
    user, profile, story = reporter

    response = client.post(
        desk_url(story),
        {
            "body": "The harbour wall has *given way*.",
            "headline": "Wall breached",
            "authors": [profile.pk],
            "_publish": "1",
        },
        follow=True,
    )

    entry = LiveEntry.objects.get()
    assert entry.status == ENTRY_PUBLISHED
    assert entry.byline == [profile]
    assert "<em>given way</em>" in entry.body_html
    [message] = messages_of(response)
    assert message.startswith("Published at ")
    assert f'href="/news/storm/#entry-{entry.pk}"' in message
    [version] = Version.objects.get_for_object(entry)
    assert version.revision.user == user
    assert version.revision.get_comment() == "Posted on the live desk."


def test_a_draft_waits_on_the_desk_and_is_published_from_it(client, reporter):
    _, profile, story = reporter

    client.post(
        desk_url(story), {"body": "Unconfirmed reports.", "authors": [profile.pk], "_draft": "1"}
    )
    entry = LiveEntry.objects.get()
    assert entry.status == ENTRY_DRAFT
    assert client.get(f"/news/storm/entries/{entry.pk}/").status_code == 404

    publish = reverse("admin:articles_article_live_publish", args=[story.pk, entry.pk])
    assert client.get(publish).status_code == 405
    client.post(publish)

    entry.refresh_from_db()
    assert entry.status == ENTRY_PUBLISHED
    assert client.get(f"/news/storm/entries/{entry.pk}/").status_code == 200


def test_a_refused_post_says_why_and_keeps_the_text(client):
    contributor = make_user(CONTRIBUTOR)
    sign_in(client, contributor)
    story = make_live_story(status=DRAFT, published_at=None, created_by=contributor)

    response = client.post(desk_url(story), {"body": "My first entry.", "_publish": "1"})

    assert response.status_code == 200
    assert "may not publish entries" in response.text
    assert "My first entry.</textarea>" in response.text
    assert not LiveEntry.objects.exists()


def test_an_incomplete_entry_is_refused_with_what_it_lacks(client, reporter):
    _, profile, story = reporter

    response = client.post(
        desk_url(story),
        {
            "body": "Evacuations begin.",
            "is_key_event": "on",
            "authors": [profile.pk],
            "_publish": "1",
        },
    )

    assert "a headline (key events are listed by it)" in response.text
    assert not LiveEntry.objects.exists()


def test_a_photo_posted_with_an_entry_is_checked_and_kept(client, reporter, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    _, profile, story = reporter

    client.post(
        desk_url(story),
        {
            "body": "The scene at the quay.",
            "new_photo": png_file(),
            "new_photo_alt": "Waves over the quay wall",
            "authors": [profile.pk],
            "_publish": "1",
        },
    )

    entry = LiveEntry.objects.select_related("photo").get()
    assert entry.photo.alt_text == "Waves over the quay wall"  # a new photo in the library
    assert entry.photo.renditions
    assert 'alt="Waves over the quay wall"' in client.get("/news/storm/").text


def test_coverage_is_started_and_ended_on_the_desk(client):
    editor = make_user(EDITOR)
    sign_in(client, editor)
    story = make_article(authors=[make_author()])
    coverage = reverse("admin:articles_article_live_coverage", args=[story.pk])

    assert "Start live coverage" in client.get(desk_url(story)).text
    assert "<textarea" not in client.get(desk_url(story)).text  # nothing to post on yet
    assert client.get(coverage).status_code == 405

    client.post(coverage, {"action": "start"})
    story.refresh_from_db()
    assert story.is_live
    assert "End live coverage" in client.get(desk_url(story)).text

    response = client.post(coverage, {"action": "end"}, follow=True)
    story.refresh_from_db()
    assert not story.is_live
    assert messages_of(response) == ["Live coverage ended."]
    assert Version.objects.get_for_object(story).first().revision.get_comment() == (
        "Live coverage ended."
    )

    response = client.post(coverage, {"action": "explode"}, follow=True)
    assert messages_of(response) == ["Choose whether to start or end the live coverage."]


def test_a_role_that_may_not_end_coverage_is_refused(client):
    author = make_user(AUTHOR)
    sign_in(client, author)
    story = make_live_story(authors=[make_author()])

    response = client.post(
        reverse("admin:articles_article_live_coverage", args=[story.pk]),
        {"action": "end"},
        follow=True,
    )

    story.refresh_from_db()
    assert story.is_live
    assert messages_of(response)[0].startswith("Not done: Your role may not")


def test_the_story_change_form_links_to_its_desk(client, reporter):
    _, _, story = reporter

    page = client.get(change_url(story)).text

    assert f'href="{desk_url(story)}">Live desk (live now)</a>' in page


# The entry's full form


def test_an_entry_edited_in_its_form_keeps_its_time_and_a_revision(client, reporter):
    _, profile, story = reporter
    entry = make_entry(story, headline="Wall breached", authors=[profile])
    published_at = entry.published_at
    data = form_data(client.get(entry_url(entry)), "liveentry_form")
    data["headline"] = "Harbour wall breached"

    response = client.post(entry_url(entry), data)

    assert response.status_code == 302, response.content
    entry.refresh_from_db()
    assert entry.headline == "Harbour wall breached"
    assert entry.published_at == published_at
    assert Version.objects.get_for_object(entry).count() == 1
    assert (
        client.get(reverse("admin:articles_liveentry_history", args=[entry.pk])).status_code == 200
    )


def test_a_hand_made_post_may_not_publish_what_the_role_may_not(client):
    contributor = make_user(CONTRIBUTOR)
    sign_in(client, contributor)
    story = make_live_story(status=DRAFT, published_at=None, created_by=contributor)
    entry = make_entry(story, status=ENTRY_DRAFT, authors=[make_author()])
    data = form_data(client.get(entry_url(entry)), "liveentry_form")
    assert "published" not in re.findall(
        r'<option value="(\w+)"', client.get(entry_url(entry)).text
    )

    data["status"] = "published"
    response = client.post(entry_url(entry), data)

    assert response.status_code == 200
    entry.refresh_from_db()
    assert entry.status == ENTRY_DRAFT


def test_a_published_entry_keeps_an_author_in_its_form(client, reporter):
    _, profile, story = reporter
    entry = make_entry(story, authors=[profile])
    data = form_data(client.get(entry_url(entry)), "liveentry_form")
    data["authorships-0-DELETE"] = "on"

    response = client.post(entry_url(entry), data)

    assert response.status_code == 200
    assert "at least one author" in response.text
    assert entry.byline == [profile]


def test_an_entry_is_deleted_through_the_workflow_and_can_be_recovered(client, reporter):
    _, profile, story = reporter
    entry = make_entry(story, headline="Mistaken entry", authors=[profile])
    client.post(entry_url(entry), form_data(client.get(entry_url(entry)), "liveentry_form"))

    response = client.post(
        reverse("admin:articles_liveentry_delete", args=[entry.pk]), {"post": "yes"}
    )

    assert response.status_code == 302
    assert not LiveEntry.objects.exists()
    [deleted] = Version.objects.get_deleted(LiveEntry)
    assert deleted.field_dict["headline"] == "Mistaken entry"
    recover = client.get(reverse("admin:articles_liveentry_recoverlist"))
    assert recover.status_code == 200
    assert "Mistaken entry" in recover.text

    url = reverse("admin:articles_liveentry_recover", args=[deleted.pk])
    assert "Recover as a draft" in client.get(url).text
    response = client.post(url)
    assert response.status_code == 302

    recovered = LiveEntry.objects.get()
    assert (recovered.headline, recovered.byline) == ("Mistaken entry", [profile])
    assert recovered.status == LiveEntry.Status.DRAFT


def test_others_may_not_delete_a_published_entry(client):
    sign_in(client, make_user(AUTHOR))
    story = make_live_story(authors=[make_author()])
    entry = make_entry(story)

    response = client.post(
        reverse("admin:articles_liveentry_delete", args=[entry.pk]), {"post": "yes"}
    )

    assert response.status_code == 403
    assert LiveEntry.objects.filter(pk=entry.pk).exists()


def test_the_entry_list_filters_by_story(client):
    sign_in(client, make_user(EDITOR))
    one, other = make_live_story(authors=[make_author()]), make_live_story(authors=[make_author()])
    make_entry(one, headline="On the first story")
    make_entry(other, headline="On the second story")

    page = client.get(
        reverse("admin:articles_liveentry_changelist") + f"?article__id__exact={one.pk}"
    )

    assert page.status_code == 200
    assert "On the first story" in page.text
    assert "On the second story" not in page.text
