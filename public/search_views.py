from django.shortcuts import render

from .listing import render_list
from .search import clean_query, search_articles

TEMPLATE = "articles/search.html"


# Not behind the page cache: every distinct query would take a cache entry of its own.
def search(request):
    query, notes = clean_query(request.GET.get("q", ""))
    context = {"query": query, "notes": notes}
    if not query:
        return render(request, TEMPLATE, context)
    return render_list(
        request, search_articles(query).for_listing(), template=TEMPLATE, context=context
    )
