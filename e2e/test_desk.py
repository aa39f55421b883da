"""The editor's desk in a browser: write, illustrate, lose the tab, recover, publish.

Also: the payload list typed into the editor reaches no page as script, and the admin's
desk pages pass axe-core with no serious or critical violation of our own making.
"""

import re

import pytest
from django.contrib.auth.models import Group
from django_otp.plugins.otp_totp.models import TOTPDevice

from articles.models import Article
from articles.roles import EDITOR, sync_roles
from articles.tests.factories import make_photo
from articles.tests.xss_payloads import PAYLOADS, dangerous
from authors.tests.factories import make_author

from . import staff
from .browser import axe_violations, loaded_width, screenshot

pytestmark = [
    pytest.mark.browser,
    pytest.mark.filterwarnings("ignore:No directory at:UserWarning"),
]

PASSWORD = "a long passphrase for tests"
TITLE = "Harbour wall to be rebuilt before winter"
EDITOR_BOX = ".prose-editor [contenteditable=true]"


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user(
        "desk-editor", password=PASSWORD, is_staff=True, first_name="Dee"
    )
    # A transactional test empties the tables, the roles' groups with them: make them again.
    sync_roles()
    user.groups.add(Group.objects.get(name=EDITOR))
    # Editors sign in with a second factor: their phone's authenticator is set up already.
    user.phone = TOTPDevice.objects.create(user=user, name="Phone", confirmed=True)
    user.sign_ins = 0
    return user


@pytest.fixture
def photo(site):
    return make_photo(
        alt_text="Waves breaking over the old harbour wall",
        caption="The wall after the January storm.",
        credit="Ann Lens/Coast Agency",
    )


def sign_in(page, site, user):
    """Password and code; each sign-in takes the phone's next code (a used one is refused)."""
    staff.sign_in(page, site, user.username, PASSWORD, user.phone, steps_ahead=user.sign_ins)
    user.sign_ins += 1


def wait_for_autosave(page):
    page.wait_for_function(
        "() => /^Autosaved at/.test(document.getElementById('desk-autosave-status').textContent)"
    )


def choose_autocomplete(page, select_name, text):
    page.locator(f"select[name='{select_name}'] + .select2 .select2-selection").click()
    page.locator(".select2-container--open .select2-search__field").fill(text)
    page.locator(".select2-results__option", has_text=text).click()


def test_write_illustrate_lose_the_tab_recover_and_publish(site, editor, photo, new_page, viewport):
    make_author(name="Rhys Coombe", slug="rhys-coombe")
    page = new_page()
    sign_in(page, site, editor)
    page.goto(site + "/admin/articles/article/add/")
    page.fill("input[name=title]", TITLE)
    page.press("input[name=title]", "Tab")
    page.fill("textarea[name=standfirst]", "Work starts in May, the council says.")

    # The body, typed: a paragraph, a subheading ("## "), a quote ("> "), a link.
    page.locator(EDITOR_BOX).click()
    page.keyboard.type("The council agreed on Tuesday to rebuild the harbour wall.")
    page.keyboard.press("Enter")
    page.keyboard.type("## What the engineers found")
    page.keyboard.press("Enter")
    page.keyboard.type("> The stones have moved a hand's width since the storm.")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    page.keyboard.type(
        "The full survey is at https://example.com/harbour-survey and in the library."
    )
    # A photo from the library, found by its credit.
    page.get_by_role("button", name="Place a photo from the library").click()
    page.get_by_label("Search by caption or credit").fill("Coast Agency")
    page.get_by_role("button", name=re.compile("^Place: Waves breaking")).click()
    assert page.locator(f"{EDITOR_BOX} figure img").count() == 1
    words = page.locator(".desk-words").inner_text()
    assert re.fullmatch(r"\d+ words · 1 min read", words), words
    wait_for_autosave(page)

    # The preview beside the form follows the autosave.
    if viewport == "desktop":
        frame = page.frame_locator(".desk-preview iframe")
        frame.get_by_role("heading", name="What the engineers found").wait_for()

    # The tab is closed before the story was ever saved.
    page.close()

    page = new_page()
    sign_in(page, site, editor)
    page.goto(site + "/admin/articles/article/add/")
    offer = page.locator(".desk-recovery")
    assert re.search(r"You have unsaved text from \d+ \w+ \d{4}", offer.inner_text())
    offer.get_by_role("link", name="Restore my unsaved copy").click()
    page.wait_for_selector(f"{EDITOR_BOX} h2")
    assert page.input_value("input[name=title]") == TITLE
    assert page.locator(f"{EDITOR_BOX} blockquote").count() == 1
    assert page.locator(f"{EDITOR_BOX} figure[data-photo]").count() == 1

    # Publish it, with a byline.
    page.fill("input[name=slug]", "harbour-wall-rebuilt")
    choose_autocomplete(page, "authorships-0-author", "Rhys Coombe")
    page.select_option("select[name=status]", "published")
    page.locator("input[name=_continue]").first.click()
    page.wait_for_load_state()
    assert page.locator(".errornote, .errorlist").all_inner_texts() == []
    assert page.locator(".messagelist .success").count()
    screenshot(page, "admin-desk-form", viewport)

    reader = new_page()
    reader.goto(site + "/news/harbour-wall-rebuilt/")
    story = reader.locator(".story__body")
    assert story.get_by_role("heading", level=2, name="What the engineers found").count() == 1
    assert story.locator("blockquote").inner_text().startswith("The stones have moved")
    link = story.get_by_role("link", name="https://example.com/harbour-survey")
    assert link.get_attribute("href") == "https://example.com/harbour-survey"
    image = story.get_by_role("img", name="Waves breaking over the old harbour wall")
    assert loaded_width(image) > 0, "the placed photo did not load"
    assert image.get_attribute("srcset")
    caption = story.locator("figure figcaption").inner_text()
    assert "The wall after the January storm." in caption
    assert "(Ann Lens/Coast Agency)" in caption
    assert [p for p in reader.problems if p.startswith("JS error")] == []


