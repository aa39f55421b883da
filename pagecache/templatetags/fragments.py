"""`{% fragment "name" value… %}…{% endfragment %}`: a piece of a page drawn once, then
served from the cache until anything public changes.

The key holds the page cache's generation number, which every save of what pages show
bumps (public/signals.py), so a fragment is never staler than the page around it; and the
values it varies on (an article's id and heading level). Only for markup that depends on
nothing but those values and the stored content: never on the clock or the reader.
"""

import hashlib

from django import template

from public.cache import kept_until_saved

register = template.Library()


@register.tag
def fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% fragment %} needs a name, then what it varies on.")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(nodelist, bits[1], [parser.compile_filter(bit) for bit in bits[2:]])


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, vary_on):
        self.nodelist, self.name, self.vary_on = nodelist, name, vary_on

    def render(self, context):
        values = "\x1f".join(str(value.resolve(context)) for value in self.vary_on)
        digest = hashlib.md5(values.encode(), usedforsecurity=False).hexdigest()
        return kept_until_saved(
            f"fragment:{self.name}:{digest}",
            lambda: self.nodelist.render(context),
            request=context.get("request"),
        )
