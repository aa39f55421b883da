"""Absolute URLs and schema.org data for search engines and social sites.

Every URL that leaves the site is built on settings.SITE_URL, never on the request's
host: a cached page or feed must not carry whichever host name asked for it first.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.templatetags.static import static

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


def publisher() -> dict:
    return {
        "@type": "Organization",
        "name": settings.SITE_NAME,
        "url": settings.SITE_URL + "/",
        "logo": {
            "@type": "ImageObject",
            "url": absolute_url(static(LOGO_PATH)),
            "width": LOGO_WIDTH,
            "height": LOGO_HEIGHT,
        },
    }


def news_article(article) -> dict:
    """schema.org NewsArticle for an article fetched with for_page()."""
    url = absolute_url(article.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "headline": article.title,
        "description": article.standfirst or article.title,
        "datePublished": iso(article.published_at),
        "dateModified": iso(article.last_modified),
        "author": [
            {"@type": "Person", "name": author.name, "url": absolute_url(author.get_absolute_url())}
            for author in article.byline
        ],
        "publisher": publisher(),
        "keywords": [tag.name for tag in article.topics],
    }
    if article.primary_tag:
        data["articleSection"] = article.primary_tag.name
    if article.lead_photo:
        data["image"] = [absolute_url(article.lead_photo.image.url)]
    return data
