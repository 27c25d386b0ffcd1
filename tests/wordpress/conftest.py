"""
Shared pieces for the WordPress import's tests: the hand-written exports in
exports/, an uploads folder of pictures made by Pillow (one JPEG carrying GPS
coordinates, as a phone writes it), and a way to run the real command.
"""

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import translation

from tests.factories import jpeg_bytes, png_bytes

EXPORTS = Path(__file__).parent / "exports"

HEADER = """<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>Small test site</title>
<wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>http://small.example</wp:base_site_url>
<wp:base_blog_url>http://small.example</wp:base_blog_url>
"""


def post_xml(post_id, title="A post", content="Some words.", status="publish", extra="", name=None):
    """One post item as WordPress writes it, with only the fields the import reads."""
    return f"""<item><title>{title}</title><link>http://small.example/{name or f"post-{post_id}"}/</link>
<dc:creator>writer</dc:creator><content:encoded><![CDATA[{content}]]></content:encoded>
<wp:post_id>{post_id}</wp:post_id><wp:post_date>2022-05-01 12:00:00</wp:post_date>
<wp:post_date_gmt>2022-05-01 08:00:00</wp:post_date_gmt><wp:comment_status>open</wp:comment_status>
<wp:post_name>{name or f"post-{post_id}"}</wp:post_name><wp:status>{status}</wp:status><wp:post_type>post</wp:post_type>
<category domain="category" nicename="news">News</category>{extra}</item>
"""


@pytest.fixture
def write_export(tmp_path):
    """write_export(items, name=...) → the path of a small export holding ``items`` (XML text)."""

    def write(items: str, name: str = "export.xml", header: str = HEADER, footer: str = "</channel></rss>") -> Path:
        path = tmp_path / name
        path.write_text(header + items + footer, encoding="utf-8")
        return path

    return write


@pytest.fixture
def uploads(tmp_path) -> Path:
    """A copy of wp-content/uploads: the photographs and pictures the exports in exports/ name."""
    folder = tmp_path / "uploads"
    (folder / "2022/10").mkdir(parents=True)
    (folder / "2022/10/delegations.jpg").write_bytes(jpeg_bytes(size=(1200, 800)))
    (folder / "2022/10/table.png").write_bytes(png_bytes(size=(800, 600)))
    (folder / "2022/10/table-400x300.png").write_bytes(png_bytes(size=(400, 300)))
    return folder


@pytest.fixture
def run_import():
    """run_import(path, *options) → the command's output; the real command, as an editor runs it."""

    def run(path, *options) -> str:
        out = io.StringIO()
        # In the site's first language, as from a shell: a test that fetched an Armenian page
        # before leaves Armenian active in this thread, and the summary would be in Armenian.
        with translation.override(settings.LANGUAGE_CODE):
            call_command("import_wordpress", str(path), *options, stdout=out)
        return out.getvalue()

    return run


@pytest.fixture
def polylang_site(db, uploads, run_import):
    """The bilingual Polylang export, imported with its uploads; the command's output."""
    return run_import(EXPORTS / "polylang.xml", "--uploads", str(uploads))
