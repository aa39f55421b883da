"""A story's body, from what the editor stored to the HTML a page prints, made once on save.

Two formats are stored: Markdown (every story written before the body editor, and what
the demo and imports still write) and the body editor's HTML. Both go through the same
allowlist (articles/text.py). A photo placed from the editor is stored as
`<figure data-photo="12"></figure>`; here it becomes the photo from the library, with
its `srcset`, caption and credit. That happens when the article is saved, never while a
page is served, and only builds URLs from the stored renditions: no image is opened.
"""

import re

from django.template.loader import render_to_string
from django.utils import translation

from .numbers import MAX_ID, whole_number
from .text import clean_html, reading_minutes, render_markdown

MARKDOWN = "markdown"
HTML = "html"

# As nh3 writes it: attributes quoted with ", a figure's content (empty when stored)
# kept whole. An id that is not a number (or too large for one) matches no photo, and the
# placeholder is dropped.
_PLACED = re.compile(r'<figure data-photo="([^"]*)">.*?</figure>', re.S)


def photo_ids(clean: str) -> list[int]:
    """The ids of the photos placed in sanitised body HTML, in order, once each."""
    ids = (_photo_id(match.group(1)) for match in _PLACED.finditer(clean))
    return list(dict.fromkeys(photo_id for photo_id in ids if photo_id is not None))


def _photo_id(value):
    return whole_number(value, maximum=MAX_ID)


def render(source: str, fmt: str, *, photos, language) -> tuple[str, int]:
    """(the HTML a page prints, the minutes shown as "N min read").

    `photos(ids)` returns {id: Photo} for the placed photos (`Photo.objects.in_bulk`); a
    photo deleted from the library since is left out. Their alt texts and captions are
    the story's edition's (`language`), whatever language the saving request is in (the
    admin's is English). The reading time counts the text the journalist wrote, not the
    captions.
    """
    if fmt != HTML:
        html = render_markdown(source)
        return html, reading_minutes(html)
    clean = clean_html(source)
    minutes = reading_minutes(_PLACED.sub("", clean))
    ids = photo_ids(clean)
    found = photos(ids) if ids else {}

    def figure(match):
        photo = found.get(_photo_id(match.group(1)))
        if photo is None:
            return ""
        with translation.override(language):
            return render_to_string("articles/includes/body_photo.html", {"photo": photo}).strip()

    return _PLACED.sub(figure, clean), minutes


def editable_html(source: str, fmt: str) -> str:
    """What the body editor opens: a Markdown body is shown as its (sanitised) HTML.

    Saving from the editor then stores it as HTML: a story moves to the editor's format
    the first time it is saved there, and reads the same.
    """
    return clean_html(source) if fmt == HTML else render_markdown(source)


_TAGS = re.compile(r"<[^>]+>")


def is_empty(clean: str) -> bool:
    """Nothing a reader would see: no words and no placed photo (`<p></p>` is empty)."""
    return not photo_ids(clean) and not _TAGS.sub("", clean).replace("&nbsp;", "").strip()
