"""
The translator's form: the source language beside the language being
written, field by field, the source read-only, missing and outdated fields
marked; saving changes only the target language and keeps a version. And the
article form's language tabs, served from the site's own files.
"""

import re

import pytest
from django.contrib import admin

from articles.models import Article
from articles.revisions import versions_of
from tests.factories import make_article, make_editor, make_moderator

pytestmark = pytest.mark.django_db


def translate_url(article, language="hy"):
    return f"/admin/articles/article/{article.pk}/translate/{language}/"


def translator_form(article, language="hy", **overrides) -> dict:
    fields = ("title", "slug", "summary", "body", "image_caption", "image_alt", "image_credit")
    data = {f"{field}_{language}": getattr(article, f"{field}_{language}") or "" for field in fields}
    return data | overrides


@pytest.fixture
def outdated():
    """A bilingual article whose English summary changed after its Armenian was written."""
    article = make_article(summary_en="Two capitals talk.", summary_hy="Երկու մայրաքաղաքներ։")
    article.summary_en = "Two capitals talk again."
    article.save()
    return article


def test_the_form_shows_the_source_beside_the_target_with_only_the_target_editable(editor_client, outdated):
    response = editor_client.get(translate_url(outdated))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Source: English" in page and "Translation: Armenian" in page
    assert "Two capitals talk again." in page
    assert 'name="summary_hy"' in page
    assert not re.search(r'name="\w+_en"', page)


def test_the_form_marks_outdated_and_missing_fields(editor_client, outdated):
    outdated.image_caption_en = "The two delegations"
    outdated.save()

    response = editor_client.get(translate_url(outdated))

    rows = {row["label"]: row for row in response.context["rows"]}
    assert rows["Summary"]["outdated"] and not rows["Summary"]["missing"]
    assert rows["Image caption"]["missing"]
    assert not rows["Title"]["outdated"] and not rows["Title"]["missing"]
    page = response.content.decode()
    assert page.count('class="translation-mark outdated"') == 2  # summary and caption changed in English
    assert page.count('class="translation-mark missing"') == 1


def test_saving_changes_only_the_target_language_and_keeps_a_version(editor_client, editor, outdated):
    english = {f: getattr(outdated, f) for f in ("title_en", "summary_en", "body_en", "slug_en")}

    response = editor_client.post(
        translate_url(outdated),
        translator_form(outdated, summary_hy="Երկու մայրաքաղաքները կրկին խոսում են։", title_en="Forged"),
    )

    assert response.status_code == 302
    outdated.refresh_from_db()
    assert outdated.summary_hy == "Երկու մայրաքաղաքները կրկին խոսում են։"
    assert {f: getattr(outdated, f) for f in english} == english
    assert outdated.translation_status("hy") == "complete"
    (version,) = versions_of(outdated)
    assert version.revision.user == editor
    assert version.field_dict["summary_hy"] == "Երկու մայրաքաղաքները կրկին խոսում են։"


def test_a_slug_another_article_uses_is_a_form_error_on_the_translators_form(editor_client, outdated):
    other = make_article()

    response = editor_client.post(translate_url(outdated), translator_form(outdated, slug_hy=other.slug_hy))

    assert response.status_code == 200
    assert "slug_hy" in response.context["form"].errors
    outdated.refresh_from_db()
    assert outdated.slug_hy != other.slug_hy


def test_an_armenian_translation_can_be_started_from_nothing(editor_client):
    article = make_article(languages=("en",))

    editor_client.post(
        translate_url(article),
        translator_form(article, title_hy="Երկխոսություն", body_hy="<p>Բանակցություններ։</p>"),
    )

    article.refresh_from_db()
    assert article.is_written_in("hy")
    assert article.slug_hy == "erkkhosutyun"


def test_the_up_to_date_button_completes_an_outdated_translation(editor_client, outdated):
    page = editor_client.get(translate_url(outdated)).content.decode()

    response = editor_client.post(f"{translate_url(outdated)}up-to-date/")

    assert "Mark the Armenian translation as up to date" in page
    assert response.status_code == 302
    outdated.refresh_from_db()
    assert outdated.translation_status("hy") == "complete"


