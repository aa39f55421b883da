"""The editorial workflow: roles, transitions, completeness, scheduling and updates.

The permissions matrix runs every role × action × ownership through each channel an
editor (or a forger) has: the workflow service itself, the admin's bulk actions, and the
admin change form POSTed with the status value of their choosing.
"""

import contextlib
from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from articles import workflow
from articles.models import Article, Correction
from articles.roles import (
    ADMINISTRATOR,
    AUTHOR,
    CONTRIBUTOR,
    EDITOR,
    ROLES,
    permission_names,
    sync_roles,
)
from articles.tests.admin_forms import change_url, form_data
from articles.tests.factories import (
    DRAFT,
    PUBLISHED,
    REVIEW,
    make_article,
    make_photo,
    make_user,
    sign_in,
)
from authors.tests.factories import make_author
from imaging.tests.factories import png_file

pytestmark = pytest.mark.django_db


# Roles


def test_the_groups_in_the_database_hold_exactly_the_roles_permissions():
    groups = Group.objects.filter(name__in=ROLES).prefetch_related("permissions__content_type")

    in_database = {group.name: permission_names(group.permissions.all()) for group in groups}

    assert in_database == ROLES


def test_syncing_the_roles_again_changes_nothing():
    sync_roles()
    sync_roles()

    groups = Group.objects.filter(name__in=ROLES).prefetch_related("permissions__content_type")
    assert {group.name: permission_names(group.permissions.all()) for group in groups} == ROLES


# The permissions matrix

# What each role may do to its own articles and to others'.
MAY = {
    (CONTRIBUTOR, "edit"): (True, False),
    (CONTRIBUTOR, "submit"): (True, False),
    (CONTRIBUTOR, "publish"): (False, False),
    (CONTRIBUTOR, "publish a draft"): (False, False),
    (CONTRIBUTOR, "unpublish"): (False, False),
    (AUTHOR, "edit"): (True, False),
    (AUTHOR, "submit"): (True, False),
    (AUTHOR, "publish"): (True, False),
    (AUTHOR, "publish a draft"): (True, False),
    (AUTHOR, "unpublish"): (True, False),
    **{(role, action): (True, True) for role in (EDITOR, ADMINISTRATOR) for action in
       ("edit", "submit", "publish", "publish a draft", "unpublish")},
}  # fmt: skip

# action: (status before, status after, the service, the bulk action's name)
ACTIONS = {
    "edit": (DRAFT, DRAFT, None, None),
    "submit": (DRAFT, REVIEW, workflow.submit_for_review, "submit_for_review"),
    "publish": (REVIEW, PUBLISHED, workflow.publish, "publish"),
    "publish a draft": (DRAFT, PUBLISHED, workflow.publish, "publish"),
    "unpublish": (PUBLISHED, DRAFT, workflow.unpublish, "unpublish"),
}

CASES = [
    pytest.param(role, action, own, channel, id=f"{role}-{action}-{whose}-{channel}")
    for (role, action), allowed in MAY.items()
    for own, whose in ((True, "own"), (False, "others"))
    for channel in ("service", "bulk action", "form POST")
    if not (action == "edit" and channel == "bulk action")
]


def _attempt(client, user, article, action, channel):
    """Try the action through the channel; whatever happens, the database tells."""
    _, after, service, bulk_action = ACTIONS[action]
    if channel == "service":
        if service is None:
            return workflow.can_edit(user, article)
        with contextlib.suppress(workflow.WorkflowError):
            service(article=article, user=user)
    elif channel == "bulk action":
        client.post(
            reverse("admin:articles_article_changelist"),
            {"action": bulk_action, "_selected_action": [article.pk]},
        )
    else:
        # The form as the user saw it, or as an editor's would be if they may not see it.
        editor = make_user(EDITOR)
        editor_client = type(client)()
        sign_in(editor_client, editor)
        data = form_data(editor_client.get(change_url(article)))
        data.update(title="Edited title", status=after)
        client.post(change_url(article), data)
    article.refresh_from_db()
    return article.status == after and (action != "edit" or article.title == "Edited title")


@pytest.mark.parametrize(("role", "action", "own", "channel"), CASES)
def test_permissions_matrix(client, role, action, own, channel):
    user = make_user(role)
    before = ACTIONS[action][0]
    article = make_article(
        status=before, created_by=user if own else make_user(CONTRIBUTOR), authors=[make_author()]
    )
    sign_in(client, user)

    done = _attempt(client, user, article, action, channel)

    assert done is MAY[role, action][0 if own else 1]


