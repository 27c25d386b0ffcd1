"""Editors upload images in the admin: featured images and images for the article body."""

import io
import re

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from PIL import Image

from articles.models import Article, InlineImage
from tests.factories import admin_article_form, jpeg_bytes, make_article, make_author, make_section, upload

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/articles/article/add/"
PICKER_URL = "/admin/articles/inlineimage/picker/"


def with_image(**overrides) -> dict:
    image = {
        "image": upload(jpeg_bytes(size=(2400, 1600), orientation=6), "IMG_0042.JPG"),
        "image_alt_en": "Delegates shake hands",
        "image_alt_hy": "Պատվիրակները ձեռք են սեղմում",
    }
    return admin_article_form(make_section(), make_author(), **(image | overrides))


def test_an_editor_uploads_a_featured_image_and_readers_get_stripped_renditions(editor_client):
    response = editor_client.post(ADD_URL, with_image())

    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    article = Article.objects.get()
    assert (article.image_width, article.image_height) == (1600, 2400)
    assert len(article.image_renditions) == 7
    for name in [article.image.name, *(r["name"] for r in article.image_renditions)]:
        with article.image.storage.open(name) as stored:
            assert not Image.open(io.BytesIO(stored.read())).getexif(), name


def test_an_svg_upload_is_a_clear_form_error_on_the_image(editor_client):
    svg_text = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    svg = upload(svg_text, "logo.svg", "image/svg+xml")

    response = editor_client.post(ADD_URL, with_image(image=svg))

    errors = response.context["adminform"].form.errors
    assert response.status_code == 200
    assert list(errors) == ["image"]
    assert "SVG" in errors["image"][0]
    assert Article.objects.count() == 0


def test_publishing_with_an_image_but_no_armenian_alt_text_is_refused_naming_the_field(editor_client):
    response = editor_client.post(ADD_URL, with_image(image_alt_hy=""))

    errors = response.context["adminform"].form.errors
    assert response.status_code == 200
    assert list(errors) == ["image_alt_hy"]
    assert "Armenian" in errors["image_alt_hy"][0]


def test_the_article_list_shows_a_small_thumbnail(editor_client):
    article = make_article(image=ContentFile(jpeg_bytes(size=(2000, 1200)), name="photo.jpg"))

    page = editor_client.get("/admin/articles/article/").content.decode()

    assert re.search(r'<img src="/media/[^"]+\.480w\.webp" width="80" height="48"', page)
    assert article.image.url not in page


def test_the_title_still_opens_the_article_from_the_list(editor_client):
    article = make_article(image=ContentFile(jpeg_bytes(size=(800, 500)), name="photo.jpg"))

    page = editor_client.get("/admin/articles/article/").content.decode()

    assert re.search(rf'<a href="/admin/articles/article/{article.pk}/change/[^"]*">{article.title_en}</a>', page)


def test_the_change_form_shows_the_current_image(editor_client):
    article = make_article(image=ContentFile(jpeg_bytes(size=(2000, 1200)), name="photo.jpg"))

    page = editor_client.get(f"/admin/articles/article/{article.pk}/change/").content.decode()

    assert re.search(r'<img src="/media/[^"]+\.960w\.webp" width="320" height="192"', page)
    assert "2000 × 1200" in page


def test_the_body_editor_offers_the_image_picker(editor_client):
    page = editor_client.get(ADD_URL).content.decode()

    assert "/admin/articles/inlineimage/picker/" in page


def test_editors_may_manage_inline_images():
    codenames = set(Group.objects.get(name="Editors").permissions.values_list("codename", flat=True))

    assert {"add_inlineimage", "change_inlineimage", "delete_inlineimage", "view_inlineimage"} <= codenames


