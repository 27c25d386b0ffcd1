from django.contrib.auth.management import create_permissions
from django.db import migrations

# Authors write: their own articles (the admin narrows every path to those),
# bylines and body images for them, and may look up the sections, tags and
# authors they file under. Deleting, publishing and corrections are not theirs.
AUTHOR_PERMISSIONS = [
    "add_article", "change_article", "view_article",
    "add_byline", "change_byline", "delete_byline", "view_byline",
    "add_inlineimage", "view_inlineimage",
    "view_section", "view_tag", "view_author",
]  # fmt: skip

# Editors were given every editorial permission by 0002; these models are new.
# The workflow's audit trail is written by the workflow alone: editors read it.
NEW_EDITORIAL_PERMISSIONS = [f"{action}_correction" for action in ("add", "change", "delete", "view")]
NEW_EDITORIAL_PERMISSIONS += ["view_statechange"]


def make_permissions(apps):
    # Permissions are normally made after all migrations; make this app's now.
    app_config = apps.get_app_config("articles")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None


def create_authors_group(apps, schema_editor):
    make_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    articles_permissions = Permission.objects.filter(content_type__app_label="articles")
    authors, _created = Group.objects.get_or_create(name="Authors")
    authors.permissions.set(articles_permissions.filter(codename__in=AUTHOR_PERMISSIONS))
    editors = Group.objects.filter(name="Editors").first()
    if editors is not None:
        editors.permissions.add(*articles_permissions.filter(codename__in=NEW_EDITORIAL_PERMISSIONS))


def remove_authors_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Authors").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0011_workflow_states_expiry_corrections"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_authors_group, remove_authors_group)]
