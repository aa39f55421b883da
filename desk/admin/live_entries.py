"""Live entries in the admin: the full form of one entry (its photo, its byline in any
order, its status), its history, and the list of every story's entries.

Posting is quicker on a story's live desk (live.py). Here, as there, the form collects and
workflow.py decides and writes: an entry and its byline are saved in one service call.
"""

from django import forms
from django.contrib import admin
from django.contrib.admin import ShowFacets
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html

from articles import workflow
from articles.models import LiveEntry, LiveEntryAuthorship
from desk import search

from .forms import NEW_PHOTO, NewPhotoFields
from .revisions import OwnRevisionsAdmin
from .scale import DeskChangeList, LookaheadPages

EntryStatus = LiveEntry.Status


class LiveEntryForm(NewPhotoFields, forms.ModelForm):
    photo_field = "photo"
    # Set for each request by LiveEntryAdmin.get_form.
    user = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "status" in self.fields and self.instance.pk:
            saved = self.instance.status
            self.fields["status"].choices = [
                (status.value, status.label)
                for status in workflow.allowed_entry_statuses(
                    self.user, self.instance.article, current=saved
                )
            ]

    def clean(self):
        cleaned_data = super().clean()
        article = cleaned_data.get("article") if self.instance.pk is None else self.instance.article
        status = cleaned_data.get("status")
        if article is None or status is None:
            return cleaned_data
        current = None
        if self.instance.pk is not None:
            current = LiveEntry.objects.values_list("status", flat=True).get(pk=self.instance.pk)
        try:
            workflow.check_entry(user=self.user, article=article, current=current, to=status)
        except workflow.WorkflowError as refusal:
            raise ValidationError(refusal.message) from refusal
        return cleaned_data


class EntryBylineFormSet(forms.BaseInlineFormSet):
    def authors(self):
        """The byline as submitted, in its order."""
        rows = [
            (form.cleaned_data.get("position") or 0, index, form.cleaned_data["author"])
            for index, form in enumerate(self.forms)
            if form.cleaned_data.get("author") and not form.cleaned_data.get("DELETE")
        ]
        return [author for _, _, author in sorted(rows, key=lambda row: row[:2])]

    def clean(self):
        """A published entry stays complete; checked here, where the byline is known."""
        super().clean()
        entry = self.instance
        if entry.status != EntryStatus.PUBLISHED:
            return
        try:
            workflow.check_entry_complete(entry, authors=self.authors())
        except workflow.Incomplete as incomplete:
            raise ValidationError(incomplete.message) from incomplete


class EntryBylineInline(admin.TabularInline):
    model = LiveEntryAuthorship
    formset = EntryBylineFormSet
    extra = 1
    autocomplete_fields = ["author"]
    verbose_name = "author"
    verbose_name_plural = "byline (in order)"

    # Part of the entry: whoever may change the entry may change its byline.
    def has_view_permission(self, request, obj=None):
        return True

    def has_add_permission(self, request, obj):
        return obj is None or workflow.can_change_entry(request.user, obj)

    def has_change_permission(self, request, obj=None):
        return obj is None or workflow.can_change_entry(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        return obj is None or workflow.can_change_entry(request.user, obj)


class EntryChangeList(DeskChangeList):
    deferred = ["body", "body_html"]  # the text is shown only in the form


@admin.register(LiveEntry)
class LiveEntryAdmin(LookaheadPages, OwnRevisionsAdmin):
    form = LiveEntryForm
    inlines = [EntryBylineInline]
    list_display = ["when", "title", "story", "status", "is_key_event", "is_pinned"]
    list_display_links = ["title"]
    sortable_by = ["when"]  # the one column an index keeps in order
    list_filter = ["status", "is_key_event", "is_pinned"]
    list_select_related = ["article"]
    # Searched by their words (get_search_results); the list names the box.
    search_fields = ["headline"]
    search_help_text = "Words, “phrases”, -exclusions and “or”, in headlines and text."
    # At any archive size (desk/admin/scale.py): nothing counts or sorts every entry.
    show_full_result_count = False
    list_per_page = 50  # each row's cells cost more than its query
    show_facets = ShowFacets.NEVER
    autocomplete_fields = ["article", "photo"]
    readonly_fields = ["story", "when", "last_saved"]
    history_latest_first = True

    class Media:
        css = {"all": ["admin/newsroom.css"]}

    def get_changelist(self, request, **kwargs):
        return EntryChangeList

    def get_search_results(self, request, queryset, search_term):
        if not search_term.strip():
            return queryset, False
        return search.matching_entries(queryset, search_term), False

    def get_fieldsets(self, request, obj=None):
        story = ["article"] if obj is None else ["story"]
        publishing = ["status", "when", "is_key_event", "is_pinned", "last_saved"]
        return [
            (None, {"fields": [*story, "headline", "body"]}),
            ("Photo", {"fields": ["photo", *NEW_PHOTO]}),
            ("Publishing", {"fields": publishing}),
        ]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        return type(form.__name__, (form,), {"user": request.user})

    # Columns and read-only fields.

    @admin.display(description="Time", ordering="published_at")
    def when(self, entry):
        if entry.published_at is None:
            return "—"
        return date_format(timezone.localtime(entry.published_at), "j M Y, H:i")

    @admin.display(description="Story", ordering="article__title")
    def story(self, entry):
        if entry.article_id is None:
            return "—"
        desk = reverse("admin:articles_article_live", args=[entry.article_id])
        return format_html('<a href="{}">{}</a>', desk, entry.article.title)

    @admin.display(description="Last saved")
    def last_saved(self, entry):
        if not entry.pk:
            return "—"
        who = entry.modified_by.get_username() if entry.modified_by else "someone"
        return f"{date_format(timezone.localtime(entry.modified_at), 'j M Y, H:i')} by {who}"

    def view_on_site(self, entry):
        return entry.get_stream_url() if entry.is_published else None

    # Who may do what: asked of workflow.py.

    def has_module_permission(self, request):
        return workflow.can_edit(request.user)

    def has_view_permission(self, request, obj=None):
        user = request.user
        return workflow.can_view(user)

    def has_add_permission(self, request):
        return workflow.can_edit(request.user)

    def has_change_permission(self, request, obj=None):
        if obj is None:
            return workflow.can_edit(request.user)
        return workflow.can_change_entry(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        return self.has_change_permission(request, obj)

    def may_recover(self, request):
        return workflow.can_edit(request.user)

    def recover(self, request, version):
        return workflow.recover_entry(version=version, user=request.user)

    # Saving: the entry and its byline, handed to the workflow in one call.

    def save_model(self, request, obj, form, change):
        """Nothing yet: save_related writes the entry with its byline."""

    def save_related(self, request, form, formsets, change):
        [byline] = [formset for formset in formsets if formset.model is LiveEntryAuthorship]
        byline.save(commit=False)  # sorts the rows, for the history's message; writes nothing
        form.save_new_photo(request.user)
        entry, authors = form.instance, byline.authors()
        if change:
            workflow.save_entry(entry=entry, user=request.user, authors=authors)
        else:
            workflow.post_entry(
                entry=entry,
                article=entry.article,
                user=request.user,
                authors=authors,
                publish=entry.status == EntryStatus.PUBLISHED,
            )

    def delete_model(self, request, obj):
        workflow.delete_entry(entry=obj, user=request.user)

    def delete_queryset(self, request, queryset):
        for entry in queryset:
            workflow.delete_entry(entry=entry, user=request.user)
