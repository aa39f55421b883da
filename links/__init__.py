"""Page addresses without a `reverse()` each: a URL name is reversed once, with a marker
for each argument, and every address after that is the marker replaced.

Pages print dozens of addresses (every card's story, every byline's author, every
topic); Django's `reverse()` checks each against its pattern, some 20 µs a time.
`address(name, slug=…)` costs a dictionary lookup and a string join. Arguments are
slugs (letters, digits, `-`, `_`): anything else is reversed the ordinary way, so an
address is always what `reverse()` would have written.

An address depends on the active language (an edition's pages are under its prefix,
`i18n_patterns`): `language=` asks for another edition's, as a story's own address does.
"""

import re
from functools import lru_cache

from django.core.signals import setting_changed
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language, override

_SLUG = re.compile(r"[-a-zA-Z0-9_]+")
# Stands for an argument while its name is reversed: itself a slug, so a slug converter
# takes it; it is found again in the address by its shape.
_MARKER = "zq{}qz"
_MARKED = re.compile(r"zq(\w+?)qz")


def address(name: str, language: str | None = None, **slugs: str) -> str:
    """`reverse(name, kwargs=slugs)`, for slug arguments, in `language`'s edition (the
    active one by default)."""
    language = language or get_language()
    if not all(isinstance(v, str) and _SLUG.fullmatch(v) for v in slugs.values()):
        with override(language):
            return reverse(name, kwargs=slugs)
    pieces = _pieces(name, tuple(sorted(slugs)), get_urlconf(), get_script_prefix(), language)
    if pieces is None:
        with override(language):
            return reverse(name, kwargs=slugs)
    # Text and argument names alternate: text, name, text, …, text.
    return "".join(slugs[piece] if n % 2 else piece for n, piece in enumerate(pieces))


@lru_cache(maxsize=256)
def _pieces(name, arguments, urlconf, script_prefix, language):
    """The address of `name` split around its arguments' markers; None unless each
    argument came out once, unchanged (a pattern other than a slug's would change it)."""
    with override(language):
        marked = reverse(name, urlconf=urlconf, kwargs={a: _MARKER.format(a) for a in arguments})
    pieces = _MARKED.split(marked)
    if sorted(pieces[1::2]) != list(arguments):
        return None
    return tuple(pieces)


def _forget(setting, **kwargs):
    if setting == "ROOT_URLCONF":
        _pieces.cache_clear()


setting_changed.connect(_forget, dispatch_uid="links-forget-addresses")
