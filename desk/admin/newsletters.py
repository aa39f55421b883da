"""The newsletters in the admin: define them, preview and test-send editions, start,
pause and resume sends, and see their ledger's progress; readers, subscriptions and
suppressed addresses read-only. Editors only (newsletters.services.catalogue.can_manage);
every write goes through the newsletters' services.
"""

from csp.constants import UNSAFE_INLINE
from csp.decorators import csp_update
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html

from newsletters import rendering
from newsletters.models import Delivery, Edition, Newsletter, Subscription, Suppression
from newsletters.services import catalogue, editions, sending
from readers.models import Reader


class EditorsOnly:
    def has_module_permission(self, request):
        return catalogue.can_manage(request.user)

    def has_view_permission(self, request, obj=None):
        return catalogue.can_manage(request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Newsletter)
class NewsletterAdmin(EditorsOnly, admin.ModelAdmin):
    list_display = [
        "name",
        "language",
        "kind",
        "send_time",
        "is_active",
        "offered_on_stories",
        "subscribers",
    ]
    list_filter = ["language", "kind", "is_active"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    fields = [
        "name",
        "slug",
        "description",
        "language",
        "kind",
        "send_time",
        "story_count",
        "is_active",
        "offered_on_stories",
        "position",
    ]
    actions = ["make_draft"]

    def has_add_permission(self, request):
        return catalogue.can_manage(request.user)

    def has_change_permission(self, request, obj=None):
        return catalogue.can_manage(request.user)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(subscriber_count=Count("subscriptions"))

    @admin.display(description="subscribers", ordering="subscriber_count")
    def subscribers(self, newsletter):
        return newsletter.subscriber_count

    def save_model(self, request, obj, form, change):
        catalogue.save_newsletter(newsletter=obj, user=request.user)

    @admin.action(description="Make a draft edition from the stories since the last one")
    def make_draft(self, request, queryset):
        for newsletter in queryset:
            edition = editions.make_draft(newsletter=newsletter, user=request.user)
            url = reverse("admin:newsletters_edition_change", args=[edition.pk])
            self.message_user(
                request, format_html('Draft made: <a href="{}">{}</a>', url, edition.subject)
            )


@admin.register(Edition)
class EditionAdmin(EditorsOnly, admin.ModelAdmin):
    list_display = ["subject", "newsletter", "status", "created_at", "finished_at", "progress"]
    list_filter = ["newsletter", "status"]
    list_select_related = ["newsletter"]
    date_hierarchy = "created_at"
    search_fields = ["subject"]
    readonly_fields = [
        "subject",
        "newsletter",
        "status",
        "progress",
        "started_at",
        "finished_at",
        "preview",
    ]
    fields = readonly_fields
    actions = ["start_sending", "pause_sending", "resume_sending", "send_test"]

    def get_queryset(self, request):
        sent = Count("deliveries", filter=Q(deliveries__status=Delivery.Status.SENT))
        return (
            super()
            .get_queryset(request)
            .annotate(sent_count=sent, recipient_count=Count("deliveries"))
        )

    @admin.display(description="sent / recipients")
    def progress(self, edition):
        return f"{edition.sent_count} / {edition.recipient_count}"

    @admin.display(description="preview")
    def preview(self, edition):
        html = reverse("admin:newsletters_edition_preview", args=[edition.pk])
        text = reverse("admin:newsletters_edition_preview_text", args=[edition.pk])
        return format_html('<a href="{}">HTML</a> · <a href="{}">plain text</a>', html, text)

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<int:pk>/preview/", view(self.preview_html), name="newsletters_edition_preview"),
            path(
                "<int:pk>/preview.txt",
                view(self.preview_text),
                name="newsletters_edition_preview_text",
            ),
            *super().get_urls(),
        ]

    def _edition(self, request, pk):
        if not self.has_view_permission(request):
            raise PermissionDenied
        return get_object_or_404(Edition, pk=pk)

    # The mail as readers get it: its styles are inline, as mail needs.
    @csp_update({"style-src": [UNSAFE_INLINE]})
    def preview_html(self, request, pk):
        edition = self._edition(request, pk)
        return HttpResponse(rendering.personalise(edition.html, "#unsubscribe"))

    def preview_text(self, request, pk):
        edition = self._edition(request, pk)
        text = rendering.personalise(edition.text, "(the reader's unsubscribe address)")
        return HttpResponse(text, content_type="text/plain; charset=utf-8")

    def _each(self, request, queryset, action, done):
        for edition in queryset:
            try:
                action(edition=edition, user=request.user)
            except (sending.NotAllowed, editions.NotAllowed) as refused:
                self.message_user(request, f"“{edition}”: {refused}", messages.WARNING)
            else:
                self.message_user(request, f"“{edition}”: {done}.")

    @admin.action(description="Start sending to every subscriber")
    def start_sending(self, request, queryset):
        self._each(request, queryset, editions.start, "sending")

    @admin.action(description="Pause sending")
    def pause_sending(self, request, queryset):
        self._each(request, queryset, editions.pause, "paused")

    @admin.action(description="Resume sending")
    def resume_sending(self, request, queryset):
        self._each(request, queryset, editions.resume, "sending again")

    @admin.action(description="Send a test to my address")
    def send_test(self, request, queryset):
        if not request.user.email:
            self.message_user(request, "Your account has no email address.", messages.WARNING)
            return
        for edition in queryset:
            editions.test_send(edition=edition, user=request.user, to=request.user.email)
        self.message_user(request, f"Test sent to {request.user.email}.")


@admin.register(Subscription)
class SubscriptionAdmin(EditorsOnly, admin.ModelAdmin):
    list_display = ["reader", "newsletter", "confirmed_at"]
    list_filter = ["newsletter"]
    list_select_related = ["reader", "newsletter"]
    search_fields = ["reader__email"]


@admin.register(Suppression)
class SuppressionAdmin(EditorsOnly, admin.ModelAdmin):
    list_display = ["email", "reason", "detail", "created_at"]
    list_filter = ["reason"]
    search_fields = ["email"]


@admin.register(Reader)
class ReaderAdmin(EditorsOnly, admin.ModelAdmin):
    list_display = ["email", "name", "created_at", "signed_in_at"]
    search_fields = ["email", "name"]
    fields = ["email", "name", "created_at", "signed_in_at"]


class BreakingNewsAlert:
    """The article list's action: send the chosen stories as breaking-news alerts."""

    @admin.action(description="Send as a breaking-news alert", permissions=["alert"])
    def send_breaking_alert(self, request, queryset):
        for article in queryset:
            try:
                made = editions.send_alert(article=article, user=request.user)
            except editions.NotAllowed as refused:
                self.message_user(request, f"“{article}”: {refused}", messages.WARNING)
                continue
            if made:
                self.message_user(request, f"“{article}”: alert sending.")
            else:
                self.message_user(
                    request, f"“{article}”: already sent as an alert.", messages.WARNING
                )

    def has_alert_permission(self, request):
        return catalogue.can_manage(request.user)
