"""Slugs, the one visibility rule (published()) and the database's own guarantees."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from articles.models import Article
from articles.tests.factories import DRAFT, NOW, PUBLISHED, REVIEW, make_article
from authors.tests.factories import make_author

pytestmark = pytest.mark.django_db


def public_titles():
    return set(Article.objects.published().values_list("title", flat=True))


# --- Slugs --------------------------------------------------------------------------------


def test_blank_slug_is_made_from_the_title():
    article = make_article(title="Storm closes the M62, again!")

    assert article.slug == "storm-closes-the-m62-again"
    assert article.get_absolute_url() == "/news/storm-closes-the-m62-again/"


def test_a_given_slug_is_kept():
    article = make_article(title="Storm closes the M62", slug="m62-storm")

    assert article.slug == "m62-storm"


def test_duplicate_slug_is_refused_by_the_database():
    make_article(title="Budget day", slug="budget")

    with pytest.raises(IntegrityError), transaction.atomic():
        make_article(title="Another budget day", slug="budget")


def test_same_title_twice_gets_a_second_slug_and_keeps_the_first_article():
    first = make_article(title="Budget day")

    second = make_article(title="Budget day")

    assert second.slug == "budget-day-2"
    assert Article.objects.get(slug="budget-day") == first


def test_duplicate_slug_fails_model_validation():
    make_article(slug="budget")
    article = Article(title="Budget", slug="budget", body="Words.")

    with pytest.raises(ValidationError) as error:
        article.full_clean()

    assert "slug" in error.value.message_dict


def test_title_without_latin_letters_still_gets_a_usable_slug(client):
    article = make_article(title="Новости дня")

    assert article.slug, "an empty slug cannot be reversed into /news/<slug>/"
    assert client.get("/").status_code == 200
    assert client.get(article.get_absolute_url()).status_code == 200


# --- published(), scheduled() and is_published --------------------------------------------


def test_only_published_articles_whose_time_has_come_are_public(clock):
    make_article(title="Draft", status=DRAFT)
    make_article(title="In review", status=REVIEW, published_at=NOW - timedelta(days=1))
    make_article(title="Scheduled", published_at=NOW + timedelta(minutes=5))
    make_article(title="Live", published_at=NOW - timedelta(minutes=5))
    make_article(title="Exactly now", published_at=NOW)

    assert public_titles() == {"Live", "Exactly now"}
    assert set(Article.objects.scheduled().values_list("title", flat=True)) == {"Scheduled"}


@pytest.mark.parametrize(
    ("status", "offset"),
    [
        (DRAFT, None),
        (DRAFT, timedelta(days=-1)),
        (REVIEW, timedelta(days=-1)),
        (PUBLISHED, timedelta(seconds=1)),
        (PUBLISHED, timedelta(0)),
        (PUBLISHED, timedelta(seconds=-1)),
    ],
)
def test_is_published_agrees_with_the_published_queryset(clock, status, offset):
    published_at = None if offset is None else NOW + offset
    article = make_article(status=status, published_at=published_at)

    in_queryset = Article.objects.published().filter(pk=article.pk).exists()
    assert article.is_published == in_queryset
    assert article.is_scheduled == (status == PUBLISHED and not in_queryset)


def test_scheduled_article_is_not_public_before_its_time(clock):
    article = make_article(title="Embargoed", published_at=NOW + timedelta(hours=2))

    assert "Embargoed" not in public_titles()
    assert not article.is_published
    assert article.is_scheduled


def test_scheduled_article_becomes_public_when_the_clock_passes_its_time(clock):
    article = make_article(title="Embargoed", published_at=NOW + timedelta(hours=2))

    clock.move_to(NOW + timedelta(hours=2, seconds=1))  # nothing is run in between

    assert "Embargoed" in public_titles()
    article.refresh_from_db()
    assert article.is_published
    assert not article.is_scheduled
    assert article.status == PUBLISHED


def test_published_without_a_time_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.create(title="No time", body="Words.", status=PUBLISHED, published_at=None)

    assert not Article.objects.exists()


def test_draft_without_a_time_is_allowed():
    article = make_article(status=DRAFT, published_at=None)

    assert article.pk is not None
    assert not article.is_published


# --- Bylines and updates ------------------------------------------------------------------


def test_byline_follows_authorship_position_not_creation_order():
    first, second, third = (
        make_author(name="Zoe"),
        make_author(name="Adam"),
        make_author(name="Mia"),
    )
    article = make_article(authors=[first, second, third])

    article = Article.objects.for_listing().get(pk=article.pk)

    assert [author.name for author in article.byline] == ["Zoe", "Adam", "Mia"]


@pytest.mark.parametrize(
    ("updated_offset", "expected"),
    [
        (None, False),
        (timedelta(0), False),
        (timedelta(hours=-1), False),
        (timedelta(hours=1), True),
    ],
)
def test_was_updated_only_when_updated_after_publication(updated_offset, expected):
    published_at = NOW - timedelta(days=1)
    updated_at = None if updated_offset is None else published_at + updated_offset
    article = make_article(published_at=published_at, updated_at=updated_at)

    assert article.was_updated is expected
