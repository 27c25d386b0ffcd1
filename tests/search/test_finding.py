"""
What a search finds: words in English (stemmed) and Armenian (prefixes), in
the title, summary or body, only in public articles available in the page's
language, best matches first.
"""

import datetime

import pytest
from django.utils import timezone

from articles.models import Article
from tests.factories import make_article, make_section

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("uncached")]


def found(client, query: str, language: str = "en") -> list[str]:
    """The titles a search lists, in order."""
    response = client.get(f"/{language}/search/", {"q": query})
    assert response.status_code == 200
    return [result.article.title for result in response.context.get("results", [])]


def english(title: str, body: str = "<p>Nothing to see.</p>", **fields) -> Article:
    return make_article(languages=("en",), title_en=title, body_en=body, **fields)


def armenian(title: str, body: str = "<p>Տեքստ։</p>", **fields) -> Article:
    return make_article(languages=("hy",), title_hy=title, body_hy=body, **fields)


def test_an_english_word_is_found_in_the_body(client):
    english("Spring in the capital", "<p>The <strong>parliament</strong> met on Monday.</p>")
    english("Something else")

    assert found(client, "parliament") == ["Spring in the capital"]


def test_english_words_are_stemmed_so_elections_finds_election(client):
    english("A single election", "<p>One vote.</p>")
    english("Voting machines", "<p>They counted the ballots of the elections quickly.</p>")

    assert set(found(client, "elections")) == {"A single election", "Voting machines"}
    assert set(found(client, "election")) == {"A single election", "Voting machines"}


def test_the_summary_is_searched(client):
    english("Quiet week", summary_en="Diplomats gathered in Tbilisi.")

    assert found(client, "Tbilisi") == ["Quiet week"]


def test_every_word_must_be_found(client):
    english("Grain prices", "<p>Wheat and barley.</p>")
    english("Bread", "<p>Wheat only.</p>")

    assert found(client, "wheat barley") == ["Grain prices"]


def test_case_does_not_matter(client):
    english("Yerevan at night")

    assert found(client, "YEREVAN") == ["Yerevan at night"]


def test_an_armenian_word_is_found(client):
    armenian("Ընտրություններ Գյումրիում", "<p>Քվեարկությունը սկսվեց առավոտյան։</p>")
    armenian("Մշակույթ")

    assert found(client, "Քվեարկությունը", "hy") == ["Ընտրություններ Գյումրիում"]


def test_an_armenian_word_finds_its_longer_forms(client):
    # Armenian inflects by suffixes: the bare word is the start of its other forms.
    armenian("Նոր բանակցություններ", "<p>Ընտրությունները կայանալու են գարնանը։</p>")

    assert found(client, "ընտրություն", "hy") == ["Նոր բանակցություններ"]
    assert found(client, "բանակցություն", "hy") == ["Նոր բանակցություններ"]


def test_latin_names_are_found_on_armenian_pages(client):
    armenian("Հանդիպում", "<p>Հանդիպմանը մասնակցում էր Macron-ը։</p>")

    assert found(client, "macron", "hy") == ["Հանդիպում"]


def test_drafts_scheduled_and_other_languages_are_never_found(client):
    english("Public dispatch about harvests")
    english("Draft dispatch about harvests", status=Article.Status.DRAFT)
    english("Scheduled dispatch about harvests", published_at=timezone.now() + datetime.timedelta(days=1))
    armenian("Բերքահավաք", "<p>Harvests dispatch, in Armenian only.</p>")

    assert found(client, "dispatch harvests") == ["Public dispatch about harvests"]
    assert found(client, "harvests", "hy") == ["Բերքահավաք"]


def test_an_article_whose_section_has_no_address_in_the_language_is_not_found(client):
    english_only_section = make_section(languages=("en",))
    make_article(
        section=english_only_section,
        title_hy="Անտեսանելի հոդված",
        body_hy="<p>Ծովափ։</p>",
    )

    assert found(client, "Ծովափ", "hy") == []


