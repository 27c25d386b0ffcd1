"""
The search index for every site language whose columns exist: on PostgreSQL
a tsvector column per language kept by a trigger, with a GIN index; on SQLite
an FTS5 table per language kept by triggers (search.schema). Nothing here is
a Django model: the objects are the database's own.
"""

from django.db import migrations


def create(apps, schema_editor):
    from search import schema

    schema.ensure(schema_editor.connection)


def remove(apps, schema_editor):
    from search import schema

    schema.drop(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("articles", "0007_section_pages_index")]

    operations = [migrations.RunPython(create, remove, elidable=False)]
