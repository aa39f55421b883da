"""Autosave: a copy of the form kept every few seconds, offered back, never a save itself."""

import re

import pytest
from django.urls import reverse

from articles import autosave, body
from articles.models import Article, Autosave
from articles.roles import CONTRIBUTOR, EDITOR
from articles.tests.admin_forms import change_url, form_data
from articles.tests.factories import DRAFT, client_for, make_article, make_user
from authors.tests.factories import make_author

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:articles_article_add")


def _autosave_url(article=None):
    if article is None:
        return reverse("admin:articles_article_autosave_new")
    return reverse("admin:articles_article_autosave", args=[article.pk])


def _autosave(client, article=None, **fields):
    data = {"title": "", "standfirst": "", "body": "", **fields}
    if article is not None:
        data.setdefault("based_on", article.edit_version)
    return client.post(_autosave_url(article), data)


def _draft(**fields):
    fields.setdefault("body", "Saved words.")
    return make_article(status=DRAFT, authors=[make_author()], **fields)


def test_an_autosave_keeps_a_copy_and_leaves_the_article_alone():
    editor = make_user(EDITOR)
    article = _draft(title="Saved title")
    version = article.edit_version

    response = _autosave(
        client_for(editor), article, title="Typed title", body="<p>Typed words, not saved.</p>"
    )

    assert response.status_code == 200
    assert response.json()["words"] == 4
    assert response.json()["minutes"] == 1
    article.refresh_from_db()
    assert (article.title, article.body, article.edit_version) == (
        "Saved title",
        "Saved words.",
        version,
    )
    copy = Autosave.objects.get(article=article, user=editor)
    assert copy.body == "<p>Typed words, not saved.</p>"
    assert copy.based_on == version


def test_each_editor_has_their_own_copy_and_a_new_story_has_one_too():
    first, second = make_user(EDITOR), make_user(EDITOR)
    article = _draft()

    _autosave(client_for(first), article, body="<p>First's words.</p>")
    _autosave(client_for(second), article, body="<p>Second's words.</p>")
    _autosave(client_for(first), article, body="<p>First's later words.</p>")
    _autosave(client_for(first), title="A story not saved yet", body="<p>New.</p>")

    copies = {(c.user_id, c.article_id): c.body for c in Autosave.objects.all()}
    assert copies == {
        (first.pk, article.pk): "<p>First's later words.</p>",
        (second.pk, article.pk): "<p>Second's words.</p>",
        (first.pk, None): "<p>New.</p>",
    }


def test_an_autosaved_body_is_sanitised():
    editor = make_user(EDITOR)

    _autosave(client_for(editor), _draft(), body='<p onclick="x()">Hi</p><script>alert(1)</script>')

    assert Autosave.objects.get().body == "<p>Hi</p>"


def test_autosave_asks_the_workflow_who_may_edit():
    writer = make_user(CONTRIBUTOR)
    someone_elses = _draft()

    response = _autosave(client_for(writer), someone_elses, body="<p>Mine now?</p>")

    assert response.status_code == 403
    assert "may not edit" in response.json()["error"]
    assert not Autosave.objects.exists()


def test_autosave_needs_the_csrf_token_and_a_post():
    editor = make_user(EDITOR)
    article = _draft()
    client = client_for(editor, enforce_csrf_checks=True)

    assert _autosave(client, article, body="<p>x</p>").status_code == 403
    assert client.get(_autosave_url(article)).status_code == 405
    assert not Autosave.objects.exists()


def test_autosave_refuses_bad_input_in_words():
    editor = make_user(EDITOR)
    article = _draft()

    no_version = client_for(editor).post(_autosave_url(article), {"body": "<p>x</p>"})
    too_long = _autosave(client_for(editor), article, body="x" * (autosave.MAX_BODY_CHARS + 1))

    assert no_version.status_code == 400
    assert "version" in no_version.json()["error"]
    assert too_long.status_code == 400
    assert "too long" in too_long.json()["error"]


@pytest.mark.parametrize(
    "based_on",
    [
        "99999999999999999999",  # wider than any column: an OverflowError
        "2147483648",  # one past PostgreSQL's integer
        "9" * 5000,  # more digits than int() reads
        "²",  # a digit to str.isdigit(), not to int()
        "١٢",  # Arabic-Indic digits: not what the form sends
        "-1",
    ],
)
def test_a_version_number_out_of_range_is_a_400_in_words(based_on):
    article = _draft()

    response = _autosave(client_for(make_user(EDITOR)), article, body="<p>x</p>", based_on=based_on)

    assert response.status_code == 400
    assert "version" in response.json()["error"]
    assert not Autosave.objects.exists()


def test_the_largest_version_a_story_can_have_is_kept():
    article = _draft()

    _autosave(client_for(make_user(EDITOR)), article, body="<p>x</p>", based_on="2147483647")

    assert Autosave.objects.get().based_on == 2_147_483_647


