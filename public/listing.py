"""One way to render a newest-first list page with "Show More", for every app."""

from django.http import QueryDict
from django.shortcuts import render

from pagecache.keys import record

from . import freshness
from .pagination import CURSOR_PARAM, InvalidCursor, StoryGone, cursor_from_request, paginate

FRAGMENT_PARAM = "fragment"
# The query parameters a list page reads (`public_page(reads=…)`).
LIST_PARAMS = (CURSOR_PARAM, FRAGMENT_PARAM)


def render_list(
    request,
    queryset,
    *,
    template,
    item_template="articles/includes/card.html",
    per_page=12,
    context=None,
    visible=None,
    walk=None,
    walk_id="pk",
):
    """Render one page of the articles in `queryset` (see `paginate`; the caller says
    which readers may see, `visible=Article.objects.published()` or a `walk`), or just
    its items when the script asks for them.

    The "Show More" link is a real URL to the next page; the script fetches the same URL
    with `fragment=1` and appends what comes back. `visible`, `walk`, `walk_id`: see
    `paginate`.
    """
    try:
        cursor = cursor_from_request(request)
    except InvalidCursor:
        return render(request, "invalid_cursor.html", {"first_page_url": request.path}, status=400)
    if request.GET.get(FRAGMENT_PARAM) == "1":
        template = "includes/list_fragment.html"
    # Twice at most: a story deleted between a walked page's two queries (its ids, then
    # its rows) is not on the page read again (`StoryGone`).
    for again in (False, True):
        page = paginate(
            queryset, cursor=cursor, per_page=per_page, visible=visible, walk=walk, walk_id=walk_id
        )
        page_context = {
            **(context or {}),
            "page": page,
            "item_template": item_template,
            "next_url": next_page_url(page, request.path, request.GET),
        }
        try:
            response = render(request, template, page_context)
            break
        except StoryGone:
            if again:
                raise
    # Each item's story, by the id every item knows without reading its row; a card adds
    # its kicker and byline itself ({% fragment … shows … %}), drawn or found.
    record(*(freshness.article(item.pk) for item in page.items))
    return response


def next_page_url(page, path, query=None):
    """The address of the page after `page`, keeping the rest of the query (say, `q`)."""
    if not page.has_next:
        return ""
    query = query.copy() if query is not None else QueryDict(mutable=True)
    query.pop(FRAGMENT_PARAM, None)
    query[CURSOR_PARAM] = page.next_cursor.encode()
    return f"{path}?{query.urlencode()}"
