"""RSS 2.0 feeds: the latest stories, one tag's and one author's.

Links are made absolute on settings.SITE_URL here, so Django's `add_domain` leaves them
alone and a feed never carries the request's host name.
"""

import mimetypes

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import gettext

from articles.models import Article, public_tags
from authors.models import Author
from pagecache.keys import record

from . import freshness
from .seo import absolute_url

FEED_ITEMS = 30


class MediaRssFeed(Rss201rev2Feed):
    """RSS 2.0 with one <dc:creator> per author and the lead image as <media:content>.

    An <enclosure> would need the file's size in bytes, a storage call per item.
    """

    def rss_attributes(self):
        return {
            **super().rss_attributes(),
            "xmlns:dc": "http://purl.org/dc/elements/1.1/",
            "xmlns:media": "http://search.yahoo.com/mrss/",
        }

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name in item["creators"]:
            handler.addQuickElement("dc:creator", name)
        if image := item["image"]:
            handler.startElement("media:content", image["attrs"])
            if image["alt"]:
                handler.addQuickElement("media:description", image["alt"], {"type": "plain"})
            handler.endElement("media:content")


class LatestArticlesFeed(Feed):
    feed_type = MediaRssFeed
    item_guid_is_permalink = True

    def title(self, obj):
        return settings.SITE_NAME

    def description(self, obj):
        return settings.SITE_TAGLINE

    def link(self, obj):
        return absolute_url(reverse("home"))

    def feed_url(self, obj):
        return absolute_url(reverse("rss"))

    def articles(self, obj):
        return Article.objects.published()

    def list_keys(self, obj):
        """The surrogate keys of the list this feed follows, and of what its header shows."""
        return [freshness.NEWS]

    def items(self, obj):
        record(self.list_keys(obj))
        # Three queries whatever the number of items: articles, bylines, tags.
        articles = self.articles(obj).for_listing().prefetch_related("tags")
        return articles.newest_first()[:FEED_ITEMS]

    # Feed readers show titles and descriptions as HTML: editors' text is escaped.
    def item_title(self, item):
        return escape(item.title)

    def item_description(self, item):
        return escape(item.standfirst)

    def item_link(self, item):
        return absolute_url(item.get_absolute_url())

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at if item.was_updated else None

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]

    def item_extra_kwargs(self, item):
        record(freshness.story_page(item, item.tags.all()))
        return {
            "creators": [author.name for author in item.byline],
            "image": media_content(item.lead_photo),
        }


def media_content(photo):
    """A library photo as MediaRssFeed's <media:content> for an item; None without one."""
    if photo is None or not photo.image:
        return None
    image, width, height = photo.image, photo.width, photo.height
    attrs = {"url": absolute_url(image.url), "medium": "image"}
    mime_type, _ = mimetypes.guess_type(image.name)
    if mime_type:
        attrs["type"] = mime_type
    if width and height:
        attrs["width"], attrs["height"] = str(width), str(height)
    return {"attrs": attrs, "alt": photo.alt_text}


class TagFeed(LatestArticlesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(public_tags(), slug=slug)

    def title(self, obj):
        return f"{obj.name} · {settings.SITE_NAME}"

    def description(self, obj):
        return gettext("The latest %(name)s stories from %(SITE_NAME)s.") % {
            "name": obj.name,
            "SITE_NAME": settings.SITE_NAME,
        }

    def link(self, obj):
        return absolute_url(reverse("articles:tag", kwargs={"slug": obj.slug}))

    def feed_url(self, obj):
        return absolute_url(reverse("tag_rss", kwargs={"slug": obj.slug}))

    def articles(self, obj):
        return Article.objects.published().filter(tags=obj)

    def list_keys(self, obj):
        return [freshness.tag(obj.pk), freshness.tag_list(obj.pk)]


class AuthorFeed(LatestArticlesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Author, slug=slug)

    def title(self, obj):
        return f"{obj.name} · {settings.SITE_NAME}"

    def description(self, obj):
        return gettext("Stories by %(name)s in %(site)s.") % {
            "name": obj.name,
            "site": settings.SITE_NAME,
        }

    def link(self, obj):
        return absolute_url(obj.get_absolute_url())

    def feed_url(self, obj):
        return absolute_url(reverse("author_rss", kwargs={"slug": obj.slug}))

    def articles(self, obj):
        return Article.objects.published().filter(authorships__author=obj)

    def list_keys(self, obj):
        return [freshness.author(obj.pk), freshness.author_list(obj.pk)]
