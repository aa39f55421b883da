"""Revisions: every save is kept and can be compared and restored; no edit is ever lost."""

import pytest
import reversion
from django.urls import reverse
from reversion.models import Version

from articles import workflow
from articles.models import Article
from articles.roles import CONTRIBUTOR, EDITOR
from articles.tests.admin_forms import change_url, form_data
from articles.tests.factories import (
    DRAFT,
    PUBLISHED,
    REVIEW,
    client_for,
    make_article,
    make_user,
    sign_in,
)
from authors.tests.factories import make_author

pytestmark = pytest.mark.django_db


def _save(client, article, **changes):
    data = form_data(client.get(change_url(article)))
    response = client.post(change_url(article), {**data, **changes})
    assert response.status_code == 302, response.context["adminform"].form.errors
    article.refresh_from_db()


def _versions(article):
    return list(Version.objects.get_for_object(article).select_related("revision__user"))


def test_every_admin_save_keeps_a_revision_with_its_author_and_what_changed():
    editor = make_user(EDITOR, first_name="Ed")
    article = make_article(status=DRAFT, authors=[make_author()])

    _save(client_for(editor), article, title="A better headline")

    [version] = _versions(article)
    assert version.revision.user == editor
    assert version.revision.get_comment() == "Changed Title."
    assert version.field_dict["title"] == "A better headline"


def test_a_bulk_action_keeps_one_revision_per_article():
    editor = make_user(EDITOR)
    first, second = (
        make_article(status=REVIEW, authors=[make_author()]),
        make_article(status=REVIEW, authors=[make_author()]),
    )

    client_for(editor).post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish", "_selected_action": [first.pk, second.pk]},
    )

    for article in (first, second):
        [version] = _versions(article)
        assert version.revision.user == editor
        assert version.revision.comment == "Published (bulk action)."
        articles_in_revision = version.revision.version_set.get_for_model(Article)
        assert [v.object_id for v in articles_in_revision] == [str(article.pk)]
        assert version.field_dict["status"] == PUBLISHED


def test_the_history_lists_revisions_and_compares_one_with_now():
    editor = make_user(EDITOR)
    client = client_for(editor)
    article = make_article(status=DRAFT, title="Old headline", authors=[make_author()])
    _save(client, article, title="Middle headline")
    _save(client, article, title="New headline")
    oldest = _versions(article)[-1]

    history = client.get(reverse("admin:articles_article_history", args=[article.pk]))
    compare = client.get(reverse("admin:articles_article_compare", args=[article.pk, oldest.pk]))

    assert history.status_code == 200
    assert history.text.count("Compare with now") == 2
    assert compare.status_code == 200
    changed = [row for row in compare.context["rows"] if row[3]]
    assert changed == [("Title", "Middle headline", "New headline", True)]


def test_restoring_a_revision_brings_back_its_text_and_byline():
    editor = make_user(EDITOR)
    client = client_for(editor)
    first_author, second_author = make_author(name="First"), make_author(name="Second")
    article = make_article(status=DRAFT, title="Original", authors=[first_author])
    _save(client, article, body="The original body.")
    original = _versions(article)[0]
    _save(
        client,
        article,
        title="Rewritten",
        body="A rewrite.",
        **{"authorships-0-author": second_author.pk},
    )
    version_before_restore = article.edit_version
    restore_url = reverse("admin:articles_article_revision", args=[article.pk, original.pk])

    # The revision's address opens its comparison with now, where the restore is confirmed.
    compare = client.get(restore_url, follow=True)
    response = client.post(restore_url, form_data(compare, form_id="restore_form"))

    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.title, article.body) == ("Original", "The original body.")
    assert article.byline == [first_author]
    # Restoring counts forward, so a form opened before it is still seen as stale.
    assert article.edit_version == version_before_restore + 1
    assert _versions(article)[0].revision.comment.startswith("Restored the revision of")


def test_a_contributor_cannot_unpublish_by_restoring_a_draft_revision():
    contributor = make_user(CONTRIBUTOR)
    article = make_article(status=DRAFT, created_by=contributor, authors=[make_author()])
    client = client_for(contributor)
    _save(client, article, body="My draft.")
    draft_version = _versions(article)[0]
    with reversion.create_revision():
        workflow.publish(article=article, user=make_user(EDITOR))
    restore_url = reverse("admin:articles_article_revision", args=[article.pk, draft_version.pk])

    response = client.post(restore_url, {"title": "x", "status": "draft"})

    assert response.status_code == 403
    article.refresh_from_db()
    assert article.status == PUBLISHED


