"""
An article page's head, read back as a crawler reads it: the title pattern,
canonical address, description, Open Graph, Twitter card and the NewsArticle
and BreadcrumbList structured data, with and without a featured image, in
both languages.
"""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from articles.models import Correction
from tests.factories import jpeg_bytes, make_article, make_author, make_section, make_tag
from tests.metadata.parsing import parse_head

pytestmark = pytest.mark.django_db


def illustrated_article(**fields):
    values = {
        "image": ContentFile(jpeg_bytes(size=(1400, 900)), name="photo.jpg"),
        "image_alt_en": "Delegates shake hands",
        "image_alt_hy": "Պատվիրակները ձեռք են սեղմում",
        "summary_en": "Two capitals talk again after a year of silence.",
        "summary_hy": "Երկու մայրաքաղաքները կրկին խոսում են մեկ տարվա լռությունից հետո։",
    }
    return make_article(**(values | fields))


def head_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return parse_head(response.content)


def test_an_illustrated_article_announces_its_own_picture_and_every_article_property(client):
    section = make_section(description_en="Explainers.")
    authors = [make_author(), make_author(name="Gor Ohanjanyan")]
    tags = [make_tag(), make_tag(name="Water")]
    article = illustrated_article(section=section, authors=authors, tags=tags)
    url = f"http://testserver{article.get_absolute_url('en')}"
    card = article.renditions.social

    head = head_of(client, article.get_absolute_url("en"))

    assert head.title == f"{article.title_en} – Newsroom"
    assert head.canonical == url
    assert head.one("description") == "Two capitals talk again after a year of silence."
    assert head.one("og:type") == "article"
    assert head.one("og:title") == article.title_en
    assert head.one("og:description") == "Two capitals talk again after a year of silence."
    assert head.one("og:url") == url
    assert head.one("og:site_name") == "Newsroom"
    assert head.one("og:locale") == "en_US"
    assert head.all("og:locale:alternate") == ["hy_AM"]
    assert head.one("og:image") == f"http://testserver{card.url}"
    assert (head.one("og:image:width"), head.one("og:image:height")) == ("1200", "630")
    assert head.one("og:image:alt") == "Delegates shake hands"
    published = timezone.localtime(article.published_at).replace(microsecond=0)
    assert datetime.datetime.fromisoformat(head.one("article:published_time")) == published
    assert datetime.datetime.fromisoformat(head.one("article:modified_time")) >= published
    assert head.one("article:section") == section.name_en
    assert head.all("article:tag") == [tag.name_en for tag in tags]
    assert head.all("article:author") == [f"http://testserver{author.get_absolute_url('en')}" for author in authors]
    assert head.one("twitter:card") == "summary_large_image"


def test_an_illustrated_article_has_complete_news_article_structured_data(client):
    section = make_section()
    authors = [make_author(), make_author(name="Gor Ohanjanyan")]
    tags = [make_tag(), make_tag(name="Water")]
    article = illustrated_article(section=section, authors=authors, tags=tags)
    url = f"http://testserver{article.get_absolute_url('en')}"

    data = head_of(client, article.get_absolute_url("en")).structured("NewsArticle")

    assert data["@context"] == "https://schema.org"
    assert data["headline"] == article.title_en
    assert data["description"] == article.summary_en
    assert data["image"] == [
        f"http://testserver{article.renditions.largest.url}",
        f"http://testserver{article.renditions.social.url}",
    ]
    published = datetime.datetime.fromisoformat(data["datePublished"])
    assert published == article.published_at.replace(microsecond=0)
    assert published.tzinfo is not None
    assert datetime.datetime.fromisoformat(data["dateModified"]) >= published
    assert data["author"] == [
        {"@type": "Person", "name": author.name_en, "url": f"http://testserver{author.get_absolute_url('en')}"}
        for author in authors
    ]
    assert data["publisher"] == {
        "@type": "Organization",
        "name": "Newsroom",
        "url": "http://testserver/en/",
        "logo": {
            "@type": "ImageObject",
            "url": "http://testserver/static/metadata/publisher-logo.png",
            "width": 240,
            "height": 240,
        },
    }
    assert data["inLanguage"] == "en"
    assert data["mainEntityOfPage"] == {"@type": "WebPage", "@id": url}
    assert data["url"] == url
    assert data["articleSection"] == section.name_en
    assert data["keywords"] == [tag.name_en for tag in tags]


@pytest.mark.parametrize("language", ["en", "hy"])
def test_an_article_without_a_picture_shares_the_sites_card_as_a_small_card(client, language):
    article = make_article(summary_en="A short one.", summary_hy="Կարճ մեկը։")
    url = f"http://testserver{article.get_absolute_url(language)}"

    head = head_of(client, article.get_absolute_url(language))

    assert head.canonical == head.one("og:url") == url
    assert head.one("description") == getattr(article, f"summary_{language}")
    assert head.one("og:image") == "http://testserver/static/metadata/card.png"
    assert (head.one("og:image:width"), head.one("og:image:height")) == ("1200", "630")
    assert head.one("og:image:alt") == "Newsroom"
    assert head.one("twitter:card") == "summary"
    data = head.structured("NewsArticle")
    assert "image" not in data
    assert data["inLanguage"] == language and data["mainEntityOfPage"]["@id"] == url


