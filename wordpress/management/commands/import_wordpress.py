"""
manage.py import_wordpress EXPORT.xml [--uploads DIR] [--language CODE] [--dry-run]

Brings a WordPress site over from the file its Tools → Export writes
(docs/wordpress.md). Safe to run again: what was imported before is updated
where it changed and otherwise left alone.
"""

import os
import sys

from django.core.management.base import BaseCommand, CommandError

from articles.models import site_languages
from wordpress.importer import Importer


class Command(BaseCommand):
    help = "Import posts, translations, images, comments and old links from a WordPress export (WXR) file."

    def add_arguments(self, parser):
        parser.add_argument("export", help="The WXR file that WordPress's Tools → Export wrote.")
        parser.add_argument(
            "--uploads", help="WordPress's wp-content/uploads folder, copied here: images are read only from it."
        )
        parser.add_argument(
            "--language",
            help="The language of posts that carry none (no Polylang or WPML data); default: the site's first.",
        )
        parser.add_argument("--dry-run", action="store_true", help="Report what would happen and write nothing.")

    def handle(self, *args, export, uploads, language, dry_run, **options):
        if language and language not in site_languages():
            raise CommandError(
                f"--language {language} is not one of the site's languages ({', '.join(site_languages())})."
            )
        if uploads is not None and not os.path.isdir(uploads):
            raise CommandError(f"--uploads {uploads} is not a folder.")
        try:
            open(export, "rb").close()
        except OSError as error:
            raise CommandError(f"Cannot read {export}: {error.strerror}.") from None
        importer = Importer(
            export,
            uploads=uploads,
            language=language,
            dry_run=dry_run,
            progress=self.progress if sys.stderr.isatty() else None,
        )
        summary = importer.run()
        if sys.stderr.isatty():
            sys.stderr.write("\n")
        if dry_run:
            self.stdout.write("Dry run: nothing was written. This is what the import would do:")
        for line in summary.lines():
            self.stdout.write(line)
        if summary.error:
            raise CommandError(f"{summary.error} What came before it was imported; fix the file and run again.")

    def progress(self, done: int, total: int) -> None:
        share = done / total if total else 1
        bar = "#" * int(share * 40)
        sys.stderr.write(f"\r[{bar:<40}] {share:4.0%}")
        sys.stderr.flush()
