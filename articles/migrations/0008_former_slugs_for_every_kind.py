"""
Former slugs for sections, tags and authors as well as articles: a FormerSlug
points to its row by content type and id. Existing article rows keep their slugs.
"""

import django.db.models.deletion
from django.db import migrations, models


def point_to_articles(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    FormerSlug = apps.get_model("articles", "FormerSlug")
    if not FormerSlug.objects.exists():
        return
    article_type, _created = ContentType.objects.get_or_create(app_label="articles", model="article")
    FormerSlug.objects.update(content_type=article_type, object_id=models.F("article_id"))


def point_back_to_articles(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    FormerSlug = apps.get_model("articles", "FormerSlug")
    article_type = ContentType.objects.filter(app_label="articles", model="article").first()
    # Only articles had former slugs before: the others' are dropped on the way back.
    FormerSlug.objects.exclude(content_type=article_type).delete()
    FormerSlug.objects.update(article_id=models.F("object_id"))


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0007_section_pages_index"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="formerslug", name="unique_former_slug"),
        migrations.AddField(
            model_name="formerslug",
            name="content_type",
            field=models.ForeignKey(
                null=True, on_delete=django.db.models.deletion.CASCADE, to="contenttypes.contenttype"
            ),
        ),
        migrations.AddField(
            model_name="formerslug",
            name="object_id",
            field=models.PositiveBigIntegerField(null=True),
        ),
        migrations.AlterField(
            model_name="formerslug",
            name="article",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="former_slugs",
                to="articles.article",
            ),
        ),
        migrations.RunPython(point_to_articles, point_back_to_articles),
        migrations.RemoveField(model_name="formerslug", name="article"),
        migrations.AlterField(
            model_name="formerslug",
            name="content_type",
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to="contenttypes.contenttype"),
        ),
        migrations.AlterField(
            model_name="formerslug",
            name="object_id",
            field=models.PositiveBigIntegerField(),
        ),
        migrations.AddConstraint(
            model_name="formerslug",
            constraint=models.UniqueConstraint(
                fields=("content_type", "language", "slug"), name="unique_former_slug_per_kind"
            ),
        ),
    ]
