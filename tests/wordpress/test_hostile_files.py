"""Hostile or broken exports: refused before any harm, or the bad item skipped while the rest imports."""

import pytest
from django.core.management import CommandError

from articles.models import Article

from .conftest import HEADER, post_xml
from .test_import_posts import article_for

PROLOGUE = '<?xml version="1.0" encoding="UTF-8" ?>\n'


def with_doctype(doctype: str) -> str:
    return HEADER.replace(PROLOGUE, PROLOGUE + doctype + "\n")


def test_a_billion_laughs_bomb_is_refused_before_it_expands(db, run_import, write_export):
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10 if n > 1 else "&lol;" * 10}">' for n in range(1, 10)
    )
    path = write_export(post_xml(1, title="&lol9;"), header=with_doctype(f"<!DOCTYPE rss [{entities}]>"))
    with pytest.raises(CommandError, match="Refused: the file declares a DTD or entities"):
        run_import(path)
    assert Article.objects.count() == 0


def test_an_external_entity_is_never_read(db, run_import, write_export, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("the editor's password")
    doctype = f'<!DOCTYPE rss [<!ENTITY stolen SYSTEM "file://{secret}">]>'
    path = write_export(post_xml(1, content="&stolen;"), header=with_doctype(doctype))
    with pytest.raises(CommandError, match="Refused"):
        run_import(path)
    assert not Article.objects.filter(body_en__contains="password").exists()
    assert Article.objects.count() == 0


def test_a_dtd_from_the_network_is_refused(db, run_import, write_export):
    path = write_export(post_xml(1), header=with_doctype('<!DOCTYPE rss SYSTEM "http://dtd.example/wxr.dtd">'))
    with pytest.raises(CommandError, match="Refused"):
        run_import(path)
    assert Article.objects.count() == 0


def test_a_malformed_item_is_skipped_with_its_reason_and_the_rest_imports(db, run_import, write_export):
    no_id = post_xml(2).replace("<wp:post_id>2</wp:post_id>", "")
    bad_id = post_xml(3).replace("<wp:post_id>3</wp:post_id>", "<wp:post_id>three</wp:post_id>")
    bad_date = post_xml(4).replace("2022-05-01 08:00:00", "yesterday").replace("2022-05-01 12:00:00", "soon")
    output = run_import(write_export(post_xml(1) + no_id + bad_id + bad_date + post_xml(5)))
    assert Article.objects.count() == 2
    assert article_for(1) and article_for(5)
    assert "item 2 in the file: it has no post id" in output
    assert "item 3 in the file: its post id 'three' is not a number" in output
    assert "skipped 1 post: its publication date cannot be read" in output


def test_an_unreadable_translation_group_is_reported_and_its_posts_import_alone(db, run_import, write_export):
    group = (
        "<wp:term><wp:term_taxonomy>post_translations</wp:term_taxonomy><wp:term_slug>pll_x</wp:term_slug>"
        '<wp:term_description><![CDATA[O:8:"Exploit":0:{}]]></wp:term_description></wp:term>'
    )
    extra = '<category domain="post_translations" nicename="pll_x">pll_x</category>'
    output = run_import(write_export(group + post_xml(1, extra=extra)))
    assert "skipped 1 translation group: its data cannot be read" in output
    assert article_for(1).available_languages() == ["en"]


def test_a_file_that_is_not_a_wordpress_export_is_refused_with_a_clear_message(db, run_import, tmp_path):
    path = tmp_path / "feed.xml"
    path.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>A feed</title><item/></channel></rss>')
    with pytest.raises(CommandError, match="not a WordPress export"):
        run_import(path)
    path.write_text("<html><body>Not even RSS</body></html>")
    with pytest.raises(CommandError, match="root element is not <rss>"):
        run_import(path)


def test_a_missing_file_or_uploads_folder_or_unknown_language_is_a_clear_error(db, run_import, tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        run_import(tmp_path / "nowhere.xml")
    export = tmp_path / "e.xml"
    export.write_text("<rss/>")
    with pytest.raises(CommandError, match="is not a folder"):
        run_import(export, "--uploads", str(tmp_path / "nowhere"))
    with pytest.raises(CommandError, match="--language fr is not one of the site's languages"):
        run_import(export, "--language", "fr")