def test_a_writer_on_the_byline_owns_the_article_too():
    writer = make_user(AUTHOR)
    article = make_article(status=REVIEW, authors=[make_author(user=writer)])

    workflow.publish(article=article, user=writer)

    assert article.status == PUBLISHED


def test_a_contributor_is_offered_only_the_statuses_they_may_set(client):
    contributor = make_user(CONTRIBUTOR)
    article = make_article(status=DRAFT, created_by=contributor, authors=[make_author()])
    sign_in(client, contributor)

    response = client.get(change_url(article))

    choices = response.context["adminform"].form.fields["status"].choices
    assert [value for value, _ in choices] == [DRAFT, REVIEW]


def test_a_contributor_cannot_publish_by_forging_the_status_value(client):
    contributor = make_user(CONTRIBUTOR)
    article = make_article(status=DRAFT, created_by=contributor, authors=[make_author()])
    sign_in(client, contributor)
    data = form_data(client.get(change_url(article)))

    response = client.post(change_url(article), {**data, "status": PUBLISHED})

    assert response.status_code == 200
    assert "status" in response.context["adminform"].form.errors
    article.refresh_from_db()
    assert article.status == DRAFT


def test_a_contributor_cannot_run_the_publish_action_by_posting_it(client):
    contributor = make_user(CONTRIBUTOR)
    article = make_article(status=REVIEW, created_by=contributor, authors=[make_author()])
    sign_in(client, contributor)

    client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish", "_selected_action": [article.pk]},
    )

    article.refresh_from_db()
    assert article.status == REVIEW


def test_the_transition_check_refuses_what_the_choices_would_not_offer():
    contributor = make_user(CONTRIBUTOR)
    article = make_article(status=DRAFT, created_by=contributor, authors=[make_author()])

    with pytest.raises(workflow.NotAllowed, match="may not publish"):
        workflow.check_transition(user=contributor, article=article, to=PUBLISHED)


def test_a_published_article_goes_back_to_draft_before_review():
    editor = make_user(EDITOR)
    article = make_article(status=PUBLISHED, authors=[make_author()])

    with pytest.raises(workflow.NotAllowed, match="back to draft"):
        workflow.check_transition(user=editor, article=article, to=REVIEW)


# Transitions and completeness


def test_publishing_sets_the_publication_time_to_now():
    article = make_article(status=REVIEW, authors=[make_author()])

    workflow.publish(article=article, user=make_user(EDITOR))

    assert article.is_published
    assert timezone.now() - article.published_at < timedelta(seconds=5)


def test_publishing_twice_is_refused():
    article = make_article(status=PUBLISHED, authors=[make_author()])

    with pytest.raises(workflow.WorkflowError, match="already published"):
        workflow.publish(article=article, user=make_user(EDITOR))


def test_publishing_says_everything_that_is_missing():
    article = make_article(
        status=REVIEW, authors=[], lead_photo=make_photo(image=png_file(), alt_text="")
    )

    with pytest.raises(workflow.Incomplete) as refusal:
        workflow.publish(article=article, user=make_user(EDITOR))

    assert refusal.value.missing == ["at least one author", "alt text for the lead image"]
    assert str(refusal.value) == (
        "Not ready to publish: it needs at least one author and alt text for the lead image."
    )
    article.refresh_from_db()
    assert article.status == REVIEW


def test_a_complete_article_with_a_described_photo_publishes():
    article = make_article(
        status=REVIEW,
        lead_photo=make_photo(image=png_file(), alt_text="A harbour at dawn"),
        authors=[make_author()],
    )

    workflow.publish(article=article, user=make_user(EDITOR))

    assert article.status == PUBLISHED


def test_the_bulk_publish_action_reports_what_it_did_and_what_it_refused(client):
    editor = make_user(EDITOR)
    ready = make_article(status=REVIEW, title="Ready story", authors=[make_author()])
    bylineless = make_article(status=REVIEW, title="Bylineless story", authors=[])
    sign_in(client, editor)

    response = client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish", "_selected_action": [ready.pk, bylineless.pk]},
        follow=True,
    )

    shown = [str(message) for message in response.context["messages"]]
    assert shown == [
        "Published: “Ready story”.",
        "Not done for 1: “Bylineless story”: Not ready to publish: it needs at least one author.",
    ]


