"""ArticleAdmin: the editorial desk's options, and where its forms' input meets the workflow."""

from django.contrib import admin
from django.contrib.admin import ShowFacets
from django.db.models import Prefetch

from articles import autosave, workflow
from articles.models import Article, Authorship, Correction, PreviewLink
from desk import search

from .actions import BulkTransitions
from .autosave import AutosaveViews
from .columns import ArticleColumns
from .filters import MineFilter, StatusFilter
from .forms import NEW_PHOTO, ArticleForm
from .inlines import AuthorshipInline, CorrectionInline, PreviewLinkInline
from .live import LiveDeskViews
from .newsletters import BreakingNewsAlert
from .revisions import OwnRevisionsAdmin, RevisionViews
from .scale import (
    AuthorFilter,
    DeskChangeList,
    LookaheadPages,
    TagFilter,
    in_search_order,
)
from .translations import (
    EditionFilter,
    TranslationColumns,
    TranslationFilter,
    TranslationViews,
    translation_annotations,
)


class ArticleChangeList(DeskChangeList):
    deferred = ["standfirst", "body", "body_html"]  # a story's text: never a column


@admin.register(Article)
class ArticleAdmin(
    AutosaveViews,
    LiveDeskViews,
    TranslationViews,
    RevisionViews,
    BreakingNewsAlert,
    BulkTransitions,
    ArticleColumns,
    TranslationColumns,
    LookaheadPages,
    OwnRevisionsAdmin,
):
    form = ArticleForm
    actions = [*BulkTransitions.actions, "send_breaking_alert"]
    list_display = [
        "thumbnail",
        "title",
        "status_badge",
        "publication",
        "byline",
        "primary_tag",
        "edition",
        "translation_state",
    ]
    list_display_links = ["title"]
    sortable_by = ["publication"]  # the one column an index keeps in order
    list_filter = [
        StatusFilter,
        MineFilter,
        EditionFilter,
        TranslationFilter,
        TagFilter,
        AuthorFilter,
        "published_at",
    ]
    # Searched through the search index (get_search_results); the list names the box.
    search_fields = ["title"]
    search_help_text = (
        "Words, “phrases”, -exclusions and “or”, as readers search: headline, standfirst, "
        "body, tags and authors, drafts included."
    )
    # At any archive size (desk/admin/scale.py): nothing counts or sorts every story.
    show_full_result_count = False
    list_per_page = 50  # each row's cells cost more than its query
    show_facets = ShowFacets.NEVER
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["primary_tag", "lead_photo"]
    inlines = [AuthorshipInline, CorrectionInline, PreviewLinkInline]
    save_on_top = True
    history_latest_first = True
    change_form_template = "admin/articles/article/change_form.html"
    change_list_template = "admin/articles/article/change_list.html"
    object_history_template = "admin/articles/article/object_history.html"

    class Media:
        css = {"all": ["admin/newsroom.css"]}
        # The desk (desk/admin/autosave.py): autosave, the preview beside the form, Ctrl/⌘+S.
        js = ["admin/desk/autosave.js", "admin/desk/preview.js", "admin/desk/shortcuts.js"]

    def get_changelist(self, request, **kwargs):
        return ArticleChangeList

    def get_search_results(self, request, queryset, search_term):
        """Stories matching `search_term` in the search index, best first (desk/search.py)."""
        if not search_term.strip():
            return queryset, False
        # The story picker (an autocomplete box) searches as the editor types.
        typing = getattr(request.resolver_match, "url_name", "") == "autocomplete"
        ids = search.ranked_story_ids(queryset, search_term, as_typed=typing)
        return in_search_order(request, queryset, ids), False

    def get_queryset(self, request):
        # Every column's joins, so the list costs the same whatever its length.
        byline = Prefetch("authorships", queryset=Authorship.objects.select_related("author"))
        joined = super().get_queryset(request).select_related("primary_tag", "lead_photo")
        # The translation column's states, in the same query (desk/admin/translations.py).
        return joined.prefetch_related(byline).annotate(**translation_annotations())

    def get_fieldsets(self, request, obj=None):
        publishing = ["state_text", "status", "published_at", "is_featured", "updated_at"]
        extra = []  # fields of the form alone: a read-only view has nothing to show for them
        if obj is None or self.has_change_permission(request, obj):
            extra.append("based_on")
            if obj is not None and obj.is_published:
                publishing.append("mark_as_update")
        return [
            (None, {"fields": ["title", "slug", "standfirst", "body", "language"]}),
            ("Lead photo", {"fields": ["lead_photo", *NEW_PHOTO]}),
            ("Tags", {"fields": ["primary_tag", "tags"]}),
            ("Publishing", {"fields": [*publishing, "last_saved", *extra]}),
        ]

    def get_readonly_fields(self, request, obj=None):
        readonly = ["state_text", "updated_at", "last_saved"]
        if obj is not None:
            # The edition is chosen when the story is written; a translation is made by
            # "Translate into …", never by hand (`translation_of` is not on the form).
            readonly.append("language")
        if not workflow.can_publish(request.user, obj):
            readonly += ["published_at", "is_featured"]
        return readonly

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        restore = self.restoring(request, obj)
        return type(form.__name__, (form,), {"user": request.user, "restore": restore})

    # Who may do what: asked of workflow.py.

    def has_change_permission(self, request, obj=None):
        return workflow.can_edit(request.user, obj)

    # Saving: the form's input, handed to the workflow's services.

    def save_model(self, request, obj, form, change):
        """Nothing yet: save_related saves the article, its new byline known."""

    def save_related(self, request, form, formsets, change):
        [byline] = [formset for formset in formsets if formset.model is Authorship]
        form.save_new_photo(request.user)
        workflow.save_article(
            article=form.instance,
            user=request.user,
            previous=form.saved,
            mark_as_update=form.cleaned_data.get("mark_as_update", False),
            authors=byline.authors(),
        )
        # Saved for real: the autosaved copy of this form has done its job.
        autosave.discard(user=request.user, article=form.instance if change else None)
        super().save_related(request, form, formsets, change)

    def delete_model(self, request, obj):
        workflow.delete_article(article=obj, user=request.user)

    def delete_queryset(self, request, queryset):
        # One deletion each, as one at a time would be (and one audit entry each).
        for article in queryset:
            workflow.delete_article(article=article, user=request.user)

    def save_formset(self, request, form, formset, change):
        if formset.model not in (Correction, PreviewLink):
            super().save_formset(request, form, formset, change)
            return
        # Sorts the rows into new, changed and removed (for the history's message too);
        # writes nothing.
        formset.save(commit=False)
        if formset.model is Correction:
            workflow.save_corrections(
                article=form.instance,
                previous=form.saved,
                added=formset.new_objects,
                edited=[correction for correction, _ in formset.changed_objects],
                removed=formset.deleted_objects,
            )
            return
        for link in formset.new_objects:
            workflow.create_preview_link(
                article=form.instance, user=request.user, expires_at=link.expires_at
            )
        for link, changed in formset.changed_objects:
            if "expires_at" in changed:
                workflow.change_preview_expiry(
                    link=link, user=request.user, expires_at=link.expires_at
                )
            if "revoke" in changed:
                workflow.revoke_preview_link(link=link, user=request.user)

    # The change form.

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        form = context["adminform"].form
        context["conflict"] = form.conflict
        context.update(self.desk_context(request, obj, restored=form.restore))
        context.update(self.translation_context(request, obj))
        if obj is not None and not obj.is_published and workflow.can_preview(request.user, obj):
            context["preview_url"] = obj.get_preview_url()
        context["publication_problems"] = [
            error
            for inline in context.get("inline_admin_formsets", [])
            if inline.formset.model is Authorship
            for error in inline.formset.non_form_errors()
        ]
        return super().render_change_form(request, context, add, change, form_url, obj)
