"""
``manage.py write_transliteration_table``: writes the letters the server
transliterates (articles.transliteration) for the admin's slug prefill, so the
browser spells a title as the server does. Run it after upgrading anyascii or
changing the Armenian table; a test fails while the file is out of date.
"""

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from articles.transliteration import ARMENIAN_DIGRAPHS, LETTERS

TABLE_JS = Path(settings.BASE_DIR) / "static" / "admin" / "js" / "transliteration_table.js"


def table_source() -> str:
    letters = json.dumps(LETTERS, ensure_ascii=False, sort_keys=True)
    digraphs = json.dumps(ARMENIAN_DIGRAPHS, ensure_ascii=False, sort_keys=True)
    return (
        "// Written by `manage.py write_transliteration_table` from articles/transliteration.py: do not edit.\n"
        f'window.NEWSROOM_TRANSLITERATION = {{\n"digraphs": {digraphs},\n"letters": {letters}\n}};\n'
    )


class Command(BaseCommand):
    help = "Write the admin's copy of the slug transliteration table."

    def handle(self, *args, **options):
        TABLE_JS.write_text(table_source(), encoding="utf-8")
        self.stdout.write(f"Wrote {len(LETTERS)} letters to {TABLE_JS.relative_to(settings.BASE_DIR)}.")