def test_publishing_in_the_form_without_an_author_is_refused_with_the_reason(client):
    editor = make_user(EDITOR)
    article = make_article(status=REVIEW, authors=[make_author()])
    sign_in(client, editor)
    data = form_data(client.get(change_url(article)))

    response = client.post(
        change_url(article), {**data, "status": PUBLISHED, "authorships-0-DELETE": "on"}
    )

    assert response.status_code == 200
    assert "Not ready to publish: it needs at least one author." in response.text
    article.refresh_from_db()
    assert article.status == REVIEW
    assert article.authorships.count() == 1


def test_publishing_in_the_form_sets_the_time_when_none_is_given(client):
    editor = make_user(EDITOR)
    article = make_article(status=REVIEW, authors=[make_author()])
    sign_in(client, editor)
    data = form_data(client.get(change_url(article)))

    client.post(change_url(article), {**data, "status": PUBLISHED})

    article.refresh_from_db()
    assert article.is_published


def test_unpublishing_takes_the_article_off_the_site_at_once(client):
    article = make_article(status=PUBLISHED, authors=[make_author()])
    assert client.get(article.get_absolute_url()).status_code == 200

    workflow.unpublish(article=article, user=make_user(EDITOR))

    assert client.get(article.get_absolute_url()).status_code == 404


# Scheduling


def test_a_scheduled_article_appears_by_itself_when_its_time_comes(client):
    start = timezone.now()
    article = make_article(status=REVIEW, title="Tomorrow's budget", authors=[make_author()])
    workflow.publish(article=article, user=make_user(EDITOR), at=start + timedelta(hours=2))

    with time_machine.travel(start + timedelta(hours=1), tick=False):
        assert not Article.objects.published().filter(pk=article.pk).exists()
        assert client.get(article.get_absolute_url()).status_code == 404
        assert "Tomorrow" not in client.get(reverse("home")).text

    with time_machine.travel(start + timedelta(hours=2, seconds=1), tick=False):
        assert Article.objects.published().filter(pk=article.pk).exists()
        assert client.get(article.get_absolute_url()).status_code == 200
        assert "Tomorrow" in client.get(reverse("home")).text


def test_bulk_publishing_keeps_a_future_time_and_says_it_is_scheduled(client):
    editor = make_user(EDITOR)
    later = timezone.now() + timedelta(days=1)
    article = make_article(
        status=REVIEW, title="Later", published_at=later, authors=[make_author()]
    )
    sign_in(client, editor)

    response = client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish", "_selected_action": [article.pk]},
        follow=True,
    )

    article.refresh_from_db()
    assert article.is_scheduled
    assert article.published_at == later
    [message] = response.context["messages"]
    assert "(Scheduled for" in str(message)


# Updates and corrections


def _edit_published(client, article, **changes):
    sign_in(client, make_user(EDITOR))
    data = form_data(client.get(change_url(article)))
    response = client.post(change_url(article), {**data, **changes})
    assert response.status_code == 302, response.context["adminform"].form.errors
    article.refresh_from_db()


def test_marking_a_change_as_an_update_shows_updated_to_readers(client):
    article = make_article(status=PUBLISHED, authors=[make_author()])

    _edit_published(client, article, body="New facts.", mark_as_update="on")

    assert timezone.now() - article.updated_at < timedelta(seconds=5)
    client.logout()
    assert "Updated:" in client.get(article.get_absolute_url()).text


def test_a_typo_fix_is_not_an_update(client):
    article = make_article(status=PUBLISHED, authors=[make_author()])

    _edit_published(client, article, body="Words for teh story, fixed.")

    assert article.updated_at is None


def test_adding_a_correction_counts_as_an_update_and_shows_newest_first(client):
    article = make_article(status=PUBLISHED, authors=[make_author()])
    Correction.objects.create(
        article=article, text="An earlier correction.", corrected_at=timezone.now() - timedelta(1)
    )

    _edit_published(
        client,
        article,
        **{
            "corrections-TOTAL_FORMS": "2",
            "corrections-1-text": "The minister's name was misspelt.",
            "corrections-1-corrected_at_0": timezone.localtime().strftime("%d/%m/%Y"),
            "corrections-1-corrected_at_1": timezone.localtime().strftime("%H:%M:%S"),
        },
    )

    assert article.updated_at is not None
    client.logout()
    page = client.get(article.get_absolute_url()).text
    assert page.index("misspelt") < page.index("An earlier correction")
