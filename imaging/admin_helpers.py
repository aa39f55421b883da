"""Small pieces the admin can show: a thumbnail from the renditions, never the original."""

from django.utils.html import format_html

from .renditions import stored_dimensions


def thumbnail_source(image, renditions=None, size=120):
    """(url, width, height) of the rendition a thumbnail about `size` pixels wide uses.

    The smallest JPEG rendition at least twice `size` (sharp on high-density screens),
    else the largest; the original only when no renditions exist yet. Builds a URL and
    reads nothing from storage. None without an image.
    """
    if not image:
        return None
    jpeg = (renditions or {}).get("jpeg") or []
    chosen = next((item for item in jpeg if item["width"] >= 2 * size), jpeg[-1] if jpeg else None)
    if chosen:
        return image.storage.url(chosen["name"]), chosen["width"], chosen["height"]
    return image.url, *stored_dimensions(image)


def thumbnail_html(image, renditions=None, size=120, *, css_class=""):
    """An `<img>` about `size` pixels wide for lists and form previews; "" without an image."""
    source = thumbnail_source(image, renditions, size)
    if source is None:
        return ""
    url, width, height = source
    display_height = round(size * height / width) if width and height else size
    return format_html(
        '<img src="{}" class="{}" width="{}" height="{}" alt="" loading="lazy" decoding="async">',
        url,
        css_class,
        size,
        display_height,
    )
