"""Which editions have a page, for its `hreflang` links and language switch
(`editions.set_counterparts`): a story's translations, a tag's pages."""

from django.db.models import OuterRef, Q
from django.shortcuts import get_object_or_404

import editions
from articles.models import Article, has_public_story, public_tags
from links import address


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


def public_tag(slug):
    """The tag at `slug` if the edition being drawn has a public story filed under it,
    knowing in the same query which other editions do (`tag_addresses`)."""
    here = editions.current()
    elsewhere = {
        f"public_in_{n}": has_public_story(OuterRef("pk"), edition.language)
        for n, edition in enumerate(editions.all_editions())
        if edition != here
    }
    tags = public_tags(language=here.language).select_related("translation").annotate(**elsewhere)
    return get_object_or_404(tags, slug=slug)


def tag_addresses(tag) -> dict[str, str]:
    """The tag's page in each edition with a public story filed under it (`public_tag`)."""
    here = editions.current()
    return {
        edition.language: address("articles:tag", language=edition.language, slug=tag.slug)
        for n, edition in enumerate(editions.all_editions())
        if edition == here or getattr(tag, f"public_in_{n}", False)
    }
