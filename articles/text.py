"""Turning an editor's text (Markdown, or the body editor's HTML) into the safe HTML we
store, and measuring it."""

import html
import math
import re

import markdown
import nh3

WORDS_PER_MINUTE = 230

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "cite", "code", "em", "figcaption", "figure",
    "h2", "h3", "h4", "hr", "i", "li", "ol", "p", "pre", "q", "s", "strong", "sub",
    "sup", "table", "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "td": {"colspan"}, "th": {"scope"}}

_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"\w[\w'’-]*")


def render_markdown(source: str) -> str:
    """Markdown to sanitised HTML: `>` lines become <blockquote>, raw HTML is cleaned."""
    html = markdown.markdown(source, extensions=["extra", "sane_lists", "smarty"])
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )


# The body editor's HTML: the same allowlist, plus the one attribute a placed photo needs
# (articles/body.py turns `<figure data-photo="12">` into the photo, once, on save).
EDITOR_ATTRIBUTES = {**ALLOWED_ATTRIBUTES, "figure": {"data-photo"}}


def clean_html(source: str) -> str:
    """The body editor's HTML, sanitised by the allowlist every body goes through."""
    return nh3.clean(
        source,
        tags=ALLOWED_TAGS,
        attributes=EDITOR_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )


def word_count(body_html: str) -> int:
    # Entities are unescaped so "&amp;" is not read as the word "amp".
    return len(_WORD.findall(html.unescape(_TAG.sub(" ", body_html))))


def reading_minutes(body_html: str) -> int:
    """Minutes at about 230 words a minute, rounded up and never 0."""
    return max(1, math.ceil(word_count(body_html) / WORDS_PER_MINUTE))
