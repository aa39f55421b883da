"""The sitemap views (public/sitemaps.py says how the sitemaps are split and kept), the
Google News sitemap and robots.txt."""

from datetime import timedelta

from django.contrib.sitemaps.views import sitemap
from django.core.cache import cache
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language

import editions
from articles.models import Article
from links import address
from pagecache import edge_page, public_page, store
from pagecache.keys import record

from . import freshness, translations
from .freshness import seconds_until_next_publication
from .sitemaps import (
    FIRST_YEAR,
    MONTH_CACHE_SECONDS,
    SECTIONS,
    ArticleMonthSitemap,
    month_bounds,
    month_version,
    months_with_stories,
)

NEWS_WINDOW = timedelta(hours=48)
NEWS_MAX_ITEMS = 1000  # Google News' limit per sitemap


@public_page
def sitemap_index(request):
    """The index of the edition's sitemaps; cached with the public pages."""
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
    language = get_language()
    stories = {"articles": ArticleMonthSitemap(year, month, language)}
    if not store.usable():  # the cache owes an invalidation: build it afresh
        return sitemap(request, sitemaps=stories)
    # One version a month for every edition: a translation's change empties its
    # source's month in each (the alternates name it).
    version = month_version(year, month)
    key = f"sitemap-month:{language}:{year}-{month:02}:{version}:{page[:12]}"
    response = cache.get(key)
    if response is None:
        response = sitemap(request, sitemaps=stories)
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
    """The edition's Google News sitemap: its stories, its name, its language (ISO 639,
    as Google asks: "en", "uk"), and each story's translations as alternates."""
    record(freshness.SITEMAPS)
    edition = editions.current()
    since = timezone.now() - NEWS_WINDOW
    articles = list(
        Article.objects.published()
        .in_edition(edition.language)
        .filter(published_at__gte=since)
        .newest_first()
        .annotate(has_translations=translations.has_translations())
        .only("slug", "language", "translation_of", "title", "published_at")[:NEWS_MAX_ITEMS]
    )
    groups = translations.group_addresses(articles)
    for article in articles:
        group = groups.get(article.pk)
        article.alternates = (
            translations.hreflang_alternates(group, edition.language) if group else []
        )
    return _xml(
        render(
            request,
            "sitemaps/news.xml",
            {
                "articles": articles,
                "language": edition.iso639,
                "publication": editions.site_name(edition.language),
            },
            content_type="application/xml",
        )
    )


def robots_txt(request):
    """robots.txt, once for the site: every edition's sitemap index and news sitemap,
    and no edition's search pages (each query would be a page of its own)."""
    searches = [address("search", language=edition.language) for edition in editions.all_editions()]
    sitemaps = [
        address(name, language=edition.language)
        for edition in editions.all_editions()
        for name in ("sitemap", "news_sitemap")
    ]
    return render(
        request,
        "robots.txt",
        {"sitemaps": sitemaps, "searches": searches},
        content_type="text/plain; charset=utf-8",
    )


def _xml(response):
    response["Content-Type"] = "application/xml"
    response.headers["X-Robots-Tag"] = "noindex, noodp, noarchive"  # as Django's sitemaps
    return response
