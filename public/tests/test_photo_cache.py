"""A library photo's corrected credit reaches readers at once, cached pages included."""

import pytest
from django.test import Client

from articles import body, photos
from articles.roles import EDITOR
from articles.tests.factories import make_article, make_photo, make_user, placed

pytestmark = pytest.mark.django_db


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
