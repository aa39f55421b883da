"""Which tags readers may see: a tag is public while a public story is filed under it, since
a tag typed on a draft alone may name a scoop."""

from django.db.models import OuterRef, Subquery
from django.db.models.lookups import IsNull
from taggit.models import Tag

from .articles import Article
from .tags import TaggedArticle


def public_story_tagged(tag, language=None):
    """The rows that file a public story (`published_rule`) under `tag`: a tag id, or a
    reference to one from an outer query (`OuterRef("tag")`); in `language`'s edition
    when one is given.

    Each row asks for its story by id, in a subquery no database turns into a join: the
    rows are read in the tag's own index, so a tag on a few drafts costs those few rows,
    never a walk of the archive's stories.
    """
    story = Article.objects.published().filter(pk=OuterRef("content_object"))
    if language is not None:
        story = story.filter(language=language)
    is_public = IsNull(Subquery(story.order_by().values("pk")), False)
    return TaggedArticle.objects.filter(is_public, tag=tag)


def has_public_story(tag, language=None):
    """The condition that a public story (in `language`'s edition, if given) is filed
    under `tag`: its first such row, if any.

    Asked for one row per tag, it stops at the first public story it finds (PostgreSQL
    would plan an EXISTS as a join over every tag's rows).
    """
    return IsNull(Subquery(public_story_tagged(tag, language).values("pk")[:1]), False)


def public_tags(tags=None, language=None):
    """The tags readers may see, of `tags` (all by default): a tag is public only while a
    public story is filed under it, since a tag typed on a draft alone may name a scoop.
    With `language`, in that edition: an edition's tag pages are its own stories'.
    Rows that point at a tag (a masthead section) filter on `has_public_story` too.
    """
    tags = Tag.objects.all() if tags is None else tags
    return tags.filter(has_public_story(OuterRef("pk"), language))
