"""The preview beside the admin's form: the journalist's autosaved copy, as readers see it."""

import pytest
from django.test import Client
from django.urls import reverse

from articles import autosave, body
from articles.roles import CONTRIBUTOR, EDITOR
from articles.tests.factories import DRAFT, client_for, make_article, make_photo, make_user, placed
from articles.tests.xss_payloads import PAYLOADS, dangerous

pytestmark = pytest.mark.django_db


def _body(html):
    start = html.index('<div class="story__body">')
    return html[start : html.index("</div>", start)]


def test_the_preview_shows_the_autosaved_copy_with_its_photo():
    editor = make_user(EDITOR)
    article = make_article(title="Saved title", status=DRAFT)
    photo = make_photo(credit="Ann Lens")
    autosave.store(
        user=editor,
        article=article,
        title="Typed title",
        standfirst="",
        body=f"<h2>Typed</h2>{placed(photo)}",
        based_on=article.edit_version,
    )

    response = client_for(editor).get(reverse("articles:desk_preview", args=[article.pk]))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Typed title" in page
    assert "<h2>Typed</h2>" in page
    assert "(Ann Lens)" in page
    assert "not saved yet" in page
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]
    assert response["Cache-Control"] == "private, no-store"
    article.refresh_from_db()
    assert article.title == "Saved title"


def test_a_new_story_can_be_previewed_before_its_first_save():
    editor = make_user(EDITOR)
    autosave.store(
        user=editor, article=None, title="Brand new", standfirst="", body="<p>Hi</p>", based_on=None
    )

    page = client_for(editor).get(reverse("articles:desk_preview_new")).content.decode()
    cards = client_for(editor).get(reverse("articles:desk_cards_new")).content.decode()

    assert "Brand new" in page
    assert "/news/brand-new/" in cards


def test_search_and_social_preview_warns_of_long_headlines_and_missing_standfirst():
    editor = make_user(EDITOR)
    article = make_article(title="A headline " * 8, status=DRAFT, standfirst="")

    page = (
        client_for(editor).get(reverse("articles:desk_cards", args=[article.pk])).content.decode()
    )

    assert "the end will be cut" in page
    assert "No standfirst" in page
    assert "No lead image" in page


def test_each_sees_their_own_copy_and_no_one_else_sees_the_preview():
    editor = make_user(EDITOR)
    article = make_article(title="Saved title", status=DRAFT)
    autosave.store(
        user=editor,
        article=article,
        title="Editor's copy",
        standfirst="",
        body="<p>x</p>",
        based_on=article.edit_version,
    )
    url = reverse("articles:desk_preview", args=[article.pk])

    # Staff who may see the story in the admin see it as saved, not another's copy.
    writer_page = client_for(make_user(CONTRIBUTOR)).get(url).content.decode()
    assert "Saved title" in writer_page
    assert "Editor's copy" not in writer_page
    assert Client().get(url).status_code == 302  # to the login page
    assert client_for(make_user()).get(url).status_code == 404  # staff in no role
    assert client_for(make_user()).get(reverse("articles:desk_cards_new")).status_code == 404


def test_no_xss_payload_reaches_the_public_page_the_preview_or_the_admin():
    editor = make_user(EDITOR)
    article = make_article(
        title="Payloads", body="".join(f"<p>{p}</p>" for p in PAYLOADS), body_format=body.HTML
    )
    autosave.store(
        user=editor,
        article=article,
        title="Payloads",
        standfirst="",
        body="".join(PAYLOADS),
        based_on=article.edit_version,
    )
    client = client_for(editor)

    public = Client().get(article.get_absolute_url()).content.decode()
    preview = client.get(reverse("articles:desk_preview", args=[article.pk])).content.decode()
    form = client.get(reverse("admin:articles_article_change", args=[article.pk])).content.decode()
    offer = form[form.index('<section class="desk-recovery"') : form.index('form="desk-discard"')]

    assert dangerous(_body(public)) == []
    assert dangerous(_body(preview)) == []
    assert dangerous(offer) == []
