"""
Two editors at once: a form opened before someone else saved the article is
not saved over their work. The stale save shows a clear message, keeps the
editor's input in the form and the other version in the database, and a second
save, now knowingly, goes through. The form also says who else has it open.
"""

import pytest
from django.test import Client

from articles.models import Article
from tests.factories import admin_change_form, make_editor

pytestmark = pytest.mark.django_db


def change_url(article):
    return f"/admin/articles/article/{article.pk}/change/"


@pytest.fixture
def second_editor_client():
    client = Client()
    client.force_login(make_editor("ani"))
    return client


def test_a_save_over_a_newer_save_is_refused_with_both_versions_kept(editor_client, second_editor_client, article):
    mine = admin_change_form(article, title_en="My headline")  # opened now, on the current save
    theirs = admin_change_form(article, title_en="Their headline")
    assert second_editor_client.post(change_url(article), theirs).status_code == 302

    response = editor_client.post(change_url(article), mine)

    page = response.content.decode()
    assert response.status_code == 200
    assert "ani saved this article at" in page and "after you opened it" in page
    assert 'value="My headline"' in page  # the editor's input, still in the form
    assert f'href="{change_url(article)}" target="_blank"' in page
    article.refresh_from_db()
    assert article.title_en == "Their headline"  # the other editor's version, untouched


def test_after_the_warning_a_second_save_replaces_the_other_version(editor_client, second_editor_client, article):
    mine = admin_change_form(article, title_en="My headline")
    second_editor_client.post(change_url(article), admin_change_form(article, title_en="Their headline"))
    warned = editor_client.post(change_url(article), mine)
    carried = warned.context["adminform"].form["lock_version"].value()

    response = editor_client.post(change_url(article), mine | {"lock_version": str(carried)})

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title_en == "My headline"


def test_a_state_change_since_the_form_was_opened_also_makes_it_stale(editor_client, article):
    opened = admin_change_form(article, title_en="Edited")
    article.status = Article.Status.UNPUBLISHED
    article.save()

    response = editor_client.post(change_url(article), opened)

    assert response.status_code == 200
    article.refresh_from_db()
    assert article.status == Article.Status.UNPUBLISHED and article.title_en != "Edited"


def test_saves_one_after_another_from_fresh_forms_go_through(editor_client, article):
    for title in ("First", "Second", "Third"):
        article.refresh_from_db()
        assert editor_client.post(change_url(article), admin_change_form(article, title_en=title)).status_code == 302

    article.refresh_from_db()
    assert article.title_en == "Third"


def test_a_change_form_without_its_version_is_a_form_error_not_a_crash(editor_client, article):
    data = admin_change_form(article)
    del data["lock_version"]

    response = editor_client.post(change_url(article), data)

    assert response.status_code == 200
    assert "lock_version" in response.context["adminform"].form.errors


def test_the_form_says_who_else_has_the_article_open(editor_client, second_editor_client, article):
    second_editor_client.get(change_url(article))

    page = editor_client.get(change_url(article)).content.decode()

    assert "Ani has had this article open since" in page


def test_an_editor_who_saved_is_no_longer_said_to_have_it_open(editor_client, second_editor_client, article):
    second_editor_client.get(change_url(article))
    second_editor_client.post(change_url(article), admin_change_form(article, title_en="Done"))

    page = editor_client.get(change_url(article)).content.decode()

    assert "has had this article open" not in page


def test_nobody_is_told_about_themselves(editor_client, article):
    editor_client.get(change_url(article))

    assert "has had this article open" not in editor_client.get(change_url(article)).content.decode()


def test_an_old_copy_saved_again_still_makes_open_forms_stale(editor_client, article):
    """A version brought back (a restore, an old instance) carries an old count; the save counts from the stored one."""
    old_copy = Article.objects.get(pk=article.pk)
    article.title_en = "Newer"
    article.save()
    opened = admin_change_form(Article.objects.get(pk=article.pk), title_en="Mine")

    old_copy.save()  # its lock_version is one behind the form's

    assert editor_client.post(change_url(article), opened).status_code == 200
    assert Article.objects.get(pk=article.pk).lock_version == old_copy.lock_version


def test_a_move_by_an_action_names_its_editor_in_the_stale_warning(editor_client, second_editor_client, article):
    opened = admin_change_form(article, title_en="Mine")
    second_editor_client.post("/admin/articles/article/", {"action": "unpublish", "_selected_action": [article.pk]})

    page = editor_client.post(change_url(article), opened).content.decode()

    assert "ani saved this article at" in page