def test_autosave_of_an_article_that_is_gone_is_a_404():
    editor = make_user(EDITOR)

    response = client_for(editor).post(
        reverse("admin:articles_article_autosave", args=[999999]), {"based_on": 1}
    )

    assert response.status_code == 404


def test_reopening_the_form_offers_the_copy_with_its_time_beside_the_saved_version():
    editor = make_user(EDITOR)
    article = _draft(title="Saved title")
    _autosave(client_for(editor), article, title="Typed title", body="<p>Typed, never saved.</p>")

    page = client_for(editor).get(change_url(article)).content.decode()

    offer = page[page.index('<section class="desk-recovery"') : page.index('form="desk-discard"')]
    assert re.search(r"You have unsaved text from \d+ \w+ \d{4}, \d\d:\d\d:\d\d", offer)
    assert "Typed, never saved." in offer
    assert "Saved words." in offer  # the saved version beside it
    assert "?autosave=restore" in offer


def test_restoring_opens_the_form_on_the_copy():
    editor = make_user(EDITOR)
    article = _draft(title="Saved title")
    _autosave(client_for(editor), article, title="Typed title", body="<p>Typed, never saved.</p>")

    data = form_data(client_for(editor).get(change_url(article) + "?autosave=restore"))

    assert data["title"] == "Typed title"
    assert data["body"] == "<p>Typed, never saved.</p>"
    assert data["based_on"] == str(article.edit_version)


def test_saving_the_form_forgets_the_copy_and_keeps_the_text():
    editor = make_user(EDITOR)
    article = _draft()
    client = client_for(editor)
    _autosave(client, article, title="Typed title", body="<p>Typed.</p>")

    data = form_data(client.get(change_url(article) + "?autosave=restore"))
    response = client.post(change_url(article), data)

    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.title, article.body, article.body_format) == (
        "Typed title",
        "<p>Typed.</p>",
        body.HTML,
    )
    assert not Autosave.objects.exists()
    assert "desk-recovery" not in client.get(change_url(article)).content.decode()


def test_two_editors_autosaves_never_overwrite_a_real_save():
    first, second = make_user(EDITOR, first_name="Fay"), make_user(EDITOR, first_name="Sam")
    article = _draft(title="Version one")
    one, two = client_for(first), client_for(second)
    first_form = form_data(one.get(change_url(article)))
    second_form = form_data(two.get(change_url(article)))

    # Both write; both forms autosave. Then the second editor saves for real.
    _autosave(one, article, title="Fay's copy", body="<p>Fay's text.</p>")
    _autosave(two, article, title="Sam's copy", body="<p>Sam's text.</p>")
    saved = two.post(change_url(article), {**second_form, "title": "Sam saved this"})
    assert saved.status_code == 302
    # The first editor's form goes on autosaving: it still changes nothing.
    late = _autosave(
        one, article, title="Fay's later copy", body="<p>More.</p>", based_on=first_form["based_on"]
    )
    assert "Sam" in late.json()["warning"]
    article.refresh_from_db()
    assert article.title == "Sam saved this"

    # Restoring the copy opens a form based on the version it was written from, so
    # saving it over Sam's save is refused with the differences shown.
    restored = form_data(one.get(change_url(article) + "?autosave=restore"))
    assert restored["based_on"] == first_form["based_on"]
    refused = one.post(change_url(article), restored)

    assert refused.status_code == 200
    assert refused.context["conflict"]["message"].startswith("Sam saved this article")
    article.refresh_from_db()
    assert article.title == "Sam saved this"
    assert Article.objects.get(pk=article.pk).body == "<p>Saved words.</p>"  # as Sam saved it
    # Nothing was lost: Fay's copy is still there for her to reapply.
    assert Autosave.objects.get(user=first).title == "Fay's later copy"


def test_a_copy_that_matches_the_saved_article_is_not_offered():
    editor = make_user(EDITOR)
    article = _draft(title="Same", standfirst="", body="<p>Same.</p>", body_format=body.HTML)
    _autosave(client_for(editor), article, title="Same", body="<p>Same.</p>")

    assert autosave.offered(user=editor, article=article) is None


def test_a_new_story_copy_is_offered_on_the_add_form_and_can_be_dropped():
    editor = make_user(EDITOR)
    client = client_for(editor)
    _autosave(client, title="Not saved yet", body="<p>The first lines.</p>")

    page = client.get(ADD_URL).content.decode()
    assert "You have unsaved text from" in page
    assert "The first lines." in page
    restored = form_data(client.get(ADD_URL + "?autosave=restore"))
    assert restored["title"] == "Not saved yet"

    response = client.post(reverse("admin:articles_article_autosave_discard_new"))
    assert response.status_code == 302
    assert not Autosave.objects.exists()


def test_a_writer_cannot_read_another_users_copy_back():
    writer, editor = make_user(CONTRIBUTOR), make_user(EDITOR)
    article = _draft(created_by=writer)
    _autosave(client_for(editor), article, title="Editor's copy", body="<p>Editor's words.</p>")

    page = client_for(writer).get(change_url(article)).content.decode()

    assert "Editor's words." not in page
