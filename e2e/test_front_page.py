"""An editor runs the front page from the admin: pins a story, raises a banner; readers see
both, and both go by themselves when they expire (the clock moved, no job run)."""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from articles.roles import EDITOR, sync_roles
from frontpage.models import Zone
from frontpage.tests.factories import make_banner, make_layout

from .browser import axe_violations
from .staff import sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.filterwarnings("ignore:No directory at:UserWarning"),
]

PASSWORD = "a long passphrase for tests"
HEADLINE = "Quay vote: the harbour board decides tonight"
BANNER = "Storm warning for the whole coast"


@pytest.fixture
def editor(django_user_model):
    sync_roles()  # browser tests empty the database after each test, roles included
    user = django_user_model.objects.create_user("editor", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=EDITOR))
    user.phone = TOTPDevice.objects.create(user=user, name="Phone", confirmed=True)
    return user


def fill_time(page, name, moment):
    local = timezone.localtime(moment)
    page.fill(f"input[name={name}_0]", local.strftime("%Y-%m-%d"))
    page.fill(f"input[name={name}_1]", local.strftime("%H:%M:%S"))


def save(page, button="_save"):
    page.locator(f"input[name={button}]").first.click()
    page.wait_for_load_state()
    errors = page.locator(".errornote, .errorlist").all_inner_texts()
    assert errors == [], f"the admin refused the form: {errors}"


def choose_autocomplete(page, select_name, text):
    page.locator(f"select[name='{select_name}'] + .select2 .select2-selection").click()
    page.locator(".select2-container--open .select2-search__field").fill(text)
    page.locator(".select2-results__option", has_text=text).click()


def test_editor_pins_a_story_and_raises_a_banner_that_expire_by_themselves(
    site, newsroom, editor, new_page, viewport
):
    now = timezone.now()
    ends = now + timedelta(minutes=10)
    pinned = newsroom["articles"][11]  # twelve hours old: never the lead on its own
    page = new_page()
    sign_in(page, site, editor.username, PASSWORD, editor.phone)

    page.goto(site + "/admin/frontpage/layout/add/")
    page.fill("input[name=name]", "Tonight")
    fill_time(page, "live_from", now - timedelta(minutes=1))
    page.select_option("select[name='zones-0-kind']", "lead")
    save(page, "_continue")
    zone = Zone.objects.get(layout__name="Tonight")
    page.goto(f"{site}/admin/frontpage/zone/{zone.pk}/change/")
    choose_autocomplete(page, "slots-0-article", pinned.title)
    page.fill("input[name='slots-0-headline']", HEADLINE)
    fill_time(page, "slots-0-pinned_until", ends)
    save(page)

    page.goto(site + "/admin/frontpage/banner/add/")
    page.fill("input[name=text]", BANNER)
    page.check("input[name=is_live]")
    fill_time(page, "shown_from", now - timedelta(minutes=1))
    fill_time(page, "shown_until", ends)
    save(page)

    reader = new_page()
    reader.goto(site + "/")
    assert reader.locator(".lead-story__title").inner_text() == HEADLINE
    assert BANNER in reader.locator(".banner").inner_text()
    assert reader.locator(".banner .live-label").is_visible()
    reader.goto(site + pinned.get_absolute_url())
    assert BANNER in reader.locator(".banner").inner_text()

    # The site's clock moves past the end (the browser's does not, so it reloads rather
    # than use the copy it may keep until the banner's end by its own clock).
    with time_machine.travel(ends + timedelta(seconds=1), tick=True):
        reader.goto(site + "/")
        reader.reload()
        assert reader.locator(".banner").count() == 0
        lead = reader.locator(".lead-story__title").inner_text()
        assert lead == newsroom["articles"][0].title  # the slot's source: the latest


def test_axe_on_the_front_page_with_a_banner_and_a_story_with_related_stories(
    site, newsroom, axe_page, viewport
):
    articles = newsroom["articles"]
    make_layout(
        zones=[
            ("lead", "", [{"article": articles[5], "headline": HEADLINE}, {}]),
            ("top", "Top stories", [{}] * 4),
            ("section", "Economy", [{"source_tag": newsroom["tags"][1]}] * 3),
        ]
    )
    make_banner(text=BANNER, is_live=True, article=articles[0])
    found = {}
    for name, url in {"front page": "/", "story": articles[3].get_absolute_url()}.items():
        axe_page.goto(site + url)
        assert axe_page.locator(".banner").count() == 1
        found[name] = axe_violations(axe_page)
    assert axe_page.locator(".related .card").count() > 0
    assert {name: lines for name, lines in found.items() if lines} == {}
