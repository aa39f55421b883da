"""`manage.py load_demo`: a believable newsroom, loaded once however often it is run.

One test loads the real files, because loading stores every drawn photo and its
renditions: it is checked whole, through the pages a reader sees, then run again to show
that nothing is added, changed or redrawn. The others use a one-story sample newsroom.
"""

import io
import re
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count, F
from django.utils import timezone
from taggit.models import Tag

from articles.models import Article, Authorship, Correction, LiveEntry
from authors.models import Author
from demo import loader
from demo.content import DEMO_DIR, read_newsroom
from demo.editions import read_editions
from demo.frontmatter import FrontMatterError
from demo.management.commands import load_demo
from demo.tests.sample import STORY, story_path, write_newsroom
from public.models import Section
from public.tests.pages import element, invalid_datetimes, next_link

pytestmark = pytest.mark.django_db


def snapshot():
    """Every row the loader writes, as it is now."""
    return {
        "authors": list(Author.objects.values_list("slug", "updated_at", "avatar")),
        "tags": list(Tag.objects.values_list("slug", "name")),
        "sections": list(Section.objects.values_list("tag__slug", "position", "label")),
        "articles": list(
            Article.objects.order_by("slug").values_list(
                "slug", "modified_at", "edit_version", "lead_photo", "published_at"
            )
        ),
        "bylines": Authorship.objects.count(),
        "corrections": Correction.objects.count(),
        "live entries": list(LiveEntry.objects.values_list("pk", "modified_at", "photo")),
    }


def stored_files(root):
    return sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file())


def test_load_demo_builds_a_newsroom_and_running_it_again_changes_nothing(client, settings):
    newsroom = read_newsroom()
    stories = len(newsroom.stories) + sum(len(e.stories) for e in read_editions(DEMO_DIR, newsroom))
    out = io.StringIO()

    call_command("load_demo", stdout=out)

    assert f"{stories} articles ({stories} new)" in out.getvalue()
    authors = Author.objects.all()
    assert len(authors) == 8
    assert all(author.avatar and author.avatar_renditions for author in authors)
    assert all(author.role and author.short_bio and author.bio for author in authors)
    assert Tag.objects.count() == 12
    sections = list(Section.objects.for_masthead())
    assert sections[0].tag.name == "Politics"
    assert len(sections) >= 4

    articles = Article.objects.in_edition(settings.LANGUAGE_CODE)
    assert articles.count() >= 150
    times = articles.exclude(published_at=None).values_list("published_at", flat=True)
    assert max(times) - min(times) >= timedelta(weeks=6)
    assert articles.filter(status=Article.Status.DRAFT).count() >= 3
    assert articles.filter(status=Article.Status.REVIEW).count() >= 2
    assert Article.objects.scheduled().count() >= 3
    assert articles.filter(updated_at__gt=F("published_at")).count() >= 6
    assert articles.filter(is_featured=True).count() >= 2
    assert Correction.objects.count() >= 3
    assert {article.reading_minutes for article in articles} >= {1, 2, 3, 4}

    published = Article.objects.filter(status=Article.Status.PUBLISHED)
    published = (
        published.in_edition(settings.LANGUAGE_CODE)
        .annotate(bylines=Count("authorships"))
        .select_related("primary_tag", "lead_photo")
    )
    for article in published:
        assert article.bylines >= 1, article
        assert article.primary_tag in article.tags.all(), article
        photo = article.lead_photo
        assert (photo.width, photo.height) == (1600, 900), article
        assert photo.renditions.get("jpeg"), article
        assert photo.alt_text.strip(), article
        assert photo.credit, article
    # Bylines keep their order: the first named author is at position 0.
    assert set(Authorship.objects.values_list("position", flat=True)) == {0, 1, 2}
    # Photos are shared: far fewer stored than stories that show one.
    assert len(set(published.values_list("lead_photo__image", flat=True))) <= 40

    # A reader meets "Show More" on every kind of list.
    home = client.get("/")
    assert home.status_code == 200
    nav = element(home.content, 'aria-label="Sections"')
    assert '<a href="/tags/politics/">Politics</a>' in nav
    assert next_link(client.get("/news/").content)
    assert next_link(client.get("/tags/politics/").content)
    longer = [a for a in authors if next_link(client.get(a.get_absolute_url()).content)]
    assert len(longer) >= 2

    # The live story runs: LIVE in the news feed, and its page checks for new entries.
    # The Ukrainian edition: its own stories, most of them translations sharing their
    # source's photo, tags and byline; its journalists' and tags' words; its live story.
    ukrainian = Article.objects.in_edition("uk").select_related("translation_of", "lead_photo")
    assert ukrainian.count() >= 30
    translations = [article for article in ukrainian if article.translation_of]
    assert len(translations) >= 25
    for article in translations:
        source = article.translation_of
        assert source.language == settings.LANGUAGE_CODE
        assert article.lead_photo_id == source.lead_photo_id
        assert article.lead_photo.caption_uk, article
        assert article.lead_photo.alt_text_uk, article
        assert set(article.tags.all()) == set(source.tags.all()), article
        assert article.byline == source.byline, article
        assert article.source_version == source.text_version
    assert all(author.name_uk and author.bio_uk for author in authors)
    assert Tag.objects.filter(translation__name_uk="Політика", slug="politics").exists()
    uk_home = client.get("/uk/")
    assert uk_home.status_code == 200
    assert '<a href="/uk/tags/politics/">Політика</a>' in element(uk_home.content, 'class="nav"')
    [uk_live] = ukrainian.filter(coverage_started_at__isnull=False)
    assert uk_live.translation_of.is_live
    assert uk_live.live_entries.count() >= 6

    [live] = Article.objects.in_edition(settings.LANGUAGE_CODE).filter(
        coverage_started_at__isnull=False
    )
    assert live.is_live
    assert live.live_entries.count() >= 35
    assert 'class="live-label"' in client.get("/news/").text
    assert "data-live-updates" in client.get(live.get_absolute_url()).text

    # Some times have a fraction of a second, as the clock's do; pages print valid HTML.
    assert any(time.microsecond for time in times)
    assert any(entry.published_at.microsecond for entry in live.live_entries.all())
    for url in (
        "/",
        "/news/",
        "/tags/business/",
        "/authors/joseph-kettering/",
        live.get_absolute_url(),
        "/news/harrow-marine-chairman-steps-down/",
    ):
        assert invalid_datetimes(client.get(url).content) == [], url

    before = snapshot()
    files = stored_files(settings.MEDIA_ROOT)
    out = io.StringIO()

    call_command("load_demo", stdout=out)

    assert out.getvalue().count("(0 new)") == 5
    assert snapshot() == before
    assert stored_files(settings.MEDIA_ROOT) == files


