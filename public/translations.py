"""Which editions have a page, for its `hreflang` links and language switch
(`editions.set_counterparts`): a story's translations, a tag's pages."""

from collections import defaultdict

from django.db.models import Exists, OuterRef, Q, Subquery
from django.db.models.lookups import IsNull
from django.shortcuts import get_object_or_404

import editions
from articles.models import Article, TaggedArticle, public_tags, published_rule
from links import address

from .seo import absolute_url


def addresses(article) -> dict[str, str]:
    """The story's page in each edition with a public version of it: itself, its source
    and the source's other translations. No query for a story with none (`for_page()`
    says whether it has translations)."""
    source = article.translation_of_id or article.pk
    if article.translation_of_id is None and not getattr(article, "has_translations", True):
        return {article.language: article.get_absolute_url()}
    group = (
        Article.objects.published()
        .filter(Q(pk=source) | Q(translation_of=source))
        .values_list("language", "slug")
    )
    return {
        language: address("articles:detail", language=language, slug=slug)
        for language, slug in group
    }


def public_tags_here():
    """The tags public in the edition being drawn, each knowing in the same query which
    other editions have a public story filed under it (`tag_addresses`)."""
    here = editions.current()
    elsewhere = {
        f"public_in_{n}": _public_elsewhere(edition.language)
        for n, edition in enumerate(editions.all_editions())
        if edition != here
    }
    return public_tags(language=here.language).select_related("translation").annotate(**elsewhere)


def _public_elsewhere(language):
    """Whether the tag has a public story in `language`'s edition, asked as one join the
    database may walk from either side. `has_public_story` walks the tag's rows, which
    finds this edition's first story at once (the page exists), but reads every row of
    the tag when another edition has none under it: 45 ms for a tag of 11,000 stories
    and an edition with none. Here the database starts from the smaller of the tag's rows
    and the edition's stories."""
    rows = TaggedArticle.objects.filter(
        published_rule("content_object__"), tag=OuterRef("pk"), content_object__language=language
    )
    return IsNull(Subquery(rows.values("pk")[:1]), False)


def public_tag(slug):
    """The tag at `slug` if the edition being drawn has a public story filed under it,
    knowing in the same query which other editions do (`tag_addresses`)."""
    return get_object_or_404(public_tags_here(), slug=slug)


def tag_addresses(tag) -> dict[str, str]:
    """The tag's page in each edition with a public story filed under it (`public_tag`)."""
    here = editions.current()
    return {
        edition.language: address("articles:tag", language=edition.language, slug=tag.slug)
        for n, edition in enumerate(editions.all_editions())
        if edition == here or getattr(tag, f"public_in_{n}", False)
    }


def has_translations():
    """The condition that a story has a public translation: annotated on a list's rows
    (`has_translations`), so `group_addresses` asks only about the stories with one."""
    return Exists(Article.objects.published().filter(translation_of=OuterRef("pk")))


def group_addresses(stories) -> dict[int, dict[str, str]]:
    """For each of `stories` that has a public counterpart, the page of every public
    member of its group, itself included (language -> address); stories with none are
    left out. One query for the lot, none when no story has a translation: each story
    needs `translation_of_id`, and `has_translations` (`has_translations()`) for a
    source's."""
    sources = {
        story.translation_of_id or story.pk
        for story in stories
        if story.translation_of_id or getattr(story, "has_translations", False)
    }
    if not sources:
        return {}
    rows = (
        Article.objects.published()
        .filter(Q(pk__in=sources) | Q(translation_of__in=sources))
        .values_list("pk", "translation_of_id", "language", "slug")
    )
    groups = defaultdict(dict)
    for pk, source, language, slug in rows:
        groups[source or pk][language] = address("articles:detail", language=language, slug=slug)
    found = {}
    for story in stories:
        group = groups.get(story.translation_of_id or story.pk, {})
        if len(group) > 1 and story.language in group:
            found[story.pk] = group
    return found


def hreflang_alternates(addresses: dict[str, str], here: str) -> list[dict[str, str]]:
    """`addresses` (language -> address, as `group_addresses` gives) as the alternates
    of a sitemap's `<url>`: one per edition with the page, then `x-default`, the default
    edition's where it has the page, else `here`'s (as a page's own `hreflang` links)."""
    alternates = [
        {"lang_code": edition.hreflang, "location": absolute_url(addresses[edition.language])}
        for edition in editions.all_editions()
        if edition.language in addresses
    ]
    default = addresses.get(editions.default().language, addresses.get(here))
    if default:
        alternates.append({"lang_code": "x-default", "location": absolute_url(default)})
    return alternates
