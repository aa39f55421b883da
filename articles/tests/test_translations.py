"""Translations: made from a source story, judged stale when its words change, and published
through the same workflow and roles as any story."""

import pytest
from django.contrib.auth.models import Group

from articles import workflow
from articles.models import Article
from articles.roles import AUTHOR, CONTRIBUTOR, EDITOR, ROLES, TRANSLATOR
from articles.services import translations
from articles.tests.admin_forms import change_url, form_data
from articles.tests.factories import (
    DRAFT,
    PUBLISHED,
    REVIEW,
    add_lead_image,
    make_article,
    make_user,
    sign_in,
)
from authors.tests.factories import make_author

pytestmark = pytest.mark.django_db


@pytest.fixture
def source():
    article = make_article(
        title="Harbour reopens",
        standfirst="Boats are back.",
        body="The harbour opened at dawn.",
        authors=[make_author(name="Ann Reed"), make_author(name="Bo Lind")],
        tags=["Harbour", "Weather"],
        primary_tag="Harbour",
    )
    return add_lead_image(article)


def translate(source, user=None, language="uk"):
    return workflow.create_translation(
        source=source, language=language, user=user or make_user(EDITOR)
    )


def reload(article):
    return Article.objects.get(pk=article.pk)


def edit(article, user, **words):
    """An editor's save of the story as a form would: its words changed, or not."""
    previous = workflow.check_fresh(article_id=article.pk, based_on=article.edit_version)
    for name, value in words.items():
        setattr(article, name, value)
    return workflow.save_article(article=article, user=user, previous=previous)


# Creating a translation


def test_a_translation_is_a_draft_carrying_the_sources_words_photo_tags_and_byline(source):
    translator = make_user(TRANSLATOR)

    translation = translate(source, translator)

    translation = reload(translation)
    assert translation.status == DRAFT
    assert translation.language == "uk"
    assert translation.translation_of == source
    assert translation.source_version == source.text_version
    assert (translation.title, translation.standfirst) == ("Harbour reopens", "Boats are back.")
    assert translation.body == source.body
    assert translation.lead_photo == source.lead_photo
    assert translation.primary_tag == source.primary_tag
    assert sorted(tag.name for tag in translation.tags.all()) == ["Harbour", "Weather"]
    assert [author.name for author in translation.byline] == ["Ann Reed", "Bo Lind"]
    assert translation.created_by == translator
    assert translation.slug != source.slug


def test_a_translation_of_a_translation_translates_the_original(source, settings):
    settings.LANGUAGES = [*settings.LANGUAGES, ("de", "Deutsch")]
    ukrainian = translate(source)

    german = translate(ukrainian, language="de")

    assert german.translation_of == source


def test_translating_into_the_sources_own_edition_is_refused(source):
    with pytest.raises(workflow.WorkflowError, match="already in English"):
        translate(source, language="en-gb")


def test_a_second_translation_into_the_same_edition_is_refused(source):
    translate(source)

    with pytest.raises(workflow.WorkflowError, match="already has a translation in Українська"):
        translate(source)

    assert source.translations.count() == 1


def test_the_database_keeps_one_translation_per_edition_even_past_the_check(source, monkeypatch):
    translate(source)
    # As a racing request would: past the check, into the insert.
    monkeypatch.setattr(translations, "_refusal", lambda user, source, language: None)

    with pytest.raises(workflow.WorkflowError, match="already has a translation"):
        translate(source)

    assert source.translations.count() == 1


def test_someone_who_may_not_write_stories_may_not_translate(source):
    reader = make_user()  # staff, in no role

    with pytest.raises(workflow.NotAllowed):
        translate(source, reader)

    assert not source.translations.exists()


def test_an_unknown_edition_is_refused(source):
    with pytest.raises(workflow.WorkflowError, match="no such edition"):
        translate(source, language="xx")


# Stale translations


def test_changing_the_sources_words_makes_its_translation_stale(source):
    translation = translate(source)
    editor = make_user(EDITOR)

    edit(reload(source), editor, body="The harbour opened at dawn, and closed at noon.")

    translation = reload(translation)
    assert workflow.is_stale(translation)
    assert translation.translation_of.text_version > translation.source_version
    assert list(Article.objects.stale_translations()) == [translation]


@pytest.mark.parametrize("field", ["title", "standfirst"])
def test_a_new_headline_or_standfirst_is_a_change_of_words_too(source, field):
    translation = translate(source)

    edit(reload(source), make_user(EDITOR), **{field: "Something else entirely"})

    assert workflow.is_stale(reload(translation))


def test_a_save_that_changes_no_words_leaves_the_translation_current(source):
    translation = translate(source)
    before = reload(source).text_version

    edit(reload(source), make_user(EDITOR), is_featured=True)

    assert reload(source).text_version == before
    assert not workflow.is_stale(reload(translation))
    assert list(Article.objects.current_translations()) == [translation]


def test_publishing_the_updated_translation_makes_it_current(source):
    translation = translate(source, make_user(TRANSLATOR))
    editor = make_user(EDITOR)
    edit(reload(source), editor, body="New words in the source.")
    translation = reload(translation)
    assert workflow.is_stale(translation)

    edit(translation, editor, body="Нові слова.")
    workflow.publish(article=reload(translation), user=editor)

    translation = reload(translation)
    assert not workflow.is_stale(translation)
    assert translation.source_version == translation.translation_of.text_version
    assert not Article.objects.stale_translations().exists()


