"""SectionAdmin: the masthead's links to tags."""

from django.contrib import admin

from public.models import Section


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    """The masthead's sections: which tags it links to, and in what order."""

    list_display = ["shown_as", "tag", "position"]
    list_editable = ["position"]
    list_display_links = ["shown_as"]
    ordering = ["position", "pk"]
    autocomplete_fields = ["tag"]
    search_fields = ["label", "tag__name"]
    fieldsets = [
        (None, {"fields": ["tag", "label", "position"]}),
        ("Ukrainian edition", {"fields": ["label_uk"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).for_masthead()

    @admin.display(description="shown as", ordering="label")
    def shown_as(self, section):
        return section.name
