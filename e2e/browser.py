"""What the browser tests share besides fixtures: where things are, and how to look at a page.

Kept out of conftest.py so test modules import it like any helper module.
"""

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parent.parent
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "artifacts" / "screenshots"

VIEWPORTS = {
    "mobile": {"width": 360, "height": 800},
    "desktop": {"width": 1440, "height": 900},
}

# An image has finished when it is `complete`; then a natural width of 0 means it broke.
ALL_IMAGES_DONE = "() => [...document.images].every(img => img.complete)"
IMAGES_IN_VIEW_DONE = """() => [...document.images]
    .filter(img => { const r = img.getBoundingClientRect();
                     return r.bottom > 0 && r.top < innerHeight && r.width > 0; })
    .every(img => img.complete)"""


def watch_for_problems(page):
    """Collect console and script errors, failed requests and 4xx/5xx in `page.problems`."""
    page.problems = []

    def on_console(message):
        if message.type == "error":
            page.problems.append(f"console: {message.text}")

    def on_request_failed(request):
        # Leaving a page cancels its unfinished requests: no fault of the page.
        if request.failure != "net::ERR_ABORTED":
            page.problems.append(f"failed: {request.url} {request.failure}")

    def on_response(response):
        if response.status >= 400:
            page.problems.append(f"{response.status}: {response.url}")

    page.on("pageerror", lambda error: page.problems.append(f"JS error: {error}"))
    page.on("console", on_console)
    page.on("requestfailed", on_request_failed)
    page.on("response", on_response)


def loaded_width(image):
    """The natural width of the <img> at locator `image`, once it has finished loading.

    Judged earlier, a photo still on its way looks broken. A lazy image loads only near
    the viewport, so it is scrolled to first. 0 means the image failed to load.
    """
    image.scroll_into_view_if_needed()
    handle = image.element_handle()
    image.page.wait_for_function("img => img.complete", arg=handle)
    return handle.evaluate("img => img.naturalWidth")


def screenshot(page, name, viewport):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    # A full-page picture shows every image, not just those a reader has scrolled to.
    page.locator("img[loading=lazy]").evaluate_all("imgs => imgs.forEach(i => i.loading = 'eager')")
    page.wait_for_load_state("networkidle")
    page.wait_for_function(ALL_IMAGES_DONE)
    page.screenshot(path=SCREENSHOTS / f"{name}-{viewport}.png", full_page=True)


def axe_violations(page):
    """axe-core's violations on the page as it is now, one readable line per node."""
    page.add_script_tag(path=AXE_JS)
    # Default rules; asking for violations only spares axe reporting every pass.
    violations = page.evaluate(
        "axe.run(document, {resultTypes: ['violations']}).then(r => r.violations)"
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {node['target']}"
        for v in violations
        for node in v["nodes"]
    ]
