"""A live story's own RSS feed: its entries, newest first, as they are published."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext

from articles.models import Article
from pagecache.keys import record

from . import freshness
from .feeds import FEED_ITEMS, MediaRssFeed, media_content
from .seo import absolute_url


class LiveEntriesFeed(Feed):
    feed_type = MediaRssFeed
    item_guid_is_permalink = True

    def get_object(self, request, slug):
        article = get_object_or_404(
            Article.objects.published().filter(coverage_started_at__isnull=False), slug=slug
        )
        record(freshness.article(article.pk))
        return article

    def title(self, obj):
        title = gettext("%(title)s: live updates") % {"title": obj.title}
        return f"{title} · {settings.SITE_NAME}"

    def description(self, obj):
        return obj.standfirst or obj.title

    def link(self, obj):
        return absolute_url(obj.get_absolute_url())

    def feed_url(self, obj):
        return absolute_url(reverse("articles:live_rss", kwargs={"slug": obj.slug}))

    def items(self, obj):
        # Two queries whatever the number of entries: the entries, their bylines.
        return (
            obj.live_entries.published()
            .select_related("photo")
            .with_byline()
            .newest_first()[:FEED_ITEMS]
        )

    # Titles are editors' plain text, escaped; the body is our own sanitised HTML.
    def item_title(self, item):
        return escape(item.title)

    def item_description(self, item):
        return item.body_html

    def item_link(self, item):
        return absolute_url(item.get_absolute_url())

    def item_pubdate(self, item):
        return item.published_at

    def item_extra_kwargs(self, item):
        return {
            "creators": [author.name for author in item.byline],
            "image": media_content(item.photo),
        }
