"""The admin's writes go through articles/workflow.py: corrections, preview links, restores.

Each rule is tested at the service and through the admin page that collects its input.
"""

from datetime import UTC, datetime, timedelta

import pytest
import reversion
import time_machine
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version
from taggit.models import Tag

from articles import workflow
from articles.models import Article, Correction, PreviewLink, SlugRedirect
from articles.roles import CONTRIBUTOR, EDITOR
from articles.tests.admin_forms import change_url, form_data
from articles.tests.factories import (
    DRAFT,
    PUBLISHED,
    REVIEW,
    client_for,
    make_article,
    make_user,
)
from authors.tests.factories import make_author

pytestmark = pytest.mark.django_db

NOW = datetime(2025, 3, 10, 9, 30, tzinfo=UTC)


def _save(client, article, **changes):
    data = form_data(client.get(change_url(article)))
    response = client.post(change_url(article), {**data, **changes})
    assert response.status_code == 302, response.context["adminform"].form.errors
    article.refresh_from_db()


def _new_correction(text, index=0):
    now = timezone.localtime()
    return {
        "corrections-TOTAL_FORMS": str(index + 1),
        f"corrections-{index}-text": text,
        f"corrections-{index}-corrected_at_0": now.strftime("%Y-%m-%d"),
        f"corrections-{index}-corrected_at_1": now.strftime("%H:%M:%S"),
    }


# Corrections: a new one is an update only on a story readers could already see


def test_a_correction_to_a_live_story_marks_an_update_at_the_service():
    article = make_article(status=PUBLISHED, authors=[make_author()])

    workflow.save_corrections(
        article=article, previous=article, added=[Correction(text="The date was wrong.")]
    )

    article.refresh_from_db()
    assert article.updated_at is not None
    assert article.corrections.get().text == "The date was wrong."


@pytest.mark.parametrize("scheduled", [False, True], ids=["draft", "scheduled"])
def test_a_correction_to_a_story_readers_cannot_see_is_no_update(scheduled):
    if scheduled:
        article = make_article(
            status=PUBLISHED,
            published_at=timezone.now() + timedelta(days=1),
            authors=[make_author()],
        )
    else:
        article = make_article(status=DRAFT, authors=[make_author()])

    _save(client_for(make_user(EDITOR)), article, **_new_correction("A name was misspelt."))

    assert article.corrections.count() == 1
    assert article.updated_at is None


def test_a_correction_added_while_publishing_is_no_update():
    article = make_article(status=REVIEW, authors=[make_author()])

    _save(
        client_for(make_user(EDITOR)),
        article,
        status=PUBLISHED,
        **_new_correction("Spelling fixed."),
    )

    assert article.is_published
    assert article.updated_at is None


def test_rewording_a_correction_is_no_new_update_and_removing_one_deletes_it():
    article = make_article(status=PUBLISHED, authors=[make_author()])
    kept = Correction.objects.create(article=article, text="The vote was on Tuesday.")
    dropped = Correction.objects.create(article=article, text="Added by mistake.")
    client = client_for(make_user(EDITOR))
    data = form_data(client.get(change_url(article)))
    rows = {data[f"corrections-{i}-id"]: i for i in range(2)}

    _save(
        client,
        article,
        **{
            f"corrections-{rows[str(kept.pk)]}-text": "The vote was on Wednesday.",
            f"corrections-{rows[str(dropped.pk)]}-DELETE": "on",
        },
    )

    assert [c.text for c in article.corrections.all()] == ["The vote was on Wednesday."]
    assert article.updated_at is None


# Preview links: made, re-dated and revoked by the workflow


def test_revoking_a_link_twice_keeps_the_first_time():
    link = workflow.create_preview_link(
        article=make_article(status=DRAFT, authors=[make_author()]), user=make_user(EDITOR)
    )
    with time_machine.travel(NOW, tick=False):
        workflow.revoke_preview_link(link=link, user=link.created_by)

    with time_machine.travel(NOW + timedelta(hours=1), tick=False):
        workflow.revoke_preview_link(link=link, user=link.created_by)

    link.refresh_from_db()
    assert link.revoked_at == NOW
    assert not link.is_active


def test_the_admin_makes_and_revokes_links_through_the_workflow(monkeypatch):
    made, revoked = [], []
    create, revoke = workflow.create_preview_link, workflow.revoke_preview_link
    monkeypatch.setattr(
        workflow, "create_preview_link", lambda **kw: made.append(kw) or create(**kw)
    )
    monkeypatch.setattr(
        workflow, "revoke_preview_link", lambda **kw: revoked.append(kw) or revoke(**kw)
    )
    editor = make_user(EDITOR)
    client = client_for(editor)
    article = make_article(status=DRAFT, authors=[make_author()])
    expiry = timezone.localtime() + timedelta(hours=6)

    _save(
        client,
        article,
        **{
            "preview_links-TOTAL_FORMS": "1",
            "preview_links-0-expires_at_0": expiry.strftime("%Y-%m-%d"),
            "preview_links-0-expires_at_1": expiry.strftime("%H:%M:%S"),
        },
    )
    _save(client, article, **{"preview_links-0-revoke": "on"})

    link = PreviewLink.objects.get(article=article)
    assert made == [{"article": article, "user": editor, "expires_at": link.expires_at}]
    assert revoked == [{"link": link, "user": editor}]
    assert link.revoked_at is not None


