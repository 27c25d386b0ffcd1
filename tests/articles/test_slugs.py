"""Slugs: per language, prefilled from titles (Armenian spelled in Latin), and section slugs that cannot hide site pages."""

import json
import re
from pathlib import Path

import django
import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from articles.management.commands.write_transliteration_table import TABLE_JS, table_source
from articles.models import RESERVED_SECTION_SLUGS, Article, Section
from articles.transliteration import ARMENIAN_TO_LATIN, slug_from_title
from tests.factories import make_article, make_editor, make_section

TRANSLITERATE_JS = Path(settings.BASE_DIR) / "static" / "admin" / "js" / "transliterate.js"
URLIFY_JS = Path(django.__file__).parent / "contrib" / "admin" / "static" / "admin" / "js" / "urlify.js"


def section_with_slug(slug: str, language: str = "en") -> Section:
    """An unsaved section with ``slug`` in ``language`` and a valid slug in the others."""
    slugs = {f"slug_{code}": f"valid-{code}" for code, _name in settings.LANGUAGES}
    return Section(name_en="Section", name_hy="Բաժին", **(slugs | {f"slug_{language}": slug}))


def test_the_admins_copy_of_the_transliteration_table_is_current():
    assert TABLE_JS.read_text(encoding="utf-8") == table_source()


def test_the_browser_table_keeps_the_armenian_spelling_over_the_generic_one():
    table = json.loads(re.search(r'"letters": (\{.*?\})\n\}', TABLE_JS.read_text(encoding="utf-8"), re.S).group(1))

    assert {letter: table[letter] for letter in ARMENIAN_TO_LATIN} == ARMENIAN_TO_LATIN


@pytest.mark.parametrize(
    "title, slug",
    [
        ("Бюджет на следующий год", "byudzhet-na-sleduyushchiy-god"),
        ("ახალი ბიუჯეტი", "akhali-biujeti"),
        ("Ελληνικά νέα", "ellinika-nea"),
        ("Çağdaş Türkçe", "cagdas-turkce"),
        ("Երկխոսության նոր մակարդակ", "erkkhosutyan-nor-makardak"),
    ],
)
def test_titles_in_other_scripts_give_a_readable_latin_slug(title, slug):
    assert slug_from_title(title) == slug


@pytest.mark.browser
def test_the_admins_prefilled_slug_matches_the_slug_saved_from_the_title(browser_page):
    titles = [
        "Երկխոսության նոր մակարդակ",
        "Հայաստան ու Ռուսաստան",
        "Ծառուկյան և Ջհանգիրյան",
        "Budget talks",
        "Бюджет на следующий год",
        "ახალი ბიუჯეტი",
        "Ελληνικά νέα",
    ]
    browser_page.set_content("<!doctype html><title>urlify</title>")
    browser_page.add_script_tag(path=URLIFY_JS)
    browser_page.add_script_tag(path=TABLE_JS)
    browser_page.add_script_tag(path=TRANSLITERATE_JS)

    prefilled = [browser_page.evaluate("title => URLify(title, 200, false)", title) for title in titles]

    assert prefilled == [slug_from_title(title) for title in titles]


@pytest.mark.django_db
def test_the_admin_article_form_loads_the_transliteration_script(client):
    client.force_login(make_editor())

    response = client.get("/admin/articles/article/add/")

    assert "admin/js/transliterate.js" in response.content.decode()


def test_the_letter_table_covers_every_lowercase_armenian_letter():
    lowercase_armenian = {chr(code) for code in range(ord("ա"), ord("ֆ") + 1)} | {"և"}

    assert set(ARMENIAN_TO_LATIN) == lowercase_armenian


def test_armenian_title_gives_a_latin_slug():
    assert slug_from_title("Երկխոսության նոր մակարդակ") == "erkkhosutyan-nor-makardak"


def test_capital_armenian_letters_are_transliterated_too():
    assert slug_from_title("Հայաստան Ու Ռուսաստան") == "hayastan-u-rusastan"


def test_latin_title_gives_the_usual_django_slug():
    assert slug_from_title("A new level of dialogue!") == "a-new-level-of-dialogue"


@pytest.mark.django_db
def test_article_saved_without_slugs_gets_them_from_its_titles():
    article = make_article(slug_en=None, slug_hy=None, title_en="Budget talks", title_hy="Բյուջեի քննարկում")

    assert (article.slug_en, article.slug_hy) == ("budget-talks", "byujei-knnarkum")


@pytest.mark.django_db
def test_an_armenian_script_slug_chosen_by_the_editor_is_kept_and_served(client):
    article = make_article(slug_hy="նոր-մակարդակ")

    response = client.get(article.get_absolute_url("hy"))

    article.refresh_from_db()
    assert article.slug_hy == "նոր-մակարդակ"
    assert response.status_code == 200
    assert response.context["article"] == article


@pytest.mark.django_db
def test_the_same_slug_may_serve_two_articles_in_different_languages(client):
    english = make_article(slug_en="dialogue", languages=("en",))
    armenian = make_article(slug_hy="dialogue", languages=("hy",))

    assert client.get(english.get_absolute_url("en")).context["article"] == english
    assert client.get(armenian.get_absolute_url("hy")).context["article"] == armenian


@pytest.mark.django_db
def test_the_same_slug_twice_in_one_language_is_refused_by_the_database():
    make_article(slug_en="dialogue")

    with pytest.raises(IntegrityError):
        make_article(slug_en="dialogue")


@pytest.mark.django_db
def test_many_articles_may_lack_a_slug_in_one_language():
    first = make_article(languages=("en",))
    second = make_article(languages=("en",))

    saved = Article.objects.filter(pk__in=[first.pk, second.pk])
    assert list(saved.values_list("slug_hy", flat=True)) == [None, None]


@pytest.mark.django_db
@pytest.mark.parametrize("reserved", sorted(RESERVED_SECTION_SLUGS))
def test_section_slug_may_not_be_a_reserved_word(reserved):
    with pytest.raises(ValidationError) as error:
        section_with_slug(reserved).full_clean()

    assert "slug_en" in error.value.message_dict


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "hy"])
def test_section_slug_may_not_be_all_digits_in_any_language(language):
    with pytest.raises(ValidationError) as error:
        section_with_slug("2022", language).full_clean()

    assert f"slug_{language}" in error.value.message_dict


@pytest.mark.django_db
def test_section_slug_with_digits_and_letters_is_valid():
    section_with_slug("g20-summit").full_clean()


@pytest.mark.django_db
def test_section_with_a_taken_slug_in_a_language_is_invalid():
    make_section(slug_hy="qaghaqakanutyun")

    with pytest.raises(ValidationError) as error:
        section_with_slug("qaghaqakanutyun", "hy").full_clean()

    assert "slug_hy" in error.value.message_dict


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "hy"])
def test_an_article_may_not_take_the_slug_of_its_sections_feed(language):
    """/<lang>/<section>/feed/ is the section's feed: an article there could never be reached."""
    article = make_article()
    setattr(article, f"slug_{language}", "feed")

    with pytest.raises(ValidationError) as error:
        article.full_clean()

    assert f"slug_{language}" in error.value.message_dict
