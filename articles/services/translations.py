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
So that the desk finds the stale ones among a million stories without comparing each
with its source, a stale translation also carries when its source last changed
(`source_changed_at`, in an index of its own), written here alone, with the versions:
when a source's words change (`source_words_changed`), when a translation is saved
(`follow_source`) and when it is marked current.

The lock: the source's row, then the translation's. `create_translation` locks the
source, so two editors asking for the same edition's translation at once are queued, and
the second is refused in words; `mark_translation_current` locks the translation only.
"""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from .. import body
from ..models import Article, Authorship, TaggedArticle
from .errors import NotAllowed, WorkflowError
from .permissions import can_edit, can_translate, can_view

Status = Article.Status


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
    changed. A restored revision brings back its own number: the count only goes forward.
    Returns whether the words changed (the caller tells its translations once saved)."""
    if previous is None:
        return False
    changed = words_changed(article, previous)
    article.text_version = previous.text_version + (1 if changed else 0)
    return changed


def source_words_changed(*, source):
    """The source's words changed (saved, with its new text_version): each translation
    that does not match them is stale from now. The source's row is locked by its save:
    the lock order holds (the source, then its translations)."""
    Article.objects.filter(translation_of=source, source_version__lt=source.text_version).update(
        source_changed_at=timezone.now()
    )


def follow_source(*, article):
    """Before a translation's save: published, it matches its source as it is now;
    otherwise it keeps the version it matches, and is stale if the source went past it
    (a restored revision may bring back an older `source_version`). Caller saves."""
    if not article.translation_of_id:
        article.source_changed_at = None
        return
    text_version, modified_at = (
        Article.objects.filter(pk=article.translation_of_id)
        .values_list("text_version", "modified_at")
        .get()
    )
    if article.status == Status.PUBLISHED:
        article.source_version = text_version
    if text_version > (article.source_version or 0):
        article.source_changed_at = article.source_changed_at or modified_at
    else:
        article.source_changed_at = None


def is_stale(article):
    """The article is a translation whose source's words changed since it was translated."""
    return bool(article.translation_of_id) and article.source_changed_at is not None


def _refusal(user, source, language):
    """(the refusal's class, why) if `user` may not translate `source` into `language`."""
    if not can_translate(user) or not can_view(user, source):
        return NotAllowed, "Your role may not create translations."
    if language not in dict(settings.LANGUAGES):
        return WorkflowError, "There is no such edition."
    root = group_source(source)
    if language in (root.language, source.language):
        return (
            WorkflowError,
            f"The story is already in {language_name(language)}: it is its own edition.",
        )
    if Article.objects.filter(translation_of=root, language=language).exists():
        return WorkflowError, f"The story already has a translation in {language_name(language)}."
    return None


def translation_refusal(user, source, language):
    """Why `user` may not translate `source` into `language`, or None if they may."""
    refusal = _refusal(user, source, language)
    return refusal[1] if refusal else None


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
        if refusal := _refusal(user, source, language):
            error, reason = refusal
            raise error(reason)
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
        if translation.source_changed_at is None:
            return translation
        translation.source_version = (
            Article.objects.filter(pk=translation.translation_of_id)
            .values_list("text_version", flat=True)
            .get()
        )
        translation.source_changed_at = None
        translation.modified_by = user
        translation.save(
            update_fields=["source_version", "source_changed_at", "modified_by", "modified_at"]
        )
    return translation