def test_a_deleted_article_can_be_recovered_with_its_byline():
    editor = make_user(EDITOR)
    client = client_for(editor)
    author = make_author(name="Kept Author")
    article = make_article(status=DRAFT, title="Deleted by mistake", authors=[author])
    _save(client, article, body="Worth keeping.")
    pk = article.pk
    delete = client.post(reverse("admin:articles_article_delete", args=[pk]), {"post": "yes"})
    assert delete.status_code == 302
    assert not Article.objects.filter(pk=pk).exists()

    recover_list = client.get(reverse("admin:articles_article_recoverlist"))
    [deleted] = recover_list.context["deleted"]
    recover_url = reverse("admin:articles_article_recover", args=[deleted.pk])
    assert client.get(recover_url).status_code == 200
    response = client.post(recover_url)

    assert response.status_code == 302
    recovered = Article.objects.get(pk=pk)
    assert (recovered.title, recovered.body) == ("Deleted by mistake", "Worth keeping.")
    assert recovered.status == DRAFT
    assert recovered.byline == [author]


def test_only_those_who_may_delete_may_recover(client):
    sign_in(client, make_user(CONTRIBUTOR))

    assert client.get(reverse("admin:articles_article_recoverlist")).status_code == 403
    assert "Recover deleted" not in client.get(reverse("admin:articles_article_changelist")).text


# No lost edits


def test_the_second_of_two_editors_saving_is_refused_and_keeps_their_text():
    alice = make_user(EDITOR, username="alice", first_name="Alice", last_name="Ng")
    bob = make_user(EDITOR, username="bob")
    article = make_article(
        status=DRAFT, title="Shared story", body="First body.", authors=[make_author()]
    )
    _save(client_for(alice), article, body="First body.")  # a revision to compare against
    alice_client, bob_client = client_for(alice), client_for(bob)
    alices_form = form_data(alice_client.get(change_url(article)))
    bobs_form = form_data(bob_client.get(change_url(article)))

    saved = alice_client.post(change_url(article), {**alices_form, "title": "Alice's headline"})
    refused = bob_client.post(change_url(article), {**bobs_form, "body": "Bob's new body."})

    assert saved.status_code == 302
    assert refused.status_code == 200
    page = refused.text
    assert "Alice Ng saved this article at" in page
    form = refused.context["adminform"].form
    # Alice's change, beside what Bob's form holds for that field.
    assert form.conflict["rows"] == [("Title", "Alice's headline", "Shared story")]
    # Bob's text is still in his form, which is now based on Alice's version.
    assert form_data(refused)["body"] == "Bob's new body."
    article.refresh_from_db()
    assert (article.title, article.body) == ("Alice's headline", "First body.")

    # Bob re-applies Alice's headline and saves again: both edits are in.
    again = bob_client.post(
        change_url(article), {**form_data(refused), "title": "Alice's headline"}
    )

    assert again.status_code == 302
    article.refresh_from_db()
    assert (article.title, article.body) == ("Alice's headline", "Bob's new body.")


def test_a_bulk_transition_makes_an_open_form_stale():
    editor = make_user(EDITOR)
    article = make_article(status=REVIEW, authors=[make_author()])
    client = client_for(editor)
    data = form_data(client.get(change_url(article)))

    workflow.publish(article=article, user=make_user(EDITOR))
    response = client.post(change_url(article), {**data, "title": "Edited on a stale copy"})

    assert response.status_code == 200
    assert response.context["adminform"].form.conflict["rows"]
    article.refresh_from_db()
    assert article.status == PUBLISHED


def test_a_form_without_a_version_is_refused():
    editor = make_user(EDITOR)
    article = make_article(status=DRAFT, authors=[make_author()])
    client = client_for(editor)
    data = form_data(client.get(change_url(article)))
    del data["based_on"]

    response = client.post(change_url(article), {**data, "title": "Forged"})

    assert response.status_code == 200
    article.refresh_from_db()
    assert article.title != "Forged"
