"""What each article item carries: text, full body with absolute addresses, people, categories, image, dates, language."""

import datetime
import re
from xml.etree import ElementTree

import pytest
from django.core.files.base import ContentFile

from articles.models import Article, Correction, InlineImage
from tests.factories import jpeg_bytes, make_article, make_author, make_section, make_tag

from .conftest import FORMATS, feed_address, parse

pytestmark = pytest.mark.django_db


def only_entry(client, address, format="rss", **headers):
    parsed = parse(client.get(feed_address(address, format), **headers))
    assert len(parsed.entries) == 1
    return parsed.entries[0]


def full_text(entry) -> str:
    """The body as feedparser reads it: RSS content:encoded and Atom content both arrive as ``content``."""
    [content] = entry.content
    return content.value


def raw_full_text(response, format) -> str:
    """
    The one item's body exactly as the feed sends it: feedparser's own
    sanitiser drops srcset and <source>, whose addresses must be checked too.
    """
    path = {"rss": "channel/item/{http://purl.org/rss/1.0/modules/content/}encoded", "atom": "{*}entry/{*}content"}
    [element] = ElementTree.fromstring(response.content).findall(path[format])
    return element.text


def illustrated(**fields) -> Article:
    values = {
        "image": ContentFile(jpeg_bytes(size=(2000, 1200)), name="photo.jpg"),
        "image_alt_en": "Delegates shake hands",
        "image_alt_hy": "Պատվիրակները ձեռք են սեղմում",
    }
    return make_article(**(values | fields))


@pytest.mark.parametrize("format", FORMATS)
def test_an_item_has_the_title_and_the_summary_as_its_description(client, format):
    make_article(title="Tom & Jerry <em>meet</em>", summary_en="Rates rise < 2% & fall.")

    entry = only_entry(client, "/en/feed/", format)

    assert entry.title.startswith("Tom & Jerry <em>meet</em>")
    # The summary is plain text, so its description is that text as HTML.
    assert entry.summary == "Rates rise &lt; 2% &amp; fall."


@pytest.mark.parametrize("format", FORMATS)
def test_the_full_body_has_every_address_made_absolute(client, format):
    inline_image = InlineImage.objects.create(image=ContentFile(jpeg_bytes(size=(1200, 800)), name="map.jpg"))
    body = (
        '<p>Read <a href="/en/elsewhere/">the earlier piece</a>, <a href="#notes">the notes</a> and '
        '<a href="https://example.org/report">the report</a>. Writing src="/x" in text changes nothing.</p>'
        f'<figure><img src="/media/whatever.jpg" data-file="{inline_image.pk}" alt="Map"></figure>'
    )
    article = make_article(body_en=body)
    page = f"http://testserver{article.get_absolute_url('en')}"

    content = raw_full_text(client.get(feed_address("/en/feed/", format)), format)

    assert 'href="http://testserver/en/elsewhere/"' in content
    assert f'href="{page}#notes"' in content
    assert 'href="https://example.org/report"' in content
    assert 'Writing src="/x" in text' in content
    tags = re.findall(r"<(?:a|img|source) [^>]*>", content)
    addresses = [url for tag in tags for url in re.findall(r' (?:src|href)="([^"]*)"', tag)]
    for srcset in re.findall(r'srcset="([^"]*)"', content):
        addresses += [candidate.split()[0] for candidate in srcset.split(",")]
    assert len(addresses) == 3 + 1 + 3 + 3  # links, the img's src, its JPEG srcset and the WebP source's
    assert all(address.startswith(("http://testserver/", "https://example.org/")) for address in addresses)
    images = [address for address in addresses if "/media/" in address]
    assert len(images) == 7 and all(address.startswith("http://testserver/media/inline/") for address in images)
    assert full_text(only_entry(client, "/en/feed/", format))  # and a feed reader finds the body


