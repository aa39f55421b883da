"""Accessibility: axe-core on every public page type, and the keyboard checks axe cannot do."""

import pytest

from .browser import axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.filterwarnings("ignore:No directory at:UserWarning"),
]


def test_axe_finds_no_violations(site, page_urls, axe_page, viewport):
    """Every rule axe runs by default (WCAG 2.x A/AA and best practices) on every page type."""
    found = {}
    for name, url in page_urls.items():
        axe_page.goto(site + url)
        found[name] = axe_violations(axe_page)
    # The author page again with its second page of stories appended in place.
    axe_page.goto(site + page_urls["author"])
    axe_page.locator("a[data-show-more='story-list']").click()
    axe_page.wait_for_url("**after=*")
    found["author after Show More"] = axe_violations(axe_page)
    assert {name: lines for name, lines in found.items() if lines} == {}


def focus_style(page):
    return page.evaluate(
        """() => {
            const el = document.activeElement, style = getComputedStyle(el);
            return {tag: el.tagName, text: (el.textContent || el.name || '').trim().slice(0, 40),
                    outline: style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth)};
        }"""
    )


def test_keyboard_reader(site, page_urls, new_page, viewport):
    """The skip link comes first, every focus is visible, and Show More moves focus."""
    page = new_page()
    page.goto(site + page_urls["author"])
    assert page.get_attribute("html", "lang")

    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    box = page.locator(".skip-link").bounding_box()
    assert box["y"] >= 0, "the skip link comes into view when focused"
    assert box["height"] > 0

    # Masthead, search, sections and the first stories: each focus draws a 2px+ ring.
    for _ in range(12):
        page.keyboard.press("Tab")
        style = focus_style(page)
        assert style["outline"] >= 2, f"no visible focus on {style}"

    show_more = page.locator("a[data-show-more='story-list']")
    show_more.focus()
    before = page.locator("#story-list > li").count()
    page.keyboard.press("Enter")
    page.wait_for_function(
        "n => document.querySelectorAll('#story-list > li').length > n", arg=before
    )
    # Focus moved into the first appended story, which screen readers then read out.
    index = page.evaluate(
        "[...document.querySelectorAll('#story-list > li')]"
        ".indexOf(document.activeElement.closest('#story-list > li'))"
    )
    assert index == before


def test_skip_link_moves_focus_to_the_content(site, page_urls, new_page, viewport):
    page = new_page()
    page.goto(site + page_urls["home"])
    loads = []
    page.on("load", lambda _: loads.append(page.url))
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_timeout(300)  # time enough for a reload to begin
    assert loads == [], "following the skip link reloaded the page"
    assert page.evaluate("document.activeElement.id") == "main"
