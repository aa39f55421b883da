"""The two editions in a browser: a reader crosses from a story to its translation and
back with the language switch, the Ukrainian pages pass axe-core as the English do, and
an editor translates a story, publishes it and brings it up to date when it goes stale."""

import re

import pytest
from django.contrib.auth.models import Group, User
from django_otp.plugins.otp_totp.models import TOTPDevice

from articles.models import Article, TagTranslation
from articles.roles import EDITOR, sync_roles
from articles.tests.factories import make_article

from .browser import axe_violations
from .test_desk import PASSWORD, sign_in

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


@pytest.mark.parametrize("viewport", ["mobile"])  # the switch on a phone; desktop above
def test_a_page_with_no_counterpart_switches_to_the_other_front_page(site, translated, new_page):
    page = new_page()
    lonely = Article.objects.get(title="Новина 1 з Келлгейвена")
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


@pytest.mark.parametrize("viewport", ["desktop"])  # the desk's forms: once is enough
def test_an_editor_translates_a_story_publishes_it_and_sees_it_go_stale(
    site, newsroom, new_page, viewport
):
    """The desk's whole circle: translate, publish, the reader's switch; the source
    changes, the translation is listed as stale, and publishing it again clears that."""
    user = _editor()
    source = newsroom["articles"][0]
    page = new_page()
    sign_in(page, site, user)

    page.goto(f"{site}/admin/articles/article/{source.pk}/change/")
    page.get_by_role("button", name="Translate into Українська").click()
    page.wait_for_url(re.compile(r".*/admin/articles/article/\d+/change/$"))
    translation = Article.objects.get(translation_of=source, language="uk")
    assert page.url.endswith(f"/article/{translation.pk}/change/")
    assert page.input_value("input[name=title]") == source.title  # the text to translate

    page.fill("input[name=title]", UK_TITLE)
    page.fill("input[name=slug]", "rada-havani-vyrishuie-doliu-prychalu")
    page.select_option("select[name=status]", "published")
    page.locator("input[name=_continue]").first.click()
    page.wait_for_load_state()
    assert page.locator(".errornote, .errorlist").all_inner_texts() == []

    reader = new_page()
    reader.goto(site + source.get_absolute_url())
    reader.locator(".edition-switch").get_by_role("link", name="Українська").click()
    reader.wait_for_url(site + "/uk/news/rada-havani-vyrishuie-doliu-prychalu/")
    assert reader.get_by_role("heading", level=1).inner_text() == UK_TITLE

    # The source's words change: the desk home lists the translation as stale.
    page.goto(f"{site}/admin/articles/article/{source.pk}/change/")
    page.fill("textarea[name=standfirst]", "The council has changed its mind about the quay.")
    page.locator("input[name=_continue]").first.click()
    page.wait_for_load_state()
    stale = page.locator(".desk-overview__list--stale")
    page.goto(site + "/admin/")
    assert stale.get_by_role("link", name=UK_TITLE).count() == 1
    page.goto(f"{site}/admin/articles/article/{translation.pk}/change/")
    assert "source changed since translated" in page.locator("#content").inner_text()

    # Brought up to date and saved again: current, and off the desk's list.
    page.fill("textarea[name=standfirst]", "Рада передумала щодо причалу.")
    page.locator("input[name=_continue]").first.click()
    page.wait_for_load_state()
    assert "up to date with it" in page.locator("#content").inner_text()
    page.goto(site + "/admin/")
    assert stale.get_by_role("link", name=UK_TITLE).count() == 0


def _editor():
    """An Editor with a phone for the second factor (the desk tests' way)."""
    user = User.objects.create_user("uk-editor", password=PASSWORD, is_staff=True)
    sync_roles()
    user.groups.add(Group.objects.get(name=EDITOR))
    user.phone = TOTPDevice.objects.create(user=user, name="Phone", confirmed=True)
    user.sign_ins = 0
    return user
