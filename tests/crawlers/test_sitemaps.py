"""
/sitemap.xml and its sitemaps: every public page in every language it exists
in, with its alternates and x-default, and nothing else.
"""

import datetime

import pytest
from django.utils import timezone

from articles.models import Article
from tests.crawlers.sitemap_reading import NS, SITEMAP, XHTML, listed, parse, path_of
from tests.factories import make_article, make_author, make_section, make_tag

pytestmark = pytest.mark.django_db

ORIGIN = "https://news.example.org"


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = ORIGIN + "/"


def url(path: str) -> str:
    return ORIGIN + path


def sitemap(client, section: str, page: int | None = None) -> dict:
    query = f"?p={page}" if page else ""
    return listed(parse(client.get(f"/sitemap-{section}.xml{query}")))


def test_index_names_each_sitemap_in_the_sitemaps_namespace(client, article):
    root = parse(client.get("/sitemap.xml"))

    assert root.tag == f"{{{SITEMAP}}}sitemapindex"
    locations = [loc.text for loc in root.findall("s:sitemap/s:loc", NS)]
    assert locations == [url(f"/sitemap-{name}.xml") for name in ("home", "sections", "tags", "authors", "articles")]


def test_every_sitemap_is_a_urlset_with_the_xhtml_namespace_for_alternates(client, article):
    for section in ("home", "sections", "tags", "authors", "articles"):
        root = parse(client.get(f"/sitemap-{section}.xml"))

        assert root.tag == f"{{{SITEMAP}}}urlset"
        assert root.nsmap.get("xhtml") == XHTML
        assert root.findall("s:url/xhtml:link", NS)


def test_article_in_both_languages_is_listed_in_each_with_both_alternates_and_x_default(client):
    article = make_article(languages=("en", "hy"))
    english, armenian = url(article.get_absolute_url("en")), url(article.get_absolute_url("hy"))
    alternates = {"en": english, "hy": armenian, "x-default": english}

    assert sitemap(client, "articles") == {english: alternates, armenian: alternates}


def test_article_in_one_language_is_listed_once_with_itself_as_x_default(client):
    article = make_article(languages=("hy",))
    armenian = url(article.get_absolute_url("hy"))

    assert sitemap(client, "articles") == {armenian: {"hy": armenian, "x-default": armenian}}


def test_drafts_scheduled_articles_and_missing_translations_are_never_listed(client):
    public = make_article(languages=("en",))
    make_article(status=Article.Status.DRAFT)
    make_article(published_at=timezone.now() + datetime.timedelta(hours=2))
    # Written in Armenian but its section has no Armenian address: no Armenian page.
    make_article(languages=("hy",), section=make_section(languages=("en",)))

    assert set(sitemap(client, "articles")) == {url(public.get_absolute_url("en"))}


def test_home_pages_are_listed_in_every_language(client, article):
    homes = {"en": url("/en/"), "hy": url("/hy/"), "x-default": url("/en/")}

    assert sitemap(client, "home") == {url("/en/"): homes, url("/hy/"): homes}


def test_sections_tags_and_authors_are_listed_in_each_language_they_are_named_in(client):
    bilingual_section, english_section = make_section(), make_section(languages=("en",))
    tag = make_tag(name_hy=None, slug_hy=None)
    author = make_author()
    make_article(section=bilingual_section, tags=[tag], authors=[author])

    sections = sitemap(client, "sections")
    tags = sitemap(client, "tags")
    authors = sitemap(client, "authors")

    assert set(sections) == {
        url(bilingual_section.get_absolute_url("en")),
        url(bilingual_section.get_absolute_url("hy")),
        url(english_section.get_absolute_url("en")),
    }
    assert sections[url(english_section.get_absolute_url("en"))] == {
        "en": url(english_section.get_absolute_url("en")),
        "x-default": url(english_section.get_absolute_url("en")),
    }
    assert tags == {
        url(tag.get_absolute_url("en")): {
            "en": url(tag.get_absolute_url("en")),
            "x-default": url(tag.get_absolute_url("en")),
        }
    }
    assert sitemap(client, "authors")[url(author.get_absolute_url("hy"))] == {
        "en": url(author.get_absolute_url("en")),
        "hy": url(author.get_absolute_url("hy")),
        "x-default": url(author.get_absolute_url("en")),
    }
    assert len(authors) == 2


def test_every_url_listed_answers_200(client):
    section = make_section()
    tag, author = make_tag(), make_author()
    make_article(section=section, tags=[tag], authors=[author])
    make_article(languages=("en",), section=section, authors=[author])
    make_article(languages=("hy",), tags=[tag], authors=[author])

    root = parse(client.get("/sitemap.xml"))
    sitemaps = [path_of(loc.text) for loc in root.findall("s:sitemap/s:loc", NS)]
    listed_urls = set()
    for address in sitemaps:
        for location, alternates in listed(parse(client.get(address))).items():
            listed_urls |= {location, *alternates.values()}

    assert len(listed_urls) == 2 + 4 + 2 + 2 + 4  # homes, two sections, tag, author, articles
    for listed_url in listed_urls:
        assert listed_url.startswith(ORIGIN + "/")
        assert client.get(path_of(listed_url)).status_code == 200, listed_url


def test_article_lastmod_is_its_last_edit(client):
    article = make_article(languages=("en",), published_at=timezone.now() - datetime.timedelta(days=400))
    Article.objects.filter(pk=article.pk).update(updated_at=timezone.now() - datetime.timedelta(days=3))

    root = parse(client.get("/sitemap-articles.xml"))

    expected = timezone.localdate(timezone.now() - datetime.timedelta(days=3)).isoformat()
    assert root.findtext("s:url/s:lastmod", namespaces=NS) == expected


