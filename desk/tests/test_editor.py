"""The body editor in the admin makes only what the body's sanitiser keeps."""

from django_prose_editor.config import allowlist_from_extensions

from articles.text import ALLOWED_TAGS
from desk.admin.editor import BODY_EXTENSIONS


def test_everything_the_editor_can_make_is_inside_the_allowlist():
    made = allowlist_from_extensions(BODY_EXTENSIONS)["tags"]

    assert made <= ALLOWED_TAGS
    assert {"h2", "h3", "strong", "em", "a", "blockquote", "ul", "ol", "li", "p"} <= made
