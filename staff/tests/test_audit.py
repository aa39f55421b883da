"""Every event the audit trail covers writes exactly one entry: who, what, which object.

Each test does one thing the way staff do it (the admin's forms and actions, the sign-in
pages) and checks the entries written meanwhile: one, with the right actor and object.
"""

from datetime import timedelta

import pytest
import reversion
from django.contrib.auth.models import Group, Permission, User
from django.db.models import Max
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from articles import workflow
from articles.models import Article, PreviewLink
from articles.roles import ADMINISTRATOR, CONTRIBUTOR, EDITOR
from articles.tests.admin_forms import change_url, form_data
from articles.tests.factories import DRAFT, PUBLISHED, REVIEW, make_article, sign_in
from authors.tests.factories import make_author
from staff.models import AuditEntry
from staff.tests.factories import PASSWORD, code_for, give_app, give_code, give_password, make_staff

pytestmark = pytest.mark.django_db
Action = AuditEntry.Action
CHANGELIST = reverse("admin:articles_article_changelist")


def mark():
    return AuditEntry.objects.aggregate(last=Max("pk"))["last"] or 0


def the_one_entry(since, action, *, actor, target):
    """The single entry written since `since`, checked to be `action` by `actor` on `target`."""
    written = list(AuditEntry.objects.filter(pk__gt=since).order_by("pk"))
    assert [(entry.action, entry.actor_id) for entry in written] == [
        (action, actor.pk if actor else None)
    ]
    (entry,) = written
    assert (entry.target_type, entry.target_id) == (target._meta.label_lower, str(target.pk))
    assert entry.target_repr == str(target)
    return entry


@pytest.fixture
def editor():
    return make_staff(EDITOR, first_name="Edna")


@pytest.fixture
def desk(editor):
    """The editor, signed in (both factors) on a client of their own."""
    return sign_in(Client(), editor)


@pytest.fixture
def administrator():
    return make_staff(ADMINISTRATOR)


@pytest.fixture
def admin_desk(administrator):
    return sign_in(Client(), administrator)


def save_article_form(client, article, **changes):
    data = form_data(client.get(change_url(article)))
    response = client.post(change_url(article), {**data, **changes})
    assert response.status_code == 302, response.context["adminform"].form.errors
    article.refresh_from_db()


def time_fields(moment):
    local = timezone.localtime(moment)
    return {
        "published_at_0": local.strftime("%Y-%m-%d"),
        "published_at_1": local.strftime("%H:%M:%S"),
    }


# Signing in and out.


def test_signing_in_with_two_factor_writes_one_entry():
    editor = make_staff(EDITOR)
    phone = give_app(editor)
    client = Client()
    since = mark()

    give_password(client, editor.username, REMOTE_ADDR="203.0.113.4")
    give_code(client, code_for(phone), REMOTE_ADDR="203.0.113.4")

    entry = the_one_entry(since, Action.SIGNED_IN, actor=editor, target=editor)
    assert entry.address == "203.0.113.4"
    assert entry.actor_name == editor.username


def test_a_refused_sign_in_writes_one_entry_naming_the_account_tried():
    writer = make_staff(CONTRIBUTOR)
    since = mark()

    give_password(Client(), writer.username, "a wrong guess", REMOTE_ADDR="198.51.100.3")

    entry = the_one_entry(since, Action.SIGN_IN_REFUSED, actor=None, target=writer)
    assert entry.address == "198.51.100.3"
    assert entry.detail == f"wrong username or password (“{writer.username}”)"


def test_a_refused_sign_in_for_no_such_account_names_what_was_typed():
    since = mark()

    give_password(Client(), "admin", "password123")

    (entry,) = AuditEntry.objects.filter(pk__gt=since)
    assert (entry.action, entry.target_type) == (Action.SIGN_IN_REFUSED, "")
    assert entry.detail == "wrong username or password (“admin”)"


def test_signing_out_writes_one_entry(desk, editor):
    since = mark()

    desk.post(reverse("admin:logout"))

    the_one_entry(since, Action.SIGNED_OUT, actor=editor, target=editor)


# Editorial decisions, through each channel the admin offers.


def test_publishing_in_the_form_writes_one_entry(desk, editor):
    article = make_article(status=REVIEW, authors=[make_author()])
    since = mark()

    save_article_form(desk, article, status=PUBLISHED)

    the_one_entry(since, Action.PUBLISHED, actor=editor, target=article)


def test_publishing_with_the_bulk_action_writes_one_entry_per_article(desk, editor):
    first, second = (make_article(status=REVIEW, authors=[make_author()]) for _ in range(2))
    since = mark()

    desk.post(CHANGELIST, {"action": "publish", "_selected_action": [first.pk, second.pk]})

    written = AuditEntry.objects.filter(pk__gt=since)
    assert sorted(written.values_list("action", "actor", "target_id")) == sorted(
        (Action.PUBLISHED, editor.pk, str(article.pk)) for article in (first, second)
    )


