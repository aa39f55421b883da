"""Sitemaps for search engines: every public page, and Google News' last 48 hours."""

from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import sitemap
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from articles.models import Article
from authors.models import Author

from . import surrogate_keys
from .cache import public_page

NEWS_WINDOW = timedelta(hours=48)
NEWS_MAX_ITEMS = 1000  # Google News' limit per sitemap


class SiteUrlSitemap(Sitemap):
    """Locations on SITE_URL: without django.contrib.sites Django would use the request host."""

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme

    def get_domain(self, site=None):
        # Host and any path prefix: Django writes f"{protocol}://{domain}{location}".
        return settings.SITE_URL.split("://", 1)[-1]


class StaticPagesSitemap(SiteUrlSitemap):
    changefreq = "hourly"

    def items(self):
        return ["home", "articles:news_feed", "authors:list"]

    def location(self, item):
        return reverse(item)


class ArticleSitemap(SiteUrlSitemap):
    def items(self):
        return (
            Article.objects.published()
            .newest_first()
            .only("slug", "published_at", "updated_at", "modified_at")
        )

    def lastmod(self, item):
        return item.last_modified


class TagSitemap(SiteUrlSitemap):
    def items(self):
        # Only tags with a public story: a tag used by drafts alone may name a scoop.
        public = Article.objects.published()
        return (
            Tag.objects.filter(articles_taggedarticle_items__content_object__in=public)
            .distinct()
            .order_by("name")
        )

    def location(self, item):
        return reverse("articles:tag", kwargs={"slug": item.slug})


class AuthorSitemap(SiteUrlSitemap):
    def items(self):
        return Author.objects.order_by("name")  # every author is listed on /authors/


SITEMAPS = {
    "pages": StaticPagesSitemap,
    "articles": ArticleSitemap,
    "tags": TagSitemap,
    "authors": AuthorSitemap,
}


@public_page
def site_sitemap(request):
    surrogate_keys.record(surrogate_keys.SITEMAPS)
    return sitemap(request, sitemaps=SITEMAPS)


@public_page
def news_sitemap(request):
    surrogate_keys.record(surrogate_keys.SITEMAPS)
    since = timezone.now() - NEWS_WINDOW
    articles = (
        Article.objects.published()
        .filter(published_at__gte=since)
        .newest_first()
        .only("slug", "title", "published_at")[:NEWS_MAX_ITEMS]
    )
    response = render(
        request,
        "sitemaps/news.xml",
        {"articles": articles, "language": settings.LANGUAGE_CODE.split("-")[0]},
        content_type="application/xml",
    )
    response.headers["X-Robots-Tag"] = "noindex, noodp, noarchive"  # as Django's sitemaps
    return response
