"""A library photo's correction or removal reaches readers at once: the pages of the
stories that place it, cached ones included, and search."""

import re

import pytest
from django.test import Client

from articles import body, photos
from articles.roles import EDITOR
from articles.tests.factories import make_article, make_photo, make_user, placed

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_url")]


def found(client, q):
    """The headlines a search finds, and the snippets it prints."""
    page = client.get("/search/", {"q": q}).content.decode()
    headlines = re.findall(r'class="card__title"><a href="[^"]+">([^<]+)</a>', page)
    snippets = re.findall(r'<p class="card__standfirst card__snippet">(.*?)</p>', page, re.S)
    return headlines, " ".join(snippets)


def test_a_corrected_credit_is_not_hidden_by_the_page_cache():
    photo = make_photo(credit="Wrong Agency")
    story = make_article(body=placed(photo), body_format=body.HTML)
    reader = Client()
    assert "(Wrong Agency)" in reader.get(story.get_absolute_url()).text  # now cached

    photo.credit = "Right Agency"
    photos.save_photo(photo=photo, user=make_user(EDITOR))

    page = reader.get(story.get_absolute_url()).text
    assert "(Right Agency)" in page
    assert "Wrong Agency" not in page


def test_a_corrected_credit_shows_on_the_story_page_and_in_search(client):
    photo = make_photo(credit="Bo Fieldmark")
    story = make_article(
        title="Quay reopens", body=f"<p>Boats are back.</p>{placed(photo)}", body_format=body.HTML
    )
    assert found(client, "fieldmark")[0] == ["Quay reopens"]

    photo.credit = "Ann Lenswright"
    photos.save_photo(photo=photo, user=make_user(EDITOR))

    assert "(Ann Lenswright)" in client.get(story.get_absolute_url()).text
    assert found(client, "lenswright")[0] == ["Quay reopens"]
    assert found(client, "fieldmark")[0] == []


def test_a_removed_photo_captioned_with_a_name_is_no_longer_found_nor_quoted(client):
    photo = make_photo(caption="Mara Quistorp, who told us of the plan, at the quay.")
    make_article(
        title="Council plan leaked",
        body=f"<p>The council met at dawn.</p>{placed(photo)}",
        body_format=body.HTML,
    )
    assert found(client, "quistorp")[0] == ["Council plan leaked"]
    assert "Quistorp" in found(client, "council")[1]  # the caption is quoted in the snippet

    photos.delete_photo(photo=photo)

    assert found(client, "quistorp")[0] == []
    headlines, snippets = found(client, "council")
    assert headlines == ["Council plan leaked"]
    assert "Quistorp" not in snippets
