from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations


def note_existing_articles(apps, schema_editor):
    """
    Articles written before translation status existed: the first language
    with a title is the original, and every written language counts as edited
    when the article was last saved (nothing tells which was edited later).
    The fingerprints are noted by the next save.
    """
    Article = apps.get_model("articles", "Article")
    # A language added later has no columns yet at this point of the history.
    columns = {field.name for field in Article._meta.get_fields()}
    languages = [code for code, _name in settings.LANGUAGES if f"text_edited_at_{code}" in columns]
    for article in Article.objects.all().only("pk", "updated_at", *(f"title_{code}" for code in languages)).iterator():
        written = [code for code in languages if getattr(article, f"title_{code}")]
        changes = {f"text_edited_at_{code}": article.updated_at for code in languages}
        changes["original_language"] = written[0] if written else ""
        Article.objects.filter(pk=article.pk).update(**changes)


def grant_editors_the_new_permissions(apps, schema_editor):
    # Permissions are normally made after all migrations; make this app's now.
    app_config = apps.get_app_config("articles")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors = Group.objects.filter(name="Editors").first()
    if editors is not None:
        editors.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="articles", codename__in=["restore_article", "confirm_translation"]
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0009_revisions_and_translation_status"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.RunPython(note_existing_articles, migrations.RunPython.noop),
        migrations.RunPython(grant_editors_the_new_permissions, migrations.RunPython.noop),
    ]