def test_an_editor_gives_a_live_link_a_later_expiry():
    editor = make_user(EDITOR)
    article = make_article(status=DRAFT, authors=[make_author()])
    link = workflow.create_preview_link(article=article, user=editor)
    later = timezone.localtime(link.expires_at) + timedelta(days=2)

    _save(
        client_for(editor),
        article,
        **{
            "preview_links-0-expires_at_0": later.strftime("%Y-%m-%d"),
            "preview_links-0-expires_at_1": later.strftime("%H:%M:%S"),
        },
    )

    link.refresh_from_db()
    assert abs(link.expires_at - later) < timedelta(seconds=1)
    assert link.is_active


def test_a_new_row_cannot_be_made_revoked_and_a_revoked_link_keeps_its_time():
    editor = make_user(EDITOR)
    article = make_article(status=DRAFT, authors=[make_author()])
    old = workflow.revoke_preview_link(
        link=workflow.create_preview_link(article=article, user=editor), user=editor
    )
    client = client_for(editor)
    data = form_data(client.get(change_url(article)))
    expiry = timezone.localtime() + timedelta(hours=6)

    _save(
        client,
        article,
        **{
            **data,
            "preview_links-0-revoke": "on",  # disabled on a revoked link: ignored
            "preview_links-TOTAL_FORMS": "2",
            "preview_links-1-expires_at_0": expiry.strftime("%Y-%m-%d"),
            "preview_links-1-expires_at_1": expiry.strftime("%H:%M:%S"),
            "preview_links-1-revoke": "on",  # a new row is not a link yet: ignored
        },
    )

    new = PreviewLink.objects.exclude(pk=old.pk).get()
    assert new.is_active
    assert PreviewLink.objects.get(pk=old.pk).revoked_at == old.revoked_at


# Restores: one workflow write, confirmed on the compare page


def _saved_copy(article):
    """The article as saved, as the form's freshness check hands it to save_article."""
    return Article.objects.get(pk=article.pk)


def _revision(article, user, **changes):
    """Save `changes` through the workflow inside a revision; return that revision's version."""
    previous = _saved_copy(article)
    with reversion.create_revision():
        for name, value in changes.items():
            setattr(article, name, value)
        workflow.save_article(article=article, user=user, previous=previous)
    return Version.objects.get_for_object(article).first()


def test_restoring_brings_back_text_and_byline_and_counts_forward():
    editor = make_user(EDITOR)
    first_author = make_author(name="First")
    article = make_article(title="Original", authors=[first_author], status=DRAFT)
    original = _revision(article, editor)
    article.authorships.update(author=make_author(name="Second"))
    _revision(article, editor, title="Rewritten")
    before = article.edit_version

    workflow.restore_revision(article=article, version=original, user=editor, based_on=before)

    article.refresh_from_db()
    assert article.title == "Original"
    assert article.byline == [first_author]
    assert article.edit_version == before + 1
    assert article.modified_by == editor


def test_a_restore_based_on_a_stale_page_is_refused_and_changes_nothing():
    editor = make_user(EDITOR)
    article = make_article(title="Original", status=DRAFT, authors=[make_author()])
    original = _revision(article, editor)
    _revision(article, editor, title="Rewritten")
    stale = article.edit_version - 1

    with pytest.raises(workflow.EditConflict):
        workflow.restore_revision(article=article, version=original, user=editor, based_on=stale)

    article.refresh_from_db()
    assert article.title == "Rewritten"


def test_restoring_a_published_revision_of_an_unpublished_story_publishes_it_now():
    editor = make_user(EDITOR)
    long_ago = NOW - timedelta(days=30)
    article = make_article(status=PUBLISHED, published_at=long_ago, authors=[make_author()])
    published = _revision(article, editor)
    workflow.unpublish(article=article, user=editor)

    with time_machine.travel(NOW, tick=False):
        workflow.restore_revision(
            article=article, version=published, user=editor, based_on=article.edit_version
        )

    article.refresh_from_db()
    assert (article.status, article.published_at) == (PUBLISHED, NOW)


def test_restoring_an_old_slug_of_a_published_story_keeps_its_address():
    editor = make_user(EDITOR)
    article = make_article(status=PUBLISHED, slug="first-address", authors=[make_author()])
    first = _revision(article, editor)
    _revision(article, editor, slug="second-address")

    workflow.restore_revision(
        article=article, version=first, user=editor, based_on=article.edit_version
    )

    assert SlugRedirect.objects.get(old_slug="second-address").article == article


