"""Every admin route that could revert a revision, tried by every role with the wrong version.

django-reversion's stock views revert whatever Version id they are given, of any model,
before asking any permission. None of them is served: a story comes back only through
workflow.restore_revision and workflow.recover_article, an entry through
workflow.recover_entry, each after its own checks (docs/security.md, "Revisions").
"""

import pytest
import reversion
from django.urls import reverse
from reversion.models import Version

from articles import workflow
from articles.models import Article, LiveEntry
from articles.roles import ADMINISTRATOR, AUTHOR, CONTRIBUTOR, EDITOR
from articles.tests.admin_forms import form_data
from articles.tests.factories import (
    DRAFT,
    ENTRY_DRAFT,
    PUBLISHED,
    client_for,
    make_article,
    make_entry,
    make_live_story,
    make_user,
)
from authors.models import Author
from authors.tests.factories import make_author

pytestmark = pytest.mark.django_db

ROLES = [CONTRIBUTOR, AUTHOR, EDITOR, ADMINISTRATOR]
# Far above any id a sequence hands out in a test, so a profile can share a story's id: the
# stock history view matched a version on object_id alone.
SHARED_ID = 900_001


def _kept(write, **kwargs):
    """Run a workflow write inside a revision, as the admin does."""
    with reversion.create_revision():
        return write(**kwargs)


@pytest.fixture
def history():
    """A story an Editor withdrew (its old versions published) and one they deleted."""
    editor = make_user(EDITOR)
    byline = [make_author(name="Staff Writer")]
    withdrawn = make_article(id=SHARED_ID, title="Withdrawn story", status=DRAFT, authors=byline)
    _kept(workflow.publish, article=withdrawn, user=editor)
    _kept(workflow.unpublish, article=withdrawn, user=editor)
    deleted = make_article(title="Deleted story", status=DRAFT, authors=byline)
    _kept(workflow.publish, article=deleted, user=editor)
    workflow.delete_article(article=deleted, user=editor)
    published_version = next(
        version
        for version in Version.objects.get_for_object(withdrawn)
        if version.field_dict["status"] == PUBLISHED
    )
    [deleted_version] = Version.objects.get_deleted(Article)
    return {"withdrawn": published_version, "deleted": deleted_version}


def _signed_in(role):
    user = make_user(role)
    # Their own profile shares the withdrawn story's id.
    make_author(id=SHARED_ID, name=f"{role} profile", user=user)
    return client_for(user)


def _routes(admin_model, version, *, object_id):
    changelist = reverse(f"admin:{admin_model}_changelist")
    return {
        "recover": f"{changelist}recover/{version.pk}/",
        "revision": f"{changelist}{object_id}/history/{version.pk}/",
    }


def _nothing_came_back():
    stories = ["Withdrawn story", "Deleted story"]
    assert not Article.objects.published().filter(title__in=stories).exists()
    assert not Article.objects.filter(title="Deleted story").exists()
    assert Article.objects.get(pk=SHARED_ID).status == DRAFT


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("admin_model", ["articles_liveentry", "authors_author"])
@pytest.mark.parametrize("kind", ["withdrawn", "deleted"])
@pytest.mark.parametrize("route", ["recover", "revision"])
def test_no_route_of_another_models_admin_reverts_a_story(history, role, admin_model, kind, route):
    client = _signed_in(role)
    version = history[kind]
    url = _routes(admin_model, version, object_id=version.object_id)[route]

    for response in (client.get(url), client.post(url, {"based_on": "1"})):
        assert response.status_code in (302, 403, 404)
    _nothing_came_back()


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("route", ["recover", "revision"])
def test_a_story_route_refuses_a_version_of_another_story(history, role, route):
    """The withdrawn story's version, offered as another story's or as a deleted one."""
    client = _signed_in(role)
    other = make_article(title="Another story", status=DRAFT)
    url = _routes("articles_article", history["withdrawn"], object_id=other.pk)[route]

    for response in (client.get(url), client.post(url, {"based_on": other.edit_version})):
        assert response.status_code in (302, 403, 404)
    _nothing_came_back()
    assert Article.objects.get(pk=other.pk).title == "Another story"


@pytest.mark.parametrize("role", [CONTRIBUTOR, AUTHOR])
def test_writers_may_not_recover_a_deleted_story(history, role):
    client = _signed_in(role)
    url = _routes("articles_article", history["deleted"], object_id=0)["recover"]

    assert client.get(url).status_code == 403
    assert client.post(url).status_code == 403
    _nothing_came_back()


@pytest.mark.parametrize("role", [EDITOR, ADMINISTRATOR])
def test_a_deleted_story_is_recovered_as_a_draft_with_a_revision(history, role):
    client = _signed_in(role)
    version = history["deleted"]
    url = _routes("articles_article", version, object_id=0)["recover"]

    assert "Recover as a draft" in client.get(url).text
    assert not Article.objects.filter(pk=version.object_id).exists()  # a GET changes nothing
    response = client.post(url)

    recovered = Article.objects.get(pk=version.object_id)
    assert response.url == reverse("admin:articles_article_change", args=[recovered.pk])
    assert (recovered.title, recovered.status) == ("Deleted story", DRAFT)
    assert [author.name for author in recovered.byline] == ["Staff Writer"]
    assert not Article.objects.published().filter(pk=recovered.pk).exists()
    [kept] = Version.objects.get_for_object(recovered).order_by("-pk")[:1]
    assert kept.revision.get_comment().startswith("Recovered from its revision of")


