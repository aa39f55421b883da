"""The front page in the admin: layouts of zones and slots, their preview, and the banner.

Only Editors and Administrators hold these models' permissions (frontpage/migrations/0002),
so only they see them; every save, delete and action goes through frontpage/services.py,
which checks again. A layout is arranged on its page (its zones), each zone on its own
(its slots); "Preview" shows the page as the layout would arrange it now.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import OuterRef, Subquery
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone, translation
from django.utils.html import format_html
from django.views.decorators.cache import never_cache

from frontpage import services
from frontpage.arrangement import arrange
from frontpage.models import Banner, Layout, Slot, Zone


class FrontPagePartAdmin(admin.ModelAdmin):
    """Saves and deletes through the front page's services, inlines included."""

    def save_model(self, request, obj, form, change):
        services.save_part(obj=obj, user=request.user)

    def delete_model(self, request, obj):
        services.delete_part(obj=obj, user=request.user)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            services.delete_part(obj=obj, user=request.user)

    def save_formset(self, request, form, formset, change):
        instances = formset.save(commit=False)
        for obj in formset.deleted_objects:
            services.delete_part(obj=obj, user=request.user)
        for obj in instances:
            services.save_part(obj=obj, user=request.user)
        formset.save_m2m()


class ZoneInline(admin.TabularInline):
    model = Zone
    fields = ["position", "kind", "heading"]
    extra = 1
    show_change_link = True  # its slots are arranged on the zone's own page


class SlotInline(admin.TabularInline):
    model = Slot
    fields = ["position", "article", "headline", "photo", "pinned_until", "source_tag"]
    autocomplete_fields = ["article", "photo", "source_tag"]
    extra = 1


@admin.register(Layout)
class LayoutAdmin(FrontPagePartAdmin):
    list_display = ["name", "language", "live_from", "state", "preview_link"]
    list_filter = ["language"]
    ordering = ["-live_from", "-pk"]
    fields = ["name", "language", "live_from"]
    inlines = [ZoneInline]
    actions = ["make_live_now", "copy_as_draft", "restore_previous"]
    save_on_top = True

    def get_queryset(self, request):
        # Which layout is live, in the changelist's one query (for the "state" column).
        # Each edition has its own front page: the layout live in the row's edition.
        live = Layout.objects.filter(
            language=OuterRef("language"), live_from__lte=timezone.now()
        ).order_by("-live_from", "-pk")
        return super().get_queryset(request).annotate(live_pk=Subquery(live.values("pk")[:1]))

    @admin.display(description="On the front page")
    def state(self, layout):
        if layout.live_from is None:
            return "Draft"
        if layout.live_from > timezone.now():
            return "Scheduled"
        return "Live now" if layout.pk == getattr(layout, "live_pk", None) else "Was live"

    @admin.display(description="Preview")
    def preview_link(self, layout):
        url = reverse("admin:frontpage_layout_preview", args=[layout.pk])
        return format_html('<a href="{}">Preview {}</a>', url, layout.name)

    @admin.action(description="Make the selected layout live now")
    def make_live_now(self, request, queryset):
        layout = queryset.order_by("-pk").first()
        services.schedule_layout(layout=layout, user=request.user)
        self.message_user(request, f"“{layout}” is on the front page now.", messages.SUCCESS)

    @admin.action(description="Copy the selected layouts as drafts")
    def copy_as_draft(self, request, queryset):
        for layout in queryset:
            services.copy_layout(layout=layout, user=request.user)
        self.message_user(request, "Copied as drafts.", messages.SUCCESS)

    @admin.action(description="Restore the layout live before the current one")
    def restore_previous(self, request, queryset):
        # On the front page of the selected layout's edition.
        language = queryset.order_by("-pk").values_list("language", flat=True).first()
        try:
            restored = services.restore_previous(user=request.user, language=language)
        except Layout.DoesNotExist as error:
            self.message_user(request, str(error), messages.WARNING)
            return
        self.message_user(request, f"“{restored}” is on the front page now.", messages.SUCCESS)

    def get_urls(self):
        preview = path(
            "<int:pk>/preview/",
            self.admin_site.admin_view(never_cache(self.preview_view)),
            name="frontpage_layout_preview",
        )
        return [preview, *super().get_urls()]

    def preview_view(self, request, pk):
        """The front page as this layout arranges it now, live or not: staff only."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        layout = get_object_or_404(Layout, pk=pk)
        # In its edition's language, as that edition's readers will see it.
        with translation.override(layout.language):
            context = {"arrangement": arrange(layout), "preview_of": layout}
            response = TemplateResponse(request, "frontpage/front_page.html", context)
            return response.render()


@admin.register(Zone)
class ZoneAdmin(FrontPagePartAdmin):
    list_display = ["__str__", "layout", "kind", "position"]
    list_select_related = ["layout"]
    list_filter = ["kind"]
    fields = ["layout", "position", "kind", "heading"]
    inlines = [SlotInline]

    def has_module_permission(self, request):
        return False  # reached from its layout's page


@admin.register(Banner)
class BannerAdmin(admin.ModelAdmin):
    list_display = ["text", "language", "is_up", "is_live", "shown_from", "shown_until"]
    list_filter = ["language"]
    list_select_related = ["article"]
    fields = ["text", "language", "article", "is_live", "shown_from", "shown_until"]
    autocomplete_fields = ["article"]
    actions = ["raise_now", "take_down_now"]

    @admin.display(description="Up now", boolean=True)
    def is_up(self, banner):
        now = timezone.now()
        started = banner.shown_from is not None and banner.shown_from <= now
        return started and (banner.shown_until is None or banner.shown_until > now)

    def save_model(self, request, obj, form, change):
        services.save_banner(banner=obj, user=request.user)

    def delete_model(self, request, obj):
        services.delete_banner(banner=obj, user=request.user)

    def delete_queryset(self, request, queryset):
        for banner in queryset:
            services.delete_banner(banner=banner, user=request.user)

    @admin.action(description="Raise the selected banner now")
    def raise_now(self, request, queryset):
        banner = queryset.order_by("-pk").first()
        services.raise_banner(banner=banner, user=request.user)
        self.message_user(request, f"“{banner}” is on every page now.", messages.SUCCESS)

    @admin.action(description="Take the selected banners down now")
    def take_down_now(self, request, queryset):
        for banner in queryset:
            services.lower_banner(banner=banner, user=request.user)
        self.message_user(request, "Taken down.", messages.SUCCESS)
