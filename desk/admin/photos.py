"""The photo library in the admin: search by caption or credit, newest first, thumbnails.

Its picker view answers the body editor's dialog with JSON. Saving and deleting go
through articles/photos.py, which carries a changed caption or credit to every story
that shows the photo.
"""

from django.contrib import admin
from django.db.models import Q
from django.http import JsonResponse
from django.urls import path

from articles import photos
from articles.models import Photo
from articles.numbers import MAX_ID, whole_number
from imaging.admin_helpers import thumbnail_html, thumbnail_source

PICKER_SIZE = 160
PICKER_LIMIT = 24


@admin.register(Photo)
class PhotoAdmin(admin.ModelAdmin):
    list_display = ["thumbnail", "caption_text", "credit", "created_at"]
    list_display_links = ["caption_text"]  # a link around an alt-less thumbnail has no name
    search_fields = ["caption", "credit", "alt_text"]
    ordering = ["-created_at", "-pk"]
    date_hierarchy = "created_at"
    fieldsets = [
        (None, {"fields": ["image", "current", "alt_text", "caption", "credit", "placed_in"]}),
        (
            "Ukrainian edition",
            {
                "fields": ["alt_text_uk", "caption_uk"],
                "description": "Shown on the Ukrainian edition's pages; an empty field "
                "shows the English one there.",
            },
        ),
    ]
    readonly_fields = ["current", "placed_in"]
    list_per_page = 50

    class Media:
        css = {"all": ["admin/desk/desk.css"]}
        js = ["admin/desk/shortcuts.js"]

    @admin.display(description="Photo")
    def thumbnail(self, photo):
        return thumbnail_html(photo.image, photo.renditions, size=80)

    @admin.display(description="Caption", ordering="caption")
    def caption_text(self, photo):
        return photo.caption or photo.alt_text

    @admin.display(description="Current photo")
    def current(self, photo):
        return thumbnail_html(photo.image, photo.renditions, size=240) or "—"

    @admin.display(description="Placed in")
    def placed_in(self, photo):
        if photo.pk is None:
            return "—"
        titles = photos.stories_showing(photo.pk).values_list("title", flat=True)[:20]
        return ", ".join(titles) or "No story yet"

    def save_model(self, request, obj, form, change):
        photos.save_photo(photo=obj, user=request.user)

    def delete_model(self, request, obj):
        photos.delete_photo(photo=obj)

    def delete_queryset(self, request, queryset):
        for photo in queryset:
            photos.delete_photo(photo=photo)

    def get_urls(self):
        picker = path(
            "picker/", self.admin_site.admin_view(self.picker_view), name="articles_photo_picker"
        )
        return [picker, *super().get_urls()]

    def picker_view(self, request):
        """The newest photos matching `q` (caption or credit), or the photo `id`, as JSON."""
        if not self.has_view_permission(request):
            return JsonResponse({"error": "Your role may not use the photo library."}, status=403)
        found = Photo.objects.all()
        if (photo_id := request.GET.get("id", "")).strip():
            if (number := whole_number(photo_id, maximum=MAX_ID)) is None:
                return JsonResponse({"error": "A photo is named by its number."}, status=400)
            found = found.filter(pk=number)
        elif q := request.GET.get("q", "").strip()[:100]:
            found = found.filter(Q(caption__icontains=q) | Q(credit__icontains=q))
        return JsonResponse({"photos": [picker_entry(photo) for photo in found[:PICKER_LIMIT]]})


def picker_entry(photo):
    url, width, height = thumbnail_source(photo.image, photo.renditions, PICKER_SIZE)
    shown_height = round(PICKER_SIZE * height / width) if width and height else PICKER_SIZE
    return {
        "id": photo.pk,
        "thumbnail": url,
        "width": PICKER_SIZE,
        "height": shown_height,
        "alt": photo.alt_text,
        "caption": photo.caption,
        "credit": photo.credit,
    }
