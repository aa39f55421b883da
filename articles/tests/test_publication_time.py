"""One rule for the publication time, whichever channel publishes.

Publishing a story whose time is empty or already past sends it out now; a future time
schedules it; saving a story that is already published keeps its time. The workflow
service, the change form, the bulk action and a hand-made POST to the change form must
all give the same answer.
"""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from articles import workflow
from articles.roles import EDITOR
from articles.tests.admin_forms import change_url, form_data
from articles.tests.factories import DRAFT, PUBLISHED, REVIEW, make_article, make_user, sign_in
from authors.tests.factories import make_author

pytestmark = pytest.mark.django_db

NOW = datetime(2025, 3, 10, 9, 30, tzinfo=UTC)
EARLIER = NOW - timedelta(days=3)
LATER = NOW + timedelta(days=1)


def _by_service(client, user, article):
    workflow.publish(article=article, user=user)


def _by_form(client, user, article):
    data = form_data(client.get(change_url(article)))
    response = client.post(change_url(article), {**data, "status": PUBLISHED})
    assert response.status_code == 302, response.context["adminform"].form.errors


def _by_bulk_action(client, user, article):
    client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish", "_selected_action": [article.pk]},
    )


def _time_fields(when):
    if when is None:
        return {}
    local = timezone.localtime(when)
    return {"published_at_0": local.strftime("%Y-%m-%d"), "published_at_1": local.strftime("%T")}


def hand_made_post(article, **changes):
    """The change form's POST written by hand, as a script (or a forger) would send it."""
    [authorship] = article.authorships.all()
    return {
        "title": article.title,
        "slug": article.slug,
        "body": article.body,
        "status": article.status,
        "based_on": article.edit_version,
        **_time_fields(article.published_at),
        "authorships-TOTAL_FORMS": "1",
        "authorships-INITIAL_FORMS": "1",
        "authorships-0-id": authorship.pk,
        "authorships-0-article": article.pk,
        "authorships-0-author": authorship.author_id,
        "authorships-0-position": authorship.position,
        **{f"{inline}-{count}_FORMS": "0" for inline in ("corrections", "preview_links")
           for count in ("TOTAL", "INITIAL")},
        **changes,
    }  # fmt: skip


def _by_hand_made_post(client, user, article):
    response = client.post(change_url(article), hand_made_post(article, status=PUBLISHED))
    assert response.status_code == 302, response.context["adminform"].form.errors


CHANNELS = {
    "service": _by_service,
    "form": _by_form,
    "bulk action": _by_bulk_action,
    "hand-made POST": _by_hand_made_post,
}
STARTING_TIMES = [
    pytest.param(EARLIER, NOW, id="a past time goes out now"),
    pytest.param(None, NOW, id="no time goes out now"),
    pytest.param(LATER, LATER, id="a future time schedules it"),
]


@pytest.mark.parametrize("status", [DRAFT, REVIEW])
@pytest.mark.parametrize(("published_at", "expected"), STARTING_TIMES)
@pytest.mark.parametrize("channel", CHANNELS)
def test_every_channel_gives_a_story_it_publishes_the_same_time(
    client, channel, published_at, expected, status
):
    with time_machine.travel(NOW, tick=False):
        editor = make_user(EDITOR)
        article = make_article(status=status, published_at=published_at, authors=[make_author()])
        sign_in(client, editor)

        CHANNELS[channel](client, editor, article)

        article.refresh_from_db()
        assert article.status == PUBLISHED
        assert article.published_at == expected
        assert article.is_scheduled is (expected > NOW)


def _resave_by_form(client, article):
    data = form_data(client.get(change_url(article)))
    return client.post(change_url(article), {**data, "title": "A sharper headline"})


def _resave_by_hand_made_post(client, article):
    return client.post(change_url(article), hand_made_post(article, title="A sharper headline"))


@pytest.mark.parametrize("resave", [_resave_by_form, _resave_by_hand_made_post])
@pytest.mark.parametrize("published_at", [EARLIER, LATER], ids=["live", "scheduled"])
def test_saving_a_published_story_again_keeps_its_time(client, resave, published_at):
    with time_machine.travel(NOW, tick=False):
        article = make_article(status=PUBLISHED, published_at=published_at, authors=[make_author()])
        sign_in(client, make_user(EDITOR))

        response = resave(client, article)

        assert response.status_code == 302, response.context["adminform"].form.errors
        article.refresh_from_db()
        assert (article.title, article.published_at) == ("A sharper headline", published_at)


def test_an_editor_reschedules_a_published_story_in_the_form(client):
    with time_machine.travel(NOW, tick=False):
        article = make_article(status=PUBLISHED, published_at=EARLIER, authors=[make_author()])
        sign_in(client, make_user(EDITOR))

        response = client.post(change_url(article), hand_made_post(article, **_time_fields(LATER)))

        assert response.status_code == 302, response.context["adminform"].form.errors
        article.refresh_from_db()
        assert article.published_at == LATER
        assert article.is_scheduled


def test_the_form_says_what_the_publication_time_does(client):
    sign_in(client, make_user(EDITOR))

    page = client.get(change_url(make_article(status=DRAFT, authors=[make_author()]))).text

    assert "a time already past, publishes now; a future time schedules the article" in page
