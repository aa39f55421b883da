"""The two editions in a browser: a reader crosses from a story to its translation and
back with the language switch, and the Ukrainian pages pass axe-core as the English do."""

import pytest

from articles.models import TagTranslation
from articles.tests.factories import make_article

from .browser import axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.filterwarnings("ignore:No directory at:UserWarning"),
]

UK_TITLE = "Рада гавані вирішує долю старого причалу"


@pytest.fixture
def translated(newsroom):
    """The newest English story's Ukrainian translation, with its tag's and author's
    Ukrainian words, and a few more Ukrainian stories for the lists."""
    source = newsroom["articles"][0]
    tag, author = newsroom["tags"][0], newsroom["authors"][0]
    TagTranslation.objects.create(tag=tag, name_uk="Політика")
    author.name_uk, author.role_uk = "Марен Голт", "Редакторка з питань узбережжя"
    author.short_bio_uk = "Марен Голт пише про узбережжя та його міста."
    author.save()
    photo = source.lead_photo
    photo.alt_text_uk, photo.caption_uk = "Рибальські човни біля причалу", "Старий причал"
    photo.save()
    story = make_article(
        title=UK_TITLE,
        standfirst="Торговці й радні не згодні щодо того, для чого потрібен старий причал.",
        body="Рада гавані зібралася у вівторок увечері.\n\n" + "Причал важливий для міста. " * 80,
        language="uk",
        translation_of=source,
        source_version=source.text_version,
        lead_photo=photo,
        primary_tag=tag,
        tags=[tag],
        authors=[author],
        published_at=source.published_at,
    )
    for n in range(3):
        make_article(
            title=f"Новина {n + 1} з Келлгейвена",
            language="uk",
            primary_tag=tag,
            tags=[tag],
            authors=[author],
            lead_photo=photo,
        )
    return {"source": source, "story": story, "tag": tag, "author": author}


def test_the_language_switch_crosses_to_the_translation_and_back(site, translated, new_page):
    page = new_page()
    source, story = translated["source"], translated["story"]
    page.goto(site + source.get_absolute_url())
    assert page.get_attribute("html", "lang") == "en-gb"

    page.locator(".edition-switch").get_by_role("link", name="Українська").click()
    page.wait_for_url(site + story.get_absolute_url())
    assert page.get_attribute("html", "lang") == "uk"
    assert page.get_by_role("heading", level=1).inner_text() == UK_TITLE
    assert page.locator(".story__header .kicker").text_content() == "Політика"
    assert "Марен Голт" in page.locator(".story .dateline").first.inner_text()
    image = page.locator(".story img").first
    image.wait_for()
    assert image.get_attribute("alt") == "Рибальські човни біля причалу"
    assert image.evaluate("img => img.complete && img.naturalWidth > 0")

    page.locator(".edition-switch").get_by_role("link", name="English").click()
    page.wait_for_url(site + source.get_absolute_url())
    assert page.problems == []


def test_a_page_with_no_counterpart_switches_to_the_other_front_page(site, translated, new_page):
    page = new_page()
    lonely = translated["source"].__class__.objects.get(title="Новина 1 з Келлгейвена")
    page.goto(site + lonely.get_absolute_url())
    page.locator(".edition-switch").get_by_role("link", name="English").click()
    page.wait_for_url(site + "/")
    assert page.get_attribute("html", "lang") == "en-gb"


def test_axe_finds_no_violations_on_ukrainian_pages(site, translated, axe_page, viewport):
    urls = {
        "home": "/uk/",
        "story": translated["story"].get_absolute_url(),
        "tag": f"/uk/tags/{translated['tag'].slug}/",
        "author": f"/uk/authors/{translated['author'].slug}/",
        "news feed": "/uk/news/",
        "search": "/uk/search/?q=причал",
    }
    found = {}
    for name, url in urls.items():
        axe_page.goto(site + url)
        assert axe_page.get_attribute("html", "lang") == "uk", url
        found[name] = axe_violations(axe_page)
    assert {name: lines for name, lines in found.items() if lines} == {}
