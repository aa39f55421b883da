"""Front-end weight and stability of the pages, measured in Chromium.

Each test writes its figures to artifacts/performance/, which CI keeps.
"""

import gzip
import json

import pytest

from .browser import IMAGES_IN_VIEW_DONE, ROOT

pytestmark = [
    pytest.mark.browser,
    pytest.mark.filterwarnings("ignore:No directory at:UserWarning"),
]

WEIGHT_BUDGET = 60 * 1024  # HTML, CSS and JS of the article page together, gzipped
CLS_BUDGET = 0.01

# Sums the layout shifts not caused by input, as Core Web Vitals' CLS does (before any
# session windowing, so this is an upper bound).
CLS_OBSERVER = """
window.__cls = 0;
new PerformanceObserver(list => {
  for (const shift of list.getEntries()) if (!shift.hadRecentInput) window.__cls += shift.value;
}).observe({type: "layout-shift", buffered: true});
"""


def record(name, figures):
    folder = ROOT / "artifacts" / "performance"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.json").write_text(json.dumps(figures, indent=2))


def test_article_page_weight_and_render_blocking(site, newsroom, new_page, viewport):
    page = new_page()
    sizes = {}

    def measure(response):
        kind = response.request.resource_type
        if kind in ("document", "stylesheet", "script") and response.ok:
            body = response.body()
            sizes[response.url] = (kind, len(body), len(gzip.compress(body, compresslevel=6)))

    page.on("response", measure)
    page.goto(site + newsroom["articles"][0].get_absolute_url())
    page.wait_for_load_state("networkidle")
    page.remove_listener("response", measure)

    kinds = sorted(kind for kind, _, _ in sizes.values())
    # The scripts, all deferred: "Show More", the reading beacon (static/js/beacon.js) and
    # the signed-in reader's name (static/js/reader.js).
    assert kinds == ["document", "script", "script", "script", "stylesheet"], sizes
    total = sum(zipped for _, _, zipped in sizes.values())
    assert total < WEIGHT_BUDGET, f"{total} bytes gzipped: {sizes}"

    # Chromium's own verdict: the stylesheet is the one request that blocks rendering.
    blocking = page.evaluate(
        "performance.getEntriesByType('resource')"
        ".filter(r => r.renderBlockingStatus === 'blocking').map(r => r.name)"
    )
    assert len(blocking) == 1
    assert blocking[0].endswith(".css")
    # No script can block the parser: each one runs deferred or is data (JSON-LD).
    blocking_scripts = page.locator(
        "script:not([defer]):not([async]):not([type='application/ld+json'])"
    ).count()
    assert blocking_scripts == 0
    record(f"weight-article-{viewport}", {"gzip_bytes_total": total, "responses": sizes})


@pytest.mark.parametrize("page_name", ["article", "home", "author"])
def test_no_layout_shift(site, page_urls, new_page, viewport, page_name):
    page = new_page()
    page.add_init_script(CLS_OBSERVER)
    page.goto(site + page_urls[page_name])
    page.wait_for_load_state("networkidle")
    # Down to the foot of the page, so lazy images load (and could shift things) too.
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_load_state("networkidle")
    page.wait_for_function(IMAGES_IN_VIEW_DONE)  # shifts come when they arrive, not before
    page.wait_for_timeout(200)
    cls = page.evaluate("window.__cls")
    record(f"cls-{page_name}-{viewport}", {"cls": cls})
    assert cls < CLS_BUDGET, f"cumulative layout shift {cls:.4f} on {page_name}"
