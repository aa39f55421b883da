"""Live coverage's rules in articles/workflow.py: who may post, publish, change and delete
entries, start and end coverage, and what each write does to the story."""

from datetime import timedelta

import pytest
import reversion
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from reversion.models import Version

from articles import workflow
from articles.models import Article, LiveEntry, LiveEntryAuthorship
from articles.roles import AUTHOR, CONTRIBUTOR, EDITOR
from articles.tests.factories import (
    DRAFT,
    ENTRY_DRAFT,
    ENTRY_PUBLISHED,
    NOW,
    make_article,
    make_entry,
    make_live_story,
    make_user,
)
from authors.tests.factories import make_author

pytestmark = pytest.mark.django_db


@pytest.fixture
def reporter():
    """An Author-role journalist with a profile, and a live story on their byline."""
    user = make_user(AUTHOR)
    profile = make_author(name="Rhea Marsh", user=user)
    story = make_live_story(authors=[profile])
    return user, profile, story


def post(article, user, *, authors, publish=True, **fields):
    entry = LiveEntry(body=fields.pop("body", "Crowds gather at the harbour."), **fields)
    return workflow.post_entry(
        entry=entry, article=article, user=user, authors=authors, publish=publish
    )


# Posting


def test_a_journalist_posts_an_entry_on_their_live_story_and_it_is_an_update(clock, reporter):
    user, profile, story = reporter
    version = story.edit_version

    entry = post(story, user, authors=[profile], headline="Harbour closed")

    entry.refresh_from_db()
    story.refresh_from_db()
    assert entry.status == ENTRY_PUBLISHED
    assert entry.published_at == NOW
    assert entry.byline == [profile]
    assert entry.created_by == user
    assert story.updated_at == NOW
    assert story.was_updated
    # Not an edit of the story: a form opened on it stays fresh.
    assert story.edit_version == version


def test_a_draft_entry_has_no_time_and_does_not_update_the_story(clock, reporter):
    user, profile, story = reporter

    entry = post(story, user, authors=[profile], publish=False)

    story.refresh_from_db()
    assert entry.status == ENTRY_DRAFT
    assert entry.published_at is None
    assert story.updated_at is None


def test_an_entry_needs_coverage_to_have_started():
    editor = make_user(EDITOR)
    story = make_article(authors=[make_author()])

    with pytest.raises(workflow.WorkflowError, match="Start the story's live coverage first"):
        post(story, editor, authors=story.byline)
    assert not LiveEntry.objects.exists()


@pytest.mark.parametrize(
    ("changes", "missing"),
    [
        ({"body": "  "}, "a body"),
        ({"is_key_event": True}, "a headline (key events are listed by it)"),
    ],
)
def test_publishing_an_incomplete_entry_is_refused_in_words(reporter, changes, missing):
    user, profile, story = reporter

    with pytest.raises(workflow.Incomplete, match=missing.replace("(", r"\(").replace(")", r"\)")):
        post(story, user, authors=[profile], **changes)
    assert not LiveEntry.objects.exists()


def test_an_entry_is_published_with_at_least_one_author(reporter):
    user, _, story = reporter

    with pytest.raises(workflow.Incomplete, match="at least one author"):
        post(story, user, authors=[])
    # A draft may wait for its byline.
    assert post(story, user, authors=[], publish=False).status == ENTRY_DRAFT


def test_who_may_post_and_publish_follows_the_story_roles():
    contributor, author, editor = (make_user(role) for role in (CONTRIBUTOR, AUTHOR, EDITOR))
    byline = [make_author()]
    own_draft = make_live_story(status=DRAFT, published_at=None, created_by=contributor)
    others = make_live_story(authors=byline)

    # A contributor drafts entries on their own draft story, and publishes none.
    assert post(own_draft, contributor, authors=byline, publish=False).status == ENTRY_DRAFT
    with pytest.raises(workflow.NotAllowed, match="may not publish entries"):
        post(own_draft, contributor, authors=byline)
    # An Author may not post on a story that is not theirs; an Editor may on any.
    with pytest.raises(workflow.NotAllowed, match="may not post or change entries"):
        post(others, author, authors=byline, publish=False)
    assert post(others, editor, authors=byline).status == ENTRY_PUBLISHED


