"""The desk's pages outside the admin: staff previews of a story, as readers will see it.

Their names are in the `articles` namespace with the reader's pages (a URL names what it
shows: `articles:preview`), so newsroom/urls.py includes them in that namespace.
"""

from django.urls import path

from . import preview

article_patterns = [
    path("news/<slug:slug>/preview/", preview.article_preview, name="preview"),
    # The preview beside the admin's article form.
    path("desk/preview/new/", preview.story_page, name="desk_preview_new"),
    path("desk/preview/<int:pk>/", preview.story_page, name="desk_preview"),
    path("desk/cards/new/", preview.story_cards, name="desk_cards_new"),
    path("desk/cards/<int:pk>/", preview.story_cards, name="desk_cards"),
]
