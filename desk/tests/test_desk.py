"""The admin's home: the signed-in journalist's desk at a glance, one click from each form."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.roles import CONTRIBUTOR, EDITOR
from articles.tests.admin_forms import change_url
from articles.tests.factories import DRAFT, REVIEW, client_for, make_article, make_user

pytestmark = pytest.mark.django_db


def _home(user):
    client = client_for(user)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    return response.content.decode()


def _section(page, key):
    start = page.index(f'desk-overview__list--{key}"')
    return page[start : page.index("</section>", start)]


def test_the_home_shows_drafts_review_scheduled_and_published_today():
    editor = make_user(EDITOR)
    now = timezone.now()
    mine = make_article(title="My draft", status=DRAFT, created_by=editor)
    make_article(title="Someone else's draft", status=DRAFT)
    waiting = make_article(title="Waiting story", status=REVIEW)
    soon = make_article(title="Out tonight", published_at=now + timedelta(hours=3))
    make_article(title="Out next week", published_at=now + timedelta(days=7))
    today = make_article(title="Out this morning", published_at=now - timedelta(minutes=5))

    page = _home(editor)

    drafts, review = _section(page, "drafts"), _section(page, "review")
    scheduled, published = _section(page, "scheduled"), _section(page, "today")
    assert "My draft" in drafts
    assert "Someone else" not in drafts
    assert "Waiting story" in review
    assert "Out tonight" in scheduled
    assert "Out next week" not in scheduled
    assert "Out this morning" in published
    for article, section in (
        (mine, drafts),
        (waiting, review),
        (soon, scheduled),
        (today, published),
    ):
        assert f'href="{change_url(article)}"' in section


def test_a_writer_sees_only_their_own_stories_waiting_for_review():
    writer = make_user(CONTRIBUTOR)
    make_article(title="Mine in review", status=REVIEW, created_by=writer)
    make_article(title="Another in review", status=REVIEW)

    review = _section(_home(writer), "review")

    assert "Mine in review" in review
    assert "Another in review" not in review


def test_staff_who_edit_no_stories_see_the_usual_home():
    page = _home(make_user())

    assert "desk-overview" not in page


def test_the_article_form_saves_and_stays_on_ctrl_s():
    editor = make_user(EDITOR)
    client = client_for(editor)

    page = client.get(change_url(make_article(status=DRAFT))).content.decode()

    assert "admin/desk/shortcuts.js" in page
    assert 'name="_continue"' in page
