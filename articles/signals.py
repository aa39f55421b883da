"""What the editorial workflow announces: one signal for each decision a newsroom must trace.

`articles/workflow.py` sends them, and nothing else does: the staff app's audit trail
listens without articles knowing it exists. Each is sent inside the write's transaction,
after the write, so whatever a receiver writes commits or rolls back with the change
itself (a refused publication leaves no entry; an entry that cannot be written stops the
publication). `sender` is the model class; every signal carries `user`, who did it.
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
