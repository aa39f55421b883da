"""The editorial desk: articles in the admin, with roles, states, revisions and no lost edits.

What a user may do, and every write, is in articles/workflow.py; this package collects what
editors ask for and shows the answers: the status choices offered, the read-only fields,
the bulk actions' reports, the history. `articles.py` registers ArticleAdmin; its parts
are `forms.py`, `inlines.py`, `filters.py`, `columns.py`, `actions.py` (bulk actions) and
`revisions.py` (compare, restore, recover); `editor.py` (the body editor), `desk.py`
(autosave and the preview beside the form). `photos.py` registers the photo library. Live
coverage: `live.py` (a story's live desk) and `live_entries.py` (LiveEntryAdmin).
"""

from .articles import ArticleAdmin
from .live_entries import LiveEntryAdmin
from .photos import PhotoAdmin

__all__ = ["ArticleAdmin", "LiveEntryAdmin", "PhotoAdmin"]
