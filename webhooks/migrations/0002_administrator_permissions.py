# Hand-written: Administrators manage the content API's keys and the webhooks (until now
# superusers alone did). Literal data, as articles/migrations/0002_roles says; the role's
# table in articles/roles.py lists the same, which a test compares with a fresh database.

from django.contrib.auth.management import create_permissions
from django.db import migrations
from django.db.models import Q

ADMINISTRATOR = "Administrator"
PERMISSIONS = [
    "api.add_apikey",
    "api.change_apikey",
    "api.view_apikey",
    "webhooks.add_endpoint",
    "webhooks.change_endpoint",
    "webhooks.view_endpoint",
    "webhooks.view_delivery",
    "webhooks.view_event",
    "webhooks.view_attempt",
]


def _permissions(apps, schema_editor):
    # Permissions are made after `migrate` ends (post_migrate); the role needs them now.
    for label in ("api", "webhooks"):
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, using=schema_editor.connection.alias, apps=apps)
        app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    lookup = Q()
    for permission in PERMISSIONS:
        app_label, codename = permission.split(".")
        lookup |= Q(content_type__app_label=app_label, codename=codename)
    found = list(Permission.objects.filter(lookup))
    if len(found) != len(PERMISSIONS):
        raise LookupError("An API or webhook permission for the Administrator role does not exist.")
    return found


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    group, _ = Group.objects.get_or_create(name=ADMINISTRATOR)
    group.permissions.add(*_permissions(apps, schema_editor))


def withdraw(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name=ADMINISTRATOR).first()
    if group is not None:
        group.permissions.remove(*_permissions(apps, schema_editor))


class Migration(migrations.Migration):
    dependencies = [
        ("webhooks", "0001_initial"),
        ("api", "0001_initial"),
        ("articles", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, withdraw)]
