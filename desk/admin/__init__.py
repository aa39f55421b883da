"""Every admin of ours: stories, live entries, photos, journalists and the masthead.

What a user may do, and every write, is in articles/workflow.py; this package collects what
editors ask for and shows the answers: the status choices offered, the read-only fields,
the bulk actions' reports, the history. `articles.py` registers ArticleAdmin; its parts
are `forms.py`, `inlines.py`, `filters.py`, `columns.py`, `actions.py` (bulk actions) and
`revisions.py` (compare, restore, recover); `editor.py` (the body editor), `autosave.py`
(autosave and the preview beside the form). `photos.py` registers the photo library. Live
coverage: `live.py` (a story's live desk) and `live_entries.py` (LiveEntryAdmin).
`translations.py`: each story's edition and translation state, the filters and buttons.
`authors.py` registers journalists' profiles; `sections.py` the masthead's sections;
`tags.py` taggit's tags with their Ukrainian names;
`frontpage.py` the front page's layouts, zones and slots, and the breaking-news banner.
`api_keys.py` and `webhooks.py`: the content API's keys, webhook endpoints and their
delivery log (superusers only).
"""

from .api_keys import ApiKeyAdmin
from .articles import ArticleAdmin
from .authors import AuthorAdmin
from .frontpage import BannerAdmin, LayoutAdmin, ZoneAdmin
from .live_entries import LiveEntryAdmin
from .newsletters import EditionAdmin, NewsletterAdmin
from .photos import PhotoAdmin
from .sections import SectionAdmin
from .tags import TagAdmin
from .webhooks import DeliveryAdmin, EndpointAdmin, EventAdmin

__all__ = [
    "ApiKeyAdmin",
    "ArticleAdmin",
    "AuthorAdmin",
    "BannerAdmin",
    "DeliveryAdmin",
    "EditionAdmin",
    "EndpointAdmin",
    "EventAdmin",
    "LayoutAdmin",
    "LiveEntryAdmin",
    "NewsletterAdmin",
    "PhotoAdmin",
    "SectionAdmin",
    "TagAdmin",
    "ZoneAdmin",
]
