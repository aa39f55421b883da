"""TagAdmin: taggit's tag admin, with the tag's name in the other editions beside it.

A tag's Ukrainian name is a row of its own (`articles.TagTranslation`: taggit's `Tag` is
not ours to add a column to), edited in the tag's own form by whoever may change tags
(Editors): the row follows the tag's permissions, not permissions of its own.
"""

from django.contrib import admin
from taggit.admin import TagAdmin as TaggitTagAdmin
from taggit.models import Tag

from articles.models import TagTranslation


class TagTranslationInline(admin.StackedInline):
    model = TagTranslation
    fields = ["name_uk"]
    verbose_name = "Ukrainian edition"
    verbose_name_plural = "Ukrainian edition"
    max_num = 1
    can_delete = False

    def _may_change_tags(self, request):
        return request.user.has_perm("taggit.change_tag") or request.user.has_perm("taggit.add_tag")

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("taggit.view_tag")

    def has_add_permission(self, request, obj=None):
        return self._may_change_tags(request)

    def has_change_permission(self, request, obj=None):
        return self._may_change_tags(request)

    def has_delete_permission(self, request, obj=None):
        return False


admin.site.unregister(Tag)


@admin.register(Tag)
class TagAdmin(TaggitTagAdmin):
    inlines = [*TaggitTagAdmin.inlines, TagTranslationInline]
    list_display = ["name", "name_uk", "slug"]
    list_select_related = ["translation"]

    @admin.display(description="name in Ukrainian", ordering="translation__name_uk")
    def name_uk(self, tag):
        translation = getattr(tag, "translation", None)
        return translation.name_uk if translation is not None else ""
