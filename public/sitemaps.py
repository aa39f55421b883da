"""Sitemaps for search engines, split so that none grows with the archive.

- `/sitemap.xml` is an index: the site's own pages, its topics and authors, then one
  sitemap per month of stories (a month of more than `MONTH_LIMIT` stories in pages of
  that many), newest month first.
- A month's sitemap is cached until a story in it changes: every article save or delete
  bumps the version of the month it was in and the month it is in (`connect`). The
  current month also expires when the next scheduled story goes live.
- `/news-sitemap.xml` is Google News' sitemap: at most 1,000 stories of the last 48 hours.

Months are calendar months in UTC, so a month's address never depends on settings.

Each edition has its own (`/sitemap.xml`, `/uk/sitemap.xml`, `/uk/news-sitemap.xml`…):
its own stories, topics and pages, at its addresses. A story with a public translation
names every member of its group, itself included, and `x-default`
(`<xhtml:link rel="alternate" hreflang>`), read in one query a sitemap page
(`translations.group_addresses`). robots.txt, once for the site, names every edition's
index and news sitemap. The views are in public/sitemap_views.py.
"""

import logging
import math
from datetime import UTC, datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.core.cache import cache
from django.db.models import Q
from django.db.models.signals import post_delete, post_save, pre_save
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language

import editions
from articles.models import Article
from authors.models import Author

from . import translations

logger = logging.getLogger(__name__)

MONTH_LIMIT = 10_000  # stories per month sitemap page; the protocol allows 50,000
SECTION_LIMIT = 10_000  # topics or authors per sitemap page
MONTH_CACHE_SECONDS = 24 * 60 * 60  # a past month changes only when a story in it does
FIRST_YEAR = 1900  # months before this are not ours: a 404, not a query


class SiteUrlSitemap(Sitemap):
    """Locations on SITE_URL: without django.contrib.sites Django would use the request host."""

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme

    def get_domain(self, site=None):
        # Host and any path prefix: Django writes f"{protocol}://{domain}{location}".
        return settings.SITE_URL.split("://", 1)[-1]


class StaticPagesSitemap(SiteUrlSitemap):
    """The pages every edition has, each naming its counterparts in the others."""

    changefreq = "hourly"

    def items(self):
        return ["home", "articles:news_feed", "authors:list"]

    def location(self, item):
        return reverse(item)

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page, site, protocol)
        here = get_language()
        for url in urls:
            everywhere = editions.everywhere(reverse(url["item"]))
            url["alternates"] = translations.hreflang_alternates(everywhere, here)
        return urls


class ArticleMonthSitemap(SiteUrlSitemap):
    """The public stories of one calendar month (UTC) in `language`'s edition, newest
    first, each with its translations' addresses."""

    limit = MONTH_LIMIT

    def __init__(self, year, month, language=None):
        self.start, self.end = month_bounds(year, month)
        self.language = language or get_language()

    def items(self):
        return (
            Article.objects.published()
            .in_edition(self.language)
            .filter(published_at__gte=self.start, published_at__lt=self.end)
            .newest_first()
            .annotate(has_translations=translations.has_translations())
            .only(
                "slug",
                "language",
                "translation_of",
                "published_at",
                "updated_at",
                "modified_at",
            )
        )

    def get_urls(self, page=1, site=None, protocol=None):
        """Django's, with each story's group as its alternates: one query a page."""
        urls = super().get_urls(page, site, protocol)
        groups = translations.group_addresses([url["item"] for url in urls])
        for url in urls:
            if group := groups.get(url["item"].pk):
                url["alternates"] = translations.hreflang_alternates(group, self.language)
        return urls

    def lastmod(self, item):
        return item.last_modified


class TagSitemap(SiteUrlSitemap):
    limit = SECTION_LIMIT

    def items(self):
        # The edition's topics: those its public stories are filed under, each knowing in
        # the same query which other editions have its page (`translations.public_tag`).
        return translations.public_tags_here().order_by("name")

    def location(self, item):
        return reverse("articles:tag", kwargs={"slug": item.slug})

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page, site, protocol)
        here = get_language()
        for url in urls:
            everywhere = translations.tag_addresses(url["item"])
            if len(everywhere) > 1:
                url["alternates"] = translations.hreflang_alternates(everywhere, here)
        return urls


class AuthorSitemap(SiteUrlSitemap):
    limit = SECTION_LIMIT

    def items(self):
        return Author.objects.order_by("name")  # every author is listed on /authors/


SECTIONS = {"pages": StaticPagesSitemap, "tags": TagSitemap, "authors": AuthorSitemap}


# --- Months -------------------------------------------------------------------------------


def month_bounds(year, month):
    start = datetime(year, month, 1, tzinfo=UTC)
    end = datetime(year + month // 12, month % 12 + 1, 1, tzinfo=UTC)
    return start, end


def _month_of(moment):
    moment = moment.astimezone(UTC)
    return moment.year, moment.month


def _version_key(year, month):
    return f"sitemap-month-version:{year}-{month:02}"


def month_version(year, month):
    return cache.get_or_set(_version_key(year, month), 1, timeout=None)


def invalidate_month(year, month):
    # While the cache is down this is lost (pagecache/backends.py): the month's cached
    # copy then lives out its timeout (MONTH_CACHE_SECONDS).
    try:
        cache.incr(_version_key(year, month))
    except ValueError:  # never set, or evicted: the next read starts a new version
        cache.set(_version_key(year, month), int(timezone.now().timestamp()), timeout=None)


def months_with_stories(language=None):
    """(year, month, pages) of every month with a public story in `language`'s edition
    (the one being drawn), newest first.

    The first and last public story bound the months; then one count per month, each a
    range of the publication-time index: a few hundred small queries, never a scan.
    """
    public = (
        Article.objects.published()
        .in_edition(language)
        .newest_first()
        .values_list("published_at", flat=True)
    )
    newest, oldest = public.first(), public.reverse().first()
    if newest is None:
        return []
    months = []
    year, month = _month_of(newest)
    last = _month_of(oldest)
    while (year, month) >= last and year >= FIRST_YEAR:
        start, end = month_bounds(year, month)
        count = public.filter(published_at__gte=start, published_at__lt=end).count()
        if count:
            months.append((year, month, math.ceil(count / MONTH_LIMIT)))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return months


# --- Keeping month sitemaps fresh ---------------------------------------------------------


def _remember_month(sender, instance, raw=False, **kwargs):
    """Before a save: the month the article was in, which it may be leaving."""
    instance._sitemap_old_published_at = (
        None
        if instance._state.adding or raw
        else Article.objects.filter(pk=instance.pk).values_list("published_at", flat=True).first()
    )


def _article_changed(sender, instance, **kwargs):
    moments = {getattr(instance, "_sitemap_old_published_at", None), instance.published_at}
    # Its translation group's months name it among their stories' alternates.
    source = instance.translation_of_id or instance.pk
    group = Article.objects.filter(Q(pk=source) | Q(translation_of=source)).exclude(pk=instance.pk)
    moments |= set(group.values_list("published_at", flat=True))
    for moment in moments:
        if moment is not None:
            invalidate_month(*_month_of(moment))


def connect():
    pre_save.connect(_remember_month, sender=Article, dispatch_uid="sitemap-month-before")
    post_save.connect(_article_changed, sender=Article, dispatch_uid="sitemap-month-saved")
    post_delete.connect(_article_changed, sender=Article, dispatch_uid="sitemap-month-deleted")