def test_an_english_word_is_not_found_in_the_armenian_translation(client):
    make_article(body_en="<p>Orchards.</p>", body_hy="<p>Այգիներ, orchards։</p>")

    assert found(client, "orchards", "en") and found(client, "orchards", "hy")
    make_article(body_en="<p>Apricots.</p>", body_hy="<p>Ծիրան։</p>")
    assert found(client, "apricots", "hy") == []


def test_an_edited_article_is_found_by_its_new_words_only(client):
    article = english("Report", "<p>Copper mines.</p>")
    assert found(client, "copper") == ["Report"]

    article.body_en = "<p>Gold mines.</p>"
    article.save()

    assert found(client, "copper") == []
    assert found(client, "gold") == ["Report"]


def test_a_deleted_article_is_not_found(client):
    english("Gone tomorrow", "<p>Ephemeral words.</p>").delete()

    assert found(client, "ephemeral") == []


def test_tags_and_attributes_of_the_body_are_not_searched(client):
    english("Pictured", '<p>Text <a href="https://example.org/nowhere">link</a>.</p>')

    assert found(client, "nowhere") == []
    assert found(client, "href") == []


def test_a_title_match_ranks_above_a_body_match(client):
    older = timezone.now() - datetime.timedelta(days=3)
    english("Ordinary Monday", "<p>Then the subject of glaciers came up once.</p>")
    english("Glaciers are retreating", "<p>Measurements.</p>", published_at=older)

    assert found(client, "glaciers") == ["Glaciers are retreating", "Ordinary Monday"]


def test_a_summary_match_ranks_between_title_and_body_matches(client):
    english("Monday notes", "<p>Volcanoes, briefly.</p>")
    english("Volcanoes of Armenia", "<p>Survey.</p>")
    english("Tuesday notes", "<p>Survey.</p>", summary_en="About volcanoes.")

    assert found(client, "volcano") == ["Volcanoes of Armenia", "Tuesday notes", "Monday notes"]


def test_an_armenian_title_match_ranks_above_a_body_match(client):
    armenian("Երկուշաբթի", "<p>Սարերի մասին խոսեցին։</p>")
    armenian("Սարերը ձմռանը", "<p>Դիտարկումներ։</p>")

    assert found(client, "սարեր", "hy") == ["Սարերը ձմռանը", "Երկուշաբթի"]


def test_equal_matches_come_newest_first(client):
    now = timezone.now()
    for days in (5, 1, 3):
        english(f"Bulletin {days}", "<p>Weather.</p>", published_at=now - datetime.timedelta(days=days))

    assert found(client, "weather") == ["Bulletin 1", "Bulletin 3", "Bulletin 5"]


def test_each_result_shows_its_link_date_section_and_marked_excerpt(client):
    published = timezone.make_aware(datetime.datetime(2022, 10, 5, 12, 0))
    article = english("Dialogue resumes", "<p>The two sides met in Vienna again.</p>", published_at=published)

    page = client.get("/en/search/", {"q": "vienna"}).content.decode()

    assert f'<a href="{article.get_absolute_url("en")}">Dialogue resumes</a>' in page
    assert "05 / 10 / 2022" in page
    assert f'<a href="{article.section.get_absolute_url("en")}">{article.section.name}</a>' in page
    assert "met in <mark>Vienna</mark> again" in page
    assert "1 article found." in page


def test_the_count_and_the_no_results_message_are_in_the_readers_language(client):
    armenian("Գետեր", "<p>Արաքս։</p>")

    with_results = client.get("/hy/search/", {"q": "Արաքս"}).content.decode()
    without = client.get("/hy/search/", {"q": "Հրազդան"}).content.decode()

    assert "Գտնվեց 1 հոդված։" in with_results
    assert "Գտնվեց 0 հոդված։" in without
    assert "Ոչ մի հոդված չի պարունակում" in without
