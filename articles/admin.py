"""The editorial desk: articles in the admin, with roles, states, revisions and no lost edits.

What a user may do is decided in articles/workflow.py; this module asks it and shows the
answers: the status choices offered, the read-only fields, the bulk actions' reports.
"""

import reversion
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from reversion.admin import VersionAdmin
from reversion.models import Version

from imaging.admin_helpers import thumbnail_html

from . import history, workflow
from .models import Article, Authorship, Correction, PreviewLink, TaggedArticle

Status = Article.Status
LEAD_IMAGE_DETAILS = ["lead_image_alt", "lead_image_caption", "lead_image_credit"]

# A revision holds the byline, corrections and tags with the article, so restoring one
# restores them too. Preview links stay out: a restore must never revive a revoked link.
reversion.register(Authorship)
reversion.register(Correction)
reversion.register(TaggedArticle)
reversion.register(Article, follow=["authorships", "corrections", "taggedarticle_set"])


def state(article):
    """(css key, words) for where the article stands, as editors say it."""
    if article.is_scheduled:
        when = date_format(timezone.localtime(article.published_at), "j M H:i")
        return "scheduled", f"Scheduled for {when}"
    return article.status, article.get_status_display()


def badge(article):
    key, words = state(article)
    return format_html('<span class="nr-badge nr-badge--{}">{}</span>', key, words)


