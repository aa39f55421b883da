# Hand-written: the publishing permissions and the editorial roles as they were first made.
#
# The roles are copied here, not imported from articles/roles.py: a migration must build
# the same database whatever the live code says later. A change to a role is a new data
# migration carrying the new table (articles/roles.py says how).

from django.contrib.auth.management import create_permissions
from django.db import migrations
from django.db.models import Q

WRITER = [
    "articles.add_article",
    "articles.change_own_article",
    "articles.view_article",
    "authors.view_author",
    "taggit.view_tag",
]
EDITOR = [
    *WRITER,
    "articles.change_article",
    "articles.delete_article",
    "articles.publish_article",
    "auth.view_user",
    "authors.add_author",
    "authors.change_author",
    "authors.delete_author",
    *(f"taggit.{action}_{model}" for model in ("tag", "taggeditem")
      for action in ("add", "change", "delete", "view")),
]
ADMINISTRATOR = [
    *EDITOR,
    "articles.publish_own_article",
    *(f"articles.{action}_{model}"
      for model in ("authorship", "correction", "previewlink", "slugredirect", "taggedarticle")
      for action in ("add", "change", "delete", "view")),
    *(f"auth.{action}_{model}" for model in ("user", "group")
      for action in ("add", "change", "delete", "view")),
    "auth.view_permission",
    "admin.view_logentry",
]
ROLES = {
    "Contributor": WRITER,
    "Author": [*WRITER, "articles.publish_own_article"],
    "Editor": EDITOR,
    "Administrator": ADMINISTRATOR,
}


def create_roles(apps, schema_editor):
    # Permissions are normally created after `migrate` ends (post_migrate); the groups
    # need them now, so create them for every app first. Both steps are safe to re-run.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(
            app_config, verbosity=0, using=schema_editor.connection.alias, apps=apps
        )
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, wanted in ROLES.items():
        lookup = Q()
        for permission in set(wanted):
            app_label, codename = permission.split(".")
            lookup |= Q(content_type__app_label=app_label, codename=codename)
        found = list(Permission.objects.filter(lookup))
        if len(found) != len(set(wanted)):
            raise LookupError(f"The {name} role names a permission that does not exist.")
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(found)


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0001_initial"),
        ("authors", "0001_initial"),
        ("admin", "0003_logentry_add_action_flag_choices"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="article",
            options={
                "get_latest_by": "published_at",
                "ordering": ["-published_at", "-pk"],
                "permissions": [
                    ("change_own_article", "Can edit own articles"),
                    ("publish_own_article", "Can publish, schedule and unpublish own articles"),
                    ("publish_article", "Can publish, schedule and unpublish any article"),
                ],
            },
        ),
        migrations.RunPython(create_roles, migrations.RunPython.noop),
    ]
