from django.shortcuts import render

from . import surrogate_keys
from .cache import edge_page
from .listing import render_list
from .search import clean_query, search_articles

TEMPLATE = "articles/search.html"


# Not behind the page cache: every distinct query would take a cache entry of its own.
# An edge cache may keep results until a story is published, changed or withdrawn.
@edge_page(surrogate_keys.SEARCH, surrogate_keys.SIDEBAR)
def search(request):
    query, notes = clean_query(request.GET.get("q", ""))
    context = {"query": query, "notes": notes}
    if not query:
        return render(request, TEMPLATE, context)
    return render_list(
        request, search_articles(query).for_listing(), template=TEMPLATE, context=context
    )
