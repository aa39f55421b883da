"""`manage.py generate_articles`: realistic published stories, set-based, searchable."""

import io
import re
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.models import F
from django.test import Client
from django.utils import timezone

from articles import search_index
from articles.models import Article, Authorship
from articles.text import render_markdown, word_count
from demo import bulk_writes
from demo.story_generator import MAX_WORDS, MIN_WORDS, StoryWriter

pytestmark = pytest.mark.django_db


def generate(**options):
    out = io.StringIO()
    call_command("generate_articles", stdout=out, jobs=1, **options)
    return out.getvalue()


def test_stories_are_published_varied_and_complete():
    output = generate(count=40, per_day=4)
    articles = list(Article.objects.for_page().order_by("-published_at"))
    assert len(articles) == 40
    assert all(article.is_published for article in articles)
    assert len({article.title for article in articles}) > 30
    for article in articles:
        assert MIN_WORDS <= word_count(article.body_html) <= MAX_WORDS + 30
        assert article.body_html == render_markdown(article.body)  # as a save would store
        assert 1 <= len(article.byline) <= 3
        tags = list(article.tags.all())
        assert 1 <= len(tags) <= 4
        assert article.primary_tag in tags
        assert article.standfirst
    # Ten days of four stories a day, newest first and never in the future.
    span = articles[0].published_at - articles[-1].published_at
    assert timedelta(days=8) < span <= timedelta(days=10)
    assert articles[0].published_at <= timezone.now()
    assert "[##############################] 100.0% 40/40 stories" in output
    assert "Generated 40 stories" in output


def test_some_stories_are_updated_or_corrected_and_some_have_pictures(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    generate(count=200, pictures=0.5)
    articles = Article.objects.all()
    assert articles.exclude(updated_at=None).exists()
    assert articles.filter(corrections__isnull=False).exists()
    with_pictures = articles.exclude(lead_photo=None)
    assert 60 < with_pictures.count() < 140
    picture = with_pictures.first().lead_photo
    assert picture.alt_text
    assert (tmp_path / picture.image.name).exists()
    jpegs = picture.renditions["jpeg"]
    assert all((tmp_path / item["name"]).exists() for item in jpegs)


def test_generated_stories_are_searchable_at_once(settings):
    settings.SITE_URL = "https://news.example.org"
    generate(count=30)
    article = Article.objects.first()
    word = max(re.findall(r"[a-z]{6,}", article.title.lower()), key=len, default="council")
    html = Client().get("/search/", {"q": word}).content.decode()
    assert f'href="{article.get_absolute_url()}"' in html


def test_running_twice_adds_more_with_new_addresses():
    generate(count=10)
    generate(count=10, seed=1)
    assert Article.objects.count() == 20
    assert Article.objects.values("slug").distinct().count() == 20


def test_the_same_seed_writes_the_same_text():
    first, second = StoryWriter(5), StoryWriter(5)
    now = timezone.now()
    assert first.story(number=1, published_at=now) == second.story(number=1, published_at=now)


@pytest.mark.parametrize("options", [{"count": 0}, {"count": 5, "pictures": 2}])
def test_nonsense_is_refused(options):
    with pytest.raises(CommandError):
        generate(**options)


def test_the_bylines_carry_their_stories_times():
    generate(count=30)
    assert not Authorship.objects.exclude(published_at=F("article__published_at")).exists()
    assert Authorship.objects.count() >= 30


def search_documents():
    with connection.cursor() as cursor:
        cursor.execute("SELECT article_id, document::text FROM articles_searchdocument")
        return dict(cursor.fetchall())


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL only: its search documents"
)
def test_the_bodies_search_vectors_are_postgresqls_own():
    """The generator works out each body's vector itself; rebuilt by PostgreSQL from the
    stored HTML, every document comes out the same, positions and weights included."""
    generate(count=400)
    written = search_documents()
    search_index.rebuild()
    assert len(written) == 400
    assert search_documents() == written


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL only: a large run's index rebuild"
)
def test_a_large_run_drops_indexes_and_builds_every_one_again():
    """Keys, unique constraints and the tags' lookup stay (a batch needs them); the rest
    come back as they were."""

    def indexes():
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = ANY(%s)",
                [[model._meta.db_table for model in bulk_writes.INDEXES_REBUILT]],
            )
            return dict(cursor.fetchall())

    before = indexes()
    dropped = bulk_writes.drop_secondary_indexes()
    during = indexes()
    bulk_writes.build_indexes(dropped)

    assert "byline_author_newest" in before
    assert {"byline_author_newest", "article_search_document"}.isdisjoint(during)
    assert {"tagged_article_tag", "articles_article_pkey"} <= during.keys()
    assert len(during) + len(dropped) == len(before)
    assert indexes() == before