class PartOfTheArticle:
    """Inline rows are part of the article: whoever may edit it may edit them."""

    def has_view_permission(self, request, obj=None):
        user = request.user
        return user.has_perm("articles.view_article") or workflow.can_edit(user, obj)

    def has_add_permission(self, request, obj):
        return workflow.can_edit(request.user, obj)

    def has_change_permission(self, request, obj=None):
        return workflow.can_edit(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        return workflow.can_edit(request.user, obj)


class BylineFormSet(forms.BaseInlineFormSet):
    def clean(self):
        """A published article stays complete; checked here, where the new byline is known.

        Inline formsets are cleaned after the article's form, so `self.instance` already
        carries its new title, body, image and status.
        """
        super().clean()
        article = self.instance
        if article.status != Status.PUBLISHED:
            return
        authors = [
            form.cleaned_data["author"]
            for form in self.forms
            if form.cleaned_data.get("author") and not form.cleaned_data.get("DELETE")
        ]
        try:
            workflow.check_complete(article, authors=authors)
        except workflow.Incomplete as incomplete:
            raise ValidationError(incomplete.message) from incomplete


class AuthorshipInline(PartOfTheArticle, admin.TabularInline):
    model = Authorship
    formset = BylineFormSet
    extra = 1
    autocomplete_fields = ["author"]
    verbose_name = "author"
    verbose_name_plural = "byline (in order)"


class CorrectionInline(PartOfTheArticle, admin.TabularInline):
    model = Correction
    extra = 0
    verbose_name_plural = "corrections (shown at the article's foot; adding one is an update)"


def preview_link_address(link):
    """The full address to send: it leaves the site, so it is absolute."""
    return settings.SITE_URL + reverse("preview_link", kwargs={"token": link.token})


class PreviewLinkForm(forms.ModelForm):
    revoke = forms.BooleanField(required=False, help_text="The link stops working at once.")

    class Meta:
        model = PreviewLink
        fields = ["expires_at"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:
            self.fields["expires_at"].initial = workflow.default_preview_expiry
        elif self.instance.revoked_at:
            self.fields["revoke"].disabled = True

    def has_changed(self):
        # A new row's default expiry is a choice too: "Add another" means make a link.
        return self.instance.pk is None or super().has_changed()

    def save(self, commit=True):
        link = super().save(commit=False)
        if link.pk is None:
            link.token = workflow.new_preview_token()
        if self.cleaned_data.get("revoke") and link.revoked_at is None:
            link.revoked_at = timezone.now()
        if commit:
            link.save()
        return link


class PreviewLinkInline(PartOfTheArticle, admin.TabularInline):
    model = PreviewLink
    form = PreviewLinkForm
    extra = 0
    can_delete = False
    fields = ["address", "link_state", "expires_at", "revoke", "created_by", "created_at"]
    readonly_fields = ["address", "link_state", "created_by", "created_at"]
    verbose_name_plural = "preview links (anyone with the address sees the unpublished article)"

    @admin.display(description="Address to copy")
    def address(self, link):
        if not link.pk:
            return "Made when you save."
        return format_html("<code>{}</code>", preview_link_address(link))

    @admin.display(description="State")
    def link_state(self, link):
        if not link.pk:
            return "New"
        if link.revoked_at:
            return "Revoked"
        return "Active" if link.is_active else "Expired"


class ArticleForm(forms.ModelForm):
    # The edit_version this form was opened at; saving a stale copy is refused.
    based_on = forms.IntegerField(widget=forms.HiddenInput, required=False)
    mark_as_update = forms.BooleanField(
        label="Mark as an update",
        required=False,
        help_text="For a change readers should know about: the story shows “Updated:” with the "
        "time of this save. Leave it unticked for a typo fix.",
    )

    # Set for each request by ArticleAdmin.get_form.
    user = None
    # In the history's restore view, the article as saved before the restore rewound it.
    live = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.conflict = None
        self.saved = None
        current = self.live or self.instance
        if "based_on" in self.fields:
            self.fields["based_on"].initial = current.edit_version
        if "status" in self.fields:
            self.fields["status"].choices = [
                (status.value, status.label)
                for status in workflow.allowed_statuses(self.user, current)
            ]

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk is not None:
            try:
                # Locks the row until the admin's transaction ends: no save can slip between.
                self.saved = workflow.check_fresh(
                    article_id=self.instance.pk,
                    based_on=cleaned_data.get("based_on"),
                    saved=self.live,
                )
            except workflow.EditConflict as conflict:
                self._refuse_stale_copy(conflict, cleaned_data)
            self.instance.edit_version = self.saved.edit_version
        status = cleaned_data.get("status")
        if status is not None:
            try:
                workflow.check_transition(
                    user=self.user, article=self.saved or self.instance, to=status
                )
            except workflow.NotAllowed as refusal:
                self.add_error("status", refusal.message)
            if status == Status.PUBLISHED and not cleaned_data.get("published_at"):
                cleaned_data["published_at"] = timezone.now()
        return cleaned_data

    def _refuse_stale_copy(self, conflict, cleaned_data):
        based_on = cleaned_data.get("based_on")
        self.conflict = {
            "message": conflict.message,
            "rows": history.changed_since(conflict.saved, based_on, cleaned_data),
        }
        # The submitted text stays in the form, now based on the saved copy: saving again
        # after reading the differences is a deliberate choice (and kept in the history).
        self.data = self.data.copy()
        self.data[self.add_prefix("based_on")] = conflict.saved.edit_version
        raise ValidationError(
            f"{conflict.message} Your changes are not saved yet: they are still in the form. "
            "Re-apply what is needed from the table above, then save again."
        )


class StatusFilter(admin.SimpleListFilter):
    title = "status"
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [
            ("draft", "Draft"),
            ("review", "In review"),
            ("scheduled", "Scheduled"),
            ("live", "Published (public)"),
        ]

    def queryset(self, request, queryset):
        match self.value():
            case "scheduled":
                return queryset.scheduled()
            case "live":
                return queryset.published()
            case "draft" | "review" as status:
                return queryset.filter(status=status)
        return queryset


class MineFilter(admin.SimpleListFilter):
    title = "whose"
    parameter_name = "mine"

    def lookups(self, request, model_admin):
        return [("yes", "Mine (created by me or on my byline)")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.owned_by(request.user)
        return queryset


@admin.register(Article)
class ArticleAdmin(VersionAdmin):
    form = ArticleForm
    list_display = ["thumbnail", "title", "status_badge", "publication", "byline", "primary_tag"]
    list_display_links = ["title"]
    list_filter = [StatusFilter, MineFilter, "tags", "authors", "published_at"]
    search_fields = ["title", "standfirst", "body", "authorships__author__name"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["primary_tag"]
    inlines = [AuthorshipInline, CorrectionInline, PreviewLinkInline]
    save_on_top = True
    actions = ["submit_for_review", "publish", "unpublish"]
    history_latest_first = True
    change_form_template = "admin/articles/article/change_form.html"
    change_list_template = "admin/articles/article/change_list.html"
    object_history_template = "admin/articles/article/object_history.html"

    class Media:
        css = {"all": ["admin/newsroom.css"]}

    def get_queryset(self, request):
        # Every column's joins, so the list costs the same whatever its length.
        byline = Prefetch("authorships", queryset=Authorship.objects.select_related("author"))
        return super().get_queryset(request).select_related("primary_tag").prefetch_related(byline)

    def get_fieldsets(self, request, obj=None):
        publishing = ["state_text", "status", "published_at", "is_featured", "updated_at"]
        extra = []  # fields of the form alone: a read-only view has nothing to show for them
        if obj is None or self.has_change_permission(request, obj):
            extra.append("based_on")
            if obj is not None and obj.is_published:
                publishing.append("mark_as_update")
        return [
            (None, {"fields": ["title", "slug", "standfirst", "body"]}),
            ("Lead image", {"fields": ["lead_image", *LEAD_IMAGE_DETAILS]}),
            ("Tags", {"fields": ["primary_tag", "tags"]}),
            ("Publishing", {"fields": [*publishing, "last_saved", *extra]}),
        ]

    def get_readonly_fields(self, request, obj=None):
        readonly = ["state_text", "updated_at", "last_saved"]
        if not workflow.can_publish(request.user, obj):
            readonly += ["published_at", "is_featured"]
        return readonly

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        live = getattr(request, "article_before_restore", None)
        return type(form.__name__, (form,), {"user": request.user, "live": live})

    # Who may do what: all asked of workflow.py.

    def has_change_permission(self, request, obj=None):
        return workflow.can_edit(request.user, obj)

    def has_publish_permission(self, request):
        return workflow.can_publish(request.user)

    def _can_recover(self, request):
        return self.has_add_permission(request) and self.has_delete_permission(request)

    # Saving.

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        obj.modified_by = request.user
        if form.cleaned_data.get("mark_as_update"):
            workflow.mark_updated(article=obj)
        super().save_model(request, obj, form, change)
        if change and form.saved.status == Status.PUBLISHED:
            workflow.remember_old_slug(article=obj, old_slug=form.saved.slug)

    def save_formset(self, request, form, formset, change):
        if formset.model is not PreviewLink:
            super().save_formset(request, form, formset, change)
        else:
            for link in formset.save(commit=False):
                link.created_by = link.created_by or request.user
                link.save()
        was_public = change and form.saved.is_published
        if formset.model is Correction and formset.new_objects and was_public:
            # A correction is news to readers: it counts as an update.
            workflow.mark_updated(article=form.instance)
            form.instance.save(update_fields=["updated_at"])

    # The list.

    @admin.display(description="Status", ordering="status")
    def status_badge(self, article):
        # With where to read it: the public page once published, a preview before.
        if article.is_published:
            link = ("View on site", article.get_absolute_url())
        else:
            link = ("Preview", article.get_preview_url())
        return format_html('{}<br><a href="{}">{}</a>', badge(article), link[1], link[0])

    @admin.display(description="Publication time", ordering="published_at")
    def publication(self, article):
        if article.published_at is None:
            return "—"
        return date_format(timezone.localtime(article.published_at), "j M Y, H:i")

    @admin.display(description="State")
    def state_text(self, article):
        return badge(article) if article.pk else "New draft"

    @admin.display(description="Authors")
    def byline(self, article):
        return ", ".join(author.name for author in article.byline) or "—"

    @admin.display(description="Photo")
    def thumbnail(self, article):
        return thumbnail_html(
            article.lead_image, article.lead_image_renditions, size=48, css_class="nr-thumb"
        )

    @admin.display(description="Last saved")
    def last_saved(self, article):
        if not article.pk:
            return "—"
        who = article.modified_by.get_username() if article.modified_by else "someone"
        when = date_format(timezone.localtime(article.modified_at), "j M Y, H:i")
        return f"{when} by {who}"

    def view_on_site(self, article):
        return article.get_absolute_url() if article.is_published else None

    # Bulk actions: each article is its own transition and its own revision.

    @admin.action(description="Submit for review", permissions=["change"])
    def submit_for_review(self, request, queryset):
        self._transition(request, queryset, workflow.submit_for_review, "Submitted for review")

    @admin.action(description="Publish (a future time on it schedules it)", permissions=["publish"])
    def publish(self, request, queryset):
        self._transition(request, queryset, workflow.publish, "Published")

    @admin.action(description="Unpublish (back to draft)", permissions=["publish"])
    def unpublish(self, request, queryset):
        self._transition(request, queryset, workflow.unpublish, "Unpublished")

    def _transition(self, request, queryset, transition, done):
        succeeded, refused = [], []
        for article in queryset:
            try:
                with reversion.create_revision():
                    transition(article=article, user=request.user)
                    reversion.set_user(request.user)
                    reversion.set_comment(f"{done} (bulk action).")
            except workflow.WorkflowError as refusal:
                refused.append(f"“{article}”: {refusal.message}")
                continue
            self.log_change(request, article, f"{done} (bulk action).")
            key, words = state(article)
            succeeded.append(f"“{article}”" + (f" ({words})" if key == "scheduled" else ""))
        if succeeded:
            self.message_user(request, f"{done}: {', '.join(succeeded)}.", messages.SUCCESS)
        if refused:
            self.message_user(
                request, f"Not done for {len(refused)}: {' '.join(refused)}", messages.WARNING
            )

    def changelist_view(self, request, extra_context=None):
        # Not VersionAdmin's: it would gather every article a bulk action touches into one
        # revision (and restoring it would restore them all). Each gets its own instead.
        context = {"can_recover": self._can_recover(request), **(extra_context or {})}
        return super(VersionAdmin, self).changelist_view(request, context)

    # The change form.

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["conflict"] = context["adminform"].form.conflict
        if obj is not None and not obj.is_published and workflow.can_preview(request.user, obj):
            context["preview_url"] = obj.get_preview_url()
        context["publication_problems"] = [
            error
            for inline in context.get("inline_admin_formsets", [])
            if inline.formset.model is Authorship
            for error in inline.formset.non_form_errors()
        ]
        return super().render_change_form(request, context, add, change, form_url, obj)

    # History: see, compare, restore, recover.

    def get_urls(self):
        compare = path(
            "<path:object_id>/history/<int:version_id>/compare/",
            self.admin_site.admin_view(self.compare_view),
            name="articles_article_compare",
        )
        return [compare, *super().get_urls()]

    def compare_view(self, request, object_id, version_id):
        article = self.get_object(request, unquote(object_id))
        if article is None:
            raise Http404
        if not self.has_view_or_change_permission(request, article):
            raise PermissionDenied
        version = get_object_or_404(
            Version.objects.get_for_object(article).select_related("revision__user"),
            pk=version_id,
        )
        then, now = history.version_snapshot(version), history.article_snapshot(article)
        rows = [
            (history.label(name), then[name], now[name], then[name] != now[name])
            for name in history.FIELDS
        ]
        saved_at = date_format(timezone.localtime(version.revision.date_created), "j M Y, H:i")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": article,
            "version": version,
            "rows": rows,
            "title": f"The revision of {saved_at} beside the article now",
            "restore_url": reverse(
                "admin:articles_article_revision", args=[article.pk, version.pk]
            ),
            "can_restore": self.has_change_permission(request, article),
            "media": self.media,
        }
        return TemplateResponse(request, "admin/articles/article/compare.html", context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        # Restoring rewinds the article's row (edit_version, status and slug too) before the
        # form is shown or saved, so the form is judged against the live copy kept here.
        with transaction.atomic():
            live = get_object_or_404(Article.objects.select_for_update(), pk=unquote(object_id))
            if request.method == "POST" and not workflow.can_edit(request.user, live):
                raise PermissionDenied
            request.article_before_restore = live
            return super().revision_view(request, object_id, version_id, extra_context)

    def recoverlist_view(self, request, extra_context=None):
        if not self._can_recover(request):
            raise PermissionDenied
        return super().recoverlist_view(request, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        if not self._can_recover(request):
            raise PermissionDenied
        return super().recover_view(request, version_id, extra_context)
