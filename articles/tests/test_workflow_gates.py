"""The workflow is the one gate: its services refuse on their own what a role may not do
or what a published story may not lack, whichever channel calls them."""

from datetime import timedelta

import pytest

from articles import signals, workflow
from articles.models import Article, PreviewLink
from articles.roles import AUTHOR, CONTRIBUTOR, EDITOR
from articles.tests.factories import DRAFT, PUBLISHED, make_article, make_user
from authors.tests.factories import make_author

pytestmark = pytest.mark.django_db


@pytest.fixture
def someone_elses_draft():
    return make_article(status=DRAFT, authors=[make_author()])


# Preview links: shared by those who may edit the story, and announced.


def test_a_writer_may_not_share_a_preview_of_a_story_they_may_not_edit(someone_elses_draft):
    with pytest.raises(workflow.NotAllowed):
        workflow.create_preview_link(article=someone_elses_draft, user=make_user(CONTRIBUTOR))

    assert not PreviewLink.objects.exists()


def test_a_writer_may_not_keep_someone_elses_preview_link_working_longer(someone_elses_draft):
    link = workflow.create_preview_link(article=someone_elses_draft, user=make_user(EDITOR))
    expires_at = link.expires_at

    with pytest.raises(workflow.NotAllowed):
        workflow.change_preview_expiry(
            link=link, user=make_user(CONTRIBUTOR), expires_at=expires_at + timedelta(days=30)
        )

    assert PreviewLink.objects.get(pk=link.pk).expires_at == expires_at


def test_a_writer_may_not_revoke_someone_elses_preview_link(someone_elses_draft):
    link = workflow.create_preview_link(article=someone_elses_draft, user=make_user(EDITOR))

    with pytest.raises(workflow.NotAllowed):
        workflow.revoke_preview_link(link=link, user=make_user(CONTRIBUTOR))

    assert PreviewLink.objects.get(pk=link.pk).is_active


def test_a_new_expiry_is_announced_with_the_one_it_replaces(someone_elses_draft):
    editor = make_user(EDITOR)
    link = workflow.create_preview_link(article=someone_elses_draft, user=editor)
    before, later = link.expires_at, link.expires_at + timedelta(days=2)
    heard = []

    def listener(sender, **kwargs):
        heard.append(kwargs)

    signals.preview_link_expiry_changed.connect(listener)
    try:
        workflow.change_preview_expiry(link=link, user=editor, expires_at=later)
        workflow.change_preview_expiry(link=link, user=editor, expires_at=later)  # no change
    finally:
        signals.preview_link_expiry_changed.disconnect(listener)

    assert [(event["link"].pk, event["user"], event["previous"]) for event in heard] == [
        (link.pk, editor, before)
    ]
    assert PreviewLink.objects.get(pk=link.pk).expires_at == later


# A published story's byline: the save checks it, with the byline about to be saved.


def test_the_save_refuses_a_new_published_story_with_no_byline():
    story = Article(title="Scoop", slug="scoop", body="Words.", status=PUBLISHED)

    with pytest.raises(workflow.Incomplete, match="at least one author"):
        workflow.save_article(article=story, user=make_user(EDITOR))

    assert not Article.objects.filter(slug="scoop").exists()


def test_the_save_refuses_a_published_story_whose_new_byline_is_empty():
    story = make_article(status=PUBLISHED, authors=[make_author()], title="Before")
    previous = Article.objects.get(pk=story.pk)
    story.title = "After"

    with pytest.raises(workflow.Incomplete):
        workflow.save_article(article=story, user=make_user(EDITOR), previous=previous, authors=[])

    assert Article.objects.get(pk=story.pk).title == "Before"


def test_the_save_publishes_with_the_byline_about_to_be_saved():
    story = Article(title="Scoop", slug="scoop", body="Words.", status=PUBLISHED)

    workflow.save_article(article=story, user=make_user(EDITOR), authors=[make_author()])

    assert Article.objects.get(slug="scoop").is_published


def test_a_draft_saves_with_no_byline_yet():
    story = Article(title="Notes", slug="notes", body="Words.", status=DRAFT)

    workflow.save_article(article=story, user=make_user(CONTRIBUTOR))

    assert Article.objects.get(slug="notes").status == DRAFT


# "May view" and "publishes any story": one question each.


def test_staff_who_may_view_stories_may_view_one_they_may_not_edit(someone_elses_draft):
    contributor = make_user(CONTRIBUTOR)

    assert not workflow.can_edit(contributor, someone_elses_draft)
    assert workflow.can_view(contributor, someone_elses_draft)


def test_staff_with_no_newsroom_role_may_view_no_story(someone_elses_draft):
    assert not workflow.can_view(make_user(), someone_elses_draft)
    assert not workflow.can_view(make_user())


def test_only_editors_publish_any_story():
    assert workflow.publishes_any(make_user(EDITOR))
    assert not workflow.publishes_any(make_user(AUTHOR))  # their own stories only
    assert not workflow.publishes_any(make_user(CONTRIBUTOR))
