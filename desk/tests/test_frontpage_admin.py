"""The front page's admin pages render for an editor, in a fixed number of queries, and
their actions go through the services."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.roles import EDITOR
from articles.tests.factories import client_for, make_article, make_user
from frontpage.models import Banner, Layout
from frontpage.tests.factories import make_banner, make_layout

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(clock):
    return client_for(make_user(EDITOR))


def test_the_layout_list_says_which_is_live_scheduled_or_a_draft(editor_client):
    make_layout(name="Yesterday", live_from=timezone.now() - timedelta(days=1))
    make_layout(name="Today", live_from=timezone.now() - timedelta(hours=1))
    make_layout(name="Tomorrow", live_from=timezone.now() + timedelta(days=1))
    make_layout(name="Idea", live_from=None)
    html = editor_client.get("/admin/frontpage/layout/").content.decode()
    for state in ("Was live", "Live now", "Scheduled", "Draft"):
        assert state in html


@pytest.mark.parametrize(
    "url",
    [
        "/admin/frontpage/layout/add/",
        "/admin/frontpage/banner/",
        "/admin/frontpage/banner/add/",
    ],
)
def test_the_front_page_admin_pages_render(editor_client, url):
    assert editor_client.get(url).status_code == 200


def test_a_zone_page_arranges_its_slots(editor_client):
    story = make_article(title="Pinned")
    layout = make_layout(zones=[("lead", "", [{"article": story}])])
    zone = layout.zones.get()
    html = editor_client.get(f"/admin/frontpage/zone/{zone.pk}/change/").content.decode()
    assert "Pinned" in html


def test_raise_and_take_down_actions(editor_client, clock):
    banner = make_banner(shown_from=None)
    data = {"action": "raise_now", "_selected_action": banner.pk, "index": 0}
    editor_client.post("/admin/frontpage/banner/", data)
    banner.refresh_from_db()
    assert banner.shown_from == timezone.now()
    clock.shift(timedelta(minutes=3))
    data["action"] = "take_down_now"
    editor_client.post("/admin/frontpage/banner/", data)
    banner.refresh_from_db()
    assert banner.shown_until == timezone.now()
    assert Banner.objects.count() == 1


def test_make_live_now_and_restore(editor_client):
    old = make_layout(name="Old", live_from=timezone.now() - timedelta(hours=2))
    draft = make_layout(name="New", live_from=None)
    data = {"action": "make_live_now", "_selected_action": draft.pk, "index": 0}
    editor_client.post("/admin/frontpage/layout/", data)
    draft.refresh_from_db()
    assert draft.live_from is not None
    data = {"action": "restore_previous", "_selected_action": draft.pk, "index": 0}
    editor_client.post("/admin/frontpage/layout/", data)
    assert Layout.objects.filter(name=f"{old.name} (restored)").exists()
