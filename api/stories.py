"""The stories the API serves, read in the shape each answer needs, through the one
visibility rule (`published()`): a draft, a story scheduled for later or in review is
not there, however it is asked for."""

from django.db.models import Prefetch

from articles.models import Article, LiveEntry, TaggedArticle

from .serializers import StoryDetailSerializer

ENTRIES_IN_STORY = 20  # the newest entries a live story carries; the rest by page


def tags_prefetch():
    """Each story's tags in one query for the whole page, with their names in the other
    editions, as its page reads them."""
    tagged = TaggedArticle.objects.select_related("tag", "tag__translation").order_by("tag__name")
    return Prefetch("taggedarticle_set", queryset=tagged, to_attr="tagged")


def with_tags(articles):
    return articles.prefetch_related(tags_prefetch())


def public_stories():
    """Stories as a list shows them: no body, byline, kicker, photo and tags joined."""
    return with_tags(Article.objects.published().for_listing())


def published_entries(article):
    return (
        LiveEntry.objects.published()
        .filter(article=article)
        .select_related("photo")
        .with_byline()
        .newest_first()
    )


def public_story(**lookup):
    """One public story in full, with its newest entries if it is told live; or None."""
    story = Article.objects.published().for_page().filter(**lookup).first()
    if story is not None and story.has_live_coverage:
        story.api_entries = list(published_entries(story)[:ENTRIES_IN_STORY])
    return story


def story_document(story):
    """The story in full, as `GET /api/v1/stories/<slug>/` serves it and webhooks carry it."""
    return StoryDetailSerializer(story).data
