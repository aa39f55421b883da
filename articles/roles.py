"""The newsroom's editorial roles, defined once.

Each role is a Django group holding exactly these permissions. Migration 0002_roles made
the groups from its own copy of this table; a test migrates a fresh database and checks
that the groups match ROLES, and docs/editorial.md says the same for people. What a
permission allows is decided in one place, articles/services/permissions.py.

To change a role, edit ROLES and add a data migration that carries the new table as
literal data, as 0002_roles does (never an import of this module: a migration must build
the same database whatever this file says later). `sync_roles()` repairs the groups of a
database by hand, from a shell.
"""

from django.apps import apps as global_apps
from django.db.models import Q

CONTRIBUTOR = "Contributor"
AUTHOR = "Author"
EDITOR = "Editor"
ADMINISTRATOR = "Administrator"
TRANSLATOR = "Translator"


def _crud(app_label, *models):
    return {f"{app_label}.{action}_{model}" for model in models for action in _ACTIONS}


_ACTIONS = ("add", "change", "delete", "view")

_WRITER = {
    "articles.add_article",
    "articles.view_article",
    "articles.change_own_article",
    # Bylines and the primary tag use autocomplete, which needs these; a writer linked to
    # an author profile edits that profile without authors.change_author.
    "authors.view_author",
    "taggit.view_tag",
    # The photo library: place photos in a story, upload new ones (0007_photo_library_roles).
    "articles.add_photo",
    "articles.view_photo",
}
_EDITOR = (
    _WRITER
    | _crud("articles", "article", "photo")
    | {"articles.publish_article"}
    | _crud("taggit", "tag", "taggeditem")
    | _crud("authors", "author")
    # To link an author profile to a staff account.
    | {"auth.view_user"}
    # The front page's layouts and the breaking-news banner (frontpage/migrations/0002).
    | _crud("frontpage", "layout", "zone", "slot", "banner")
)

# Translates stories into another edition and edits those translations while they are
# drafts; writes no story of their own and publishes nothing (0020_translator_role).
_TRANSLATOR = (_WRITER - {"articles.add_article"}) | {"articles.translate_article"}

ROLES = {
    CONTRIBUTOR: _WRITER,
    TRANSLATOR: _TRANSLATOR,
    AUTHOR: _WRITER | {"articles.publish_own_article"},
    EDITOR: _EDITOR,
    ADMINISTRATOR: _EDITOR
    | {"articles.publish_own_article"}
    | _crud("articles", "authorship", "correction", "previewlink", "slugredirect", "taggedarticle")
    | _crud("auth", "user", "group")
    | {"auth.view_permission", "admin.view_logentry"}
    # Staff security: read the audit trail, lift sign-in lockouts (staff/migrations/0002).
    | {"staff.view_auditentry", "staff.view_signinlockout", "staff.delete_signinlockout"}
    # The content API's keys and the webhooks (webhooks/migrations/0002): issued, changed,
    # revoked or disabled, never deleted; the deliveries' log read and replayed.
    | {"api.add_apikey", "api.change_apikey", "api.view_apikey"}
    | {f"webhooks.{action}_endpoint" for action in ("add", "change", "view")}
    | {"webhooks.view_delivery", "webhooks.view_event", "webhooks.view_attempt"},
}


def permission_names(permissions):
    """ "app_label.codename" for each permission, the spelling ROLES and has_perm() use."""
    return {f"{p.content_type.app_label}.{p.codename}" for p in permissions}


def sync_roles(apps=global_apps):
    """Make each role's group hold exactly its permissions; `apps` may be a migration's."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, wanted in ROLES.items():
        lookup = Q()
        for permission in wanted:
            app_label, codename = permission.split(".")
            lookup |= Q(content_type__app_label=app_label, codename=codename)
        found = list(Permission.objects.filter(lookup).select_related("content_type"))
        if missing := wanted - permission_names(found):
            raise LookupError(f"The {name} role names unknown permissions: {sorted(missing)}")
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(found)
