# Hand-written: the permission to create translations, and the Translator role that holds
# it. A Translator translates stories into another edition and edits their own
# translations while they are drafts; they write no story of their own and publish
# nothing. Literal data, as 0002_roles says.

from django.contrib.auth.management import create_permissions
from django.db import migrations
from django.db.models import Q

TRANSLATOR = [
    "articles.translate_article",
    "articles.view_article",
    "articles.change_own_article",
    "authors.view_author",
    "taggit.view_tag",
    "articles.add_photo",
    "articles.view_photo",
]


def _permissions(Permission, names):
    lookup = Q()
    for name in names:
        app_label, codename = name.split(".")
        lookup |= Q(content_type__app_label=app_label, codename=codename)
    return list(Permission.objects.filter(lookup))


def create_translator(apps, schema_editor):
    app_config = apps.get_app_config("articles")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, using=schema_editor.connection.alias, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    found = _permissions(Permission, TRANSLATOR)
    if len(found) != len(TRANSLATOR):
        raise LookupError("The Translator role names a permission that does not exist.")
    group, _ = Group.objects.get_or_create(name="Translator")
    group.permissions.set(found)


def remove_translator(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Translator").delete()


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0019_editions"),
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
                    ("translate_article", "Can create translations of articles"),
                ],
            },
        ),
        migrations.RunPython(create_translator, remove_translator),
    ]
