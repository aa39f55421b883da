"""Small pieces the admin can show: a thumbnail from the renditions, never the original."""

from django.utils.html import format_html

from .renditions import stored_dimensions


def thumbnail_html(image, renditions=None, size=120, *, css_class=""):
    """An `<img>` about `size` pixels wide for lists and form previews; "" without an image.

    Picks the smallest JPEG rendition at least twice `size` (sharp on high-density
    screens), else the largest; the original only when no renditions exist yet. Builds a
    URL and reads nothing from storage.
    """
    if not image:
        return ""
    jpeg = (renditions or {}).get("jpeg") or []
    chosen = next((item for item in jpeg if item["width"] >= 2 * size), jpeg[-1] if jpeg else None)
    if chosen:
        url, width, height = image.storage.url(chosen["name"]), chosen["width"], chosen["height"]
    else:
        url, width, height = image.url, *stored_dimensions(image)
    display_height = round(size * height / width) if width and height else size
    return format_html(
        '<img src="{}" class="{}" width="{}" height="{}" alt="" loading="lazy" decoding="async">',
        url,
        css_class,
        size,
        display_height,
    )
