"""The article list's own filters: where a story stands, and whose it is."""

from django.contrib import admin


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