def test_an_article_without_a_summary_has_no_empty_description(client):
    article = make_article()

    head = head_of(client, article.get_absolute_url("en"))

    assert "description" not in head.meta and "og:description" not in head.meta
    assert "description" not in head.structured("NewsArticle")


def test_the_armenian_page_speaks_armenian_and_names_english_as_the_alternate(client):
    section = make_section()
    author = make_author()
    tag = make_tag()
    article = illustrated_article(section=section, authors=[author], tags=[tag])
    url = f"http://testserver{article.get_absolute_url('hy')}"

    head = head_of(client, article.get_absolute_url("hy"))

    assert article.get_absolute_url("hy").startswith("/hy/")
    assert head.title == f"{article.title_hy} – Newsroom"
    assert head.canonical == url
    assert head.one("description") == article.summary_hy
    assert head.one("og:locale") == "hy_AM"
    assert head.all("og:locale:alternate") == ["en_US"]
    assert head.one("og:image:alt") == "Պատվիրակները ձեռք են սեղմում"
    assert head.one("article:section") == section.name_hy
    assert head.all("article:tag") == [tag.name_hy]
    data = head.structured("NewsArticle")
    assert data["inLanguage"] == "hy"
    assert data["headline"] == article.title_hy
    assert data["author"][0]["url"] == f"http://testserver{author.get_absolute_url('hy')}"
    assert data["publisher"]["url"] == "http://testserver/hy/"


def test_an_english_only_article_names_no_armenian_alternate(client):
    article = make_article(languages=("en",))

    head = head_of(client, article.get_absolute_url("en"))

    assert head.one("og:locale") == "en_US"
    assert "og:locale:alternate" not in head.meta


def test_tags_and_authors_without_an_address_in_the_language_are_left_out(client):
    english_only_tag = make_tag(name_hy="", slug_hy=None)
    unaddressed_author = make_author(name_hy="", slug_hy=None)
    article = make_article(tags=[english_only_tag], authors=[unaddressed_author])

    head = head_of(client, article.get_absolute_url("hy"))

    assert "article:tag" not in head.meta and "article:author" not in head.meta
    data = head.structured("NewsArticle")
    assert "keywords" not in data
    # Named as the byline names them (their English name), without a page to link.
    assert data["author"] == [{"@type": "Person", "name": unaddressed_author.name_en}]


def test_the_breadcrumbs_lead_from_home_through_the_section_to_the_article(client):
    article = make_article()

    trail = head_of(client, article.get_absolute_url("hy")).structured("BreadcrumbList")

    assert trail["@context"] == "https://schema.org"
    assert trail["itemListElement"] == [
        {"@type": "ListItem", "position": 1, "name": "Newsroom", "item": "http://testserver/hy/"},
        {
            "@type": "ListItem",
            "position": 2,
            "name": article.section.name_hy,
            "item": f"http://testserver{article.section.get_absolute_url('hy')}",
        },
        {
            "@type": "ListItem",
            "position": 3,
            "name": article.title_hy,
            "item": f"http://testserver{article.get_absolute_url('hy')}",
        },
    ]


def test_a_scheduled_then_published_article_was_never_modified_before_it_appeared(client):
    article = make_article()
    # Saved a day before its publication time, which has now come.
    type(article).objects.filter(pk=article.pk).update(updated_at=article.published_at - datetime.timedelta(days=1))

    data = head_of(client, article.get_absolute_url("en")).structured("NewsArticle")

    assert data["dateModified"] == data["datePublished"]


def test_the_canonical_address_drops_a_reply_link_and_tracking_parameters(client):
    article = make_article()

    head = head_of(client, article.get_absolute_url("en") + "?replytocom=5&utm_source=mail")

    assert head.canonical == f"http://testserver{article.get_absolute_url('en')}"


def test_addresses_follow_the_host_the_page_was_asked_on(client, settings):
    settings.ALLOWED_HOSTS = ["testserver", "news.example.org"]
    article = make_article()

    head = parse_head(client.get(article.get_absolute_url("en"), headers={"host": "news.example.org"}).content)
    first_host = parse_head(client.get(article.get_absolute_url("en")).content)

    assert head.canonical == f"http://news.example.org{article.get_absolute_url('en')}"
    assert head.structured("NewsArticle")["publisher"]["url"] == "http://news.example.org/en/"
    # The page cache keys pages on the host: the other host's page is its own.
    assert first_host.canonical == f"http://testserver{article.get_absolute_url('en')}"


def test_a_staff_preview_is_not_for_indexing(editor_client):
    draft = make_article(status="draft", summary_en="Not yet.")

    head = parse_head(editor_client.get(draft.get_preview_url("en")).content)

    assert head.all("robots") == ["noindex"]
    assert head.canonical is None
    assert "og:url" not in head.meta and head.json_ld == []
    assert head.title == f"{draft.title_en} – Newsroom"


def test_the_modified_date_follows_the_newest_correction_note(client):
    article = make_article()
    corrected = timezone.localtime(article.published_at + datetime.timedelta(days=2)).replace(microsecond=0)
    Correction.objects.create(
        article=article, created_at=corrected, text_en="A name was misspelt.", text_hy="Անունը սխալ էր գրված։"
    )

    head = head_of(client, article.get_absolute_url("en"))

    assert datetime.datetime.fromisoformat(head.structured("NewsArticle")["dateModified"]) == corrected
    assert datetime.datetime.fromisoformat(head.one("article:modified_time")) == corrected
