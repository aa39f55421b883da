"""`{% fragment "name" value… shows key… %}…{% endfragment %}`: a piece of a page drawn
once, then served from the cache until a key it shows is invalidated.

The values it varies on (an article's id, a heading level) are in its cache key; the keys
after `shows` (strings, or lists of them) name what it shows, and are read only when it
is drawn, from what the drawing loads anyway. Keys recorded while it is drawn count too,
and all of them count for the page around it, whether the fragment was drawn or found.
Only for markup that depends on nothing but those values and the stored content: never
on the clock or the reader.
"""

import hashlib

from django import template

from pagecache import keys, store

register = template.Library()


@register.tag
def fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% fragment %} needs a name, then what it varies on.")
    vary_on, shows = bits[2:], []
    if "shows" in vary_on:
        at = vary_on.index("shows")
        vary_on, shows = vary_on[:at], vary_on[at + 1 :]
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(
        nodelist,
        bits[1],
        [parser.compile_filter(bit) for bit in vary_on],
        [parser.compile_filter(bit) for bit in shows],
    )


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, vary_on, shows):
        self.nodelist, self.name, self.vary_on, self.shows = nodelist, name, vary_on, shows

    def render(self, context):
        values = "\x1f".join(str(value.resolve(context)) for value in self.vary_on)
        digest = hashlib.md5(values.encode(), usedforsecurity=False).hexdigest()
        return store.kept(
            f"fragment:{self.name}:{digest}",
            lambda: self._draw(context),
            shows=(),
            request=context.get("request"),
            part_of_page=True,
        )

    def _draw(self, context):
        html = self.nodelist.render(context)
        keys.record(*(key.resolve(context) for key in self.shows))
        return html
