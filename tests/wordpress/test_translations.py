"""Translations linked by Polylang or WPML become one article with each language's fields."""

from articles.models import Article, Section

from .conftest import post_xml
from .test_import_posts import article_for


def test_a_polylang_pair_becomes_one_article_in_both_languages(polylang_site):
    article = article_for(101)
    assert article_for(102) == article
    assert Article.objects.count() == 1
    assert article.available_languages() == ["en", "hy"]
    assert article.title_en == "A new level of dialogue"
    assert article.title_hy == "Երկխոսության նոր մակարդակ"
    assert article.slug_hy == "երկխոսություն"  # WordPress's percent-encoded slug, decoded
    assert article.body_hy.startswith("<p>Բանակցությունները վերսկսվեցին երեքշաբթի օրը։<br>")
    assert "translation joined to its article: 1 created" in polylang_site


def test_the_translations_category_names_the_same_section_in_its_language(polylang_site):
    section = article_for(101).section
    assert Section.objects.count() == 1
    assert (section.name_en, section.slug_en) == ("News Explained", "news-explained")
    assert (section.name_hy, section.slug_hy) == ("Բացատրություն", "bacatrutyun")


def test_both_language_pages_answer(polylang_site, client):
    article = article_for(101)
    assert client.get(article.get_absolute_url("en")).status_code == 200
    page = client.get(article.get_absolute_url("hy"))
    assert page.status_code == 200
    assert "Երկխոսության նոր մակարդակ" in page.content.decode()


def wpml_post(post_id, language, group, status="publish"):
    meta = (
        f"<wp:postmeta><wp:meta_key>_wpml_import_language_code</wp:meta_key><wp:meta_value>{language}</wp:meta_value></wp:postmeta>"
        f"<wp:postmeta><wp:meta_key>_wpml_import_translation_group</wp:meta_key><wp:meta_value>{group}</wp:meta_value></wp:postmeta>"
    )
    return post_xml(post_id, title=f"Title {language}", content=f"Body in {language}.", status=status, extra=meta)


def test_a_wpml_pair_becomes_one_article(db, run_import, write_export):
    run_import(write_export(wpml_post(7, "hy", "group-1") + wpml_post(8, "en", "group-1") + wpml_post(9, "en", "g2")))
    pair = article_for(7)
    assert article_for(8) == pair
    assert (pair.title_en, pair.title_hy) == ("Title en", "Title hy")
    assert article_for(9).available_languages() == ["en"]


def test_the_earliest_site_language_decides_the_articles_date_whatever_the_order(db, run_import, write_export):
    armenian = wpml_post(7, "hy", "g").replace("2022-05-01 08:00:00", "2022-05-02 08:00:00")
    run_import(write_export(armenian + wpml_post(8, "en", "g")))
    assert article_for(7).published_at.day == 1  # the English post's date


def test_an_unpublished_translation_of_a_published_post_is_left_out(db, run_import, write_export):
    output = run_import(write_export(wpml_post(7, "en", "g") + wpml_post(8, "hy", "g", status="draft")))
    article = article_for(7)
    assert article.is_public and article.available_languages() == ["en"]
    assert "skipped 1 post: an unpublished translation of a published post" in output


def test_a_post_in_a_language_the_site_lacks_is_skipped(db, run_import, write_export):
    output = run_import(write_export(wpml_post(7, "fr", "g")))
    assert "skipped 1 post: its language “fr” is not one of the site's languages" in output
    assert Article.objects.count() == 0
