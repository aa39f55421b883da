"""The audit trail: Administrators read, filter and export it; nobody adds, edits or
deletes an entry here (superusers included)."""

import csv

from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.http import StreamingHttpResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone

from .. import audit
from ..models import AuditEntry

Action = audit.Action
User = get_user_model()


class _Echo:
    def write(self, value):
        return value


def _cell(value):
    """A cell a spreadsheet shows as text, never runs as a formula (=, +, -, @)."""
    text = str(value if value is not None else "")
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["at", "who", "action", "object", "address", "detail"]
    list_filter = ["action", "target_type", "actor_name"]
    search_fields = ["actor_name", "target_repr", "detail", "address"]
    date_hierarchy = "at"
    fields = ["at", "actor_name", "action", "target_type", "target_id", "target_repr"]
    fields += ["detail", "address"]
    readonly_fields = fields
    actions = None
    list_per_page = 100
    change_list_template = "admin/staff/auditentry/change_list.html"

    @admin.display(description="who", ordering="actor_name")
    def who(self, entry):
        return entry.actor_name or "—"

    @admin.display(description="object", ordering="target_repr")
    def object(self, entry):
        if not entry.target_type:
            return "—"
        kind = entry.target_type.split(".")[-1]
        return f"{entry.target_repr} ({kind} {entry.target_id})"

    # Read only, for everyone.

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        export = path(
            "export/",
            self.admin_site.admin_view(self.export_view),
            name="staff_auditentry_export",
        )
        return [export, *super().get_urls()]

    def changelist_view(self, request, extra_context=None):
        query = request.GET.urlencode()
        export_url = reverse("admin:staff_auditentry_export") + (f"?{query}" if query else "")
        return super().changelist_view(request, {"export_url": export_url, **(extra_context or {})})

    def export_view(self, request):
        """The entries the list shows (its filters, search and order), every page, as CSV."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        try:
            entries = self.get_changelist_instance(request).get_queryset(request)
        except IncorrectLookupParameters:
            messages.error(request, "Those filters are not valid: nothing was exported.")
            return redirect("admin:staff_auditentry_changelist")
        writer = csv.writer(_Echo())
        header = ["when", "who", "what", "kind of object", "object id", "object", "detail"]
        header.append("address")
        rows = (
            [
                timezone.localtime(entry.at).isoformat(timespec="seconds"),
                entry.actor_name,
                entry.get_action_display(),
                entry.target_type,
                entry.target_id,
                entry.target_repr,
                entry.detail,
                entry.address,
            ]
            for entry in entries.iterator()
        )
        lines = (writer.writerow([_cell(value) for value in row]) for row in rows)
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
        response = StreamingHttpResponse(
            _chain(writer.writerow(header), lines), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="audit-trail-{stamp}.csv"'
        return response


def _chain(first, rest):
    yield first
    yield from rest
