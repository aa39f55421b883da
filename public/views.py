from datetime import timedelta

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

import editions
from articles.models import Article, Authorship, SlugRedirect
from authors.models import Author
from frontpage import arrangement as front_arrangement
from pagecache import public_page
from pagecache.keys import record

from . import freshness, related, translations
from .front_views import front_page
from .listing import LIST_PARAMS, render_list
from .live_views import LIVE_PAGE_PARAMS, live_page

HOME_LATEST = 12
FEATURED_WINDOW = timedelta(days=3)


@public_page
def home(request):
    """The live layout editors arranged (frontpage/); without one, the newest featured
    story of the last few days leads, else the newest story."""
    editions.set_counterparts(request, editions.everywhere(request.path))
    arranged = front_arrangement.current()
    if arranged is not None:
        return front_page(request, arranged)
    public = Article.objects.published().in_edition().for_listing().newest_first()
    # The window bounds the search to the index's newest rows, and keeps a story an
    # editor forgot to unfeature from leading for ever.
    recent = timezone.now() - FEATURED_WINDOW
    lead = public.filter(is_featured=True, published_at__gte=recent).first()
    others = public.exclude(pk=lead.pk) if lead else public
    latest = list(others[: HOME_LATEST + 1])
    if lead is None and latest:
        lead = latest.pop(0)
    latest = latest[:HOME_LATEST]
    shown = [lead, *latest] if lead else latest
    record(
        freshness.in_edition(freshness.HOME),
        freshness.in_edition(freshness.SIDEBAR),
        *map(freshness.story, shown),
    )
    return render(request, "articles/home.html", {"lead": lead, "latest": latest})


@public_page(reads=LIST_PARAMS)
def news_feed(request):
    record(freshness.in_edition(freshness.NEWS))
    editions.set_counterparts(request, editions.everywhere(request.path))
    return render_list(
        request,
        Article.objects.for_feed(),
        visible=Article.objects.published().in_edition(),
        template="articles/news_feed.html",
        item_template="articles/includes/feed_item.html",
        per_page=20,
    )


@public_page(reads=LIVE_PAGE_PARAMS)  # a story covered live is a list of entries
def article_detail(request, slug):
    try:
        story = (
            Article.objects.published()
            .for_page(bylines=False)
            .annotate(related_ids=related.stored_ids())
        )
        article = get_object_or_404(story, slug=slug)
    except Http404:
        # An address the article had before its slug changed: moved for good. A live
        # article with that slug wins (it was looked up first).
        moved = get_object_or_404(
            SlugRedirect.objects.select_related("article").filter(
                article__in=Article.objects.published()
            ),
            old_slug=slug,
        )
        return redirect(moved.article, permanent=True)
    if article.language != editions.current().language:
        # Another edition's story: its address is under that edition's prefix.
        return redirect(article, permanent=True)
    related.read_bylines(article)  # with its related stories' first, in one query
    editions.set_counterparts(request, translations.addresses(article))
    record(freshness.in_edition(freshness.SIDEBAR), freshness.story_page(article, article.topics))
    if article.has_live_coverage:
        return live_page(request, article)
    return render(request, "articles/article_detail.html", {"article": article})


@public_page(reads=LIST_PARAMS)
def tag_detail(request, slug):
    # A tag with no public story is not a page: its name may be a draft's scoop.
    tag = translations.public_tag(slug)
    record(
        freshness.in_edition(freshness.SIDEBAR), freshness.tag(tag.pk), freshness.tag_list(tag.pk)
    )
    editions.set_counterparts(request, translations.tag_addresses(tag))
    return render_list(
        request,
        Article.objects.published().for_listing(),
        template="articles/tag_detail.html",
        context={"tag": tag},
        walk=Article.objects.published().in_edition().filter(tags=tag),
    )


@public_page
def author_list(request):
    record(freshness.AUTHORS)
    editions.set_counterparts(request, editions.everywhere(request.path))
    return render(request, "authors/author_list.html", {"authors": Author.objects.all()})


@public_page(reads=LIST_PARAMS)
def author_detail(request, slug):
    author = get_object_or_404(Author, slug=slug)
    record(
        freshness.in_edition(freshness.SIDEBAR),
        freshness.author(author.pk),
        freshness.author_list(author.pk),
    )
    editions.set_counterparts(request, editions.everywhere(request.path))
    return render_list(
        request,
        Article.objects.published().for_listing(),
        template="authors/author_detail.html",
        context={"author": author, "heading": 3},
        walk=Authorship.objects.published().filter(
            author=author, article__language=editions.current().language
        ),
        walk_id="article_id",
    )
