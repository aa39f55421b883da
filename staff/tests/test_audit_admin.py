"""The audit trail in the admin: Administrators read, filter and export it; nobody changes it."""

import csv
import io

import pytest
from django.test import Client
from django.urls import reverse

from articles.roles import ADMINISTRATOR, EDITOR
from articles.tests.factories import make_article, sign_in
from staff import audit
from staff.models import AuditEntry
from staff.tests.factories import make_staff

pytestmark = pytest.mark.django_db
Action = AuditEntry.Action
LIST = reverse("admin:staff_auditentry_changelist")
EXPORT = reverse("admin:staff_auditentry_export")


@pytest.fixture
def entry():
    story = make_article(title='=HYPERLINK("http://evil.example")')
    return audit.record(Action.PUBLISHED, target=story, actor=make_staff(EDITOR, username="ed"))


@pytest.fixture
def reader():
    return sign_in(Client(), make_staff(ADMINISTRATOR))


@pytest.fixture
def superuser():
    return sign_in(Client(), make_staff(username="root", is_superuser=True))


def test_an_administrator_reads_and_filters_the_trail(reader, entry):
    audit.record(Action.UNPUBLISHED, detail="another kind of event")

    everything = reader.get(LIST)
    published = reader.get(LIST, {"action__exact": Action.PUBLISHED})
    searched = reader.get(LIST, {"q": "HYPERLINK"})
    one = reader.get(reverse("admin:staff_auditentry_change", args=[entry.pk]))

    assert everything.status_code == 200
    assert list(published.context["cl"].result_list) == [entry]
    assert list(searched.context["cl"].result_list) == [entry]
    assert one.status_code == 200
    assert "another kind of event" in everything.text


def test_an_editor_cannot_read_the_trail(entry):
    editor = sign_in(Client(), make_staff(EDITOR))

    assert editor.get(LIST).status_code == 403
    assert editor.get(EXPORT).status_code == 403


@pytest.mark.parametrize("who", ["reader", "superuser"])
def test_no_one_can_add_edit_or_delete_an_entry_in_the_admin(request, who, entry):
    client = request.getfixturevalue(who)
    change = reverse("admin:staff_auditentry_change", args=[entry.pk])

    page = client.get(LIST)
    add = client.get(reverse("admin:staff_auditentry_add"))
    edit = client.post(change, {"action": Action.UNPUBLISHED, "detail": "rewritten"})
    delete = client.post(reverse("admin:staff_auditentry_delete", args=[entry.pk]), {"post": "yes"})
    bulk = client.post(
        LIST, {"action": "delete_selected", "_selected_action": [entry.pk], "post": "yes"}
    )

    assert add.status_code == 403
    assert edit.status_code == 403
    assert delete.status_code == 403
    assert bulk.status_code in (200, 302)  # no such action: nothing happens
    assert reverse("admin:staff_auditentry_add") not in page.text
    assert 'name="action"' not in page.text  # no bulk actions at all
    saved = AuditEntry.objects.get(pk=entry.pk)
    assert (saved.action, saved.detail) == (Action.PUBLISHED, entry.detail)


def test_the_model_itself_refuses_changes_and_deletions(entry):
    entry.detail = "rewritten"

    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()

    assert AuditEntry.objects.get(pk=entry.pk).detail == ""


def test_the_trail_exports_as_csv_with_the_lists_filters(reader, entry):
    audit.record(Action.UNPUBLISHED, detail="left out by the filter")

    response = reader.get(EXPORT, {"action__exact": Action.PUBLISHED})

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="audit-trail-')
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0] == [
        "when",
        "who",
        "what",
        "kind of object",
        "object id",
        "object",
        "detail",
        "address",
    ]
    assert len(rows) == 2
    _when, who, what, kind, object_id, name, _detail, _address = rows[1]
    assert (who, what, kind, object_id) == ("ed", "Published", "articles.article", entry.target_id)
    # A spreadsheet shows a headline that looks like a formula as text, never runs it.
    assert name == '\'=HYPERLINK("http://evil.example")'


def test_the_list_links_to_an_export_of_what_it_shows(reader, entry):
    page = reader.get(LIST, {"action__exact": Action.PUBLISHED})

    assert f'href="{EXPORT}?action__exact=published"' in page.text


def test_a_bad_filter_in_the_export_is_a_message_not_an_error(reader, entry):
    response = reader.get(EXPORT, {"at__gte": "not a date"})

    assert response.status_code == 302
