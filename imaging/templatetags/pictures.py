"""`{% picture %}`: a responsive `<picture>` from pre-made renditions.

It only builds URLs (storage.url): no file is opened, fetched or measured while a page
renders. Width and height come from the renditions or the model's own fields, so the
browser reserves the space before the image arrives.

The markup depends on nothing but the tag's arguments, and a list page draws the same
few pictures again and again, so each process keeps the markup it drew last (a bounded
memo): fifteen storage URLs and a template render per card were a third of the cost of
drawing a list of cards.
"""

from django import template
from django.core.signals import setting_changed
from django.template.loader import get_template
from django.utils.safestring import SafeData

from ..renditions import MIME_TYPES, stored_dimensions

register = template.Library()

# The `src` for the rare browser without srcset: big enough for a phone or a feed reader.
DEFAULT_WIDTH = 960
MEMO_SIZE = 4096  # pictures; each entry is its markup, about 1.5 KB

_memo = {}


def _forget(**kwargs):
    """Settings that change storage URLs change markup (in tests; production's never do)."""
    _memo.clear()


setting_changed.connect(_forget, dispatch_uid="imaging-picture-memo")


@register.simple_tag
def picture(image, renditions=None, *, alt="", sizes="100vw", loading="lazy", **attrs):
    """`{% picture article.lead_image article.lead_image_renditions alt=… sizes=… %}`

    `loading="eager"` is for the one image that is the page's largest paint: it also asks
    for `fetchpriority="high"`. Every other image loads lazily. Further keyword arguments
    (`class=…`) become attributes of the `<img>`.
    """
    if not image:
        return ""
    # Text marked safe is drawn unescaped: the same words, safe or not, are two entries.
    words = (alt, sizes, loading, *attrs.items())
    key = (image.name, repr(renditions), repr(words), tuple(isinstance(w, SafeData) for w in words))
    markup = _memo.get(key)
    if markup is None:
        context = picture_context(image, renditions, alt=alt, sizes=sizes, loading=loading, **attrs)
        markup = get_template("imaging/picture.html").render(context)
        if len(_memo) >= MEMO_SIZE:
            _memo.clear()
        _memo[key] = markup
    return markup


def picture_context(image, renditions=None, *, alt="", sizes="100vw", loading="lazy", **attrs):
    """What imaging/picture.html draws: URLs, sizes and attributes."""
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
