from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.generic import TemplateView

from articles import preview_views
from articles import views as article_views
from articles.feeds import AuthorFeed, LatestArticlesFeed, TagFeed
from articles.search_views import search
from articles.sitemaps import SITEMAPS, news_sitemap
from newsroom.cache import public_page

admin.site.site_header = f"{settings.SITE_NAME} newsroom"
admin.site.site_title = settings.SITE_NAME
admin.site.index_title = "Editorial desk"

urlpatterns = [
    path("", article_views.home, name="home"),
    path("", include("articles.urls")),
    path("authors/", include("authors.urls")),
    path("preview/<slug:token>/", preview_views.preview_link, name="preview_link"),
    path("admin/", admin.site.urls),
    # Distribution: feeds, sitemaps and robots.txt, all with absolute URLs on SITE_URL.
    path("rss/", public_page(LatestArticlesFeed()), name="rss"),
    path("tags/<slug:slug>/rss/", public_page(TagFeed()), name="tag_rss"),
    path("authors/<slug:slug>/rss/", public_page(AuthorFeed()), name="author_rss"),
    path("sitemap.xml", public_page(sitemap), {"sitemaps": SITEMAPS}, name="sitemap"),
    path("news-sitemap.xml", news_sitemap, name="news_sitemap"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain; charset=utf-8"),
        name="robots_txt",
    ),
    path("search/", search, name="search"),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
