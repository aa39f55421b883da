"""Previews: staff see unpublished articles on the public template; a link shares one."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from articles import workflow
from articles.models import Article, PreviewLink
from articles.roles import CONTRIBUTOR, EDITOR
from articles.tests.admin_forms import change_url, form_data
from articles.tests.factories import DRAFT, PUBLISHED, make_article, make_user, sign_in
from authors.tests.factories import make_author

pytestmark = pytest.mark.django_db


def _assert_private_preview(response):
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Robots-Tag"] == "noindex"
    page = response.text
    assert '<meta name="robots" content="noindex">' in page
    assert 'class="preview-banner"' in page
    assert ">Preview<" in page


def test_staff_preview_a_draft_on_the_article_template(client):
    article = make_article(
        status=DRAFT, title="Harbour plans", body="The harbour will grow.", authors=[make_author()]
    )
    sign_in(client, make_user(CONTRIBUTOR))

    response = client.get(article.get_preview_url())

    _assert_private_preview(response)
    assert "articles/article_detail.html" in [t.name for t in response.templates]
    assert "The harbour will grow." in response.text
    assert "Draft: readers cannot see this article." in response.text


def test_a_scheduled_article_preview_says_when_it_appears(client):
    article = make_article(
        status=PUBLISHED, published_at=timezone.now() + timedelta(days=1), authors=[make_author()]
    )
    sign_in(client, make_user(EDITOR))

    response = client.get(article.get_preview_url())

    _assert_private_preview(response)
    assert "Scheduled for <time" in response.text


def test_anonymous_readers_get_a_404_from_the_staff_preview(client):
    article = make_article(status=DRAFT, authors=[make_author()])

    assert client.get(article.get_preview_url()).status_code == 404


def test_staff_without_a_newsroom_role_get_a_404(client):
    sign_in(client, make_user())
    draft = make_article(status=DRAFT, authors=[make_author()])

    assert client.get(draft.get_preview_url()).status_code == 404


def test_a_preview_link_shows_the_article_to_anyone_while_active(client):
    article = make_article(status=DRAFT, title="Embargoed report", authors=[make_author()])
    link = workflow.create_preview_link(article=article, user=make_user(EDITOR))

    response = client.get(reverse("preview_link", args=[link.token]))

    _assert_private_preview(response)
    assert "Embargoed report" in response.text
    assert "This preview link works until" in response.text
    assert len(link.token) >= 43  # secrets.token_urlsafe(32)


def test_a_preview_link_expires_after_48_hours_by_default(client):
    link = workflow.create_preview_link(
        article=make_article(status=DRAFT, authors=[make_author()]), user=make_user(EDITOR)
    )
    url = reverse("preview_link", args=[link.token])

    with time_machine.travel(timezone.now() + timedelta(hours=47), tick=False):
        assert client.get(url).status_code == 200
    with time_machine.travel(timezone.now() + timedelta(hours=48, seconds=1), tick=False):
        assert client.get(url).status_code == 404


def test_a_revoked_preview_link_is_a_404(client):
    link = workflow.create_preview_link(
        article=make_article(status=DRAFT, authors=[make_author()]), user=make_user(EDITOR)
    )
    link.revoked_at = timezone.now()
    link.save()

    assert client.get(reverse("preview_link", args=[link.token])).status_code == 404


def test_an_unknown_token_is_a_404(client):
    assert client.get(reverse("preview_link", args=["not-a-token"])).status_code == 404


def test_previews_are_never_served_from_the_page_cache(client):
    article = make_article(status=DRAFT, title="First headline", authors=[make_author()])
    link = workflow.create_preview_link(article=article, user=make_user(EDITOR))
    url = reverse("preview_link", args=[link.token])
    client.get(url)

    # An update that sends no signal, so nothing would empty a cache.
    Article.objects.filter(pk=article.pk).update(title="Second headline")

    assert "Second headline" in client.get(url).text


def test_an_editor_makes_and_revokes_a_preview_link_in_the_admin(client, settings):
    settings.SITE_URL = "http://testserver"
    editor = make_user(EDITOR)
    article = make_article(status=DRAFT, authors=[make_author()])
    sign_in(client, editor)
    data = form_data(client.get(change_url(article)))
    expiry = timezone.localtime() + timedelta(hours=6)

    response = client.post(
        change_url(article),
        {
            **data,
            "preview_links-TOTAL_FORMS": "1",
            "preview_links-0-article": article.pk,
            "preview_links-0-expires_at_0": expiry.strftime("%d/%m/%Y"),
            "preview_links-0-expires_at_1": expiry.strftime("%H:%M:%S"),
        },
    )

    assert response.status_code == 302
    link = PreviewLink.objects.get(article=article)
    assert link.created_by == editor
    assert abs(link.expires_at - expiry) < timedelta(seconds=1)
    page = client.get(change_url(article)).text
    assert f"http://testserver/preview/{link.token}/" in page

    data = form_data(client.get(change_url(article)))
    client.post(change_url(article), {**data, "preview_links-0-revoke": "on"})

    link.refresh_from_db()
    assert link.revoked_at is not None
    assert client.get(reverse("preview_link", args=[link.token])).status_code == 404
