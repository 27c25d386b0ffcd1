"""Each image is processed once, when it is saved: upright, stripped, in several sizes and formats."""

import io
import posixpath

import pytest
from django.core.files.base import ContentFile
from PIL import Image, PngImagePlugin

from articles.models import Article
from images.encoding import RENDITION_WIDTHS
from tests.factories import GPS_IFD, image_bytes, jpeg_bytes, make_article, png_bytes, srgb_profile

pytestmark = pytest.mark.django_db


def article_with(content: bytes, name="photo.jpg", **fields):
    """An article with ``content`` as its image; the tests below read back every file it stored."""
    article = make_article(image=ContentFile(content, name=name), **fields)
    assert len(article.stored_files()) > 1, "the master and its renditions should all be stored"
    return article


def open_stored(article, name) -> Image.Image:
    with article.image.storage.open(name) as stored:
        image = Image.open(io.BytesIO(stored.read()))
        image.load()
    return image


def read_stored(article, name) -> bytes:
    with article.image.storage.open(name) as stored:
        return stored.read()


def renditions_of(article, purpose="srcset", format=None) -> list[dict]:
    return [
        rendition
        for rendition in article.image_renditions
        if rendition["purpose"] == purpose and (format is None or rendition["format"] == format)
    ]


def test_a_large_jpeg_gets_webp_and_jpeg_renditions_at_each_width():
    article = article_with(jpeg_bytes(size=(2000, 1200)))

    for format in ("webp", "jpeg"):
        stored = renditions_of(article, format=format)
        assert [(r["width"], r["height"]) for r in stored] == [(480, 288), (960, 576), (1600, 960)]
        for rendition in stored:
            image = open_stored(article, rendition["name"])
            assert image.format == format.upper()
            assert image.size == (rendition["width"], rendition["height"])


def test_rendition_metadata_is_stored_on_the_row():
    article = article_with(jpeg_bytes(size=(2000, 1200)))

    stored = type(article).objects.values_list("image_renditions", flat=True).get(pk=article.pk)

    assert len(stored) == 2 * len(RENDITION_WIDTHS) + 1
    assert set(stored[0]) == {"name", "width", "height", "format", "purpose", "size"}
    assert all(article.image.storage.exists(rendition["name"]) for rendition in stored)
    assert all(article.image.storage.size(rendition["name"]) == rendition["size"] for rendition in stored)


def test_the_social_card_is_cropped_to_1200_by_630():
    article = article_with(jpeg_bytes(size=(2000, 2000)))

    [card] = renditions_of(article, purpose="social")

    assert (card["width"], card["height"], card["format"]) == (1200, 630, "jpeg")
    assert open_stored(article, card["name"]).size == (1200, 630)


def test_a_small_image_is_never_upscaled():
    article = article_with(jpeg_bytes(size=(700, 400)))

    widths = [r["width"] for r in renditions_of(article, format="webp")]
    [card] = renditions_of(article, purpose="social")

    assert widths == [480, 700]
    assert card["width"] <= 700 and card["height"] <= 400
    assert round(card["width"] / card["height"], 2) == round(1200 / 630, 2)


def test_a_tiny_image_gets_one_rendition_at_its_own_size():
    article = article_with(jpeg_bytes(size=(300, 200)))

    assert [(r["width"], r["height"]) for r in renditions_of(article, format="jpeg")] == [(300, 200)]
    assert (article.image_width, article.image_height) == (300, 200)


def test_a_transparent_png_falls_back_to_png_and_keeps_its_transparency():
    article = article_with(png_bytes(size=(800, 600), transparent=True), name="logo.png")

    fallbacks = renditions_of(article, format="png")
    assert [r["width"] for r in fallbacks] == [480, 800]
    assert not renditions_of(article, format="jpeg")
    for rendition in fallbacks + renditions_of(article, format="webp"):
        image = open_stored(article, rendition["name"])
        assert image.mode == "RGBA"
        assert image.getpixel((5, 5))[3] == 128


def test_an_opaque_png_falls_back_to_jpeg():
    article = article_with(png_bytes(size=(800, 600)), name="chart.png")

    assert [r["width"] for r in renditions_of(article, format="jpeg")] == [480, 800]
    assert article.image.name.endswith(".png")


def test_a_gif_is_stored_as_a_png_still_with_renditions():
    article = article_with(image_bytes("GIF", size=(640, 480)), name="animation.gif")

    assert article.image.name.endswith(".png")
    assert [r["width"] for r in renditions_of(article, format="webp")] == [480, 640]


def test_a_new_upload_of_the_same_name_gets_new_urls():
    first = article_with(jpeg_bytes(size=(600, 400)), name="photo.jpg")
    second = article_with(jpeg_bytes(size=(600, 400)), name="photo.jpg")

    assert not set(first.stored_files()) & set(second.stored_files())
    assert posixpath.basename(first.image.name).startswith("photo-")


