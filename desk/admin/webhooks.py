"""Webhooks in the admin: endpoints (added, changed, enabled, disabled, their secrets
rotated through webhooks/endpoints.py), and the delivery log, read-only, where a
delivery is replayed. Administrators and superusers, like the API keys."""

from django import forms
from django.contrib import admin

from webhooks import endpoints
from webhooks.models import Attempt, Delivery, Endpoint, Event, EventType

from .api_keys import NeverDeleted


class EndpointForm(forms.ModelForm):
    url = forms.URLField(max_length=500, assume_scheme="https")
    event_types = forms.MultipleChoiceField(
        choices=EventType.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="None ticked: every event.",
    )

    class Meta:
        model = Endpoint
        fields = ["url", "description", "contact_email", "event_types"]


@admin.register(Endpoint)
class EndpointAdmin(NeverDeleted, admin.ModelAdmin):
    form = EndpointForm
    list_display = ["url", "description", "is_active", "disabled_at", "created_at"]
    list_filter = ["is_active"]
    search_fields = ["url", "description", "contact_email"]
    readonly_fields = ["secret", "is_active", "disabled_at", "disabled_reason", "created_at"]
    actions = ["enable", "disable", "rotate"]

    def save_model(self, request, obj, form, change):
        fields = {
            "url": obj.url,
            "description": obj.description,
            "contact_email": obj.contact_email,
            "event_types": form.cleaned_data["event_types"],
        }
        if change:
            endpoints.change_endpoint(endpoint=obj, **fields)
            return
        made = endpoints.create_endpoint(**fields)
        obj.pk, obj.secret, obj._state.adding = made.pk, made.secret, False

    @admin.action(description="Enable: send the waiting events, in order")
    def enable(self, request, queryset):
        for endpoint in queryset:
            endpoints.enable_endpoint(endpoint=endpoint)

    @admin.action(description="Disable: keep the events for later")
    def disable(self, request, queryset):
        for endpoint in queryset:
            endpoints.disable_endpoint(endpoint=endpoint, by=request.user)

    @admin.action(description="Rotate the secret (tell the partner first)")
    def rotate(self, request, queryset):
        for endpoint in queryset:
            endpoints.rotate_secret(endpoint=endpoint)


class AttemptInline(admin.TabularInline):
    model = Attempt
    fields = ["attempted_at", "status_code", "error", "response_excerpt", "milliseconds"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class ReadOnly(NeverDeleted):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Delivery)
class DeliveryAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["event", "story", "endpoint", "status", "attempts", "next_attempt_at"]
    list_filter = ["status", "event__type", "endpoint"]
    search_fields = ["event__message_id", "event__story_slug"]
    list_select_related = ["event", "endpoint"]
    inlines = [AttemptInline]
    actions = ["replay"]
    fields = [
        "event",
        "endpoint",
        "status",
        "attempts",
        "next_attempt_at",
        "delivered_at",
        "last_error",
        "body",
    ]
    readonly_fields = fields

    @admin.display(description="Story", ordering="event__story_slug")
    def story(self, delivery):
        return delivery.event.story_slug

    @admin.display(description="Body sent")
    def body(self, delivery):
        return delivery.event.payload or "— (written when first sent)"

    @admin.action(description="Replay: send again (same webhook-id and body)")
    def replay(self, request, queryset):
        for delivery in queryset:
            endpoints.replay_delivery(delivery=delivery)
        self.message_user(request, f"{queryset.count()} delivery(ies) sent again.")


@admin.register(Event)
class EventAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["message_id", "type", "story_slug", "created_at"]
    list_filter = ["type"]
    search_fields = ["message_id", "story_slug"]
    fields = ["message_id", "type", "story_id", "story_slug", "subject_id", "created_at"]
    readonly_fields = fields
