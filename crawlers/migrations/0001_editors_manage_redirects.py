"""Editors add, change and remove redirects (django.contrib.redirects) in the admin."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ACTIONS = ("add", "change", "delete", "view")


def let_editors_manage_redirects(apps, schema_editor):
    # Permissions are normally made after all migrations; make the redirects app's now.
    app_config = apps.get_app_config("redirects")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _created = Group.objects.get_or_create(name="Editors")
    codenames = [f"{action}_redirect" for action in ACTIONS]
    editors.permissions.add(*Permission.objects.filter(content_type__app_label="redirects", codename__in=codenames))


def take_redirects_from_editors(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors = Group.objects.filter(name="Editors").first()
    if editors:
        editors.permissions.remove(*Permission.objects.filter(content_type__app_label="redirects"))


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0002_editors_group"),
        ("redirects", "0002_alter_redirect_new_path_help_text"),
    ]

    operations = [migrations.RunPython(let_editors_manage_redirects, take_redirects_from_editors)]
