"""Every address a reader, a feed reader or a crawler can ask for.

Names keep the namespace of what they show ("articles:detail", "authors:detail"), so
models and templates name a page by its content, not by the app that serves it. The
`articles` namespace also holds the desk's staff previews (desk/urls.py): newsroom/urls.py
includes `article_patterns` with them, and `urlpatterns` below holds the rest.
"""

from django.urls import include, path, re_path

from pagecache import edge_page, public_page

from . import freshness, front_views, live_views, preview_views, views
from .feeds import AuthorFeed, LatestArticlesFeed, TagFeed
from .health import healthz
from .live_feed import LiveEntriesFeed
from .search_views import search
from .sitemap_views import month_sitemap, news_sitemap, robots_txt, section_sitemap, sitemap_index

article_patterns = [
    path("news/", views.news_feed, name="news_feed"),
    path("news/<slug:slug>/", views.article_detail, name="detail"),
    path("tags/<slug:slug>/", views.tag_detail, name="tag"),
    # Live coverage: a story's new entries (for its page's script), each entry's own
    # page, and its feed of entries. The story itself is at its usual address.
    path("news/<slug:slug>/entries/new/", live_views.new_entries, name="live_new_entries"),
    path("news/<slug:slug>/entries/<int:pk>/", live_views.entry_detail, name="live_entry"),
    path("news/<slug:slug>/rss/", public_page(LiveEntriesFeed()), name="live_rss"),
]

author_patterns = [
    path("", views.author_list, name="list"),
    path("<slug:slug>/", views.author_detail, name="detail"),
]

urlpatterns = [
    path("", views.home, name="home"),
    path("authors/", include((author_patterns, "authors"))),
    path("preview/<slug:token>/", preview_views.preview_link, name="preview_link"),
    path("search/", search, name="search"),
    # Distribution: feeds, sitemaps and robots.txt, all with absolute URLs.
    path("rss/", public_page(LatestArticlesFeed()), name="rss"),
    path("tags/<slug:slug>/rss/", public_page(TagFeed()), name="tag_rss"),
    path("authors/<slug:slug>/rss/", public_page(AuthorFeed()), name="author_rss"),
    path("sitemap.xml", sitemap_index, name="sitemap"),
    re_path(
        r"^sitemaps/articles-(?P<year>[0-9]{4})-(?P<month>[0-9]{2})\.xml$",
        month_sitemap,
        name="sitemap_month",
    ),
    path("sitemaps/<slug:section>.xml", section_sitemap, name="sitemap_section"),
    path("news-sitemap.xml", news_sitemap, name="news_sitemap"),
    # The edition's banner alone, for an edge cache that includes it in every page (ESI).
    path("banner/", front_views.banner_fragment, name="banner"),
]

# Once for the whole site, whatever the edition (newsroom/urls.py).
site_patterns = [
    path(
        "robots.txt",
        edge_page(freshness.ROBOTS, until_deadline=False)(robots_txt),
        name="robots_txt",
    ),
    # The reading beacon that counts page views for "Most read".
    path("views/", front_views.count_view, name="count_view"),
    # For load balancers and the edge cache: is this server able to serve?
    path("healthz", healthz, name="healthz"),
]
