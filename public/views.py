from datetime import timedelta

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from taggit.models import Tag

from articles.models import Article, SlugRedirect
from authors.models import Author

from .cache import public_page
from .listing import render_list

HOME_LATEST = 12
FEATURED_WINDOW = timedelta(days=3)


@public_page
def home(request):
    """The newest featured story of the last few days leads; else the newest story."""
    public = Article.objects.published().for_listing().newest_first()
    # The window bounds the search to the index's newest rows, and keeps a story an
    # editor forgot to unfeature from leading for ever.
    recent = timezone.now() - FEATURED_WINDOW
    lead = public.filter(is_featured=True, published_at__gte=recent).first()
    others = public.exclude(pk=lead.pk) if lead else public
    latest = list(others[: HOME_LATEST + 1])
    if lead is None and latest:
        lead = latest.pop(0)
    return render(request, "articles/home.html", {"lead": lead, "latest": latest[:HOME_LATEST]})


@public_page
def news_feed(request):
    return render_list(
        request,
        Article.objects.for_feed(),
        template="articles/news_feed.html",
        item_template="articles/includes/feed_item.html",
        per_page=20,
    )


@public_page
def article_detail(request, slug):
    try:
        article = get_object_or_404(Article.objects.published().for_page(), slug=slug)
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
    return render(request, "articles/article_detail.html", {"article": article})


@public_page
def tag_detail(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    return render_list(
        request,
        Article.objects.for_listing().filter(tags=tag),
        template="articles/tag_detail.html",
        context={"tag": tag},
        ids_first=True,
    )


@public_page
def author_list(request):
    return render(request, "authors/author_list.html", {"authors": Author.objects.all()})


@public_page
def author_detail(request, slug):
    author = get_object_or_404(Author, slug=slug)
    return render_list(
        request,
        Article.objects.for_listing().filter(authorships__author=author),
        template="authors/author_detail.html",
        context={"author": author, "heading": 3},
        ids_first=True,
    )
