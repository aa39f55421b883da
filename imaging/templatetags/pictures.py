"""`{% picture %}`: a responsive `<picture>` from pre-made renditions.

It only builds URLs (storage.url): no file is opened, fetched or measured while a page
renders. Width and height come from the renditions or the model's own fields, so the
browser reserves the space before the image arrives.
"""

from django import template

from ..renditions import MIME_TYPES, stored_dimensions

register = template.Library()

# The `src` for the rare browser without srcset: big enough for a phone or a feed reader.
DEFAULT_WIDTH = 960


@register.inclusion_tag("imaging/picture.html")
def picture(image, renditions=None, *, alt="", sizes="100vw", loading="lazy", **attrs):
    """`{% picture article.lead_image article.lead_image_renditions alt=… sizes=… %}`

    `loading="eager"` is for the one image that is the page's largest paint: it also asks
    for `fetchpriority="high"`. Every other image loads lazily. Further keyword arguments
    (`class=…`) become attributes of the `<img>`.
    """
    if not image:
        return {"image": None}
    renditions = renditions or {}
    jpeg = renditions.get("jpeg") or []
    url = image.storage.url
    context = {
        "image": image,
        "alt": alt,
        "sizes": sizes,
        "eager": loading == "eager",
        "attrs": attrs,
        "sources": [],
        "srcset": "",
    }
    if not jpeg:  # not made yet: the original, at its recorded size
        width, height = stored_dimensions(image)
        return {**context, "src": image.url, "width": width, "height": height}
    default = next((item for item in jpeg if item["width"] >= DEFAULT_WIDTH), jpeg[-1])
    return {
        **context,
        "src": url(default["name"]),
        "srcset": _srcset(jpeg, url),
        "width": jpeg[-1]["width"],
        "height": jpeg[-1]["height"],
        "sources": [
            {"type": MIME_TYPES[fmt], "srcset": _srcset(renditions[fmt], url)}
            for fmt in ("avif", "webp")
            if renditions.get(fmt)
        ],
    }


def _srcset(items, url):
    return ", ".join(f"{url(item['name'])} {item['width']}w" for item in items)
