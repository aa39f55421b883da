"""Authors for tests: one factory, keyword defaults, saved through the ORM."""

import itertools

from django.utils.text import slugify

from authors.models import Author

_unique = itertools.count(1)


def make_author(*, name=None, **fields):
    """Save one author: "Author n", a reporter with both bios, unless told otherwise.

    The slug comes from the name, so a test that names an author knows their address.
    """
    n = next(_unique)
    name = name or f"Author {n}"
    defaults = {
        "slug": slugify(name) or f"author-{n}",
        "role": "Reporter",
        "short_bio": f"{name} covers the news.",
        "bio": f"{name} has reported for the paper for many years.",
    }
    return Author.objects.create(name=name, **{**defaults, **fields})
