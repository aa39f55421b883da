"""The search page: `/search/?q=…&sort=…&tag=…&author=…&from=…&to=…&start=…`.

Any input gives a page: what cannot be read is left out, with a note saying so. "Show
More" is a link to the next page (`start`), which show-more.js fetches as a fragment.
"""

from django import forms
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language, gettext, gettext_lazy, ngettext

from articles.models import public_tags
from authors.models import Author
from pagecache import edge_page
from pagecache.keys import record

from . import freshness
from .listing import FRAGMENT_PARAM
from .search import MAX_TERMS, Filters, Sort, clean_query, parse_query
from .search import search as run_search

TEMPLATE = "articles/search.html"
PER_PAGE = 12
MAX_START = 10_000  # beyond any page of ranked results
FIRST_YEAR, LAST_YEAR = 1800, 9000


class SearchForm(forms.Form):
    sort = forms.ChoiceField(
        choices=[
            (Sort.RELEVANCE, gettext_lazy("Best match")),
            (Sort.NEWEST, gettext_lazy("Newest first")),
        ],
        required=False,
    )
    tag = forms.SlugField(required=False)
    author = forms.SlugField(required=False)
    date_from = forms.DateField(required=False, label=gettext_lazy("From"))
    date_to = forms.DateField(required=False, label=gettext_lazy("To"))
    start = forms.IntegerField(required=False, min_value=0, max_value=MAX_START)

    FIELD_NAMES = {"date_from": "from", "date_to": "to"}  # in the address

    def __init__(self, query):
        data = {name: query.get(self.FIELD_NAMES.get(name, name), "") for name in self.base_fields}
        super().__init__(data)

    def clean_date_from(self):
        return self._plausible(self.cleaned_data["date_from"])

    def clean_date_to(self):
        return self._plausible(self.cleaned_data["date_to"])

    @staticmethod
    def _plausible(day):
        # A day a story could have: 0001-01-01 or 9999-12-31 overflow a day's bounds.
        if day is not None and not FIRST_YEAR <= day.year <= LAST_YEAR:
            raise forms.ValidationError(gettext("Out of range."))
        return day

    def value(self, name):
        """The cleaned value, or None where it could not be read."""
        return self.cleaned_data.get(name) if name not in self.errors else None


NOTES = {
    "sort": gettext_lazy("The order asked for is not one we offer: showing the best matches."),
    "tag": gettext_lazy("That topic is not one we know: searching every topic."),
    "author": gettext_lazy("That author is not one we know: searching every author."),
    "date_from": gettext_lazy(
        "The “from” date could not be read (use YYYY-MM-DD): it was left out."
    ),
    "date_to": gettext_lazy("The “to” date could not be read (use YYYY-MM-DD): it was left out."),
}


# Not behind the page cache: every distinct query would take a cache entry of its own.
# An edge cache may keep results until a story is published, changed or withdrawn.
@edge_page()
def search(request):
    topics_key = freshness.in_edition(freshness.SEARCH)  # this edition's public tags
    record(topics_key, freshness.in_edition(freshness.SIDEBAR))
    query, notes = clean_query(request.GET.get("q", ""))
    form = SearchForm(request.GET)
    form.is_valid()
    notes += [NOTES[name] for name in form.errors if name in NOTES]
    if "start" in form.errors:
        return render(request, "invalid_cursor.html", {"first_page_url": request.path}, status=400)

    # The edition's own topics: a tag is public here while one of its stories is filed
    # under it (as its tag page).
    topics = public_tags(language=get_language())
    filters = Filters(
        tag=_lookup(topics, form.value("tag"), notes, "tag"),
        author=_lookup(Author.objects.all(), form.value("author"), notes, "author"),
        date_from=form.value("date_from"),
        date_to=form.value("date_to"),
    )
    sort = form.value("sort") or Sort.RELEVANCE
    parsed = parse_query(query)
    if parsed.truncated:
        notes.append(
            ngettext(
                "Only the first %(count)d word or phrase was searched for.",
                "Only the first %(count)d words and phrases were searched for.",
                MAX_TERMS,
            )
            % {"count": MAX_TERMS}
        )
    if query and not parsed:
        notes.append(
            gettext("Add a word to search for: a search made only of exclusions finds nothing.")
        )
    context = {
        "query": query,
        "notes": notes,
        "form": form,
        "sort": sort,
        "filters": filters,
        "tags": topics.select_related("translation")
        .order_by("name")
        .only("name", "slug", "translation__name_uk"),
        # The topics change when a scheduled story goes live: so does the form's kept copy.
        "topics_until": freshness.next_publication(),
        "topics_key": topics_key,
        "authors": Author.objects.order_by("name").only("name", "slug", "name_uk"),
        "item_template": "articles/includes/search_result.html",
    }
    if not parsed:
        return render(request, TEMPLATE, context)

    results = run_search(
        parsed, sort=sort, filters=filters, start=form.value("start") or 0, per_page=PER_PAGE
    )
    record(*map(freshness.story, results.items))
    context.update(
        page=results,
        sort_urls={name: _sort_url(request, name) for name in (Sort.RELEVANCE, Sort.NEWEST)},
        next_url=_page_url(request, results.next_start) if results.has_next else "",
        older_url=_older_url(request, results),
    )
    if request.GET.get(FRAGMENT_PARAM) == "1":
        return render(request, "includes/list_fragment.html", context)
    return render(request, TEMPLATE, context)


def _lookup(rows, slug, notes, name):
    if not slug:
        return None
    found = rows.filter(slug=slug).first()
    if found is None:
        notes.append(NOTES[name])
    return found


def _page_url(request, start):
    query = request.GET.copy()
    query.pop(FRAGMENT_PARAM, None)
    query["start"] = start
    return f"{request.path}?{query.urlencode()}"


def _sort_url(request, sort):
    query = request.GET.copy()
    for name in (FRAGMENT_PARAM, "start"):
        query.pop(name, None)
    query["sort"] = sort
    return f"{request.path}?{query.urlencode()}"


def _older_url(request, results):
    """Where more matches than are ranked exist: the same search, before the oldest shown."""
    stopped_short = results.more_than_ranked or results.searched_since is not None
    if not stopped_short or results.has_next or not results.items:
        return ""
    query = request.GET.copy()
    for name in (FRAGMENT_PARAM, "start"):
        query.pop(name, None)
    query["to"] = timezone.localdate(results.oldest_ranked).isoformat()
    query["sort"] = Sort.NEWEST
    return f"{request.path}?{query.urlencode()}"
