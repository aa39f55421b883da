from django.shortcuts import get_object_or_404, render

from articles.listing import render_list
from articles.models import Article
from newsroom.cache import public_page

from .models import Author


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
    )