def test_pinning_an_entry_unpins_the_story_pinned_one(reporter):
    user, profile, story = reporter
    first = make_entry(story, is_pinned=True, authors=[profile])

    second = post(story, user, authors=[profile], is_pinned=True)

    first.refresh_from_db()
    assert not first.is_pinned
    assert list(story.live_entries.filter(is_pinned=True)) == [second]


# Editing, publishing later, deleting


def test_publishing_a_draft_later_gives_it_that_time(clock, reporter):
    user, profile, story = reporter
    entry = post(story, user, authors=[profile], publish=False)
    clock.shift(timedelta(minutes=7))

    workflow.publish_entry(entry=entry, user=user)

    assert entry.published_at == NOW + timedelta(minutes=7)
    story.refresh_from_db()
    assert story.updated_at == entry.published_at
    with pytest.raises(workflow.WorkflowError, match="already published"):
        workflow.publish_entry(entry=entry, user=user)


def test_editing_a_published_entry_keeps_its_time_and_the_story_time(clock, reporter):
    user, profile, story = reporter
    entry = post(story, user, authors=[profile])
    clock.shift(timedelta(minutes=30))

    entry.body = "Crowds gather at the harbour, police say."
    workflow.save_entry(entry=entry, user=user)

    entry.refresh_from_db()
    story.refresh_from_db()
    assert entry.published_at == NOW
    assert "police say" in entry.body_html
    assert story.updated_at == NOW


def test_a_contributor_may_not_change_or_delete_a_published_entry_of_their_story():
    contributor = make_user(CONTRIBUTOR)
    story = make_live_story(status=DRAFT, published_at=None, created_by=contributor)
    published = make_entry(story, authors=[make_author()])
    draft = make_entry(story, status=ENTRY_DRAFT)

    published.body = "Rewritten."
    with pytest.raises(workflow.NotAllowed):
        workflow.save_entry(entry=published, user=contributor)
    with pytest.raises(workflow.NotAllowed):
        workflow.delete_entry(entry=published, user=contributor)
    # Their draft is theirs to change, and to remove.
    draft.body = "Rewritten draft."
    workflow.save_entry(entry=draft, user=contributor)
    workflow.delete_entry(entry=draft, user=contributor)
    assert list(story.live_entries.all()) == [published]
    assert LiveEntry.objects.get(pk=published.pk).body != "Rewritten."


def test_unpublishing_an_entry_takes_the_right_to_publish(reporter):
    user, profile, story = reporter
    entry = make_entry(story, authors=[profile])

    entry.status = ENTRY_DRAFT
    workflow.save_entry(entry=entry, user=user)

    assert not story.live_entries.published().exists()
    other = make_user(AUTHOR)
    entry.status = ENTRY_PUBLISHED
    with pytest.raises(workflow.NotAllowed):
        workflow.save_entry(entry=entry, user=other)


def test_the_revision_of_a_post_or_an_edit_holds_the_byline_it_gave(reporter):
    user, profile, story = reporter
    colleague = make_author(name="Ivo Brandt")

    def byline_in(revision):
        rows = revision.version_set.filter(
            content_type=ContentType.objects.get_for_model(LiveEntryAuthorship)
        )
        return sorted((row.field_dict["position"], row.field_dict["author_id"]) for row in rows)

    with reversion.create_revision():
        entry = post(story, user, authors=[profile])
    with reversion.create_revision():
        workflow.save_entry(entry=entry, user=user, authors=[colleague, profile])

    first, second = (v.revision for v in Version.objects.get_for_object(entry).order_by("pk"))
    assert byline_in(first) == [(0, profile.pk)]
    assert byline_in(second) == [(0, colleague.pk), (1, profile.pk)]


