"""Readers get <picture> elements built from stored renditions; page views never open an image."""

import contextlib
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, InMemoryStorage
from django.utils import translation
from PIL import Image, ImageFile

from articles.models import Article
from tests.factories import jpeg_bytes, make_article, make_section

pytestmark = pytest.mark.django_db


def illustrated(**fields) -> Article:
    values = {
        "image": ContentFile(jpeg_bytes(size=(2000, 1200)), name="photo.jpg"),
        "image_alt_en": "Delegates shake hands",
        "image_alt_hy": "Պատվիրակները ձեռք են սեղմում",
        "image_caption_en": "The talks in Yerevan",
        "image_caption_hy": "Բանակցությունները Երևանում",
        "image_credit_en": "Anna Petrosyan",
        "image_credit_hy": "Աննա Պետրոսյան",
    }
    return make_article(**(values | fields))


def img_tags(html: str) -> list[str]:
    """The page's content images: those in <main> (the header holds the site's logo)."""
    return re.findall(r"<img\b[^>]*>", html.split("<main", 1)[-1])


def test_the_article_page_shows_an_image_with_webp_sources_and_a_jpeg_fallback(client):
    article = illustrated()

    html = client.get(article.get_absolute_url("en")).content.decode()

    figure = re.search(r'<figure class="article__image">.*?</figure>', html, re.S).group(0)
    source = re.search(r"<source [^>]*>", figure).group(0)
    assert 'type="image/webp"' in source
    assert all(f".{width}w.webp {width}w" in source for width in (480, 960, 1600))
    assert 'sizes="' in source
    [img] = img_tags(figure)
    assert all(f".{width}w.jpg {width}w" in img for width in (480, 960, 1600))
    assert 'width="1600" height="960"' in img
    assert 'alt="Delegates shake hands"' in img
    assert 'sizes="' in img


def test_the_featured_image_is_fetched_first_and_not_lazily(client):
    article = illustrated()

    html = client.get(article.get_absolute_url("en")).content.decode()

    featured = img_tags(re.search(r'<figure class="article__image">.*?</figure>', html, re.S).group(0))[0]
    assert 'loading="eager"' in featured and 'fetchpriority="high"' in featured


def test_caption_and_credit_appear_under_the_image_in_the_pages_language(client):
    article = illustrated()

    english = client.get(article.get_absolute_url("en")).content.decode()
    armenian = client.get(article.get_absolute_url("hy")).content.decode()

    assert re.search(r"<figcaption>The talks in Yerevan <span class=\"credit\">[^<]*Anna Petrosyan</span>", english)
    assert "Բանակցությունները Երևանում" in armenian and "Աննա Պետրոսյան" in armenian
    assert 'alt="Պատվիրակները ձեռք են սեղմում"' in armenian


def test_the_original_upload_is_never_linked_from_a_page(client):
    article = illustrated()

    response = client.get(article.get_absolute_url("en"))

    html = response.content.decode()
    assert response.status_code == 200
    assert '<figure class="article__image">' in html and "<picture>" in html  # the image itself is there
    assert article.image.url not in html


def test_the_social_card_is_announced_for_sharing(client):
    article = illustrated()

    html = client.get(article.get_absolute_url("en")).content.decode()

    assert re.search(r'<meta property="og:image" content="http://testserver/media/[^"]+\.social\.jpg">', html)
    assert '<meta property="og:image:width" content="1200">' in html


def test_on_the_home_page_only_the_lead_image_loads_eagerly(client):
    section = make_section()
    illustrated(section=section)
    illustrated(section=section)
    illustrated(section=section)

    html = client.get("/en/").content.decode()

    tags = img_tags(html)
    assert len(tags) == 3
    assert 'loading="eager"' in tags[0] and 'fetchpriority="high"' in tags[0]
    assert all('loading="lazy"' in tag and "fetchpriority" not in tag for tag in tags[1:])


def test_every_image_on_a_page_has_width_height_and_alt(client):
    section = make_section()
    for _ in range(3):
        illustrated(section=section)

    for url in ("/en/", section.get_absolute_url("en")):
        response = client.get(url)
        assert response.status_code == 200, url
        tags = img_tags(response.content.decode())
        assert len(tags) == 3, url
        for tag in tags:
            assert re.search(r'width="\d+" height="\d+"', tag), tag
            assert 'alt="' in tag and "srcset=" in tag, tag


def test_an_article_without_an_image_shows_none(client):
    article = make_article()

    response = client.get(article.get_absolute_url("en"))

    html = response.content.decode()
    assert response.status_code == 200
    assert f"<h1>{article.title_en}</h1>" in html
    assert "<picture>" not in html and '<figure class="article__image">' not in html


@contextlib.contextmanager
def no_image_files():
    """Any attempt to open an image or a stored file fails loudly (a guard, not a stand-in)."""

    def refuse(*args, **kwargs):
        raise AssertionError("a page view opened an image file")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Image, "open", refuse)
        patch.setattr(ImageFile.Parser, "feed", refuse)
        patch.setattr(FileSystemStorage, "_open", refuse)
        patch.setattr(InMemoryStorage, "_open", refuse)
        yield


def test_page_views_open_no_image_file(client):
    section = make_section()
    articles = [illustrated(section=section) for _ in range(3)]
    lead = articles[-1]
    urls = ["/en/", "/hy/", section.get_absolute_url("en"), lead.get_absolute_url("en"), lead.get_absolute_url("hy")]

    with no_image_files():
        responses = {url: client.get(url) for url in urls}

    for url, response in responses.items():
        assert response.status_code == 200, url
        assert "<picture>" in response.content.decode(), url


def test_a_published_article_with_an_image_needs_alt_text_in_each_of_its_languages():
    article = illustrated(image_alt_hy="")

    with pytest.raises(ValidationError) as refused:
        article.full_clean()

    with translation.override("en"):
        assert list(refused.value.message_dict) == ["image_alt_hy"]
        assert "Armenian" in refused.value.message_dict["image_alt_hy"][0]


def test_alt_text_is_not_needed_in_a_language_the_article_is_not_written_in():
    article = illustrated(languages=("en",), image_alt_hy="")

    article.full_clean()


def test_a_draft_may_wait_for_its_alt_text():
    article = illustrated(status=Article.Status.DRAFT, image_alt_en="", image_alt_hy="")

    article.full_clean()
