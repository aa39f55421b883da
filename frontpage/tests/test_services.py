"""Who may run the front page and the banner, whatever the channel (services, admin)."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from articles.roles import ADMINISTRATOR, AUTHOR, CONTRIBUTOR, EDITOR
from articles.tests.factories import client_for, make_article, make_user
from frontpage import services
from frontpage.arrangement import current
from frontpage.models import Banner, Layout

from .factories import make_banner, make_layout

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", [CONTRIBUTOR, AUTHOR])
def test_writers_may_not_change_the_front_page_or_the_banner(role, clock):
    user = make_user(role)
    layout = make_layout(live_from=None)
    with pytest.raises(PermissionDenied):
        services.schedule_layout(layout=layout, user=user)
    with pytest.raises(PermissionDenied):
        services.raise_banner(banner=make_banner(shown_from=None), user=user)
    assert client_for(user).get("/admin/frontpage/layout/").status_code == 403
    assert client_for(user).post("/admin/frontpage/banner/add/", {"text": "x"}).status_code == 403
    assert not Banner.objects.filter(text="x").exists()


@pytest.mark.parametrize("role", [EDITOR, ADMINISTRATOR])
def test_editors_arrange_the_front_page_in_the_admin(role, clock):
    editor = make_user(role)
    story = make_article(title="Pinned lead")
    client = client_for(editor)
    response = client.post(
        "/admin/frontpage/layout/add/",
        {
            "name": "Tonight",
            "language": "en-gb",
            "live_from_0": timezone.localtime().strftime("%Y-%m-%d"),
            "live_from_1": timezone.localtime().strftime("%H:%M:%S"),
            "zones-TOTAL_FORMS": "1",
            "zones-INITIAL_FORMS": "0",
            "zones-0-position": "0",
            "zones-0-kind": "lead",
            "zones-0-heading": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    layout = Layout.objects.get(name="Tonight")
    assert layout.created_by == editor
    zone = layout.zones.get()
    response = client.post(
        f"/admin/frontpage/zone/{zone.pk}/change/",
        {
            "layout": layout.pk,
            "position": "0",
            "kind": "lead",
            "heading": "",
            "slots-TOTAL_FORMS": "1",
            "slots-INITIAL_FORMS": "0",
            "slots-0-position": "0",
            "slots-0-article": story.pk,
            "slots-0-headline": "Tonight's lead",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    preview = client.get(f"/admin/frontpage/layout/{layout.pk}/preview/")
    assert "Preview of the layout “Tonight”" in preview.content.decode()
    assert "private" in preview["Cache-Control"]
    home = client_for(make_user()).get("/")  # staff without a role: a reader's page
    assert "Tonight&#x27;s lead" in home.content.decode()


def test_restoring_puts_back_the_previous_layout_as_a_copy(clock):
    editor = make_user(EDITOR)
    make_layout(name="Morning", live_from=timezone.now() - timedelta(hours=2))
    make_layout(name="Evening", live_from=timezone.now() - timedelta(hours=1))
    restored = services.restore_previous(user=editor)
    assert restored.name == "Morning (restored)"
    assert current().layout == restored


def test_a_preview_is_for_staff_who_may_see_layouts(client, clock):
    layout = make_layout(live_from=None)
    url = f"/admin/frontpage/layout/{layout.pk}/preview/"
    assert client.get(url).status_code == 302  # to the sign-in
    assert client_for(make_user(AUTHOR)).get(url).status_code == 403


def test_a_copy_stays_in_its_edition_and_a_restore_in_the_edition_asked_for(clock):
    editor = make_user(EDITOR)
    ukrainian = make_layout(name="Ранок", live_from=timezone.now() - timedelta(hours=3))
    Layout.objects.filter(pk=ukrainian.pk).update(language="uk")
    later = make_layout(name="Вечір", live_from=timezone.now() - timedelta(hours=2))
    Layout.objects.filter(pk=later.pk).update(language="uk")
    make_layout(name="English evening", live_from=timezone.now() - timedelta(hours=1))

    copy = services.copy_layout(layout=Layout.objects.get(pk=ukrainian.pk), user=editor)
    restored = services.restore_previous(user=editor, language="uk")

    assert copy.language == "uk"
    assert (restored.name, restored.language) == ("Ранок (restored)", "uk")
    assert current().layout.name == "English evening"
