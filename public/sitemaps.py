"""Sitemaps for search engines, split so that none grows with the archive.

- `/sitemap.xml` is an index: the site's own pages, its topics and authors, then one
  sitemap per month of stories (a month of more than `MONTH_LIMIT` stories in pages of
  that many), newest month first.
- A month's sitemap is cached until a story in it changes: every article save or delete
  bumps the version of the month it was in and the month it is in (`connect`). The
  current month also expires when the next scheduled story goes live.
- `/news-sitemap.xml` is Google News' sitemap: at most 1,000 stories of the last 48 hours.

Months are calendar months in UTC, so a month's address never depends on settings.
"""

import logging
import math
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import sitemap
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save, pre_save
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, public_tags
from authors.models import Author
from pagecache import edge_page, public_page, store
from pagecache.keys import record

from . import freshness
from .freshness import seconds_until_next_publication

logger = logging.getLogger(__name__)

NEWS_WINDOW = timedelta(hours=48)
NEWS_MAX_ITEMS = 1000  # Google News' limit per sitemap
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
    changefreq = "hourly"

    def items(self):
        return ["home", "articles:news_feed", "authors:list"]

    def location(self, item):
        return reverse(item)


class ArticleMonthSitemap(SiteUrlSitemap):
    """The public stories of one calendar month (UTC), newest first."""

    limit = MONTH_LIMIT

    def __init__(self, year, month):
        self.start, self.end = month_bounds(year, month)

    def items(self):
        return (
            Article.objects.published()
            .filter(published_at__gte=self.start, published_at__lt=self.end)
            .newest_first()
            .only("slug", "language", "published_at", "updated_at", "modified_at")
        )

    def lastmod(self, item):
        return item.last_modified


class TagSitemap(SiteUrlSitemap):
    limit = SECTION_LIMIT

    def items(self):
        return public_tags().order_by("name")

    def location(self, item):
        return reverse("articles:tag", kwargs={"slug": item.slug})


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


def months_with_stories():
    """(year, month, pages) of every month with a public story, newest first.

    The first and last public story bound the months; then one count per month, each a
    range of the publication-time index: a few hundred small queries, never a scan.
    """
    public = Article.objects.published().newest_first().values_list("published_at", flat=True)
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


# --- Views --------------------------------------------------------------------------------


@public_page
def sitemap_index(request):
    """The index of every sitemap; cached with the public pages."""
    record(freshness.SITEMAPS)
    entries = []
    for name, section in SECTIONS.items():
        url = reverse("sitemap_section", kwargs={"section": name})
        pages = section().paginator.num_pages if name != "pages" else 1
        entries += [url] + [f"{url}?p={page}" for page in range(2, pages + 1)]
    for year, month, pages in months_with_stories():
        url = reverse("sitemap_month", kwargs={"year": year, "month": f"{month:02}"})
        entries += [url] + [f"{url}?p={page}" for page in range(2, pages + 1)]
    return _xml(render(request, "sitemaps/index.xml", {"entries": entries}))


@public_page(reads=("p",))  # Django's sitemap view pages with ?p=
def section_sitemap(request, section):
    if section not in SECTIONS:
        raise Http404("No such sitemap.")
    record(freshness.SITEMAPS)
    return sitemap(request, sitemaps={section: SECTIONS[section]})


# Kept in a cache of its own (below); an edge cache keeps it until a story changes.
@edge_page(freshness.SITEMAPS)
def month_sitemap(request, year, month):
    """One month's stories, cached until one of them changes."""
    year, month = int(year), int(month)
    if not (FIRST_YEAR <= year <= 9998 and 1 <= month <= 12):
        raise Http404("No such month.")
    page = request.GET.get("p", "1")
    if not store.usable():  # the cache owes an invalidation: build it afresh
        return sitemap(request, sitemaps={"articles": ArticleMonthSitemap(year, month)})
    key = f"sitemap-month:{year}-{month:02}:{month_version(year, month)}:{page[:12]}"
    response = cache.get(key)
    if response is None:
        response = sitemap(request, sitemaps={"articles": ArticleMonthSitemap(year, month)})
        response.render()
        if response.status_code == 200:
            cache.set(key, response, _month_timeout(year, month))
    return response


def _month_timeout(year, month):
    """A past month waits for its stories to change; this month (or a later one) also
    for the next scheduled story, which goes live with no save to announce it."""
    if month_bounds(year, month)[1] <= timezone.now():
        return MONTH_CACHE_SECONDS
    return seconds_until_next_publication(MONTH_CACHE_SECONDS)


@public_page
def news_sitemap(request):
    record(freshness.SITEMAPS)
    since = timezone.now() - NEWS_WINDOW
    articles = (
        Article.objects.published()
        .filter(published_at__gte=since)
        .newest_first()
        .only("slug", "language", "title", "published_at")[:NEWS_MAX_ITEMS]
    )
    return _xml(
        render(
            request,
            "sitemaps/news.xml",
            {"articles": articles, "language": settings.LANGUAGE_CODE.split("-")[0]},
            content_type="application/xml",
        )
    )


def _xml(response):
    response["Content-Type"] = "application/xml"
    response.headers["X-Robots-Tag"] = "noindex, noodp, noarchive"  # as Django's sitemaps
    return response


# --- Keeping month sitemaps fresh ---------------------------------------------------------


def _remember_month(sender, instance, raw=False, **kwargs):
    """Before a save: the month the article was in, which it may be leaving."""
    instance._sitemap_old_published_at = (
        None
        if instance._state.adding or raw
        else Article.objects.filter(pk=instance.pk).values_list("published_at", flat=True).first()
    )


def _article_changed(sender, instance, **kwargs):
    for moment in {getattr(instance, "_sitemap_old_published_at", None), instance.published_at}:
        if moment is not None:
            invalidate_month(*_month_of(moment))


def connect():
    pre_save.connect(_remember_month, sender=Article, dispatch_uid="sitemap-month-before")
    post_save.connect(_article_changed, sender=Article, dispatch_uid="sitemap-month-saved")
    post_delete.connect(_article_changed, sender=Article, dispatch_uid="sitemap-month-deleted")
