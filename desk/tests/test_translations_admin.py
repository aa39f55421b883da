"""Translations on the desk: the list's edition and translation state, its filters, the
change form's buttons, the previews in the story's language and the desk home's list."""

from datetime import timedelta

import pytest
from django.db import connection
from django.db.models import F
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from articles import workflow
from articles.models import Article, TagTranslation
from articles.roles import EDITOR, TRANSLATOR
from articles.tests.admin_forms import change_url, form_data
from articles.tests.factories import (
    DRAFT,
    bulk_articles,
    client_for,
    make_article,
    make_photo,
    make_user,
)
from authors.tests.factories import make_author

pytestmark = pytest.mark.django_db

STORIES = reverse("admin:articles_article_changelist")


@pytest.fixture
def editor_user():
    return make_user(EDITOR)


@pytest.fixture
def editor(editor_user):
    return client_for(editor_user)


def translate(source, user, language="uk"):
    return workflow.create_translation(source=source, language=language, user=user)


def change_words(article, user, **words):
    previous = workflow.check_fresh(article_id=article.pk, based_on=article.edit_version)
    for name, value in words.items():
        setattr(article, name, value)
    return workflow.save_article(article=article, user=user, previous=previous)


@pytest.fixture
def group(editor_user):
    """Three English stories: translated and current, translated and stale, untranslated."""
    current = make_article(title="Current source", authors=[make_author()])
    stale = make_article(title="Stale source", authors=[make_author()])
    make_article(title="Untranslated story")
    translate(current, editor_user)
    stale_translation = translate(stale, editor_user)
    stale_translation.title = "Stale translation"
    stale_translation.save()
    change_words(Article.objects.get(pk=stale.pk), editor_user, body="Changed words.")
    return current, stale


def _rows(response):
    assert response.status_code == 200
    return {article.title: article for article in response.context["cl"].result_list}


def test_the_list_shows_each_storys_edition_and_translation_state(editor, group):
    page = editor.get(STORIES).content.decode()
    rows = _rows(editor.get(STORIES))

    assert set(rows) >= {"Current source", "Stale source", "Untranslated story"}
    assert "uk ✓" in page
    assert "uk stale" in page
    assert "uk missing" in page
    assert "translation: " in page
    assert '<td class="field-edition">uk</td>' in page
    assert '<td class="field-edition">en</td>' in page


@pytest.mark.parametrize(
    ("params", "titles"),
    [
        ({"edition": "uk"}, {"Current source", "Stale translation"}),
        ({"edition": "en-gb"}, {"Current source", "Stale source", "Untranslated story"}),
        ({"translation": "stale"}, {"Stale translation"}),
        ({"translation": "current"}, {"Current source"}),
        ({"translation": "missing-uk"}, {"Untranslated story"}),
    ],
)
def test_the_list_filters_by_edition_and_by_translation_state(editor, group, params, titles):
    # A translation starts with its source's headline: "Current source" in Ukrainian too.
    found = _rows(editor.get(STORIES, params))

    assert set(found) == titles
    if params.get("edition") == "uk":
        assert {article.language for article in found.values()} == {"uk"}


def _queries(client, params=None):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(STORIES, params or {}).status_code == 200
    return captured


@pytest.mark.parametrize(
    "params", [{}, {"translation": "stale"}, {"translation": "missing-uk"}, {"edition": "uk"}]
)
def test_the_translation_column_and_filters_cost_the_same_queries_for_3_or_30_stories(
    editor, editor_user, params
):
    def translated_batch(count):
        sources = bulk_articles(count, newest=timezone.now())
        for source in sources:
            translate(source, editor_user)
        bulk_articles(count, newest=timezone.now(), prefix="Untranslated")
        # Their words changed since (as a save would count them): every translation stale.
        ids = [source.pk for source in sources]
        Article.objects.filter(pk__in=ids).update(text_version=F("text_version") + 1)

    translated_batch(3)
    few = len(_queries(editor, params))
    translated_batch(27)

    assert len(_queries(editor, params)) == few


