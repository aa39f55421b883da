"""A reader's walk through the site, with JavaScript on and off, on a phone and a desktop."""

import re

import pytest

from .browser import screenshot

pytestmark = [
    pytest.mark.browser,
    # The live server serves static files from their source folders, not staticfiles/.
    pytest.mark.filterwarnings("ignore:No directory at:UserWarning"),
]

STORY_LINKS = "#story-list a[href^='/news/']"


def story_slugs(page):
    return page.locator(STORY_LINKS).evaluate_all("links => links.map(a => a.pathname)")


def test_every_page_type_renders_cleanly(site, page_urls, new_page, viewport):
    """Each page type loads with no console error, failed request or broken image."""
    page = new_page()
    for name, url in page_urls.items():
        response = page.goto(site + url)
        assert response.status == (404 if name == "404" else 200), url
        page.wait_for_load_state("load")
        broken = page.locator("img").evaluate_all(
            "imgs => imgs.filter(i => i.loading !== 'lazy' && !i.naturalWidth).map(i => i.src)"
        )
        assert broken == [], f"{url}: images that did not load"
        screenshot(page, name, viewport)
        # On the 404 page, the page's own status is the one expected problem.
        problems = [p for p in page.problems if name != "404" or "404" not in p]
        assert problems == [], url
        page.problems.clear()


def test_reader_walk_with_javascript(site, newsroom, new_page, viewport):
    page = new_page()
    page.goto(site + "/")
    lead = newsroom["articles"][0]
    page.get_by_role("link", name=lead.title).first.click()
    page.wait_for_url(site + lead.get_absolute_url())
    assert page.get_by_role("heading", level=1).inner_text() == lead.title

    author = newsroom["authors"][0]
    page.get_by_role("link", name=f"Read more about {author.name}").click()
    page.wait_for_url(site + author.get_absolute_url())
    assert page.get_by_role("heading", level=1).inner_text() == author.name

    before = story_slugs(page)
    assert before
    page.locator("a[data-show-more='story-list']").click()
    page.wait_for_function(
        f'n => document.querySelectorAll("{STORY_LINKS}").length > n', arg=len(before)
    )
    after = story_slugs(page)
    new = after[len(before) :]
    assert after[: len(before)] == before, "the first items stayed in place"
    assert new, "Show More appended stories"
    assert not set(new) & set(before), "the appended stories are new ones"
    # Keyboard focus moves into the first new story, so screen readers announce it.
    focused_story = page.evaluate(
        "document.activeElement.closest('li').querySelector('h2 a, h3 a').pathname"
    )
    assert focused_story == new[0]
    # The address is the next page's, so a reload or a shared link shows the same stories.
    assert re.search(r"[?&]after=", page.url)
    assert page.problems == []


def test_show_more_without_javascript(site, newsroom, new_page, viewport):
    page = new_page(java_script_enabled=False)
    author = newsroom["authors"][0]
    page.goto(site + author.get_absolute_url())
    first = story_slugs(page)
    show_more = page.locator("a[data-show-more='story-list']")
    assert show_more.inner_text() == "Show More"
    show_more.click()
    page.wait_for_url(re.compile(r"[?&]after="))
    second = story_slugs(page)
    assert second
    assert not set(second) & set(first), "the next page shows other stories"
    assert page.get_by_role("heading", level=1).inner_text() == author.name
