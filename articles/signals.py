"""What the articles app announces: each editorial decision a newsroom must trace, and the
stories a library photo's change rewrote.

The editorial signals: `articles/workflow.py` sends them, and nothing else does: the staff
app's audit trail listens without articles knowing it exists. Each is sent inside the
write's transaction, after the write, so whatever a receiver writes commits or rolls back
with the change itself (a refused publication leaves no entry; an entry that cannot be
written stops the publication). `sender` is the model class; every one of them carries
`user`, who did it.

`stories_rerendered` is the photo library's (`articles/photos.py`), for the public app's
caches: sent in the same transaction, after the stories that place the photo are rewritten.
"""

from django.dispatch import Signal

# article: now published, at a time already come.
article_published = Signal()
# article: published with a time still to come (a new schedule or a new time).
article_scheduled = Signal()
# article: back to draft, off every public surface.
article_unpublished = Signal()
# article, version: the revision brought back (reversion's Version).
article_restored = Signal()
# article: about to be deleted (sent just before, in the same transaction, so its key is known).
article_deleted = Signal()
# article, version: a deleted article brought back from its last revision (as a draft).
article_recovered = Signal()
# link: the PreviewLink made or revoked.
preview_link_created = Signal()
preview_link_revoked = Signal()
# link, previous: the PreviewLink now working until another time; `previous`, the time it
# worked until before.
preview_link_expiry_changed = Signal()

# article_ids: stories whose stored HTML was rewritten without a save (a placed library
# photo corrected, replaced or removed; articles/photos.py), their search entries
# already refreshed. Sent with sender=Article and no user: no editor changed the stories.
stories_rerendered = Signal()