@pytest.mark.parametrize("params", [{"translation": "stale"}, {"translation": "missing-uk"}])
def test_the_translation_filters_count_no_whole_list(editor, group, params):
    statements = [query["sql"].upper() for query in _queries(editor, params).captured_queries]

    counts = [sql for sql in statements if "COUNT(" in sql and "LIMIT" not in sql]
    assert counts == []


def test_a_story_is_translated_from_its_change_page(editor, editor_user):
    photo = make_photo()
    source = make_article(
        title="Storm closes ferry", lead_photo=photo, authors=[make_author(name="Ann Reed")]
    )
    source.tags.add("Weather")
    page = editor.get(change_url(source)).content.decode()
    assert "Translate into Українська" in page
    url = reverse("admin:articles_article_translate", args=[source.pk])
    assert f'action="{url}"' in page

    response = editor.post(url, {"language": "uk"})

    translation = source.translations.get()
    assert response.status_code == 302
    assert response.url == change_url(translation)
    assert (translation.language, translation.status) == ("uk", DRAFT)
    assert translation.lead_photo == photo
    assert [author.name for author in translation.byline] == ["Ann Reed"]
    assert [tag.name for tag in translation.tags.all()] == ["Weather"]
    # Done once: the button is gone from the source's page, which names its translation.
    page = editor.get(change_url(source)).content.decode()
    assert "Translate into" not in page
    assert change_url(translation) in page


def test_translating_is_a_post(editor):
    source = make_article()

    response = editor.get(reverse("admin:articles_article_translate", args=[source.pk]))

    assert response.status_code == 405
    assert not source.translations.exists()


def test_a_refused_translation_says_why(editor, editor_user):
    source = make_article()
    translate(source, editor_user)

    response = editor.post(
        reverse("admin:articles_article_translate", args=[source.pk]),
        {"language": "uk"},
        follow=True,
    )

    assert "already has a translation in Українська" in response.content.decode()
    assert source.translations.count() == 1


def test_a_stale_translation_links_to_its_source_and_is_marked_current(editor, editor_user):
    source = make_article(title="Harbour reopens", authors=[make_author()])
    translation = translate(source, editor_user)
    page = editor.get(change_url(translation)).content.decode()
    assert change_url(source) in page
    assert "source changed since translated" not in page
    assert "Mark as current" not in page

    change_words(Article.objects.get(pk=source.pk), editor_user, title="Harbour reopens early")
    page = editor.get(change_url(translation)).content.decode()
    assert "source changed since translated" in page
    assert "Mark as current" in page

    editor.post(reverse("admin:articles_article_translation_current", args=[translation.pk]))

    assert not workflow.is_stale(Article.objects.get(pk=translation.pk))
    assert "source changed since translated" not in editor.get(change_url(translation)).text


def test_the_edition_is_chosen_when_a_story_is_written_and_fixed_after(editor):
    add_form = editor.get(reverse("admin:articles_article_add")).context["adminform"].form
    assert "language" in add_form.fields
    assert "translation_of" not in add_form.fields

    story = make_article(language="uk", status=DRAFT)
    response = editor.get(change_url(story))
    assert "language" not in response.context["adminform"].form.fields
    data = form_data(response)
    data.update(language="en-gb", title="Still Ukrainian")
    editor.post(change_url(story), data)
    story.refresh_from_db()
    assert (story.title, story.language) == ("Still Ukrainian", "uk")


def test_the_translate_button_is_offered_to_a_translator(group):
    translator = client_for(make_user(TRANSLATOR))
    untranslated = Article.objects.get(title="Untranslated story")

    page = translator.get(change_url(untranslated)).content.decode()

    assert "Translate into Українська" in page