@pytest.mark.parametrize("language", ["ru", "xx", "en-us", "%00"])
def test_a_language_the_site_does_not_have_is_not_found(editor_client, outdated, language):
    assert editor_client.get(translate_url(outdated, language)).status_code == 404


def test_an_unknown_article_is_not_found(editor_client):
    assert editor_client.get("/admin/articles/article/999999/translate/hy/").status_code == 404


def test_an_empty_post_shows_the_form_again(editor_client, outdated):
    response = editor_client.post(translate_url(outdated), {})

    assert response.status_code == 200
    outdated.refresh_from_db()
    assert outdated.summary_hy == "Երկու մայրաքաղաքներ։"


def test_a_moderator_cannot_open_or_post_the_translators_form(client, outdated):
    client.force_login(make_moderator())

    assert client.get(translate_url(outdated)).status_code == 403
    assert client.post(translate_url(outdated), translator_form(outdated, summary_hy="x")).status_code == 403
    assert client.post(f"{translate_url(outdated)}up-to-date/").status_code == 403
    outdated.refresh_from_db()
    assert outdated.summary_hy == "Երկու մայրաքաղաքներ։"


def test_the_change_form_links_to_the_translators_form_in_each_language(editor_client, outdated):
    page = editor_client.get(f"/admin/articles/article/{outdated.pk}/change/").content.decode()

    assert f'href="{translate_url(outdated, "hy")}"' in page
    assert "Translate into Armenian" in page


def test_the_article_forms_tabs_load_only_the_sites_own_scripts(editor_client):
    media = admin.site._registry[Article].media

    assert "/static/admin/js/language_tabs.js" in str(media)
    assert "//" not in "".join(re.findall(r'src="([^"]+)"', str(media)))
    page = editor_client.get("/admin/articles/article/add/").content.decode()
    assert not re.search(r'(src|href)="(https?:)?//', page)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_an_editor_switches_the_article_form_to_the_armenian_tab_and_saves(browser_page, live_server):
    article = make_article(languages=("en",))
    make_editor()
    page = browser_page
    page.goto(f"{live_server.url}/admin/login/?next=/admin/articles/article/{article.pk}/change/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "a-long-password")
    page.click("input[type=submit]")
    page.wait_for_selector(".ui-tabs #id_title_en")

    assert page.locator("#id_title_en").is_visible()
    assert not page.locator("#id_title_hy").is_visible()
    title_tabs = page.locator(".ui-tabs", has=page.locator("#id_title_en"))
    title_tabs.get_by_role("tab", name="hy").click()
    assert page.locator("#id_title_hy").is_visible()
    assert not page.locator("#id_title_en").is_visible()
    page.fill("#id_title_hy", "Երկխոսություն")
    body_tabs = page.locator(".ui-tabs", has=page.locator("#id_body_en"))
    body_tabs.get_by_role("tab", name="hy").click()
    page.locator(".ui-tabs-panel", has=page.locator("#id_body_hy")).get_by_role("textbox").fill("Բանակցություններ։")
    page.click("input[name=_continue]")

    page.wait_for_selector(".messagelist .success")
    article.refresh_from_db()
    assert article.title_hy == "Երկխոսություն"
    assert "Բանակցություններ։" in article.body_hy
    assert article.translation_status("hy") == "complete"


def test_a_rule_broken_in_the_other_language_is_a_message_on_the_form_not_an_error_page(editor_client):
    from tests.factories import image_bytes, upload

    article = make_article(image_alt_en="A map", image_alt_hy="Քարտեզ")
    article.image = upload(image_bytes("PNG"), "map.png", "image/png")
    article.save()
    Article.objects.filter(pk=article.pk).update(image_alt_en="")  # as an import might leave it
    article.refresh_from_db()

    response = editor_client.post(translate_url(article), translator_form(article, summary_hy="Նոր ամփոփում։"))

    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    article.refresh_from_db()
    assert article.summary_hy != "Նոր ամփոփում։"