def test_files_are_named_after_the_format_pillow_found_not_the_upload_name():
    article = article_with(png_bytes(), name="looks-like-a.jpg")

    assert article.image.name.endswith(".png")
    assert open_stored(article, article.image.name).format == "PNG"


def test_no_served_file_keeps_exif_or_gps_data():
    original = jpeg_bytes(size=(2000, 1200))
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(GPS_IFD)

    article = article_with(original)

    for name in article.stored_files():
        image = open_stored(article, name)
        raw = read_stored(article, name)
        assert not image.getexif(), name
        assert "exif" not in image.info and "xmp" not in image.info, name
        assert b"NewsCam" not in raw and b"Exif\x00\x00" not in raw, name


def test_the_raw_upload_is_not_kept_in_storage():
    article = article_with(jpeg_bytes())

    folder = posixpath.dirname(article.image.name)
    _directories, files = article.image.storage.listdir(folder)

    assert {posixpath.join(folder, name) for name in files} == set(article.stored_files())


def test_the_colour_profile_is_kept_in_every_served_file():
    article = article_with(jpeg_bytes(icc=True))

    for name in article.stored_files():
        assert open_stored(article, name).info.get("icc_profile") == srgb_profile(), name


def test_exif_orientation_is_applied_so_a_portrait_photo_stands_upright():
    # Orientation 6: the camera was turned; the stored pixels are landscape.
    article = article_with(jpeg_bytes(size=(2000, 1200), orientation=6))

    assert (article.image_width, article.image_height) == (1200, 2000)
    assert open_stored(article, article.image.name).size == (1200, 2000)
    assert [(r["width"], r["height"]) for r in renditions_of(article, format="jpeg")] == [
        (480, 800),
        (960, 1600),
        (1200, 2000),
    ]


def test_orientation_turns_the_pixels_not_only_the_dimensions():
    buffer = io.BytesIO()
    landscape = Image.new("RGB", (400, 200), "blue")
    landscape.paste((255, 0, 0), (0, 0, 200, 200))  # left half red
    exif = Image.Exif()
    exif[0x0112] = 6  # display turned 90° clockwise: the left half ends up on top
    landscape.save(buffer, "JPEG", exif=exif, quality=95)

    article = article_with(buffer.getvalue())
    upright = open_stored(article, article.image.name)

    assert upright.size == (200, 400)
    red, green, blue = upright.getpixel((100, 50))
    assert red > 200 and blue < 60


def test_renditions_are_written_through_the_configured_storage_backend(settings, tmp_path):
    # Any Django storage works by configuration: here one that keeps files in memory.
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"}}

    article = article_with(jpeg_bytes(size=(1000, 600)))

    assert type(article.image.storage._wrapped).__name__ == "InMemoryStorage"
    assert all(article.image.storage.exists(name) for name in article.stored_files())
    assert not (tmp_path / "media").exists()


def test_a_file_saved_straight_to_the_field_is_processed_too():
    article = make_article()

    article.image.save("straight.jpg", ContentFile(jpeg_bytes(size=(1000, 600))))
    article.refresh_from_db()

    assert article.image_renditions
    assert not open_stored(article, article.image.name).getexif()
    assert "straight.jpg" not in article.image.storage.listdir(posixpath.dirname(article.image.name))[1]


def test_a_new_article_given_a_file_before_its_first_save_is_processed():
    existing = make_article()
    article = Article(section=existing.section, title_en="Fresh", slug_en="fresh", body_en="<p>x</p>")

    article.image.save("fresh.jpg", ContentFile(jpeg_bytes(size=(1000, 600))), save=False)
    article.save()

    assert Article.objects.get(pk=article.pk).image_renditions


def test_a_cmyk_jpeg_from_a_print_desk_gets_rgb_renditions():
    buffer = io.BytesIO()
    Image.new("CMYK", (800, 500), (0, 255, 255, 0)).save(buffer, "JPEG")

    article = article_with(buffer.getvalue(), name="print.jpg")

    for name in article.stored_files():
        image = open_stored(article, name)
        assert image.mode in ("RGB", "RGBA"), name
        red, green, blue = image.convert("RGB").getpixel((10, 10))
        assert red > 200 and green < 60 and blue < 60, name


def test_comments_and_text_chunks_are_not_served():
    jpeg = io.BytesIO()
    Image.new("RGB", (600, 400), "teal").save(jpeg, "JPEG", comment=b"Shot at 40.18N 44.51E by a source")
    png = io.BytesIO()
    text = PngImagePlugin.PngInfo()
    text.add_text("Comment", "Shot at 40.18N 44.51E by a source")
    text.add_itxt("XML:com.adobe.xmp", "<x:xmpmeta>Shot at 40.18N</x:xmpmeta>")
    Image.new("RGB", (600, 400), "teal").save(png, "PNG", pnginfo=text)

    for content, name in [(jpeg.getvalue(), "a.jpg"), (png.getvalue(), "b.png")]:
        article = article_with(content, name=name)
        for stored in article.stored_files():
            assert b"Shot at" not in read_stored(article, stored), stored