def test_scheduling_in_the_form_writes_one_entry(desk, editor):
    article = make_article(status=REVIEW, authors=[make_author()])
    since = mark()

    save_article_form(
        desk, article, status=PUBLISHED, **time_fields(timezone.now() + timedelta(days=1))
    )

    entry = the_one_entry(since, Action.SCHEDULED, actor=editor, target=article)
    assert entry.detail.startswith("for ")


def test_moving_a_published_storys_time_into_the_future_is_a_schedule(desk, editor):
    article = make_article(authors=[make_author()])
    since = mark()

    save_article_form(desk, article, **time_fields(timezone.now() + timedelta(hours=3)))

    the_one_entry(since, Action.SCHEDULED, actor=editor, target=article)


def test_editing_a_published_storys_text_writes_no_entry(desk):
    """Revisions keep every edit; the trail keeps decisions, not the same fact again."""
    article = make_article(authors=[make_author()])
    since = mark()

    save_article_form(desk, article, title="A sharper headline")

    assert not AuditEntry.objects.filter(pk__gt=since).exists()


@pytest.mark.parametrize("channel", ["form", "bulk action"])
def test_unpublishing_writes_one_entry(desk, editor, channel):
    article = make_article(authors=[make_author()])
    since = mark()

    if channel == "form":
        save_article_form(desk, article, status=DRAFT)
    else:
        desk.post(CHANGELIST, {"action": "unpublish", "_selected_action": [article.pk]})

    the_one_entry(since, Action.UNPUBLISHED, actor=editor, target=article)


def test_restoring_a_revision_writes_one_entry_even_when_it_publishes(desk, editor):
    article = make_article(authors=[make_author()], title="As published")
    with reversion.create_revision():
        article.save()
    published_version = Version.objects.get_for_object(article).first()
    workflow.unpublish(article=article, user=editor)
    since = mark()

    desk.post(
        reverse("admin:articles_article_revision", args=[article.pk, published_version.pk]),
        {"based_on": article.edit_version},
    )

    article.refresh_from_db()
    assert article.status == PUBLISHED
    entry = the_one_entry(since, Action.RESTORED, actor=editor, target=article)
    assert entry.detail.endswith("now published")


def test_recovering_a_deleted_story_writes_one_entry_and_brings_it_back_as_a_draft(desk, editor):
    article = make_article(authors=[make_author()], title="Deleted while public")
    with reversion.create_revision():
        article.save()
    pk = article.pk
    workflow.delete_article(article=article, user=editor)
    [deleted] = Version.objects.get_deleted(Article)
    since = mark()

    desk.post(reverse("admin:articles_article_recover", args=[deleted.pk]))

    recovered = Article.objects.get(pk=pk)
    entry = the_one_entry(since, Action.RECOVERED, actor=editor, target=recovered)
    assert entry.detail.endswith("now draft")


def test_deleting_an_article_writes_one_entry_kept_after_it_is_gone(desk, editor):
    article = make_article(status=DRAFT, title="A story to delete", authors=[make_author()])
    since = mark()

    desk.post(reverse("admin:articles_article_delete", args=[article.pk]), {"post": "yes"})

    assert not Article.objects.filter(pk=article.pk).exists()
    (entry,) = AuditEntry.objects.filter(pk__gt=since)
    assert (entry.action, entry.actor, entry.target_repr) == (
        Action.DELETED,
        editor,
        "A story to delete",
    )


def test_deleting_several_articles_writes_one_entry_each(desk):
    doomed = [make_article(status=DRAFT) for _ in range(3)]
    since = mark()

    desk.post(
        CHANGELIST,
        {"action": "delete_selected", "_selected_action": [a.pk for a in doomed], "post": "yes"},
    )

    written = AuditEntry.objects.filter(pk__gt=since)
    assert sorted(written.values_list("action", "target_id")) == sorted(
        (Action.DELETED, str(a.pk)) for a in doomed
    )


def test_a_writer_cannot_delete_through_the_workflow():
    article = make_article(status=DRAFT)

    with pytest.raises(workflow.NotAllowed):
        workflow.delete_article(article=article, user=make_staff(CONTRIBUTOR))

    assert Article.objects.filter(pk=article.pk).exists()
    assert not AuditEntry.objects.filter(action=Action.DELETED).exists()


def test_making_and_revoking_a_preview_link_write_one_entry_each(desk, editor):
    article = make_article(status=DRAFT, authors=[make_author()])
    expiry = timezone.localtime() + timedelta(hours=6)
    since = mark()

    save_article_form(
        desk,
        article,
        **{
            "preview_links-TOTAL_FORMS": "1",
            "preview_links-0-expires_at_0": expiry.strftime("%Y-%m-%d"),
            "preview_links-0-expires_at_1": expiry.strftime("%H:%M:%S"),
        },
    )
    link = PreviewLink.objects.get(article=article)
    made = the_one_entry(since, Action.PREVIEW_LINK_CREATED, actor=editor, target=link)
    save_article_form(desk, article, **{"preview_links-0-revoke": "on"})

    link.refresh_from_db()
    the_one_entry(made.pk, Action.PREVIEW_LINK_REVOKED, actor=editor, target=link)
    assert link.token not in made.detail + made.target_repr  # the secret stays out


