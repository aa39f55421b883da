"""Markup that tries to run script or leave the page, written the ways attackers write it.

Each goes into a story's body (through the editor, an autosave, a Markdown import); the
tests check that none reaches a page in a form a browser would run. Our own list, from the
families of tricks sanitisers must know: script and event handlers, dangerous URL schemes
(plain, encoded, spaced), SVG and MathML, forms and frames, styles, comment and CDATA
confusion, attribute breaking, and our own photo placeholder misused.
"""

import re
from html.parser import HTMLParser

PAYLOADS = [
    "<script>window.__xss = 1</script>",
    "<SCRIPT SRC=/static/evil.js></SCRIPT>",
    "<img src=x onerror=window.__xss=1>",
    "<img src=x oNeRrOr=window.__xss=1>",
    '<p onclick="window.__xss=1">click</p>',
    "<svg onload=window.__xss=1>",
    "<svg><script>window.__xss=1</script></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=1>",
    '<a href="javascript:window.__xss=1">link</a>',
    '<a href="JaVaScRiPt:window.__xss=1">link</a>',
    '<a href="jav&#x09;ascript:window.__xss=1">link</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;:window.__xss=1">x</a>',
    '<a href=" javascript:window.__xss=1">leading space</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTwvc2NyaXB0Pg==">data</a>',
    '<a href="vbscript:msgbox(1)">vb</a>',
    "<iframe src=javascript:window.__xss=1></iframe>",
    '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
    "<object data=javascript:window.__xss=1></object>",
    "<embed src=javascript:window.__xss=1>",
    '<form action="javascript:window.__xss=1"><button>go</button></form>',
    '<input autofocus onfocus="window.__xss=1">',
    "<details open ontoggle=window.__xss=1>",
    "<body onload=window.__xss=1>",
    '<div style="background:url(javascript:window.__xss=1)">styled</div>',
    "<style>*{background:url(javascript:window.__xss=1)}</style>",
    '<meta http-equiv="refresh" content="0;url=javascript:window.__xss=1">',
    '<base href="javascript:window.__xss=1//">',
    "<!--><script>window.__xss=1</script>-->",
    "<![CDATA[<script>window.__xss=1</script>]]>",
    '"><script>window.__xss=1</script>',
    "</textarea><script>window.__xss=1</script>",
    "</p></figure></div><script>window.__xss=1</script>",
    '<figure data-photo="1" onmouseover="window.__xss=1"></figure>',
    '<figure data-photo="1&quot; onload=&quot;window.__xss=1"></figure>',
    '<figure data-photo="x"><img src=x onerror=window.__xss=1></figure>',
    '<blockquote cite="javascript:window.__xss=1">quoted</blockquote>',
    '<h2 id="x" onmouseenter="window.__xss=1">Heading</h2>',
    "<template><script>window.__xss=1</script></template>",
    '<noscript><p title="</noscript><img src=x onerror=window.__xss=1>"></noscript>',
    '<img src="x" alt=\'"\' onerror=window.__xss=1>',
    "<a href=\"https://example.com\" onmouseover='window.__xss=1'>fine link, bad handler</a>",
    "<link rel=import href=/static/evil.html>",
    "<isindex type=image src=1 onerror=window.__xss=1>",
    "<video><source onerror=window.__xss=1></video>",
    "<audio src=x onerror=window.__xss=1>",
]

# Elements that run script, load another document or change where links go.
FORBIDDEN_TAGS = {
    "script", "iframe", "object", "embed", "svg", "math", "style", "meta", "base", "link",
    "form", "input", "button", "template", "noscript", "body", "video", "audio",
    "details", "isindex", "frame", "frameset",
}  # fmt: skip
URL_ATTRIBUTES = {"href", "src", "srcset", "action", "formaction", "cite", "data", "poster"}
SAFE_SCHEMES = ("http:", "https:", "mailto:")


class _Finder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []

    def handle_starttag(self, tag, attrs):
        if tag in FORBIDDEN_TAGS:
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on") or name in ("style", "srcdoc"):
                self.found.append(f"<{tag} {name}=…>")
            elif name in URL_ATTRIBUTES and value and not _safe_url(value):
                self.found.append(f"<{tag} {name}={value!r}>")


def _safe_url(value):
    # Browsers ignore whitespace and control characters inside a scheme.
    squeezed = re.sub(r"[\x00-\x20]", "", value).lower()
    scheme = re.match(r"^[a-z][a-z0-9+.-]*:", squeezed)
    return scheme is None or squeezed.startswith(SAFE_SCHEMES)


def dangerous(html):
    """What in `html` (a page or a fragment of one) a browser would run or follow unsafely."""
    finder = _Finder()
    finder.feed(html)
    return finder.found
