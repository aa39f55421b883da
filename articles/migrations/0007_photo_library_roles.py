# Hand-written: the roles gain the photo library. Writers place photos and upload new ones;
# Editors and Administrators also correct and remove them. Literal data, as 0002_roles says.

from django.contrib.auth.management import create_permissions
from django.db import migrations
from django.db.models import Q

WRITER = ["articles.add_photo", "articles.view_photo"]
EDITOR = [*WRITER, "articles.change_photo", "articles.delete_photo"]
ADDED = {"Contributor": WRITER, "Author": WRITER, "Editor": EDITOR, "Administrator": EDITOR}


def _permissions(Permission, names):
    lookup = Q()
    for name in names:
        app_label, codename = name.split(".")
        lookup |= Q(content_type__app_label=app_label, codename=codename)
    return list(Permission.objects.filter(lookup))


def add_photo_permissions(apps, schema_editor):
    app_config = apps.get_app_config("articles")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, using=schema_editor.connection.alias, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, wanted in ADDED.items():
        found = _permissions(Permission, wanted)
        if len(found) != len(wanted):
            raise LookupError(f"The {name} role names a permission that does not exist.")
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*found)


def remove_photo_permissions(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, wanted in ADDED.items():
        for group in Group.objects.filter(name=name):
            group.permissions.remove(*_permissions(Permission, wanted))


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0006_editor_desk_photos_autosaves"),
    ]

    operations = [
        migrations.RunPython(add_photo_permissions, remove_photo_permissions),
    ]
