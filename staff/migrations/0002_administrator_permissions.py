# Hand-written: Administrators read the audit trail and lift sign-in lockouts.
#
# The permissions are copied here, not imported (a migration must build the same database
# whatever the live code says later); articles/roles.py lists them in the Administrator
# role too, which a test compares with a freshly migrated database.

from django.contrib.auth.management import create_permissions
from django.db import migrations
from django.db.models import Q

ADMINISTRATOR = "Administrator"
PERMISSIONS = [
    "staff.view_auditentry",
    "staff.view_signinlockout",
    "staff.delete_signinlockout",
]


def _permissions(apps, schema_editor):
    # Permissions are made after `migrate` ends (post_migrate); the role needs them now.
    for app_config in apps.get_app_configs():
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
        raise LookupError("A staff permission for the Administrator role does not exist.")
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
        ("staff", "0001_audit_sessions_backup_codes"),
        ("articles", "0002_roles"),
        ("axes", "0010_accessattemptexpiration"),
    ]

    operations = [migrations.RunPython(grant, withdraw)]
