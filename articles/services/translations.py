"""Translations: a story in another edition, made from its source and kept in step with it.

A source and its translations are one group: every translation points at the group's
source (`Article.translation_of`), never at another translation, and there is at most
one per edition (the database's `article_one_translation_per_edition` keeps that under
races too). A translation starts as a draft carrying the source's words, lead photo,
tags and byline, to be translated; it is then written, reviewed and published as any
story is (`save_article`, `publish`): nothing here bypasses the roles.

Staleness: `Article.text_version` counts the changes to a story's words (its headline,
standfirst and body), bumped by the one place stories are saved (`publishing.py`). A
translation remembers the source's number it matches (`source_version`); it is *stale*
while its source's number is higher. Publishing a translation, or saving it published
(an editor does once it is brought up to date), makes it current; so does
`mark_translation_current`, for a source change that needs no change in translation.

The lock: the source's row, then the translation's. `create_translation` locks the
source, so two editors asking for the same edition's translation at once are queued, and
the second is refused in words; `mark_translation_current` locks the translation only.
"""

from django.conf import settings
from django.db import IntegrityError, transaction

from .. import body
from ..models import Article, Authorship, TaggedArticle
from .errors import NotAllowed, WorkflowError
from .permissions import can_edit, can_translate, can_view

Status = Article.Status

# The fields that are a story's words: a change to any of them is a new text version.
WORDS = ("title", "standfirst", "body")


def language_name(language):
    return dict(settings.LANGUAGES).get(language, language)


def group_source(article):
    """The source of the article's group: itself, unless it is a translation."""
    return article.translation_of if article.translation_of_id else article


def words_changed(article, previous):
    """Whether `article` (about to be saved) says anything other than `previous` (as saved).

    A Markdown story opened in the body editor is saved as the HTML it renders to: the
    same words, so compared as the editor showed them.
    """
    if (article.title, article.standfirst) != (previous.title, previous.standfirst):
        return True
    if article.body_format == previous.body_format:
        return article.body != previous.body
    before = body.editable_html(previous.body, previous.body_format)
    return body.editable_html(article.body, article.body_format) != before


def count_text_version(*, article, previous):
    """Set the article's text version before a save: the saved one, plus one if the words
    changed. A restored revision brings back its own number: the count only goes forward."""
    if previous is None:
        return
    article.text_version = previous.text_version + (1 if words_changed(article, previous) else 0)


def catch_up(*, article):
    """A published translation matches its source as it is now (caller saves)."""
    if article.translation_of_id and article.status == Status.PUBLISHED:
        article.source_version = (
            Article.objects.filter(pk=article.translation_of_id)
            .values_list("text_version", flat=True)
            .get()
        )


def is_stale(article):
    """The article is a translation whose source's words changed since it was translated.

    Reads the source (`translation_of`): select it with the article where it matters.
    """
    if not article.translation_of_id:
        return False
    return article.translation_of.text_version > (article.source_version or 0)


def translation_refusal(user, source, language):
    """Why `user` may not translate `source` into `language`, or None if they may."""
    if not can_translate(user) or not can_view(user, source):
        return "Your role may not create translations."
    if language not in dict(settings.LANGUAGES):
        return "There is no such edition."
    root = group_source(source)
    if language == root.language or language == source.language:
        return f"The story is already in {language_name(language)}: it is its own edition."
    if Article.objects.filter(translation_of=root, language=language).exists():
        return f"The story already has a translation in {language_name(language)}."
    return None


def create_translation(*, source, language, user):
    """A new draft of `source` in `language`'s edition, to be translated.

    It carries the source's headline, standfirst and body as the text to translate, its
    lead photo, tags, primary tag and byline; it translates the group's source (a
    translation of a translation translates the original) and matches its text version.
    The user is its creator, so it is theirs to edit (a Translator's own draft).
    """
    with transaction.atomic():
        # The lock order: the source, then the translation.
        root = Article.objects.select_for_update().get(pk=group_source(source).pk)
        if reason := translation_refusal(user, source, language):
            if not can_translate(user) or not can_view(user, source):
                raise NotAllowed(reason)
            raise WorkflowError(reason)
        # The words of the story asked for (a translation's, if one was asked to be
        # translated again), as they are now.
        words = root if source.pk == root.pk else Article.objects.get(pk=source.pk)
        translation = Article(
            title=words.title,
            standfirst=words.standfirst,
            body=words.body,
            body_format=words.body_format,
            lead_photo_id=root.lead_photo_id,
            primary_tag_id=root.primary_tag_id,
            language=language,
            translation_of=root,
            source_version=root.text_version,
            status=Status.DRAFT,
            created_by=user,
            modified_by=user,
        )
        try:
            with transaction.atomic():
                translation.save()
        except IntegrityError as error:
            raise WorkflowError(
                f"The story already has a translation in {language_name(language)}."
            ) from error
        Authorship.objects.bulk_create(
            Authorship(article=translation, author_id=author_id, position=position)
            for author_id, position in root.authorships.values_list("author_id", "position")
        )
        TaggedArticle.objects.bulk_create(
            TaggedArticle(content_object=translation, tag_id=tag_id)
            for tag_id in root.taggedarticle_set.values_list("tag_id", flat=True)
        )
    return translation


def can_mark_current(user, translation):
    """Judge a source's change needs no change in translation: whoever may edit it."""
    return bool(translation.translation_of_id) and can_edit(user, translation)


def mark_translation_current(*, translation, user):
    """The translation matches its source as it is now, unchanged (an editor's judgement)."""
    with transaction.atomic():
        translation.refresh_from_db(from_queryset=Article.objects.select_for_update())
        if not translation.translation_of_id:
            raise WorkflowError("It is not a translation.")
        if not can_edit(user, translation):
            raise NotAllowed("Your role may not change this translation.")
        source_version = (
            Article.objects.filter(pk=translation.translation_of_id)
            .values_list("text_version", flat=True)
            .get()
        )
        if translation.source_version == source_version:
            return translation
        translation.source_version = source_version
        translation.modified_by = user
        translation.save(update_fields=["source_version", "modified_by", "modified_at"])
    return translation