def test_addresses_follow_the_host_and_scheme_the_feed_was_asked_for(client, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "news.example.org"]
    article = illustrated(body_en='<p><a href="/en/elsewhere/">a link</a></p>')

    entry = only_entry(client, "/en/feed/", "atom", HTTP_HOST="news.example.org", secure=True)

    assert entry.link == f"https://news.example.org{article.get_absolute_url('en')}"
    assert 'href="https://news.example.org/en/elsewhere/"' in full_text(entry)
    assert entry.enclosures[0].href.startswith("https://news.example.org/media/")


@pytest.mark.parametrize("format", FORMATS)
def test_full_text_can_be_turned_off_leaving_the_summary(client, settings, format):
    settings.FEEDS_FULL_TEXT = False
    make_article(summary_en="Two capitals talk again.", body_en="<p>The whole story, which stays on the site.</p>")

    response = client.get(feed_address("/en/feed/", format))
    entry = only_entry(client, "/en/feed/", format)

    assert "content" not in entry
    assert entry.summary == "Two capitals talk again."
    assert b"The whole story" not in response.content


def test_without_a_summary_the_description_is_the_bodys_beginning(client, settings):
    settings.FEEDS_FULL_TEXT = False
    words = " ".join(f"word{n}" for n in range(80))
    make_article(summary_en="", body_en=f'<p><a href="/en/x/">Opening</a> {words}</p>')

    entry = only_entry(client, "/en/feed/")

    assert entry.summary.startswith('<p><a href="http://testserver/en/x/"')
    assert "word40" in entry.summary and "word60" not in entry.summary


@pytest.mark.parametrize("format", FORMATS)
def test_every_author_of_the_byline_is_named_in_order(client, format):
    first, second = make_author(name="Anna Petrosyan"), make_author(name="Gor Ohanjanyan")
    make_article(authors=[first, second])

    entry = only_entry(client, "/hy/feed/", format)

    assert [author.name for author in entry.authors] == [first.name_hy, second.name_hy]
    if format == "atom":
        assert [author.href for author in entry.authors] == [
            f"http://testserver{first.get_absolute_url('hy')}",
            f"http://testserver{second.get_absolute_url('hy')}",
        ]


@pytest.mark.parametrize("format", FORMATS)
def test_the_section_and_the_tags_in_the_feeds_language_are_categories(client, format):
    section = make_section()
    named_in_both, english_only = make_tag(), make_tag(name_hy="", slug_hy=None)
    make_article(section=section, tags=[named_in_both, english_only])

    english = only_entry(client, "/en/feed/", format)
    armenian = only_entry(client, "/hy/feed/", format)

    assert [tag.term for tag in english.tags] == [section.name_en, named_in_both.name_en, english_only.name_en]
    assert [tag.term for tag in armenian.tags] == [section.name_hy, named_in_both.name_hy]


@pytest.mark.parametrize("format", FORMATS)
def test_the_featured_image_is_an_enclosure_with_its_real_length_and_type(client, format):
    article = illustrated()
    largest = max(
        (r for r in article.image_renditions if r["purpose"] == "srcset" and r["format"] == "jpeg"),
        key=lambda r: r["width"],
    )

    [enclosure] = only_entry(client, "/en/feed/", format).enclosures

    assert enclosure.href == f"http://testserver{article.image.storage.url(largest['name'])}"
    assert enclosure.type == "image/jpeg"
    assert int(enclosure.length) == article.image.storage.size(largest["name"]) > 0


@pytest.mark.usefixtures("uncached")
def test_the_enclosure_length_is_read_from_the_row_not_the_file(client):
    article = illustrated()
    [enclosure_before] = only_entry(client, "/en/feed/").enclosures
    for rendition in article.image_renditions:
        article.image.storage.delete(rendition["name"])

    [enclosure] = only_entry(client, "/en/feed/").enclosures

    assert enclosure.length == enclosure_before.length


def test_renditions_stored_before_sizes_were_recorded_get_their_length_from_the_storage(client):
    article = illustrated()
    without_sizes = [{k: v for k, v in r.items() if k != "size"} for r in article.image_renditions]
    Article.objects.filter(pk=article.pk).update(image_renditions=without_sizes)
    largest = max(
        (r for r in without_sizes if r["format"] == "jpeg" and r["purpose"] == "srcset"), key=lambda r: r["width"]
    )

    [enclosure] = only_entry(client, "/en/feed/").enclosures

    assert int(enclosure.length) == article.image.storage.size(largest["name"])


