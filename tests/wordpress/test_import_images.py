"""Featured and body images through the images app: read from --uploads only, metadata stripped, URLs rewritten."""

import io
import re

from django.core.files.storage import default_storage
from PIL import Image

from articles.models import InlineImage
from tests.factories import GPS_IFD
from wordpress.models import ImportedObject

from .conftest import post_xml
from .test_import_posts import article_for


def stored_files(media_root) -> list:
    return sorted(path for path in media_root.rglob("*") if path.is_file()) if media_root.exists() else []


def test_the_featured_image_is_the_attachment_with_its_alt_text_and_caption_in_each_language(polylang_site):
    article = article_for(101)
    assert article.image
    assert article.image_alt_en == "Two delegations shaking hands"
    assert article.image_alt_hy == "Երկու պատվիրակությունները ձեռք են սեղմում"
    assert article.image_caption_en == "Photo: Anna Petrosyan"
    assert article.image_caption_hy == "Լուսանկարը՝ Աննա Պետրոսյանի"
    assert article.renditions


def test_the_featured_photos_gps_data_is_gone_from_every_stored_file(polylang_site, uploads, media_root):
    assert Image.open(uploads / "2022/10/delegations.jpg").getexif().get_ifd(GPS_IFD)
    article = article_for(101)
    for name in article.stored_files():
        with default_storage.open(name) as stored:
            image = Image.open(io.BytesIO(stored.read()))
            assert not image.getexif().get_ifd(GPS_IFD), name
    # The original, with its coordinates, was never written to storage.
    jpegs = [path for path in stored_files(media_root) if path.suffix == ".jpg"]
    assert jpegs and all(not Image.open(path).getexif().get_ifd(GPS_IFD) for path in jpegs)


def test_images_in_the_content_become_inline_images_and_their_urls_point_to_the_new_files(polylang_site):
    body = article_for(101).body_en
    assert "old.example.org" not in body
    inline = InlineImage.objects.get()
    assert inline.alt_text == "An empty negotiating table"
    # Shown twice (a resized copy and the original), imported once, from the original file.
    assert body.count(f'data-file="{inline.pk}"') == 2
    assert inline.image_width == 800
    assert "<picture>" in body
    assert f'href="{inline.image.url}"' in body


def test_a_missing_file_is_reported_and_the_rest_imports(polylang_site):
    assert "image files missing: 1" in polylang_site
    assert "missing file: 2021/01/lost.jpg" in polylang_site
    assert "lost.jpg" not in article_for(101).body_en


def test_without_an_uploads_folder_no_image_is_read_and_the_posts_still_import(db, run_import):
    from .conftest import EXPORTS

    output = run_import(EXPORTS / "polylang.xml")
    article = article_for(101)
    assert not article.image and InlineImage.objects.count() == 0
    assert "images not imported (no --uploads folder given)" in output


def test_paths_leading_out_of_the_uploads_folder_are_refused(db, uploads, tmp_path, run_import, write_export):
    (tmp_path / "secret.jpg").write_bytes((uploads / "2022/10/delegations.jpg").read_bytes())
    content = '<img src="http://small.example/wp-content/uploads/../../secret.jpg"><p>Text stays.</p>'
    output = run_import(write_export(post_xml(1, content=content)), "--uploads", str(uploads))
    assert "image paths refused (outside the uploads folder): 1" in output
    assert InlineImage.objects.count() == 0
    assert article_for(1).body_en == "<p>Text stays.</p>"


def test_a_file_that_is_not_an_image_is_refused_with_the_pipelines_reason(db, uploads, run_import, write_export):
    (uploads / "2022/10/notes.jpg").write_text("not a picture")
    content = '<img src="http://small.example/wp-content/uploads/2022/10/notes.jpg"><p>Text.</p>'
    output = run_import(write_export(post_xml(1, content=content)), "--uploads", str(uploads))
    assert "images refused: 1" in output
    assert "2022/10/notes.jpg: This file is not a JPEG, PNG, WebP or GIF image." in output


def test_images_from_other_sites_are_dropped_never_fetched(db, uploads, run_import, write_export):
    content = '<p>Before</p><img src="https://elsewhere.example/photo.jpg">'
    output = run_import(write_export(post_xml(1, content=content)), "--uploads", str(uploads))
    assert "images from other sites dropped: 1" in output
    assert not re.search("elsewhere", article_for(1).body_en)


def test_an_attachment_shown_in_two_posts_is_one_inline_image(db, uploads, run_import, write_export):
    image = '<img src="http://small.example/wp-content/uploads/2022/10/table.png">'
    run_import(write_export(post_xml(1, content=image) + post_xml(2, content=image)), "--uploads", str(uploads))
    assert InlineImage.objects.count() == 1
    assert ImportedObject.objects.filter(kind="upload").count() == 1
