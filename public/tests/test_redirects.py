"""Slug changes never break links: a published article's old addresses answer 301, for good."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from reversion.models import Version

from articles import workflow
from articles.models import Article, SlugRedirect
from articles.roles import AUTHOR, EDITOR
from articles.tests.admin_forms import change_url, form_data
from articles.tests.factories import DRAFT, PUBLISHED, make_article, make_user, sign_in
from authors.tests.factories import make_author

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client():
    client = Client()
    sign_in(client, make_user(EDITOR))
    return client


def _rename(client, article, slug):
    data = form_data(client.get(change_url(article)))
    response = client.post(change_url(article), {**data, "slug": slug})
    assert response.status_code == 302, response.context["adminform"].form.errors
    article.refresh_from_db()


def _move(article, slug):
    """Change a published story's slug through the service, as a form save does."""
    previous = Article.objects.get(pk=article.pk)
    article.slug = slug
    workflow.save_article(article=article, user=make_user(EDITOR), previous=previous)


def test_an_old_address_of_a_published_article_redirects_for_good(client, editor_client):
    article = make_article(status=PUBLISHED, slug="first-slug", authors=[make_author()])

    _rename(editor_client, article, "better-slug")

    response = client.get("/news/first-slug/")
    assert response.status_code == 301
    assert response["Location"] == "/news/better-slug/"


def test_every_old_address_leads_to_the_current_one_after_several_changes(client, editor_client):
    article = make_article(status=PUBLISHED, slug="one", authors=[make_author()])
    _rename(editor_client, article, "two")
    _rename(editor_client, article, "three")

    assert client.get("/news/one/")["Location"] == "/news/three/"
    assert client.get("/news/two/")["Location"] == "/news/three/"
    assert client.get("/news/three/").status_code == 200


def test_a_live_article_that_reuses_an_old_slug_wins(client, editor_client):
    """The workflow refuses that slug now; one saved before the rule, or by an import,
    is served at its address."""
    moved = make_article(status=PUBLISHED, slug="election", authors=[make_author()])
    _rename(editor_client, moved, "election-2024")

    make_article(
        status=PUBLISHED, slug="election", title="The next election", authors=[make_author()]
    )

    response = client.get("/news/election/")
    assert response.status_code == 200
    assert "The next election" in response.text


def test_an_author_cannot_give_their_story_another_storys_old_address(client, editor_client):
    first = make_article(status=PUBLISHED, slug="budget", authors=[make_author()])
    _rename(editor_client, first, "budget-2024")
    author = make_user(AUTHOR)
    mine = make_article(
        status=PUBLISHED, slug="my-story", title="Mine", authors=[make_author(user=author)]
    )
    author_client = sign_in(Client(), author)
    data = form_data(author_client.get(change_url(mine)))

    response = author_client.post(change_url(mine), {**data, "slug": "budget", "title": "Mine!"})

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert errors["slug"] == [
        "The address /news/budget/ belonged to another story and still leads to it: "
        "choose another slug."
    ]
    assert 'value="Mine!"' in response.text  # the rest of the form is kept to save again
    mine.refresh_from_db()
    assert (mine.slug, mine.title) == ("my-story", "Mine")
    assert client.get("/news/budget/")["Location"] == "/news/budget-2024/"


def test_the_service_refuses_another_storys_old_address_too():
    first = make_article(status=PUBLISHED, slug="budget", authors=[make_author()])
    _move(first, "budget-2024")
    new = Article(title="Budget again", slug="budget", body="Words.", status=DRAFT)

    with pytest.raises(workflow.AddressTaken):
        workflow.save_article(article=new, user=make_user(EDITOR))

    assert not Article.objects.filter(slug="budget").exists()
    assert SlugRedirect.objects.get(old_slug="budget").article == first