def test_the_desk_home_lists_stale_translations_newest_source_change_first(editor_user):
    older = make_article(title="Older source", authors=[make_author()])
    newer = make_article(title="Newer source", authors=[make_author()])
    older_translation = translate(older, editor_user)
    newer_translation = translate(newer, editor_user)
    for article, title in ((older_translation, "Стара"), (newer_translation, "Нова")):
        article.title = title
        article.save()
    make_article(title="Current one")
    translate(Article.objects.get(title="Current one"), editor_user)
    change_words(Article.objects.get(pk=older.pk), editor_user, body="Changed first.")
    Article.objects.filter(pk=older.pk).update(modified_at=timezone.now() - timedelta(hours=1))
    change_words(Article.objects.get(pk=newer.pk), editor_user, body="Changed last.")

    page = client_for(editor_user).get(reverse("admin:index")).content.decode()

    start = page.index('desk-overview__list--stale"')
    section = page[start : page.index("</section>", start)]
    assert "Stale translations" in section
    assert section.index("Нова") < section.index("Стара")
    assert "Current one" not in section
    assert f'href="{change_url(newer_translation)}"' in section
    assert "?translation=stale" not in section  # the whole list's link only when it goes on


def test_the_preview_of_a_ukrainian_story_is_in_ukrainian(editor):
    story = make_article(title="Гавань", language="uk", status=DRAFT)

    preview = editor.get(story.get_preview_url())
    beside = editor.get(reverse("articles:desk_preview", args=[story.pk]))

    assert '<html lang="uk">' in preview.content.decode()
    assert '<html lang="uk">' in beside.content.decode()
    english = make_article(title="Harbour", status=DRAFT)
    assert '<html lang="en-gb">' in editor.get(english.get_preview_url()).content.decode()


def test_a_preview_link_of_a_ukrainian_story_is_in_ukrainian(editor_user):
    story = make_article(title="Гавань", language="uk", status=DRAFT)
    link = workflow.create_preview_link(article=story, user=editor_user)

    page = Client().get(reverse("preview_link", args=[link.token])).content.decode()

    assert '<html lang="uk">' in page


def test_a_tags_ukrainian_name_is_edited_in_the_tag_form(editor):
    tag = Tag.objects.create(name="Weather", slug="weather")
    url = reverse("admin:taggit_tag_change", args=[tag.pk])
    page = editor.get(url)
    assert page.status_code == 200
    data = form_data(page, "tag_form")
    data.update({"translation-0-name_uk": "Погода", "translation-TOTAL_FORMS": "1"})

    response = editor.post(url, data)

    assert response.status_code == 302, response.context and response.context["errors"]
    assert TagTranslation.objects.get(tag=tag).name_uk == "Погода"
    assert "Погода" in editor.get(reverse("admin:taggit_tag_changelist")).content.decode()


@pytest.mark.parametrize(
    ("url_name", "field"),
    [
        ("admin:authors_author_add", "name_uk"),
        ("admin:articles_photo_add", "caption_uk"),
        ("admin:public_section_add", "label_uk"),
    ],
)
def test_ukrainian_fields_are_beside_the_english_ones(url_name, field):
    # The masthead's sections are an administrator's; the rest an editor's too.
    client = client_for(make_user(EDITOR, is_superuser=True))

    page = client.get(reverse(url_name)).content.decode()

    assert "Ukrainian edition" in page
    assert f'name="{field}"' in page


def test_a_translators_desk_home_offers_no_new_story_but_lists_their_stale_translations():
    translator = make_user(TRANSLATOR)
    editor = make_user(EDITOR)
    source = make_article(title="Harbour reopens", authors=[make_author()])
    translation = translate(source, translator)
    change_words(Article.objects.get(pk=source.pk), editor, title="Harbour reopens early")

    page = client_for(translator).get(reverse("admin:index")).content.decode()

    assert "Write a new story" not in page
    start = page.index('desk-overview__list--stale"')
    assert f'href="{change_url(translation)}"' in page[start : page.index("</section>", start)]
    assert "Write a new story" in client_for(editor).get(reverse("admin:index")).text
