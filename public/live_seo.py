"""schema.org data for live pages: `LiveBlogPosting` with its updates, as Google reads it."""

import html

from django.utils.html import strip_tags
from django.utils.text import Truncator

import editions
from articles.templatetags.times import iso

from .seo import absolute_url, news_article, publisher

# Google shows at most 110 characters of a headline.
HEADLINE_LIMIT = 110


def plain_text(body_html: str) -> str:
    """An entry's words without markup, in one line."""
    return " ".join(html.unescape(strip_tags(body_html)).split())


def live_blog_posting(article, entries) -> dict:
    """The story as a LiveBlogPosting: NewsArticle's fields, its coverage, and `entries`
    (those on the page, bylines prefetched) as its updates."""
    data = news_article(article)
    data["@type"] = "LiveBlogPosting"
    data["coverageStartTime"] = iso(article.coverage_started_at)
    if article.coverage_ended_at:
        data["coverageEndTime"] = iso(article.coverage_ended_at)
    data["liveBlogUpdate"] = [blog_posting(entry) for entry in entries]
    return data


def blog_posting(entry, *, standalone=False) -> dict:
    """One update; `standalone` for the entry's own page, which names its story."""
    data = {
        "@type": "BlogPosting",
        "headline": Truncator(entry.title).chars(HEADLINE_LIMIT),
        "url": absolute_url(entry.get_absolute_url()),
        "datePublished": iso(entry.published_at),
        "articleBody": plain_text(entry.body_html),
        "author": [
            {
                "@type": "Person",
                "name": editions.translated(author, "name"),
                "url": absolute_url(author.get_absolute_url()),
            }
            for author in entry.byline
        ],
    }
    if entry.photo:
        data["image"] = [absolute_url(entry.photo.image.url)]
    if standalone:
        story = absolute_url(entry.article.get_absolute_url())
        data = {
            "@context": "https://schema.org",
            **data,
            "inLanguage": editions.get(entry.article.language).hreflang,
            "mainEntityOfPage": {"@type": "WebPage", "@id": data["url"]},
            "isPartOf": {"@type": "LiveBlogPosting", "@id": story, "url": story},
            "publisher": publisher(entry.article.language),
        }
    return data