def test_edits_and_deletions_keep_revisions_the_entry_can_be_recovered_from(reporter):
    user, profile, story = reporter
    with reversion.create_revision():
        entry = post(story, user, authors=[profile], headline="First")
    with reversion.create_revision():
        entry.headline = "Second"
        workflow.save_entry(entry=entry, user=user)
    pk = entry.pk

    workflow.delete_entry(entry=entry, user=user)

    assert not LiveEntry.objects.filter(pk=pk).exists()
    [deleted] = Version.objects.get_deleted(LiveEntry)
    assert deleted.field_dict["headline"] == "Second"
    assert Version.objects.get_for_object_reference(LiveEntry, pk).count() == 2
    deleted.revision.revert()
    assert LiveEntry.objects.get(pk=pk).byline == [profile]


# Coverage


def test_starting_and_ending_coverage_is_a_save_of_the_story(clock):
    editor = make_user(EDITOR)
    story = make_article(authors=[make_author()])
    version = story.edit_version

    workflow.start_coverage(article=story, user=editor)
    assert (story.coverage_started_at, story.is_live) == (NOW, True)
    assert story.edit_version == version + 1
    with pytest.raises(workflow.WorkflowError, match="already running"):
        workflow.start_coverage(article=story, user=editor)

    clock.shift(timedelta(hours=5))
    workflow.end_coverage(article=story, user=editor)
    assert story.coverage_ended_at == NOW + timedelta(hours=5)
    assert not story.is_live
    assert story.has_live_coverage
    with pytest.raises(workflow.WorkflowError, match="not running"):
        workflow.end_coverage(article=story, user=editor)

    workflow.start_coverage(article=story, user=editor)  # resumed: the start is kept
    assert (story.coverage_started_at, story.coverage_ended_at) == (NOW, None)


def test_coverage_of_a_published_story_is_run_by_those_who_may_publish_it():
    contributor, author = make_user(CONTRIBUTOR), make_user(AUTHOR)
    theirs = make_article(created_by=contributor, authors=[make_author()])
    draft = make_article(created_by=contributor, status=DRAFT, published_at=None)
    others = make_article(authors=[make_author()])

    with pytest.raises(workflow.NotAllowed):
        workflow.start_coverage(article=theirs, user=contributor)
    with pytest.raises(workflow.NotAllowed):
        workflow.start_coverage(article=others, user=author)
    # Preparing a live story as a draft is writing it.
    workflow.start_coverage(article=draft, user=contributor)
    assert draft.is_live


def test_a_save_from_a_form_opened_earlier_keeps_the_coverage_and_the_entries_time(clock):
    editor = make_user(EDITOR)
    story = make_live_story(authors=[make_author()])
    opened = Article.objects.get(pk=story.pk)  # an editor opens the story's form
    clock.shift(timedelta(minutes=5))
    post(story, editor, authors=story.byline)
    workflow.end_coverage(article=story, user=editor)

    opened.standfirst = "A new standfirst."
    previous = workflow.check_fresh(article_id=story.pk, based_on=story.edit_version)
    opened.edit_version = previous.edit_version
    workflow.save_article(article=opened, user=editor, previous=previous)

    story.refresh_from_db()
    assert story.standfirst == "A new standfirst."
    assert story.updated_at == NOW + timedelta(minutes=5)
    assert story.coverage_ended_at is not None


def test_restoring_an_older_revision_of_the_story_keeps_its_entries_and_coverage():
    editor = make_user(EDITOR)
    story = make_article(authors=[make_author()], title="Before the storm")
    with reversion.create_revision():
        workflow.save_article(article=story, user=editor, previous=Article.objects.get(pk=story.pk))
    [before] = Version.objects.get_for_object(story)
    workflow.start_coverage(article=story, user=editor)
    entry = post(story, editor, authors=story.byline)

    workflow.restore_revision(
        article=story, version=before, user=editor, based_on=story.edit_version
    )

    story.refresh_from_db()
    assert story.is_live
    assert list(story.live_entries.all()) == [entry]
    assert story.updated_at == entry.published_at


def test_a_story_published_later_than_its_entries_is_not_shown_as_updated():
    editor = make_user(EDITOR)
    story = make_live_story(status=DRAFT, published_at=None, authors=[make_author()])
    post(story, editor, authors=story.byline)

    workflow.publish(article=story, user=editor)

    assert story.published_at <= timezone.now()
    assert not story.was_updated
