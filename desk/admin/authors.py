"""AuthorAdmin: journalists' profiles, each kept current by its journalist or an editor."""

from django.contrib import admin

from authors.models import Author
from imaging.admin_helpers import thumbnail_html

from .revisions import OwnRevisionsAdmin


@admin.register(Author)
class AuthorAdmin(OwnRevisionsAdmin):
    """Editors manage every profile; a staff user linked to a profile keeps that one current.

    Everyone on the desk may see the list (bylines are picked from it by autocomplete).
    Every save keeps a revision (OwnRevisionsAdmin); the history is read-only, and no
    profile is recovered or restored from here: no workflow service does it yet.
    """

    # The stock list, not reversion's: it would offer a recovery no service serves.
    change_list_template = None
    list_display = ["portrait", "name", "role", "user"]
    list_display_links = ["name"]
    list_select_related = ["user"]
    search_fields = ["name", "role"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["user"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "role", "short_bio", "bio"]}),
        (
            "Ukrainian edition",
            {
                "fields": ["name_uk", "role_uk", "short_bio_uk", "bio_uk"],
                "description": "Shown on the Ukrainian edition's pages; an empty field "
                "shows the English one there.",
            },
        ),
        ("Portrait", {"fields": ["portrait_preview", "avatar"]}),
        ("Account", {"fields": ["user"]}),
    ]

    @admin.display(description="")
    def portrait(self, author):
        return thumbnail_html(author.avatar, author.avatar_renditions, size=40)

    @admin.display(description="Current portrait")
    def portrait_preview(self, author):
        return thumbnail_html(author.avatar, author.avatar_renditions, size=160) or "—"

    def _manages_authors(self, request):
        return request.user.has_perm("authors.change_author")

    def _is_own_profile(self, request, obj):
        return obj is not None and obj.user_id is not None and obj.user_id == request.user.pk

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) or self._is_own_profile(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) or self._is_own_profile(request, obj)

    def get_readonly_fields(self, request, obj=None):
        # Who the profile belongs to, and its address, are the desk's to decide.
        preview = ["portrait_preview"]
        return preview if self._manages_authors(request) else [*preview, "user", "slug"]

    def get_prepopulated_fields(self, request, obj=None):
        return self.prepopulated_fields if self._manages_authors(request) else {}
