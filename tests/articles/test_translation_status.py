"""
Each article's translation status per site language (missing, outdated,
complete), kept by the model as texts change in either language, and shown in
the admin: a column, filters per language, a dashboard with a fixed number of
queries, and marking a translation as up to date.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article
from articles.translation_status import TranslationStatus
from tests.factories import bulk_articles, make_article, make_moderator

pytestmark = pytest.mark.django_db

MISSING, OUTDATED, COMPLETE = TranslationStatus.MISSING, TranslationStatus.OUTDATED, TranslationStatus.COMPLETE
LIST = "/admin/articles/article/"
DASHBOARD = "/admin/articles/article/translations/"


def statuses(article) -> dict:
    article.refresh_from_db()
    return {code: str(status) for code, status in article.translation_statuses().items()}


def ids(queryset) -> set[int]:
    return set(queryset.values_list("pk", flat=True))


def test_a_translation_moves_from_missing_to_complete_to_outdated_and_back_as_either_language_changes():
    article = make_article(languages=("en",))
    assert statuses(article) == {"en": COMPLETE, "hy": MISSING}

    article.title_hy, article.body_hy = "Երկխոսություն", "<p>Բանակցություններ։</p>"
    article.save()
    assert statuses(article) == {"en": COMPLETE, "hy": COMPLETE}

    article.body_en = "<p>The talks resumed on Tuesday.</p>"
    article.save()
    assert statuses(article) == {"en": COMPLETE, "hy": OUTDATED}

    article.body_hy = "<p>Բանակցությունները վերսկսվեցին երեքշաբթի։</p>"
    article.save()
    assert statuses(article) == {"en": COMPLETE, "hy": COMPLETE}


def test_the_database_filters_agree_with_the_model_at_every_step():
    article = make_article(languages=("en",))
    steps = [
        {},
        {"title_hy": "Երկխոսություն", "body_hy": "<p>Բանակցություններ։</p>"},
        {"summary_en": "A new summary."},
        {"summary_hy": "Նոր ամփոփում։"},
    ]
    for changes in steps:
        for field, value in changes.items():
            setattr(article, field, value)
        article.save()
        expected = article.translation_status("hy")
        found = {
            MISSING: ids(Article.objects.missing_in("hy")),
            OUTDATED: ids(Article.objects.outdated_in("hy")),
            COMPLETE: ids(Article.objects.complete_in("hy")),
        }
        assert [status for status, pks in found.items() if article.pk in pks] == [expected]


def test_an_article_written_first_in_armenian_has_armenian_as_its_original_and_english_follows_it():
    article = make_article(languages=("hy",))
    assert article.original_language == "hy"

    article.title_en, article.body_en = "Dialogue", "<p>Talks.</p>"
    article.save()
    article.body_hy = "<p>Նոր տեքստ։</p>"
    article.save()

    assert statuses(article) == {"en": OUTDATED, "hy": COMPLETE}


def test_saving_without_changing_the_text_leaves_the_status_alone():
    article = make_article()
    article.body_en = "<p>Changed.</p>"
    article.save()

    article.allow_comments = False
    article.slug_hy = "nor-hasce"
    article.save()

    assert statuses(article)["hy"] == OUTDATED


def test_a_change_to_the_translation_alone_never_makes_the_original_outdated():
    article = make_article()

    article.body_hy = "<p>Ուղղված տեքստ։</p>"
    article.save()

    assert statuses(article) == {"en": COMPLETE, "hy": COMPLETE}


def test_outdated_fields_name_what_changed_in_the_source():
    article = make_article()
    article.summary_en, article.image_caption_en = "New summary.", "A new caption"
    article.save()

    assert article.outdated_fields("hy") == {"summary", "image_caption"}
    assert article.outdated_fields("en") == set()


def test_marking_a_translation_up_to_date_makes_it_complete_until_the_source_changes_again():
    article = make_article()
    article.body_en = "<p>Changed.</p>"
    article.save()

    article.mark_translation_up_to_date("hy")
    assert statuses(article)["hy"] == COMPLETE
    assert article.outdated_fields("hy") == set()

    article.body_en = "<p>Changed again.</p>"
    article.save()
    assert statuses(article)["hy"] == OUTDATED


def test_translation_counts_are_one_query_over_every_language():
    make_article(languages=("en",))
    outdated = make_article()
    outdated.title_en = "Retitled"
    outdated.save()
    make_article()

    with CaptureQueriesContext(connection) as captured:
        counts = Article.objects.translation_counts()

    assert len(captured) == 1
    assert counts == {
        "en": {"missing": 0, "outdated": 0, "complete": 3},
        "hy": {"missing": 1, "outdated": 1, "complete": 1},
    }


# The admin


@pytest.fixture
def three_articles():
    """One English-only article, one whose Armenian is outdated, one complete in both."""
    english_only = make_article(title="English only", languages=("en",))
    outdated = make_article(title="Outdated")
    outdated.body_en = "<p>Rewritten.</p>"
    outdated.save()
    complete = make_article(title="Complete")
    return {"missing": english_only, "outdated": outdated, "complete": complete}


def test_the_list_shows_each_languages_status_and_links_the_translations_to_the_translators_form(
    editor_client, three_articles
):
    page = editor_client.get(LIST).content.decode()

    outdated = three_articles["outdated"]
    assert f'href="/admin/articles/article/{outdated.pk}/translate/hy/" title="Armenian: outdated">HY ↻</a>' in page
    assert 'title="Armenian: missing">HY ✗</a>' in page
    assert 'title="English: complete">EN ✓</span>' in page


@pytest.mark.parametrize("status", ["missing", "outdated", "complete"])
def test_the_list_filters_by_each_languages_status(editor_client, three_articles, status):
    response = editor_client.get(LIST, {"translation_hy": status})

    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == [three_articles[status]]


def test_the_list_offers_filters_named_for_each_language(editor_client, three_articles):
    page = editor_client.get(LIST).content.decode()

    assert "needs Armenian" in page
    assert "Armenian outdated" in page
    assert "needs English" in page


def test_the_filters_and_statuses_read_in_armenian_in_the_armenian_admin(editor_client, three_articles):
    editor_client.cookies["django_language"] = "hy"

    page = editor_client.get(LIST, headers={"accept-language": "hy"}).content.decode()

    assert "Թարգմանություն՝ Հայերեն" in page
    assert "Հայերեն՝ բացակայում է" in page
    assert 'title="Անգլերեն՝ ամբողջական է">EN ✓</span>' in page


def test_an_unknown_filter_value_lists_everything(editor_client, three_articles):
    response = editor_client.get(LIST, {"translation_hy": "nonsense"})

    assert response.status_code == 200


def test_the_article_list_takes_as_many_queries_with_a_translation_filter_for_300_articles_as_for_3(
    editor_client, three_articles
):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert editor_client.get(LIST, {"translation_hy": "complete"}).status_code == 200
        return len(captured)

    with_3 = queries()
    bulk_articles(300)

    assert queries() == with_3


def test_the_dashboard_counts_each_language_and_lists_the_work_linked_to_each_article(editor_client, three_articles):
    response = editor_client.get(DASHBOARD)

    page = response.content.decode()
    assert response.status_code == 200
    counts = {row["code"]: [cell["count"] for cell in row["statuses"]] for row in response.context["counts"]}
    assert counts == {"en": [0, 0, 3], "hy": [1, 1, 1]}
    listed = [row["article"].pk for row in response.context["rows"]]
    assert sorted(listed) == sorted([three_articles["missing"].pk, three_articles["outdated"].pk])
    for article in (three_articles["missing"], three_articles["outdated"]):
        assert f'href="/admin/articles/article/{article.pk}/change/"' in page
        assert f'href="/admin/articles/article/{article.pk}/translate/hy/"' in page
    assert "Armenian: outdated" in page
    assert "Armenian: missing" in page
    assert f'href="{LIST}?translation_hy=outdated"' in page


def test_the_dashboard_takes_as_many_queries_with_300_articles_to_translate_as_with_3(
    editor_client, three_articles, django_assert_num_queries
):
    with CaptureQueriesContext(connection) as captured:
        editor_client.get(DASHBOARD)
    with_3 = len(captured)
    english_only = bulk_articles(300)
    Article.objects.filter(pk__in=[a.pk for a in english_only]).update(title_hy="", body_hy="")

    with django_assert_num_queries(with_3):
        response = editor_client.get(DASHBOARD)
    assert len(response.context["rows"]) == 100
    assert response.context["more"] == 202


def test_the_changelist_links_to_the_dashboard(editor_client):
    assert f'href="{DASHBOARD}"' in editor_client.get(LIST).content.decode()


def test_a_moderator_cannot_open_the_dashboard(client, three_articles):
    client.force_login(make_moderator())

    assert client.get(DASHBOARD).status_code == 403


def test_the_mark_up_to_date_action_completes_outdated_translations(editor_client, three_articles):
    outdated = three_articles["outdated"]

    response = editor_client.post(
        LIST, {"action": "mark_hy_up_to_date", "_selected_action": [outdated.pk, three_articles["missing"].pk]}
    )

    assert response.status_code == 302
    assert statuses(outdated)["hy"] == COMPLETE
    assert statuses(three_articles["missing"])["hy"] == MISSING


def test_staff_without_the_confirm_permission_are_not_offered_the_action_and_a_forged_one_changes_nothing(
    client, three_articles
):
    from django.contrib.auth.models import Permission, User

    writer = User.objects.create_user("writer", "w@example.org", "a-long-password", is_staff=True)
    writer.user_permissions.add(*Permission.objects.filter(codename__in=["view_article", "change_article"]))
    client.force_login(writer)
    outdated = three_articles["outdated"]

    page = client.get(LIST).content.decode()
    client.post(LIST, {"action": "mark_hy_up_to_date", "_selected_action": [outdated.pk]})
    forged = client.post(f"/admin/articles/article/{outdated.pk}/translate/hy/up-to-date/")

    assert "mark_hy_up_to_date" not in page
    assert forged.status_code == 403
    assert statuses(outdated)["hy"] == OUTDATED


def test_existing_articles_get_their_original_language_from_the_migration(django_db_blocker):
    """The data migration's rule, run on a row made as a bulk import would: the first language with a title."""
    from importlib import import_module

    from django.apps import apps

    migration = import_module("articles.migrations.0010_translation_status_of_existing_articles")
    (article,) = bulk_articles(1)
    Article.objects.filter(pk=article.pk).update(title_en="", updated_at=timezone.now() - datetime.timedelta(days=3))

    migration.note_existing_articles(apps, None)

    article.refresh_from_db()
    assert article.original_language == "hy"
    assert article.text_edited_at_hy == article.updated_at
