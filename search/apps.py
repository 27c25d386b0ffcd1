from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate, pre_migrate
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        from . import schema

        # SQLite's triggers call a Python function (HTML to text) that every
        # connection must know; Django offers no other per-connection hook.
        connection_created.connect(schema.prepare_connection)
        # The search index follows the site's languages, and SQLite drops its
        # triggers whenever a migration rebuilds the articles table: after every
        # migrate, put back whatever is missing (usually nothing, at the cost of
        # one catalogue read).
        post_migrate.connect(schema.after_migrate, sender=self)
        # A language removed from LANGUAGES: its index goes before its columns do.
        pre_migrate.connect(schema.before_migrate, sender=self)
