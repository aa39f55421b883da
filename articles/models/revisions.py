"""What a stored revision (django-reversion) of a story, or of a live entry, holds."""

import reversion

from .articles import Article
from .bylines import Authorship
from .corrections import Correction
from .live import LiveEntry, LiveEntryAuthorship
from .tags import TaggedArticle


def register():
    """Register the models whose revisions are kept, each with the rows that follow it.

    Called once, as the models are loaded: the admin site is filled before this app's
    `ready()`, and a revision admin registers a model it finds unregistered without them.
    """
    # A story's revision holds its byline, corrections and tags, so restoring one restores
    # them too. Preview links stay out: a restore must never revive a revoked link.
    reversion.register(Authorship)
    reversion.register(Correction)
    reversion.register(TaggedArticle)
    reversion.register(Article, follow=["authorships", "corrections", "taggedarticle_set"])
    # Each entry keeps its own revisions, its authors with it. The story's revisions do not
    # follow its entries: restoring an older text of the story must not remove what was
    # posted since.
    reversion.register(LiveEntryAuthorship)
    reversion.register(LiveEntry, follow=["authorships"])
