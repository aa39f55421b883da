"""`{% fragment "name" value… %}…{% endfragment %}`: a piece of a page drawn once, then
served from the cache until anything public changes.

The key holds the page cache's generation number, which every save of what pages show
bumps (public/signals.py), so a fragment is never staler than the page around it; and the
values it varies on (an article's id and heading level; for the sidebar, its page of
items, whose text names each story and the next page's cursor, so a scheduled story going
live changes it). Only for markup that depends on nothing but those values and the stored
content: never on the clock or the reader.
"""

import contextlib
import hashlib

from django import template
from django.core.cache import cache

from public.cache import usable_generation

register = template.Library()

# However long: any change to public content retires every fragment at once.
FRAGMENT_SECONDS = 60 * 60


@register.tag
def fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% fragment %} needs a name, then what it varies on.")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(nodelist, bits[1], [parser.compile_filter(bit) for bit in bits[2:]])


def _generation(context):
    """The generation number, read once per request however many fragments it draws."""
    request = context.get("request")
    if request is None:
        return usable_generation()
    if not hasattr(request, "_fragment_generation"):
        request._fragment_generation = usable_generation()
    return request._fragment_generation


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, vary_on):
        self.nodelist, self.name, self.vary_on = nodelist, name, vary_on

    def render(self, context):
        values = "\x1f".join(str(value.resolve(context)) for value in self.vary_on)
        digest = hashlib.md5(values.encode(), usedforsecurity=False).hexdigest()
        generation = _generation(context)
        if generation is None:  # the cache is down, or may hold what a save replaced
            return self.nodelist.render(context)
        key = f"fragment:{self.name}:{generation}:{digest}"
        try:
            markup = cache.get(key)
        except Exception:
            return self.nodelist.render(context)
        if markup is None:
            markup = self.nodelist.render(context)
            with contextlib.suppress(Exception):  # a cache that stops answering: no matter
                cache.set(key, markup, FRAGMENT_SECONDS)
        return markup