def test_the_masthead_sections_are_set_once_and_then_left_to_the_editors(tmp_path):
    folder = write_newsroom(tmp_path / "demo")
    loader.load(folder=folder)
    assert list(Section.objects.values_list("tag__slug", flat=True)) == ["politics"]

    Section.objects.all().delete()
    Section.objects.create(tag=Tag.objects.get(slug="economy"), position=0)
    summary = loader.load(folder=folder)

    assert summary.new_sections == 0
    assert list(Section.objects.values_list("tag__slug", flat=True)) == ["economy"]


def test_sample_story_is_loaded_with_its_times_byline_tags_and_correction(tmp_path):
    folder = write_newsroom(tmp_path / "demo")
    now = timezone.now().replace(second=0, microsecond=0)

    loader.load(now=now, folder=folder)

    article = Article.objects.get(slug="deputies-vote-on-the-budget")
    assert article.published_at == now - timedelta(days=1, hours=2)
    assert article.updated_at == article.published_at + timedelta(hours=3)
    assert article.is_featured
    assert article.primary_tag.slug == "politics"
    assert sorted(article.tags.names()) == ["Economy", "Politics"]
    assert [author.slug for author in article.byline] == ["ada-reporter"]
    [correction] = article.corrections.all()
    assert correction.corrected_at == article.updated_at
    assert article.lead_photo.alt_text.startswith("Abstract illustration")
    assert article.body_html.startswith("<p>The National Assembly votes")


def test_a_broken_file_loads_nothing_and_the_command_names_it(tmp_path, monkeypatch):
    broken = STORY.replace("authors: ada-reporter", "authors: nobody")
    folder = write_newsroom(tmp_path / "demo", story=broken)

    with pytest.raises(FrontMatterError):
        loader.load(folder=folder)
    assert (Author.objects.count(), Tag.objects.count(), Article.objects.count()) == (0, 0, 0)

    monkeypatch.setattr(load_demo, "load", lambda: loader.load(folder=folder))
    with pytest.raises(CommandError) as error:
        call_command("load_demo")
    assert str(error.value).startswith(f"Nothing was loaded. {story_path(folder)}, line 9: ")
    assert "unknown author 'nobody'" in str(error.value)


def test_load_demo_prints_the_same_working_api_key_every_run(client, tmp_path, monkeypatch):
    folder = write_newsroom(tmp_path / "demo")
    monkeypatch.setattr(load_demo, "load", lambda: loader.load(folder=folder))
    runs = []
    for _ in range(2):
        out = io.StringIO()
        call_command("load_demo", stdout=out)
        runs.append(re.search(r"demo key: (\S+)", out.getvalue())[1])

    assert runs[0] == runs[1]
    answer = client.get("/api/v1/stories/", HTTP_AUTHORIZATION=f"Bearer {runs[0]}")
    assert answer.status_code == 200
