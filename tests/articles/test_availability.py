"""Which articles readers can see: publication status, scheduling and translation completeness."""

import datetime

import pytest
from django.utils import timezone

from articles.models import Article
from tests.factories import make_article, make_author, make_section, make_tag

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "hy"]


def test_published_excludes_drafts():
    make_article(status=Article.Status.DRAFT)

    assert list(Article.objects.published()) == []


def test_published_excludes_articles_scheduled_for_the_future():
    make_article(published_at=timezone.now() + datetime.timedelta(hours=1))

    assert list(Article.objects.published()) == []


def test_published_includes_a_scheduled_article_once_its_time_comes():
    publication = timezone.now() + datetime.timedelta(days=2)
    scheduled = make_article(published_at=publication)

    assert list(Article.objects.published(now=publication - datetime.timedelta(seconds=1))) == []
    assert list(Article.objects.published(now=publication)) == [scheduled]


def test_published_includes_a_published_article_whose_time_has_come():
    article = make_article()

    assert list(Article.objects.published()) == [article]


def test_available_in_includes_an_article_with_title_slug_and_body_in_that_language():
    article = make_article(languages=("en", "hy"))

    assert list(Article.objects.available_in("hy")) == [article]


@pytest.mark.parametrize("missing", ["title_hy", "slug_hy", "body_hy"])
def test_available_in_needs_title_slug_and_body_in_that_language(missing):
    article = make_article(languages=("en", "hy"))
    Article.objects.filter(pk=article.pk).update(**{missing: None if missing == "slug_hy" else ""})

    assert list(Article.objects.available_in("hy")) == []
    assert list(Article.objects.available_in("en")) == [article]


def test_an_empty_editor_paragraph_does_not_count_as_a_body():
    article = make_article(languages=("en",), title_hy="Վերնագիր", slug_hy="vernagir", body_hy="<p></p>")

    assert not article.is_available_in("hy")
    assert list(Article.objects.available_in("hy")) == []


def test_an_article_is_not_available_in_a_language_its_section_has_no_address_in():
    article = make_article(section=make_section(languages=("en",)), languages=("en", "hy"))

    assert not article.is_available_in("hy")
    assert list(Article.objects.available_in("hy")) == []


def complete():
    return make_article(languages=("en", "hy"))


def english_only():
    return make_article(languages=("en",))


def armenian_only():
    return make_article(languages=("hy",))


def without(field):
    """A complete article whose ``field`` was emptied behind save()'s back, as an old row could be."""

    def make():
        article = complete()
        Article.objects.filter(pk=article.pk).update(**{field: None if field.startswith("slug") else ""})
        return Article.objects.get(pk=article.pk)

    return make


def in_a_section_without_an_armenian_address():
    return make_article(section=make_section(languages=("en",)), languages=("en", "hy"))


@pytest.mark.parametrize(
    "make, languages",
    [
        (complete, ["en", "hy"]),
        (english_only, ["en"]),
        (armenian_only, ["hy"]),
        (without("body_hy"), ["en"]),
        (without("slug_hy"), ["en"]),
        (without("body_en"), ["hy"]),
        (without("slug_en"), ["hy"]),
        (in_a_section_without_an_armenian_address, ["en"]),
    ],
    ids=[
        "complete",
        "english-only",
        "armenian-only",
        "missing-armenian-body",
        "missing-armenian-slug",
        "missing-english-body",
        "missing-english-slug",
        "missing-section-slug",
    ],
)
def test_is_available_in_agrees_with_available_in(make, languages):
    article = make()

    for language in LANGUAGES:
        in_queryset = Article.objects.available_in(language).filter(pk=article.pk).exists()
        assert article.is_available_in(language) is in_queryset, language
    assert article.available_languages() == languages


def test_a_title_without_a_slug_gets_a_slug_so_the_article_is_available():
    article = make_article(languages=("en",), title_hy="Նոր մակարդակ", body_hy="<p>Տեքստ</p>")

    assert article.slug_hy == "nor-makardak"
    assert article.is_available_in("hy")


def test_home_in_a_language_lists_only_articles_available_in_it(client):
    bilingual = make_article(title="Bilingual story", languages=("en", "hy"))
    english_only = make_article(title="English only story", languages=("en",))

    response = client.get("/hy/")

    assert [bilingual] == [response.context["lead"], *response.context["latest"]]
    assert english_only.title_en not in response.content.decode()


def test_section_in_a_language_lists_only_articles_available_in_it(client):
    section = make_section()
    bilingual = make_article(section=section, languages=("en", "hy"))
    make_article(section=section, languages=("en",))

    response = client.get(f"/hy/{section.slug_hy}/")

    assert list(response.context["page_obj"]) == [bilingual]


def test_tag_and_author_pages_list_only_articles_available_in_their_language(client):
    tag, author = make_tag(), make_author()
    bilingual = make_article(tags=[tag], authors=[author], languages=("en", "hy"))
    make_article(tags=[tag], authors=[author], languages=("en",))

    by_tag = client.get(f"/hy/tags/{tag.slug_hy}/")
    by_author = client.get(f"/hy/authors/{author.slug_hy}/")

    assert list(by_tag.context["page_obj"]) == [bilingual]
    assert list(by_author.context["page_obj"]) == [bilingual]


def test_lists_leave_out_drafts_and_scheduled_articles(client):
    section = make_section()
    public = make_article(section=section)
    make_article(section=section, status=Article.Status.DRAFT)
    make_article(section=section, published_at=timezone.now() + datetime.timedelta(days=1))

    response = client.get(f"/en/{section.slug_en}/")

    assert list(response.context["page_obj"]) == [public]