def test_an_article_without_an_image_has_no_enclosure(client):
    make_article()

    assert only_entry(client, "/en/feed/").enclosures == []


def test_published_and_updated_dates(client):
    published = datetime.datetime(2022, 10, 5, 9, 30, tzinfo=datetime.UTC)
    article = make_article(published_at=published)

    rss = only_entry(client, "/en/feed/", "rss")
    atom = only_entry(client, "/en/feed/", "atom")

    assert rss.published_parsed[:6] == atom.published_parsed[:6] == (2022, 10, 5, 9, 30, 0)
    # An edit without a correction note is not news to readers.
    assert atom.updated_parsed[:6] == (2022, 10, 5, 9, 30, 0)

    corrected = datetime.datetime(2022, 10, 7, 12, 0, tzinfo=datetime.UTC)
    Correction.objects.create(
        article=article, created_at=corrected, text_en="The date was wrong.", text_hy="Ամսաթիվը սխալ էր։"
    )
    atom = only_entry(client, "/en/feed/", "atom")

    assert atom.updated_parsed[:6] == (2022, 10, 7, 12, 0, 0)


def test_a_scheduled_article_is_updated_no_earlier_than_it_appeared(client):
    # Written two days ago, scheduled, and public since a minute ago.
    article = make_article()
    now = datetime.datetime.now(datetime.UTC)
    Article.objects.filter(pk=article.pk).update(
        published_at=now - datetime.timedelta(minutes=1), updated_at=now - datetime.timedelta(days=2)
    )

    atom = only_entry(client, "/en/feed/", "atom")

    assert atom.updated_parsed == atom.published_parsed


@pytest.mark.parametrize("format", FORMATS)
@pytest.mark.parametrize("language", ["en", "hy"])
def test_the_feed_is_in_its_language_and_links_its_page_and_itself(client, format, language):
    make_article()
    address = feed_address(f"/{language}/feed/", format)

    feed = parse(client.get(address)).feed

    assert feed.language == language
    assert feed.link == f"http://testserver/{language}/"
    [self_link] = [link for link in feed.links if link.rel == "self"]
    assert self_link.href == f"http://testserver{address}"


def test_an_items_id_stays_when_its_slug_changes(client):
    article = make_article()
    before = only_entry(client, "/en/feed/", "atom")

    article.slug_en = "a-better-address"
    article.save()
    after = only_entry(client, "/en/feed/", "atom")

    assert after.link != before.link
    assert after.id == before.id
    assert only_entry(client, "/hy/feed/", "atom").id != before.id  # the translation is an item of its own


@pytest.mark.parametrize("format", FORMATS)
def test_control_characters_pasted_into_an_article_leave_the_feed_valid(client, format):
    section = make_section(name_en="News\x0bExplained")
    make_article(
        section=section,
        title="Talks\x0bresume",
        summary_en="Both\x0csides\x01agree.",
        body_en="<p>Line\x0bbreak</p>",
        tags=[make_tag(name_en="Tag\x1f")],
    )

    entry = only_entry(client, "/en/feed/", format)

    assert entry.title.startswith("Talksresume")
    assert entry.summary == "Bothsidesagree."
    assert "Linebreak" in full_text(entry)
    assert entry.tags[0].term == "NewsExplained"
    section_feed = parse(client.get(feed_address(f"/en/{section.slug_en}/feed/", format)))
    assert section_feed.feed.title == "Newsroom: NewsExplained"


def test_armenian_script_addresses_are_absolute_and_percent_encoded(client):
    article = make_article(slug_hy="երկխոսություն", body_hy='<p><a href="#ծանոթագրություն">Ծանոթագրություն</a></p>')
    page = f"http://testserver{article.get_absolute_url('hy')}"
    assert "%D5" in page  # the address names the Armenian slug, percent-encoded

    entry = only_entry(client, "/hy/feed/", "atom")

    assert entry.link == page
    assert full_text(entry).startswith(f'<p><a href="{page}#')