def test_scheduled_article_that_has_appeared_has_its_publication_as_lastmod(client):
    article = make_article(languages=("en",))
    publication = timezone.now() - datetime.timedelta(minutes=1)
    Article.objects.filter(pk=article.pk).update(
        published_at=publication, updated_at=timezone.now() - datetime.timedelta(days=2)
    )

    root = parse(client.get("/sitemap-articles.xml"))

    assert root.findtext("s:url/s:lastmod", namespaces=NS) == timezone.localdate(publication).isoformat()


def test_section_lastmod_is_its_newest_article_in_that_language(client):
    section = make_section()
    make_article(languages=("en",), section=section)
    older = make_article(languages=("hy",), section=section, published_at=timezone.now() - datetime.timedelta(days=9))
    Article.objects.filter(pk=older.pk).update(updated_at=timezone.now() - datetime.timedelta(days=5))

    root = parse(client.get("/sitemap-sections.xml"))

    lastmods = {
        entry.findtext("s:loc", namespaces=NS): entry.findtext("s:lastmod", namespaces=NS)
        for entry in root.findall("s:url", NS)
    }
    assert lastmods == {
        url(section.get_absolute_url("en")): timezone.localdate().isoformat(),
        url(section.get_absolute_url("hy")): timezone.localdate(
            timezone.now() - datetime.timedelta(days=5)
        ).isoformat(),
    }


def test_section_without_articles_in_a_language_is_listed_without_lastmod(client):
    section = make_section()

    root = parse(client.get("/sitemap-sections.xml"))

    assert [loc.text for loc in root.findall("s:url/s:loc", NS)] == [
        url(section.get_absolute_url("en")),
        url(section.get_absolute_url("hy")),
    ]
    assert root.findall("s:url/s:lastmod", NS) == []


def test_index_gives_each_sitemap_its_latest_change(client):
    article = make_article(languages=("en",), published_at=timezone.now() - datetime.timedelta(days=9))
    Article.objects.filter(pk=article.pk).update(updated_at=timezone.now() - datetime.timedelta(days=1))
    article.refresh_from_db()

    root = parse(client.get("/sitemap.xml"))

    articles = root.find(f"s:sitemap[s:loc='{url('/sitemap-articles.xml')}']", NS)
    lastmod = datetime.datetime.fromisoformat(articles.findtext("s:lastmod", namespaces=NS))
    assert lastmod == article.updated_at


def test_article_sitemap_splits_into_pages_of_the_limit_named_in_the_index(client, settings):
    settings.SITEMAP_LIMIT = 4
    articles = [make_article(published_at=timezone.now() - datetime.timedelta(hours=n)) for n in range(1, 4)]
    english_only = make_article(languages=("en",), published_at=timezone.now() - datetime.timedelta(hours=5))

    index = parse(client.get("/sitemap.xml"))
    pages = [sitemap(client, "articles"), sitemap(client, "articles", page=2)]

    locations = [loc.text for loc in index.findall("s:sitemap/s:loc", NS)]
    assert url("/sitemap-articles.xml") in locations
    assert url("/sitemap-articles.xml?p=2") in locations
    assert url("/sitemap-articles.xml?p=3") not in locations
    assert [len(page) for page in pages] == [4, 3]
    newest_first = [url(article.get_absolute_url(language)) for article in articles for language in ("en", "hy")]
    assert [*pages[0], *pages[1]] == [*newest_first, url(english_only.get_absolute_url("en"))]
    # An article split across two pages still names both its languages on each.
    assert pages[1][url(articles[2].get_absolute_url("hy"))]["en"] == url(articles[2].get_absolute_url("en"))


@pytest.mark.parametrize("query", ["?p=2", "?p=0", "?p=-1", "?p=abc", "?p=1.5", "?p=" + "9" * 5000])
def test_page_beyond_the_last_or_junk_answers_the_sites_404_page(client, article, query):
    response = client.get(f"/sitemap-articles.xml{query}")

    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


@pytest.mark.parametrize("path", ["/sitemap-nothing.xml", "/sitemap-.xml", "/sitemap-ARTICLES.xml"])
def test_unknown_sitemap_answers_the_sites_404_page(client, path):
    response = client.get(path)

    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_404_of_a_sitemap_is_in_the_default_language_whatever_the_reader_asks(client):
    response = client.get("/sitemap-nothing.xml", headers={"accept-language": "hy"})

    assert response.status_code == 404
    assert '<html lang="en">' in response.content.decode()


def test_sitemaps_are_cached_and_set_no_cookie(client, article):
    for path in ("/sitemap.xml", "/sitemap-articles.xml", "/news-sitemap.xml", "/robots.txt"):
        first, second = client.get(path), client.get(path)

        assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit")
        assert second.content == first.content
        assert not first.cookies
        assert "cookie" not in first.get("Vary", "").lower()


def test_sitemap_is_fresh_after_an_article_is_published(client, article):
    client.get("/sitemap-articles.xml")
    new = make_article(languages=("en",))

    assert url(new.get_absolute_url("en")) in sitemap(client, "articles")


def test_sitemaps_tell_search_engines_not_to_index_them(client):
    assert client.get("/sitemap.xml")["X-Robots-Tag"].startswith("noindex")
