"""Translations on the desk: each story's edition and translation state, and the buttons.

- `translation_annotations()`: what the list's column reads, asked in the list's own
  query (subqueries per edition on the translations' unique index), so no row costs a
  query.
- `EditionFilter`, `TranslationFilter`: a story's edition; translations that are stale
  or current, and stories with none in an edition (`ArticleQuerySet.untranslated`).
  Neither counts anything: the list's facets stay off.
- `TranslationViews`: "Translate into …" (a POST making the draft through
  `workflow.create_translation`, then opening it) and "Mark as current"
  (`workflow.mark_translation_current`), each inside a revision as the form's saves are.
"""

import reversion
from django.conf import settings
from django.contrib import admin, messages
from django.db.models import OuterRef, Subquery
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join

import editions
from articles import workflow
from articles.models import Article

from .lookups import seen_story


def _key(language):
    return language.replace("-", "_")


def short_code(language):
    """How the list names an edition: its language's code ("en", "uk")."""
    return language.partition("-")[0]


def translation_annotations():
    """For each story, its translation's id in every edition and whether it is stale."""
    annotations = {}
    for language, _ in settings.LANGUAGES:
        translation = Article.objects.filter(translation_of=OuterRef("pk"), language=language)
        annotations[f"translation_{_key(language)}"] = Subquery(translation.values("pk")[:1])
        annotations[f"translation_{_key(language)}_stale"] = Subquery(
            translation.values("source_changed_at")[:1]
        )
    return annotations


def states(article):
    """[(edition's code, state)] for the story, state being "current", "stale" or
    "missing": a translation's own state, else each other edition's translation's.
    Read from the row and `translation_annotations()`."""
    if article.translation_of_id:
        stale = article.source_changed_at is not None
        return [(short_code(article.language), "stale" if stale else "current")]
    found = []
    for language, _ in settings.LANGUAGES:
        if language == article.language:
            continue
        key = f"translation_{_key(language)}"
        if getattr(article, key, None) is None:
            found.append((short_code(language), "missing"))
        else:
            stale = getattr(article, f"{key}_stale", None) is not None
            found.append((short_code(language), "stale" if stale else "current"))
    return found


_SIGNS = {"current": "✓", "stale": "stale", "missing": "missing"}


class TranslationColumns:
    """The story list's columns: the edition, and the translation state."""

    @admin.display(description="Edition", ordering="language")
    def edition(self, article):
        return short_code(article.language)

    @admin.display(description="Translation")
    def translation_state(self, article):
        words = format_html_join(
            " ",
            '<span class="nr-badge nr-badge--translation-{}">{} {}</span>',
            ((state, code, _SIGNS[state]) for code, state in states(article)),
        )
        if article.translation_of_id:
            return format_html("translation: {}", words)
        return words


class EditionFilter(admin.SimpleListFilter):
    title = "edition"
    parameter_name = "edition"

    def lookups(self, request, model_admin):
        return [(edition.language, edition.name) for edition in editions.all_editions()]

    def queryset(self, request, queryset):
        if self.value() in dict(settings.LANGUAGES):
            return queryset.filter(language=self.value())
        return queryset


class TranslationFilter(admin.SimpleListFilter):
    title = "translation"
    parameter_name = "translation"

    def lookups(self, request, model_admin):
        missing = [
            (f"missing-{edition.language}", f"No translation in {edition.name}")
            for edition in editions.all_editions()
            if not edition.is_default
        ]
        return [
            *missing,
            ("stale", "Stale translations (source changed)"),
            ("current", "Current translations"),
        ]

    def queryset(self, request, queryset):
        value = self.value() or ""
        if value == "stale":
            return queryset.stale_translations()
        if value == "current":
            return queryset.current_translations()
        language = value.removeprefix("missing-")
        if value.startswith("missing-") and language in dict(settings.LANGUAGES):
            return queryset.untranslated(language)
        return queryset


class TranslationViews:
    """The change form's translation buttons, for ArticleAdmin."""

    def get_urls(self):
        views = [
            path(
                "<path:object_id>/translate/",
                self.admin_site.admin_view(self.translate_view),
                name="articles_article_translate",
            ),
            path(
                "<path:object_id>/translation-current/",
                self.admin_site.admin_view(self.translation_current_view),
                name="articles_article_translation_current",
            ),
        ]
        return [*views, *super().get_urls()]

    def translate_view(self, request, object_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        source = seen_story(self, request, object_id)
        language = request.POST.get("language", "")
        try:
            with reversion.create_revision():
                translation = workflow.create_translation(
                    source=source, language=language, user=request.user
                )
                reversion.add_to_revision(translation)
                reversion.set_user(request.user)
                reversion.set_comment(f"Translation of “{source.title}” created.")
        except workflow.WorkflowError as refusal:
            messages.error(request, f"Not done: {refusal.message}")
            return redirect(reverse("admin:articles_article_change", args=[source.pk]))
        self.log_addition(request, translation, [{"added": {}}])
        self.message_user(
            request,
            f"A draft in {editions.get(language).name}, with the source's words to translate, "
            "its photo, tags and byline.",
            messages.SUCCESS,
        )
        return redirect(reverse("admin:articles_article_change", args=[translation.pk]))

    def translation_current_view(self, request, object_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        translation = seen_story(self, request, object_id)
        done = "Marked as current: the source's change needs no change in translation."
        try:
            with reversion.create_revision():
                workflow.mark_translation_current(translation=translation, user=request.user)
                self.log_change(request, translation, done)
                reversion.set_user(request.user)
        except workflow.WorkflowError as refusal:
            messages.error(request, f"Not done: {refusal.message}")
        else:
            self.message_user(request, done, messages.SUCCESS)
        return redirect(reverse("admin:articles_article_change", args=[translation.pk]))

    def translation_context(self, request, obj):
        """What the change form shows about the story's group, and the buttons offered."""
        if obj is None or obj.pk is None:
            return {}
        user = request.user
        context = {}
        if obj.translation_of_id:
            source = obj.translation_of
            context["translation_source"] = source
            context["translation_source_url"] = reverse(
                "admin:articles_article_change", args=[source.pk]
            )
            context["translation_stale"] = workflow.is_stale(obj)
            context["can_mark_current"] = context["translation_stale"] and (
                workflow.can_mark_current(user, obj)
            )
            context["translation_current_url"] = reverse(
                "admin:articles_article_translation_current", args=[obj.pk]
            )
        else:
            context["translations"] = [
                (translation, reverse("admin:articles_article_change", args=[translation.pk]))
                for translation in obj.translations.order_by("language")
            ]
        context["translate_into"] = [
            edition
            for edition in editions.all_editions()
            if workflow.translation_refusal(user, obj, edition.language) is None
        ]
        context["translate_url"] = reverse("admin:articles_article_translate", args=[obj.pk])
        return context
