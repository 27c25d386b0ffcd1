"""
Corrections and updates: dated notes an editor adds to a published article,
shown under it in each language with "Updated DD / MM / YYYY"; the article's
``modified_at`` (feeds' and structured data's dateModified) follows them.
"""

import datetime

import pytest
from django.utils import timezone

from articles.models import Article, Correction
from tests.articles.test_query_counts import ARTICLE_QUERIES
from tests.factories import admin_change_form, make_article, make_tag

pytestmark = pytest.mark.django_db


def note(article, when, kind=Correction.Kind.CORRECTION, **texts):
    values = {"text_en": "The minister spoke on Tuesday, not Monday.", "text_hy": "Նախարարը խոսել է երեքշաբթի։"}
    return Correction.objects.create(article=article, kind=kind, created_at=when, **(values | texts))


def test_an_article_without_notes_was_last_modified_at_publication(article):
    assert article.corrected_at is None
    assert article.modified_at == article.published_at


def test_a_note_moves_the_articles_modified_date_and_deleting_it_moves_it_back(article):
    first = note(article, article.published_at + datetime.timedelta(days=1))
    second = note(article, article.published_at + datetime.timedelta(days=3), kind=Correction.Kind.UPDATE)
    article.refresh_from_db()
    assert article.modified_at == second.created_at

    second.delete()
    article.refresh_from_db()
    assert article.modified_at == first.created_at

    first.delete()
    article.refresh_from_db()
    assert (article.corrected_at, article.modified_at) == (None, article.published_at)


@pytest.mark.parametrize(
    "language,heading,text",
    [
        ("en", "Corrections and updates", "The minister spoke on Tuesday, not Monday."),
        ("hy", "Ուղղումներ և թարմացումներ", "Նախարարը խոսել է երեքշաբթի։"),
    ],
)
def test_the_article_shows_updated_and_its_notes_in_each_language(client, article, language, heading, text):
    when = timezone.localtime(article.published_at + datetime.timedelta(days=2)).replace(microsecond=0)
    note(article, when)

    page = client.get(article.get_absolute_url(language)).content.decode()

    assert f'<time datetime="{when.isoformat()}">{when:%d / %m / %Y}</time>' in page
    assert heading in page
    assert text in page


def test_an_article_without_notes_says_nothing_of_updates(client, article):
    page = client.get(article.get_absolute_url("en")).content.decode()

    assert "Updated" not in page and "Corrections and updates" not in page


def test_a_new_note_shows_on_the_cached_article_at_once(client, article):
    client.get(article.get_absolute_url("en"))
    assert client.get(article.get_absolute_url("en"))["X-Cache"] == "hit"

    note(article, timezone.now())

    response = client.get(article.get_absolute_url("en"))
    assert response["X-Cache"] == "miss"
    assert "The minister spoke on Tuesday" in response.content.decode()


@pytest.mark.usefixtures("uncached")
def test_an_article_with_notes_takes_one_query_more_however_many_notes(client, django_assert_num_queries):
    """The budgeted page of test_query_counts (an article with related posts), plus one query for its notes."""
    article = make_article(tags=[make_tag()])
    make_article(section=article.section)
    with django_assert_num_queries(ARTICLE_QUERIES):
        assert client.get(article.get_absolute_url("en")).status_code == 200
    for count in (1, 12):
        while article.corrections.count() < count:
            note(article, timezone.now())
        with django_assert_num_queries(ARTICLE_QUERIES + 1):
            assert client.get(article.get_absolute_url("en")).status_code == 200


def test_an_editor_adds_a_note_in_both_languages_from_the_article_form(editor_client, article):
    today = timezone.localtime()
    data = admin_change_form(article) | {
        "corrections-TOTAL_FORMS": "1",
        "corrections-0-kind": "update",
        "corrections-0-created_at_0": today.strftime("%Y-%m-%d"),
        "corrections-0-created_at_1": today.strftime("%H:%M:%S"),
        "corrections-0-text_en": "Talks resumed on Friday.",
        "corrections-0-text_hy": "Բանակցությունները վերսկսվեցին ուրբաթ։",
    }

    response = editor_client.post(f"/admin/articles/article/{article.pk}/change/", data)

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.corrections.get().text_hy == "Բանակցությունները վերսկսվեցին ուրբաթ։"
    assert article.corrected_at is not None


def test_a_note_missing_a_language_the_article_has_is_refused(editor_client, article):
    today = timezone.localtime()
    data = admin_change_form(article) | {
        "corrections-TOTAL_FORMS": "1",
        "corrections-0-kind": "correction",
        "corrections-0-created_at_0": today.strftime("%Y-%m-%d"),
        "corrections-0-created_at_1": today.strftime("%H:%M:%S"),
        "corrections-0-text_en": "Only in English.",
        "corrections-0-text_hy": "",
    }

    response = editor_client.post(f"/admin/articles/article/{article.pk}/change/", data)

    assert response.status_code == 200
    assert not Correction.objects.exists()
    assert Article.objects.get(pk=article.pk).corrected_at is None


def test_authors_are_not_given_the_corrections_inline(staff_author_client, staff_author):
    own = make_article(status=Article.Status.DRAFT, authors=[staff_author.author_profile])

    page = staff_author_client.get(f"/admin/articles/article/{own.pk}/change/").content.decode()

    assert "corrections-TOTAL_FORMS" not in page


def test_a_note_without_any_text_is_refused(editor_client):
    draft = make_article(status=Article.Status.DRAFT, languages=())
    draft.title_en = "Only a title"
    draft.save()
    today = timezone.localtime()
    data = admin_change_form(draft) | {
        "corrections-TOTAL_FORMS": "1",
        "corrections-0-kind": "correction",
        "corrections-0-created_at_0": today.strftime("%Y-%m-%d"),
        "corrections-0-created_at_1": today.strftime("%H:%M:%S"),
        "corrections-0-text_en": "",
        "corrections-0-text_hy": "",
    }

    response = editor_client.post(f"/admin/articles/article/{draft.pk}/change/", data)

    assert response.status_code == 200
    assert "Write the note." in response.content.decode()
    assert not Correction.objects.exists()