def test_a_story_that_exists_is_not_recovered_over_itself(history):
    client = _signed_in(EDITOR)
    url = _routes("articles_article", history["withdrawn"], object_id=0)["recover"]

    assert client.post(url).status_code == 404
    _nothing_came_back()


def test_the_history_pages_of_profiles_and_entries_list_without_reverting(history):
    user = make_user(CONTRIBUTOR)
    profile = make_author(name="Own Profile", user=user)
    client = client_for(user)

    response = client.get(reverse("admin:authors_author_history", args=[profile.pk]))

    assert response.status_code == 200
    assert f"/history/{history['withdrawn'].pk}/" not in response.text


def test_a_profile_saved_in_the_admin_keeps_a_revision_and_is_offered_no_recovery():
    client = client_for(make_user(EDITOR))
    profile = make_author(name="Kept Profile")
    url = reverse("admin:authors_author_change", args=[profile.pk])
    data = form_data(client.get(url), form_id="author_form")

    assert client.post(url, {**data, "role": "Night editor"}).status_code == 302

    [kept] = Version.objects.get_for_object(profile)
    assert kept.revision.user is not None
    changelist = client.get(reverse("admin:authors_author_changelist"))
    assert "recover/" not in changelist.text
    assert client.get(reverse("admin:authors_author_recoverlist")).status_code == 403


# Entries


@pytest.fixture
def deleted_entry():
    """An entry an Author deleted from their own live story, and its last version."""
    user = make_user(AUTHOR)
    profile = make_author(name="Rhea Marsh", user=user)
    story = make_live_story(authors=[profile])
    entry = make_entry(story, headline="Mistaken entry", authors=[profile], is_pinned=True)
    with reversion.create_revision():
        workflow.save_entry(entry=entry, user=user)
    workflow.delete_entry(entry=entry, user=user)
    [version] = Version.objects.get_deleted(LiveEntry)
    return user, story, version


def test_an_entry_is_recovered_as_an_unpinned_draft_by_its_storys_writer(deleted_entry):
    user, story, version = deleted_entry
    url = _routes("articles_liveentry", version, object_id=0)["recover"]

    response = client_for(user).post(url)

    entry = LiveEntry.objects.get(pk=version.object_id)
    assert response.url == reverse("admin:articles_liveentry_change", args=[entry.pk])
    assert (entry.article, entry.headline) == (story, "Mistaken entry")
    assert (entry.status, entry.is_pinned) == (ENTRY_DRAFT, False)
    assert entry.modified_by == user


def test_a_writer_may_not_recover_an_entry_of_a_story_they_may_not_edit(deleted_entry):
    _, _, version = deleted_entry
    url = _routes("articles_liveentry", version, object_id=0)["recover"]

    response = client_for(make_user(CONTRIBUTOR)).post(url, follow=True)

    assert "Not recovered: Your role may not post" in response.text
    assert not LiveEntry.objects.exists()


def test_an_entry_of_a_deleted_story_is_refused_in_words(deleted_entry):
    _, story, version = deleted_entry
    story.delete()
    url = _routes("articles_liveentry", version, object_id=0)["recover"]

    response = client_for(make_user(EDITOR)).post(url, follow=True)

    assert "Not recovered: Its story has been deleted." in response.text


def test_the_entries_route_refuses_a_storys_version(history, deleted_entry):
    user, _, _ = deleted_entry
    url = _routes("articles_liveentry", history["deleted"], object_id=0)["recover"]

    assert client_for(user).post(url).status_code == 404
    _nothing_came_back()


# The services themselves, whatever calls them


def test_a_restore_refuses_a_version_of_another_model_with_the_same_id(history):
    editor = make_user(EDITOR)
    profile = make_author(id=SHARED_ID + 1, name="Same id")
    story = make_article(id=SHARED_ID + 1, title="Kept as it is", status=DRAFT)
    with reversion.create_revision():
        profile.save()
    [profile_version] = Version.objects.get_for_object(profile)

    with pytest.raises(workflow.WorkflowError, match="another article"):
        workflow.restore_revision(
            article=story, version=profile_version, user=editor, based_on=story.edit_version
        )


def test_a_revision_holding_another_story_is_never_reverted(history):
    editor = make_user(EDITOR)
    first = make_article(title="First", status=DRAFT)
    second = make_article(title="Second", status=DRAFT)
    with reversion.create_revision():  # one revision of two stories, as a careless tool makes
        first.save()
        second.save()
    first.title, second.title = "First, edited", "Second, edited"
    first.save()
    second.save()
    version = Version.objects.get_for_object(first).get()

    with pytest.raises(workflow.WorkflowError, match="holds more than this one"):
        workflow.restore_revision(
            article=first, version=version, user=editor, based_on=first.edit_version
        )
    assert Article.objects.get(pk=second.pk).title == "Second, edited"


def test_the_services_refuse_a_row_that_is_not_deleted(history):
    editor = make_user(EDITOR)

    with pytest.raises(workflow.WorkflowError, match="not a deleted article"):
        workflow.recover_article(version=history["withdrawn"], user=editor)
    with pytest.raises(workflow.WorkflowError, match="not a deleted entry"):
        workflow.recover_entry(version=history["deleted"], user=editor)
    assert not Author.objects.filter(pk=SHARED_ID).exists()