def test_a_restore_never_revives_a_revoked_preview_link():
    editor = make_user(EDITOR)
    article = make_article(status=DRAFT, authors=[make_author()])
    link = workflow.create_preview_link(article=article, user=editor)
    first = _revision(article, editor)
    workflow.revoke_preview_link(link=link, user=editor)

    workflow.restore_revision(
        article=article, version=first, user=editor, based_on=article.edit_version
    )

    link.refresh_from_db()
    assert link.revoked_at is not None


def test_the_admin_refuses_a_restore_the_workflow_refuses_and_says_why():
    editor = make_user(EDITOR)
    article = make_article(status=REVIEW, authors=[make_author()])
    in_review = _revision(article, editor)
    workflow.publish(article=article, user=editor)
    client = client_for(editor)
    compare_url = reverse("admin:articles_article_compare", args=[article.pk, in_review.pk])
    restore_url = reverse("admin:articles_article_revision", args=[article.pk, in_review.pk])

    response = client.post(
        restore_url, form_data(client.get(compare_url), form_id="restore_form"), follow=True
    )

    assert response.redirect_chain == [(compare_url, 302)]
    [message] = [str(m) for m in response.context["messages"]]
    assert message == (
        "Not restored: A published article goes back to draft (unpublish it) before review."
    )
    article.refresh_from_db()
    assert article.status == PUBLISHED


def test_a_restore_over_a_newer_save_is_refused_in_the_admin():
    editor = make_user(EDITOR, first_name="Eve", last_name="Ink")
    article = make_article(title="Original", status=DRAFT, authors=[make_author()])
    original = _revision(article, editor)
    client = client_for(editor)
    compare_url = reverse("admin:articles_article_compare", args=[article.pk, original.pk])
    restore_url = reverse("admin:articles_article_revision", args=[article.pk, original.pk])
    opened = form_data(client.get(compare_url), form_id="restore_form")
    _revision(article, editor, title="Saved meanwhile")

    response = client.post(restore_url, opened, follow=True)

    [message] = [str(m) for m in response.context["messages"]]
    assert message.startswith("Not restored: Eve Ink saved this article at")
    article.refresh_from_db()
    assert article.title == "Saved meanwhile"


@pytest.mark.parametrize("gone", ["author", "tag", "primary tag"])
def test_a_revision_naming_something_deleted_since_is_refused_in_words(gone):
    editor = make_user(EDITOR)
    author, tag = make_author(name="Gone Writer"), Tag.objects.create(name="Gone", slug="gone")
    article = make_article(
        authors=[author], primary_tag=tag if gone == "primary tag" else None, status=DRAFT
    )
    article.tags.add(tag)
    first = _revision(article, editor)
    article.authorships.update(author=make_author(name="Another Writer"))
    article.tags.clear()
    (author if gone == "author" else tag).delete()
    article.refresh_from_db()
    _revision(article, editor, title="Rewritten")
    client = client_for(editor)
    compare_url = reverse("admin:articles_article_compare", args=[article.pk, first.pk])
    restore_url = reverse("admin:articles_article_revision", args=[article.pk, first.pk])

    response = client.post(
        restore_url, form_data(client.get(compare_url), form_id="restore_form"), follow=True
    )

    assert response.status_code == 200
    [message] = [str(m) for m in response.context["messages"]]
    assert message == "Not restored: It names an author or a tag that has been deleted since."
    article.refresh_from_db()
    assert article.title == "Rewritten"


def test_only_who_may_edit_is_offered_the_restore():
    article = make_article(status=DRAFT, authors=[make_author()])
    version = _revision(article, make_user(EDITOR))
    compare_url = reverse("admin:articles_article_compare", args=[article.pk, version.pk])

    as_contributor = client_for(make_user(CONTRIBUTOR)).get(compare_url)
    as_editor = client_for(make_user(EDITOR)).get(compare_url)

    assert as_contributor.status_code == 200
    assert 'id="restore_form"' not in as_contributor.text
    assert 'id="restore_form"' in as_editor.text


def test_the_revision_address_opens_its_comparison():
    article = make_article(status=DRAFT, authors=[make_author()])
    version = _revision(article, make_user(EDITOR))
    client = client_for(make_user(EDITOR))

    response = client.get(reverse("admin:articles_article_revision", args=[article.pk, version.pk]))

    compare_url = reverse("admin:articles_article_compare", args=[article.pk, version.pk])
    assert (response.status_code, response["Location"]) == (302, compare_url)


# Saving: the service guards what a form would


def test_save_article_refuses_a_status_the_role_may_not_set():
    contributor = make_user(CONTRIBUTOR)
    article = make_article(created_by=contributor, status=DRAFT, authors=[make_author()])
    article.status = PUBLISHED
    article.published_at = timezone.now()

    with pytest.raises(workflow.NotAllowed):
        workflow.save_article(article=article, user=contributor, previous=_saved_copy(article))

    article.refresh_from_db()
    assert article.status == DRAFT
