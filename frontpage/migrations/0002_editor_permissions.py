# Hand-written: Editors and Administrators run the front page and raise the banner; no
# other role may. Literal data, as articles/migrations/0002_roles says.

from django.contrib.auth.management import create_permissions
from django.db import migrations
from django.db.models import Q

MODELS = ["layout", "zone", "slot", "banner"]
PERMISSIONS = [
    f"frontpage.{action}_{model}"
    for model in MODELS
    for action in ("add", "change", "delete", "view")
]
ROLES = ["Editor", "Administrator"]


def _permissions(apps, schema_editor):
    app_config = apps.get_app_config("frontpage")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, using=schema_editor.connection.alias, apps=apps)
    app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    lookup = Q()
    for name in PERMISSIONS:
        app_label, codename = name.split(".")
        lookup |= Q(content_type__app_label=app_label, codename=codename)
    found = list(Permission.objects.filter(lookup))
    if len(found) != len(PERMISSIONS):
        raise LookupError("A front page permission does not exist.")
    return found


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    found = _permissions(apps, schema_editor)
    for name in ROLES:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*found)


def withdraw(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    found = _permissions(apps, schema_editor)
    for group in Group.objects.filter(name__in=ROLES):
        group.permissions.remove(*found)


class Migration(migrations.Migration):

    dependencies = [
        ("frontpage", "0001_layouts_banner_views"),
        ("articles", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, withdraw)]
