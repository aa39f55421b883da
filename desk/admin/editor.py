"""The body editor: django-prose-editor's ProseMirror build, with our extensions and script.

What it can make is said once, in BODY_EXTENSIONS; everything it makes is inside the
allowlist of articles/text.py (a test checks it), and the server sanitises it again on
every save and autosave. Its files are served from our static folder, like the admin's:
nothing comes from another host.
"""

import json

from django import forms
from django.forms import Script
from django.urls import reverse
from django_prose_editor.config import expand_extensions

from articles.text import WORDS_PER_MINUTE

BODY_EXTENSIONS = {
    "Heading": {"levels": [2, 3]},
    "Bold": True,
    "Italic": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
    "Blockquote": True,
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "HardBreak": True,
    # Journalists want the browser's spelling check, which this extension turns off.
    "NoSpellCheck": False,
}

PROSE_EDITOR_CSS = [
    "django_prose_editor/material-icons.css",
    "django_prose_editor/editor.css",
    "django_prose_editor/overrides.css",
]


class BodyEditorWidget(forms.Textarea):
    """A textarea the desk's script turns into the editor (and that still works without it)."""

    def __init__(self, attrs=None):
        super().__init__(attrs={"rows": 20, **(attrs or {})})

    @property
    def media(self):
        return forms.Media(
            css={"all": [*PROSE_EDITOR_CSS, "admin/desk/desk.css"]},
            js=[Script("admin/desk/body-editor.js", type="module")],
        )

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        config = {
            "extensions": expand_extensions(BODY_EXTENSIONS),
            "wordsPerMinute": WORDS_PER_MINUTE,
            "photoPicker": reverse("admin:articles_photo_picker"),
            "photoAdd": reverse("admin:articles_photo_add"),
        }
        context["widget"]["attrs"]["data-desk-editor"] = json.dumps(config, separators=(",", ":"))
        return context

    def use_required_attribute(self, initial):
        # The textarea is hidden behind the editor: a browser could not point at it.
        return False
