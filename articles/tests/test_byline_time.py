"""A byline keeps its article's publication time, whatever wrote either.

The copy is what an author's page walks (the `byline_author_newest` index): a byline left
with an old time would put the story in the wrong place on its author's page, or leave a
gap in "Show More". The visibility rule stays the article's own.
"""

from datetime import timedelta

import pytest
import reversion
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from reversion.models import Version

from articles import workflow
from articles.models import Article, Authorship
from articles.roles import EDITOR
from articles.tests.admin_forms import change_url, form_data
from articles.tests.factories import DRAFT, NOW, bulk_articles, make_article, make_user, sign_in
from authors.tests.factories import make_author

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock")]


def byline_times(article):
    return set(Authorship.objects.filter(article=article).values_list("published_at", flat=True))


def test_a_new_byline_takes_its_articles_time():
    article = make_article(authors=[make_author(), make_author()])

    assert byline_times(article) == {article.published_at}


def test_a_draft_has_no_time_and_its_bylines_none_either():
    article = make_article(status=DRAFT, authors=[make_author()])

    assert byline_times(article) == {None}


def test_publishing_and_rescheduling_move_the_bylines_with_the_article():
    editor = make_user(EDITOR)
    article = make_article(status=DRAFT, authors=[make_author()])

    workflow.publish(article=article, user=editor)
    assert byline_times(article) == {NOW}

    later = NOW + timedelta(days=2)
    workflow.publish(article=article, user=editor, at=later)
    assert byline_times(article) == {later}


def test_a_save_of_other_fields_leaves_the_bylines_alone():
    article = make_article(authors=[make_author()])

    article.title = "A better headline"
    with CaptureQueriesContext(connection) as queries:
        article.save(update_fields=["title"])

    assert queries.captured_queries
    assert not [q for q in queries.captured_queries if 'UPDATE "articles_authorship"' in q["sql"]]


def test_bylines_made_in_bulk_copy_their_articles_times_in_one_query(
    django_assert_num_queries,
):
    articles = bulk_articles(3, newest=NOW - timedelta(hours=1))
    author = make_author()

    with django_assert_num_queries(2):  # the articles' times, then the INSERT
        Authorship.objects.bulk_create(Authorship(article=a, author=author) for a in articles)

    assert {a.pk: byline_times(a) for a in articles} == {a.pk: {a.published_at} for a in articles}


def test_the_admin_form_publishing_with_a_new_byline_gives_it_the_time(client):
    editor = make_user(EDITOR)
    author = make_author(name="Ann Lee")
    article = make_article(status=DRAFT, title="Harbour wall repaired")
    sign_in(client, editor)
    data = form_data(client.get(change_url(article)))
    data.update(
        {
            "status": "published",
            "published_at_0": "",
            "published_at_1": "",
            "authorships-TOTAL_FORMS": "1",
            "authorships-0-author": str(author.pk),
            "authorships-0-position": "0",
        }
    )

    response = client.post(change_url(article), data)

    assert response.status_code == 302, response.content.decode()[:2000]
    article.refresh_from_db()
    assert article.published_at == timezone.now()
    assert byline_times(article) == {article.published_at}


def test_restoring_a_revision_keeps_the_bylines_time_in_step():
    editor = make_user(EDITOR)
    author = make_author()
    article = make_article(authors=[author], published_at=NOW - timedelta(days=3))
    with reversion.create_revision():
        workflow.save_article(
            article=article, user=editor, previous=Article.objects.get(pk=article.pk)
        )
    version = Version.objects.get_for_object(article).first()
    workflow.publish(article=article, user=editor, at=NOW + timedelta(days=1))

    workflow.restore_revision(
        article=article, version=version, user=editor, based_on=article.edit_version
    )

    article.refresh_from_db()
    assert byline_times(article) == {article.published_at}
