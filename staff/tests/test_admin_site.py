"""The admin site's own pages, as a signed-in member of staff sees them."""

import re

import pytest
from django.urls import reverse

from articles.roles import EDITOR
from articles.tests.factories import client_for, make_user

pytestmark = pytest.mark.django_db


def test_the_your_account_links_give_the_page_valid_ids():
    page = client_for(make_user(EDITOR)).get(reverse("admin:index")).text

    ids = re.findall(r'\bid="([^"]*)"', page)
    assert "your_account-two-factor-sign-in" in ids
    assert [value for value in ids if re.search(r"\s", value) or not value] == []