def test_payloads_typed_into_the_editor_reach_no_page(site, editor, new_page, viewport):
    if viewport == "mobile":
        pytest.skip("the same server-side check as on desktop; once is enough")
    make_author(name="Rhys Coombe", slug="rhys-coombe")
    page = new_page()
    sign_in(page, site, editor)
    page.goto(site + "/admin/articles/article/add/")
    page.fill("input[name=title]", "Payloads")
    page.press("input[name=title]", "Tab")
    page.fill("input[name=slug]", "payloads")
    # Pasted as HTML, the way markup reaches an editor from another page.
    markup = "".join(f"<p>{payload}</p>" for payload in PAYLOADS)
    page.locator(EDITOR_BOX).click()
    page.evaluate(
        """html => {
            const data = new DataTransfer();
            data.setData('text/html', html);
            data.setData('text/plain', html);
            const paste = new ClipboardEvent(
                'paste', {clipboardData: data, bubbles: true, cancelable: true});
            document.querySelector('.prose-editor [contenteditable=true]').dispatchEvent(paste);
        }""",
        markup,
    )
    choose_autocomplete(page, "authorships-0-author", "Rhys Coombe")
    page.select_option("select[name=status]", "published")
    page.locator("input[name=_continue]").first.click()
    page.wait_for_load_state()
    assert page.locator(".messagelist .success").count()

    # The paste reached the story (its harmless text kept), and it was saved sanitised.
    saved = Article.objects.get(slug="payloads")
    assert "fine link, bad handler" in saved.body
    assert dangerous(saved.body_html) == []
    for url in ("/news/payloads/", "/admin/articles/article/"):
        page.goto(site + url)
        page.wait_for_timeout(300)
        assert page.evaluate("window.__xss") is None, f"a payload ran on {url}"
    assert [p for p in page.problems if p.startswith("JS error")] == []


# Django's own admin markup, not ours, that axe flags on every change form with these
# widgets: the autocomplete box (select2) has no name of its own, the split date/time
# inputs and a tabular inline's cells are labelled by their row and column headings.
DJANGO_ADMIN_OWN = [
    re.compile(r"^aria-input-field-name .*select2"),
    re.compile(r"^label .*#id_published_at_[01]'"),
    re.compile(r"^label .*#id_authorships-\d+-position'"),
]


def serious(lines):
    """axe's serious and critical findings, less those of Django's own admin markup."""
    return [
        line
        for line in lines
        if ("(serious)" in line or "(critical)" in line)
        and not any(own.search(line) for own in DJANGO_ADMIN_OWN)
    ]


def test_admin_desk_pages_pass_axe(site, editor, photo, axe_page, viewport):
    sign_in(axe_page, site, editor)
    found = {}
    for name, url in {
        "home": "/admin/",
        "add story": "/admin/articles/article/add/",
        "photo library": "/admin/articles/photo/",
        "add photo": "/admin/articles/photo/add/",
    }.items():
        axe_page.goto(site + url)
        found[name] = serious(axe_violations(axe_page))
    # The photo dialog, open.
    axe_page.goto(site + "/admin/articles/article/add/")
    axe_page.get_by_role("button", name="Place a photo from the library").click()
    axe_page.wait_for_selector(".desk-picker__photo")
    found["photo dialog"] = serious(axe_violations(axe_page))
    assert {name: lines for name, lines in found.items() if lines} == {}