def test_an_editor_uploads_a_body_image_from_the_picker_and_it_is_handed_back(editor_client):
    response = editor_client.post(
        f"{PICKER_URL}?CKEditorFuncNum=3",
        {"image": upload(jpeg_bytes(size=(1200, 800)), "map.jpg"), "alt_text": "Map of the border"},
    )

    inline_image = InlineImage.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{PICKER_URL}?CKEditorFuncNum=3&chosen={inline_image.pk}"
    assert [r["width"] for r in inline_image.image_renditions if r["format"] == "webp"] == [480, 960, 1200]
    page = editor_client.get(response["Location"]).content.decode()
    assert 'data-callback="3"' in page and f'data-chosen="{inline_image.pk}"' in page
    assert f'data-id="{inline_image.pk}"' in page and 'data-alt="Map of the border"' in page


def test_the_picker_refuses_a_non_image_with_a_form_error(editor_client):
    response = editor_client.post(PICKER_URL, {"image": upload(b"plain text", "map.jpg"), "alt_text": ""})

    assert response.status_code == 200
    assert "not a JPEG, PNG, WebP or GIF" in response.content.decode()
    assert InlineImage.objects.count() == 0


def test_the_picker_is_for_staff_only(client):
    response = client.get(PICKER_URL)

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def body_with(inline_image: InlineImage, alt="Map of the border") -> str:
    figure = (
        f'<img src="/media/whatever.jpg" data-file="{inline_image.pk}" alt="{alt}"><figcaption>The border</figcaption>'
    )
    return f"<p>Before.</p><figure>{figure}</figure>"


def test_a_body_image_becomes_a_responsive_picture_when_the_article_is_saved(client):
    inline_image = InlineImage.objects.create(image=ContentFile(jpeg_bytes(size=(1200, 800)), name="map.jpg"))

    article = make_article(body_en=body_with(inline_image))
    html = client.get(article.get_absolute_url("en")).content.decode()

    body = re.search(r'<div class="article__body">(.*?)</div>', html, re.S).group(1)
    assert re.search(r'<picture><source type="image/webp" srcset="[^"]*\.480w\.webp 480w, [^"]*\.960w\.webp 960w', body)
    img = re.search(r"<img [^>]*>", body).group(0)
    assert 'width="1200" height="800"' in img and 'loading="lazy"' in img and 'alt="Map of the border"' in img
    assert "/media/whatever.jpg" not in body
    assert "<figcaption>The border</figcaption>" in body


def test_saving_an_expanded_body_again_changes_nothing():
    inline_image = InlineImage.objects.create(image=ContentFile(jpeg_bytes(size=(1200, 800)), name="map.jpg"))
    article = make_article(body_en=body_with(inline_image, alt='A "quoted" <map>'))
    first = article.body_en

    article.save()

    assert article.body_en == first
    assert first.count("<picture>") == 1 and first.count("<source ") == 1


def test_a_body_cannot_smuggle_its_own_picture_sources():
    article = make_article(
        body_en='<picture><source srcset="javascript:alert(1) 1x"><source srcset="https://tracker.example/p.webp 1x">'
        '<img src="https://example.org/a.jpg" onerror="alert(1)" alt=""></picture>'
    )

    assert "<source" not in article.body_en and "onerror" not in article.body_en
    assert '<img src="https://example.org/a.jpg" alt="">' in article.body_en


def test_an_image_shown_in_an_article_body_cannot_be_deleted(editor_client):
    inline_image = InlineImage.objects.create(image=ContentFile(jpeg_bytes(size=(600, 400)), name="map.jpg"))
    unused = InlineImage.objects.create(image=ContentFile(jpeg_bytes(size=(600, 400)), name="spare.jpg"))
    article = make_article(body_hy=body_with(inline_image))

    change_page = editor_client.get(f"/admin/articles/inlineimage/{inline_image.pk}/change/").content.decode()
    refused = editor_client.post(f"/admin/articles/inlineimage/{inline_image.pk}/delete/", {"post": "yes"})
    allowed = editor_client.post(f"/admin/articles/inlineimage/{unused.pk}/delete/", {"post": "yes"})

    assert f'href="/admin/articles/article/{article.pk}/change/"' in change_page
    assert refused.status_code == 403
    assert allowed.status_code == 302
    assert list(InlineImage.objects.all()) == [inline_image]
