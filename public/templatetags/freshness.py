"""The surrogate keys of what a template shows, for `{% fragment … shows … %}`."""

from django import template

from public import freshness

register = template.Library()


@register.filter
def story_keys(article):
    """A card's: the story, its kicker and its byline."""
    return freshness.story(article)


@register.filter
def author_key(author):
    return freshness.author(author.pk)
