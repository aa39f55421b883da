from django.shortcuts import get_object_or_404, render
from taggit.models import Tag

from newsroom.cache import public_page

from .listing import render_list
from .models import Article

HOME_LATEST = 12


@public_page
def home(request):
    articles = list(Article.objects.published().for_listing().newest_first()[: HOME_LATEST + 1])
    lead = next((article for article in articles if article.is_featured), None)
    if lead is None and articles:
        lead = articles[0]
    latest = [article for article in articles if article != lead][:HOME_LATEST]
    return render(request, "articles/home.html", {"lead": lead, "latest": latest})


@public_page
def news_feed(request):
    return render_list(
        request,
        Article.objects.published().for_feed(),
        template="articles/news_feed.html",
        item_template="articles/includes/feed_item.html",
        per_page=20,
    )


@public_page
def article_detail(request, slug):
    article = get_object_or_404(Article.objects.published().for_page(), slug=slug)
    return render(request, "articles/article_detail.html", {"article": article})


@public_page
def tag_detail(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    return render_list(
        request,
        Article.objects.published().for_listing().filter(tags=tag),
        template="articles/tag_detail.html",
        context={"tag": tag},
    )
