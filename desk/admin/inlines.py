"""The rows edited beside an article: its byline, its corrections, its preview links."""

from django.conf import settings
from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html

from articles import workflow
from articles.models import Authorship, Correction, PreviewLink

from .forms import BylineFormSet, PreviewLinkForm


class PartOfTheArticle:
    """Inline rows are part of the article: whoever may edit it may edit them."""

    def has_view_permission(self, request, obj=None):
        user = request.user
        return workflow.can_view(user, obj)

    def has_add_permission(self, request, obj):
        return workflow.can_edit(request.user, obj)

    def has_change_permission(self, request, obj=None):
        return workflow.can_edit(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        return workflow.can_edit(request.user, obj)


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
