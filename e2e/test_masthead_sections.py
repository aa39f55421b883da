"""The masthead's sections in a browser: axe-core finds nothing, and the page read is marked."""

import pytest

from public.models import Section

from .browser import axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.filterwarnings("ignore:No directory at:UserWarning"),
]


def test_sections_pass_axe_and_mark_the_section_being_read(site, newsroom, axe_page, viewport):
    politics, economy = newsroom["tags"]
    Section.objects.create(tag=politics, position=0)
    Section.objects.create(tag=economy, position=1, label="Money")
    page = axe_page

    page.goto(f"{site}/tags/{politics.slug}/")

    nav = page.get_by_role("navigation", name="Sections")
    links = nav.get_by_role("link").all_inner_texts()
    assert links == ["Home", "News Feed", "Politics", "Money", "Our journalists"]
    assert nav.locator("a[aria-current='page']").all_inner_texts() == ["Politics"]
    assert axe_violations(page) == []

    nav.get_by_role("link", name="Money").click()
    page.wait_for_url(f"**/tags/{economy.slug}/")
    assert nav.locator("a[aria-current='page']").all_inner_texts() == ["Money"]
    assert page.problems == []
