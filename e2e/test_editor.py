"""An editor's walk in the admin: a new author, a new article, published, then seen by readers.

The admin's forms change often: fields are found by name, and the forms are submitted as
an editor would, with whatever hidden fields they carry.
"""

import io
import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from PIL import Image

from articles.roles import EDITOR, sync_roles

from .browser import loaded_width, screenshot
from .staff import sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.filterwarnings("ignore:No directory at:UserWarning"),
]

PASSWORD = "a long passphrase for tests"
TITLE = "Ferry timetable returns to the harbour"


def upload(name, size, colour, fmt):
    """A file for <input type=file>, made with Pillow."""
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, format=fmt)
    return {"name": name, "mimeType": f"image/{fmt.lower()}", "buffer": buffer.getvalue()}


@pytest.fixture
def editor(django_user_model):
    """A member of the Editor group, whose phone's authenticator app is already set up.

    Editors must sign in with a second factor; e2e/test_staff_security.py walks the setup.
    """
    sync_roles()  # browser tests empty the database after each test, roles included
    user = django_user_model.objects.create_user("editor", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=EDITOR))
    user.phone = TOTPDevice.objects.create(user=user, name="Phone", confirmed=True)
    return user


def save(page, button="_save"):
    page.locator(f"input[name={button}]").first.click()
    page.wait_for_load_state()
    errors = page.locator(".errornote, .errorlist").all_inner_texts()
    assert errors == [], f"the admin refused the form: {errors}"
    confirmed = page.locator(".messagelist .success").count()
    assert confirmed, f"no confirmation after saving; the page says {page.title()!r}"


def choose_autocomplete(page, select_name, text):
    """Pick `text` in an admin autocomplete (select2) box, typing as an editor does."""
    page.locator(f"select[name='{select_name}'] + .select2 .select2-selection").click()
    page.locator(".select2-container--open .select2-search__field").fill(text)
    page.locator(".select2-results__option", has_text=text).click()


def test_editor_publishes_a_story(site, editor, new_page, viewport):
    page = new_page()
    sign_in(page, site, editor.username, PASSWORD, editor.phone)

    # A new author, with an avatar uploaded from the editor's computer.
    page.goto(site + "/admin/authors/author/add/")
    page.fill("input[name=name]", "Tamsin Reed")
    # Leaving the field lets the admin fill the slug from it first; ours then replaces it.
    page.press("input[name=name]", "Tab")
    page.fill("input[name=slug]", "tamsin-reed")
    page.fill("input[name=role]", "Transport correspondent")
    page.fill("textarea[name=short_bio]", "Tamsin Reed covers ferries, roads and railways.")
    page.set_input_files("input[name=avatar]", upload("tamsin.png", (300, 300), "teal", "PNG"))
    save(page)

    # A new article: photo with alt text, tags, a byline, and a publication time already
    # past (an hour ago), which the publication-time rule turns into the time of the save.
    page.goto(site + "/admin/articles/article/add/")
    page.fill("input[name=title]", TITLE)
    page.press("input[name=title]", "Tab")
    page.fill("input[name=slug]", "ferry-timetable-returns")
    page.fill("textarea[name=standfirst]", "The winter timetable is back after a year away.")
    # The body editor: typing as an editor does ("> " starts a quotation).
    page.locator(".prose-editor [contenteditable=true]").click()
    page.keyboard.type("The first ferry leaves at seven.")
    page.keyboard.press("Enter")
    page.keyboard.type("> At last, said one.")
    page.set_input_files(
        "input[name=new_photo]", upload("ferry.jpg", (1200, 675), "steelblue", "JPEG")
    )
    page.fill("input[name=new_photo_alt]", "A ferry leaving the harbour at dawn")
    page.fill("input[name=new_photo_caption]", "The first crossing of the winter.")
    page.fill("input[name=new_photo_credit]", "Tamsin Reed")
    page.fill("input[name=tags]", "Transport, Harbours")
    choose_autocomplete(page, "authorships-0-author", "Tamsin Reed")
    page.select_option("select[name=status]", "published")
    when = timezone.localtime() - timedelta(hours=1)
    page.fill("input[name=published_at_0]", when.strftime("%Y-%m-%d"))
    page.fill("input[name=published_at_1]", when.strftime("%H:%M:%S"))
    save(page, "_continue")  # stays on the change form, for its screenshot
    screenshot(page, "admin-change-form", viewport)
    assert [p for p in page.problems if p.startswith("JS error")] == []

    # A reader, not signed in, finds it where readers look.
    reader = new_page()
    for url in ("/", "/tags/harbours/", "/news/"):
        reader.goto(site + url)
        assert reader.get_by_role("link", name=TITLE).count(), f"{TITLE!r} not on {url}"
    reader.get_by_role("link", name=TITLE).first.click()
    # The list it was clicked on shows the same photo: judge the article page's own.
    reader.wait_for_url(re.compile(r"/news/ferry-timetable-returns/$"))
    photo = reader.get_by_role("img", name="A ferry leaving the harbour at dawn")
    assert loaded_width(photo) > 0, "the lead photo did not load"
    avatar = reader.locator(".author-box img")
    assert loaded_width(avatar) > 0, "the author's avatar did not load"
    assert reader.get_by_role("link", name="Read more about Tamsin Reed").count()