def test_saving_a_published_translation_brought_up_to_date_makes_it_current(source):
    editor = make_user(EDITOR)
    translation = translate(source, editor)
    workflow.publish(article=translation, user=editor)
    edit(reload(source), editor, standfirst="Boats are back, and the ferry too.")
    assert workflow.is_stale(reload(translation))

    edit(reload(translation), editor, standfirst="Човни повернулися, і пором теж.")

    assert not workflow.is_stale(reload(translation))


def test_saving_a_draft_translation_keeps_it_stale_until_it_is_published(source):
    editor = make_user(EDITOR)
    translation = translate(source, editor)
    edit(reload(source), editor, body="New words in the source.")

    edit(reload(translation), editor, body="Half translated.")

    assert workflow.is_stale(reload(translation))


def test_marking_a_translation_current_clears_it(source):
    editor = make_user(EDITOR)
    translation = translate(source, editor)
    edit(reload(source), editor, title="Harbour reopens at dawn")

    workflow.mark_translation_current(translation=reload(translation), user=editor)

    assert not workflow.is_stale(reload(translation))


def test_someone_who_may_not_edit_the_translation_may_not_mark_it_current(source):
    translation = translate(source, make_user(EDITOR))
    edit(reload(source), make_user(EDITOR), title="Harbour reopens at dawn")

    with pytest.raises(workflow.NotAllowed):
        workflow.mark_translation_current(translation=reload(translation), user=make_user(AUTHOR))

    assert workflow.is_stale(reload(translation))


def test_the_missing_translations_are_the_default_editions_public_stories_without_one(source):
    translated = make_article(title="Translated")
    translate(translated)
    make_article(title="A draft", status=DRAFT)
    make_article(title="Ukrainian only", language="uk")

    missing = Article.objects.missing_translations("uk")

    assert set(missing) == {source}


# The Translator role


def test_the_translator_role_is_made_by_migration_with_the_roles_permissions():
    group = Group.objects.get(name=TRANSLATOR)

    names = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}
    assert names == ROLES[TRANSLATOR]
    assert "articles.add_article" not in names


def test_a_translator_may_not_write_a_story_of_their_own(client):
    translator = make_user(TRANSLATOR)
    sign_in(client, translator)

    assert client.get("/admin/articles/article/add/").status_code == 403


def test_a_translator_creates_a_translation_and_edits_it_through_the_admin(client, source):
    translator = make_user(TRANSLATOR)
    sign_in(client, translator)

    response = client.post(f"/admin/articles/article/{source.pk}/translate/", {"language": "uk"})

    translation = source.translations.get()
    assert response.status_code == 302
    assert response.url == change_url(translation)
    data = form_data(client.get(change_url(translation)))
    data.update(title="Гавань знову відкрита", status=REVIEW)
    client.post(change_url(translation), data)
    translation.refresh_from_db()
    assert translation.title == "Гавань знову відкрита"
    assert translation.status == REVIEW


def test_a_translator_may_not_publish_a_translation_in_the_form_or_by_the_service(client, source):
    translator = make_user(TRANSLATOR)
    translation = translate(source, translator)
    sign_in(client, translator)

    page = client.get(change_url(translation))
    data = form_data(page)
    assert [value for value, _ in page.context["adminform"].form.fields["status"].choices] == [
        DRAFT,
        REVIEW,
    ]
    response = client.post(change_url(translation), {**data, "status": PUBLISHED})
    with pytest.raises(workflow.NotAllowed):
        workflow.publish(article=reload(translation), user=translator)

    assert response.status_code == 200
    assert "status" in response.context["adminform"].form.errors
    assert reload(translation).status == DRAFT


def test_a_translator_may_not_edit_someone_elses_translation(client, source):
    translation = translate(source, make_user(EDITOR))
    translator = make_user(TRANSLATOR)

    assert not workflow.can_edit(translator, translation)


def test_an_editor_publishes_a_translators_translation(source):
    translation = translate(source, make_user(TRANSLATOR))

    workflow.publish(article=reload(translation), user=make_user(EDITOR))

    assert reload(translation).is_published


def test_a_contributor_may_translate_as_they_may_write(source):
    contributor = make_user(CONTRIBUTOR)

    translation = translate(source, contributor)

    assert workflow.can_edit(contributor, translation)


def test_a_translators_save_of_a_stale_draft_keeps_it_among_the_stale(source):
    translator = make_user(TRANSLATOR)
    translation = translate(source, translator)
    edit(reload(source), make_user(EDITOR), body="New words in the source.")

    edit(reload(translation), translator, standfirst="Човни повернулися.")

    assert list(Article.objects.stale_translations()) == [translation]


def test_the_translations_of_a_deleted_story_stand_alone_and_are_not_stale(source):
    editor = make_user(EDITOR)
    translation = translate(source, editor)
    edit(reload(source), editor, body="New words in the source.")

    workflow.delete_article(article=reload(source), user=editor)

    translation = reload(translation)
    assert translation.translation_of is None
    assert not workflow.is_stale(translation)
    assert not Article.objects.stale_translations().exists()