def test_a_redirect_made_before_the_rule_stays_with_its_story(client, editor_client):
    """A story that took another's old address before (a typed slug, an import) and moves
    on leaves that address to the story it redirected to."""
    first = make_article(status=PUBLISHED, slug="budget", authors=[make_author()])
    _rename(editor_client, first, "budget-2024")
    second = make_article(status=PUBLISHED, slug="budget", authors=[make_author()])

    _rename(editor_client, second, "budget-2025")

    assert client.get("/news/budget/")["Location"] == "/news/budget-2024/"


def test_a_story_may_take_back_its_own_old_address(client, editor_client):
    article = make_article(status=PUBLISHED, slug="one", authors=[make_author()])
    _rename(editor_client, article, "two")

    _rename(editor_client, article, "one")

    assert client.get("/news/one/").status_code == 200  # its page, not a redirect to itself
    assert client.get("/news/two/")["Location"] == "/news/one/"
    assert list(SlugRedirect.objects.values_list("old_slug", flat=True)) == ["two"]
    _rename(editor_client, article, "three")
    assert client.get("/news/one/")["Location"] == "/news/three/"
    assert client.get("/news/two/")["Location"] == "/news/three/"


def test_a_new_story_named_like_an_old_address_gets_a_slug_of_its_own():
    first = make_article(status=PUBLISHED, slug="budget", authors=[make_author()])
    _move(first, "budget-2024")

    story = make_article(title="Budget", slug="")

    assert story.slug == "budget-2"


def test_renaming_a_draft_leaves_no_redirect(editor_client):
    article = make_article(status=DRAFT, slug="working-title", authors=[make_author()])

    _rename(editor_client, article, "final-title")

    assert not SlugRedirect.objects.exists()


def test_an_unpublished_article_is_not_reached_through_an_old_address(client, editor_client):
    article = make_article(status=PUBLISHED, slug="retracted", authors=[make_author()])
    _rename(editor_client, article, "retracted-story")

    workflow.unpublish(article=article, user=make_user(EDITOR))

    assert client.get("/news/retracted/").status_code == 404


def test_restoring_an_older_slug_keeps_the_live_address_working(client, editor_client):
    article = make_article(status=PUBLISHED, slug="original", authors=[make_author()])
    _rename(editor_client, article, "original")  # a first revision, at the old slug
    first = Version.objects.get_for_object(article).first()
    _rename(editor_client, article, "renamed")
    restore_url = reverse("admin:articles_article_revision", args=[article.pk, first.pk])

    compare = editor_client.get(restore_url, follow=True)
    editor_client.post(restore_url, form_data(compare, form_id="restore_form"))

    article.refresh_from_db()
    assert article.slug == "original"
    assert client.get("/news/renamed/")["Location"] == "/news/original/"


def test_a_normal_article_page_never_looks_for_redirects(client):
    article = make_article(status=PUBLISHED, authors=[make_author()])

    with CaptureQueriesContext(connection) as queries:
        assert client.get(article.get_absolute_url()).status_code == 200

    assert not any("slugredirect" in query["sql"] for query in queries)


def test_an_unknown_address_is_still_a_404(client):
    assert client.get("/news/never-was/").status_code == 404


def test_restoring_another_storys_old_address_is_refused(editor_client):
    draft = make_article(status=DRAFT, slug="harbour", authors=[make_author()])
    _rename(editor_client, draft, "harbour")  # a first revision, at that slug
    first = Version.objects.get_for_object(draft).first()
    _rename(editor_client, draft, "harbour-draft")  # a draft's rename leaves no redirect
    other = make_article(status=PUBLISHED, slug="harbour", authors=[make_author()])
    _move(other, "harbour-wall")

    with pytest.raises(workflow.AddressTaken):
        workflow.restore_revision(
            article=draft, version=first, user=make_user(EDITOR), based_on=draft.edit_version
        )

    draft.refresh_from_db()
    assert draft.slug == "harbour-draft"
    assert SlugRedirect.objects.get(old_slug="harbour").article == other
