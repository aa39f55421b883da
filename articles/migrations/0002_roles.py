# Hand-written: the publishing permissions and the editorial roles (articles/roles.py).

from django.contrib.auth.management import create_permissions
from django.db import migrations

from articles.roles import sync_roles


def create_roles(apps, schema_editor):
    # Permissions are normally created after `migrate` ends (post_migrate); the groups
    # need them now, so create them for every app first. Both steps are safe to re-run.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(
            app_config, verbosity=0, using=schema_editor.connection.alias, apps=apps
        )
        app_config.models_module = None
    sync_roles(apps)


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