def test_changing_a_preview_links_expiry_writes_one_entry(desk, editor):
    article = make_article(status=DRAFT, authors=[make_author()])
    link = workflow.create_preview_link(article=article, user=editor)
    later = timezone.localtime(link.expires_at + timedelta(days=3)).replace(microsecond=0)
    since = mark()

    save_article_form(
        desk,
        article,
        **{
            "preview_links-0-expires_at_0": later.strftime("%Y-%m-%d"),
            "preview_links-0-expires_at_1": later.strftime("%H:%M:%S"),
        },
    )

    link.refresh_from_db()
    assert link.expires_at == later
    entry = the_one_entry(since, Action.PREVIEW_LINK_EXPIRY_CHANGED, actor=editor, target=link)
    assert later.strftime("%H:%M") in entry.detail


# Accounts, roles and permissions, through the admin's user and group forms.


def user_form(client, user, **changes):
    url = reverse("admin:auth_user_change", args=[user.pk])
    data = form_data(client.get(url), "user_form")
    data.pop("user_permissions", None)  # none held; the reader keeps one option at most
    response = client.post(url, {**data, **changes})
    assert response.status_code == 302, response.context["adminform"].form.errors
    user.refresh_from_db()


def test_creating_an_account_writes_one_entry(admin_desk, administrator):
    since = mark()

    response = admin_desk.post(
        reverse("admin:auth_user_add"),
        {
            "username": "new-reporter",
            "usable_password": "true",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )

    assert response.status_code == 302
    the_one_entry(
        since,
        Action.USER_CREATED,
        actor=administrator,
        target=User.objects.get(username="new-reporter"),
    )


def test_a_password_shorter_than_12_characters_is_refused_for_staff(admin_desk):
    response = admin_desk.post(
        reverse("admin:auth_user_add"),
        {
            "username": "short",
            "usable_password": "true",
            "password1": "Tr0ub4dor&3",
            "password2": "Tr0ub4dor&3",
        },
    )

    assert response.status_code == 200
    assert "at least 12 characters" in response.text
    assert not User.objects.filter(username="short").exists()


def test_changing_a_role_in_the_form_writes_one_entry(admin_desk, administrator):
    reporter = make_staff(CONTRIBUTOR)
    since = mark()

    user_form(admin_desk, reporter, groups=[Group.objects.get(name=EDITOR).pk])

    entry = the_one_entry(since, Action.ROLES_CHANGED, actor=administrator, target=reporter)
    assert entry.detail == f"removed from {CONTRIBUTOR}; added to {EDITOR}"


def test_making_someone_a_superuser_writes_one_entry(admin_desk, administrator):
    reporter = make_staff(CONTRIBUTOR)
    groups = list(reporter.groups.values_list("pk", flat=True))
    since = mark()

    user_form(admin_desk, reporter, groups=groups, is_superuser="on")

    entry = the_one_entry(since, Action.PERMISSIONS_CHANGED, actor=administrator, target=reporter)
    assert entry.detail == "superuser status granted"


def test_deactivating_an_account_writes_one_entry(admin_desk, administrator):
    reporter = make_staff(CONTRIBUTOR)
    data_groups = list(reporter.groups.values_list("pk", flat=True))
    since = mark()

    user_form(admin_desk, reporter, groups=data_groups, is_active="")

    assert not reporter.is_active
    the_one_entry(since, Action.USER_DEACTIVATED, actor=administrator, target=reporter)


def test_changing_a_roles_permissions_writes_one_entry(admin_desk, administrator):
    role = Group.objects.get(name=CONTRIBUTOR)
    extra = Permission.objects.get(codename="publish_own_article")
    url = reverse("admin:auth_group_change", args=[role.pk])
    data = form_data(admin_desk.get(url), "group_form")
    held = list(role.permissions.values_list("pk", flat=True))
    since = mark()

    admin_desk.post(url, {**data, "permissions": [*held, extra.pk]})

    entry = the_one_entry(since, Action.PERMISSIONS_CHANGED, actor=administrator, target=role)
    assert entry.detail == "granted articles.publish_own_article"


def test_granting_a_role_outside_the_admin_is_recorded_too():
    reporter = make_staff()
    since = mark()

    reporter.groups.add(Group.objects.get(name=EDITOR))

    entry = the_one_entry(since, Action.ROLES_CHANGED, actor=None, target=reporter)
    assert entry.detail == f"added to {EDITOR}"


def test_deleting_an_account_writes_one_entry_and_keeps_its_history(admin_desk, administrator):
    reporter = make_staff(CONTRIBUTOR, username="leaving-reporter")
    sign_in(Client(), reporter)
    since = mark()

    admin_desk.post(reverse("admin:auth_user_delete", args=[reporter.pk]), {"post": "yes"})

    (entry,) = AuditEntry.objects.filter(pk__gt=since)
    assert (entry.action, entry.actor, entry.target_repr) == (
        Action.DELETED,
        administrator,
        "leaving-reporter",
    )
    # What they did stays readable, under their name.
    assert AuditEntry.objects.filter(
        actor_name="leaving-reporter", action=Action.SIGNED_IN
    ).exists()
