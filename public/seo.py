"""Absolute URLs and schema.org data for search engines and social sites.

Every URL that leaves the site is built on settings.SITE_URL, never on the request's
host: a cached page or feed must not carry whichever host name asked for it first.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.templatetags.static import static
from django.utils import translation

import editions
from articles.templatetags.times import iso

# The size static/img/logo.png was drawn at; Google asks for it in the publisher logo.
LOGO_PATH = "img/logo.png"
LOGO_WIDTH, LOGO_HEIGHT = 600, 60


def absolute_url(url: str) -> str:
    """`url` on SITE_URL, unless it is already absolute (media on a CDN, say)."""
    if not url or url.startswith(("http://", "https://")):
        return url
    if url.startswith("//"):
        return f"{urlsplit(settings.SITE_URL).scheme}:{url}"
    return settings.SITE_URL + url


def publisher(language: str | None = None) -> dict:
    """The newspaper, as the edition of `language` (the one being drawn) names it."""
    edition = editions.get(language) if language else editions.current()
    return {
        "@type": "Organization",
        "name": editions.site_name(edition.language),
        "url": f"{settings.SITE_URL}{edition.prefix}/",
        "logo": {
            "@type": "ImageObject",
            "url": absolute_url(static(LOGO_PATH)),
            "width": LOGO_WIDTH,
            "height": LOGO_HEIGHT,
        },
    }


def news_article(article) -> dict:
    """schema.org NewsArticle for an article fetched with for_page(), in its own edition
    (`inLanguage`, its canonical address, its tags' names there)."""
    url = absolute_url(article.get_absolute_url())
    edition = editions.get(article.language)
    with translation.override(edition.language):
        return _news_article(article, url, edition)


def _news_article(article, url, edition) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "headline": article.title,
        "inLanguage": edition.hreflang,
        "description": article.standfirst or article.title,
        "datePublished": iso(article.published_at),
        "dateModified": iso(article.last_modified),
        "author": [
            {
                "@type": "Person",
                "name": editions.translated(author, "name"),
                "url": absolute_url(author.get_absolute_url()),
            }
            for author in article.byline
        ],
        "publisher": publisher(edition.language),
        "keywords": [editions.translated(tag, "name") for tag in article.topics],
    }
    if article.primary_tag:
        data["articleSection"] = editions.translated(article.primary_tag, "name")
    if article.lead_photo:
        data["image"] = [absolute_url(article.lead_photo.image.url)]
    return data
