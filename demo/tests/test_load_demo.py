"""`manage.py load_demo`: a believable newsroom, loaded once however often it is run.

One test, because loading draws and stores some sixty images: it is checked whole, then
run again to show that nothing is added or redrawn.
"""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db.models import Count, F
from taggit.models import Tag

from articles.models import Article, Authorship, Correction
from authors.models import Author


def counts():
    return {
        "authors": Author.objects.count(),
        "tags": Tag.objects.count(),
        "articles": Article.objects.count(),
        "bylines": Authorship.objects.count(),
        "corrections": Correction.objects.count(),
    }


@pytest.mark.django_db
def test_load_demo_builds_a_newsroom_and_running_it_again_adds_nothing(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    out = io.StringIO()

    call_command("load_demo", stdout=out)

    assert "50 articles (50 new)" in out.getvalue()
    authors = Author.objects.all()
    assert len(authors) >= 8
    assert all(author.avatar and author.role and author.short_bio for author in authors)
    assert Tag.objects.count() >= 12
    assert Tag.objects.filter(slug="politics", name="Politics").exists()

    articles = Article.objects.all()
    assert articles.count() >= 40
    times = articles.exclude(published_at=None).values_list("published_at", flat=True)
    assert max(times) - min(times) >= timedelta(days=20)
    assert articles.filter(status=Article.Status.DRAFT).count() >= 3
    assert articles.filter(status=Article.Status.REVIEW).count() >= 2
    assert Article.objects.scheduled().count() >= 3
    assert articles.filter(updated_at__gt=F("published_at")).count() >= 6
    assert articles.filter(is_featured=True).count() == 2
    assert Correction.objects.count() == 2
    assert {article.reading_minutes for article in articles} >= {1, 2, 3, 4}

    published = Article.objects.filter(status=Article.Status.PUBLISHED)
    published = published.annotate(bylines=Count("authorships")).select_related("primary_tag")
    for article in published:
        assert article.bylines >= 1, article
        assert article.primary_tag, article
        assert article.primary_tag in article.tags.all(), article
        assert article.lead_image, article
        assert (article.lead_image_width, article.lead_image_height) == (1600, 900), article
        assert article.lead_image_alt.strip(), article
        assert article.lead_image_credit, article
    # Bylines keep their order: the first named author is at position 0.
    assert set(Authorship.objects.values_list("position", flat=True)) == {0, 1, 2}

    before = counts()
    images = sorted(path.name for path in tmp_path.rglob("*") if path.is_file())
    out = io.StringIO()

    call_command("load_demo", stdout=out)

    assert "(0 new)" in out.getvalue()
    assert counts() == before
    assert sorted(path.name for path in tmp_path.rglob("*") if path.is_file()) == images
