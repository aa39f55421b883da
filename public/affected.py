"""What a change touches: the questions public/invalidation.py's receivers ask of the
database to know which keys (public/freshness.py) a change empties. Each is one query."""

from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from taggit.models import Tag

from articles.models import Article, Authorship, TaggedArticle, public_story_tagged

from .freshness import MASTHEAD, SIDEBAR_ITEMS, author_list, tag_list
from .models import Section

PUBLISHED = Article.Status.PUBLISHED


def in_sidebar(story) -> bool:
    """Whether the story is, was or will be among the newest the "News Feed" column of its
    edition shows (another edition's column lists its own stories)."""
    if story.published_at is None:
        return False
    newest_others = (
        Article.objects.published()
        .in_edition(story.language)
        .exclude(pk=story.pk)
        .newest_first()
        .values_list("published_at", flat=True)
    )
    last_shown = newest_others[SIDEBAR_ITEMS - 1 : SIDEBAR_ITEMS].first()
    return last_shown is None or story.published_at >= last_shown


def is_on_public_pages(article_id) -> bool:
    """Published, or scheduled: a scheduled story's lists must expire by its time."""
    return edition_if_on_public_pages(article_id) is not None


def edition_if_on_public_pages(article_id) -> str | None:
    """The story's edition if it is on public pages (`is_on_public_pages`), else None."""
    found = Article.objects.filter(pk=article_id, status=PUBLISHED).values_list("language")
    return next((language for (language,) in found), None)


def tags_turned(article_id, tag_ids, language) -> set[str]:
    """The keys a tag turning public or not in an edition empties, for the tags (of
    `tag_ids`) under which the story is the one public story of its edition (`language`):
    publishing or withdrawing it, or filing it there or taking it out, makes such a tag's
    page appear or go in that edition, so every edition's page of the tag names it or no
    longer does (`hreflang`, the language switch), and a masthead section on it shows or
    hides in its edition's masthead (`SectionQuerySet.for_masthead`)."""
    others = public_story_tagged(OuterRef("pk"), language).exclude(content_object_id=article_id)
    turned = list(
        Tag.objects.filter(pk__in=tag_ids).exclude(Exists(others)).values_list("pk", flat=True)
    )
    keys = {tag_list(pk, code) for pk in turned for code, _name in settings.LANGUAGES}
    if turned and Section.objects.filter(tag__in=turned).exists():
        keys.add(MASTHEAD)
    return keys


def translation_group(story, before) -> list[int]:
    """The other stories of the story's translation group (editions/): its source and
    the source's other translations, or its own translations; the group it left too."""
    sources = {story.translation_of_id, (before or {}).get("translation_of")} - {None}
    sources.add(story.pk)
    members = Article.objects.filter(Q(pk__in=sources) | Q(translation_of__in=sources))
    return [pk for pk in members.values_list("pk", flat=True) if pk != story.pk]


def lists_of(story, *languages) -> set[str]:
    """The lists of its tags and authors in each of these editions."""
    tag_ids = TaggedArticle.objects.filter(content_object=story).values_list("tag_id", flat=True)
    author_ids = Authorship.objects.filter(article=story).values_list("author_id", flat=True)
    return {
        *(tag_list(pk, language) for pk in tag_ids for language in languages),
        *(author_list(pk, language) for pk in author_ids for language in languages),
    }
