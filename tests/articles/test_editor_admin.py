"""Editors write bilingual articles in the admin: the real add form, posted as the browser posts it."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from articles.models import Article
from tests.factories import admin_article_form, make_article, make_author, make_editor, make_section, make_tag

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/articles/article/add/"

# Former slugs and the workflow's audit trail are the site's own bookkeeping: editors may look, never edit.
BOOKKEEPING_PERMISSIONS = [
    *(f"{action}_{model}" for model in ("formerslug", "statechange") for action in ("add", "change", "delete"))
]


def test_editor_sees_the_add_form_with_both_languages_and_the_byline_inline(editor_client):
    response = editor_client.get(ADD_URL)

    page = response.content.decode()
    assert response.status_code == 200
    for name in ("title_en", "title_hy", "slug_en", "slug_hy", "body_en", "body_hy", "bylines-TOTAL_FORMS"):
        assert f'name="{name}"' in page


def test_editor_creates_a_bilingual_article_that_readers_can_read_in_both_languages(editor_client):
    section, author, tag = make_section(), make_author(), make_tag()

    response = editor_client.post(ADD_URL, admin_article_form(section, author, tags=[tag]))

    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    article = Article.objects.get(slug_en="a-new-level-of-dialogue")
    assert [byline.author for byline in article.bylines.all()] == [author]
    assert list(article.tags.all()) == [tag]
    editor_client.logout()
    english = editor_client.get(article.get_absolute_url("en"))
    armenian = editor_client.get(article.get_absolute_url("hy"))
    assert english.status_code == armenian.status_code == 200
    assert "<h1>A new level of dialogue</h1>" in english.content.decode()
    assert "<h1>Երկխոսության նոր մակարդակ</h1>" in armenian.content.decode()


def test_editor_creates_an_armenian_only_article_that_english_readers_are_pointed_to(editor_client):
    english_left_empty = {"title_en": "", "slug_en": "", "summary_en": "", "body_en": ""}

    response = editor_client.post(ADD_URL, admin_article_form(make_section(), make_author(), **english_left_empty))

    assert response.status_code == 302
    article = Article.objects.get()
    assert article.available_languages() == ["hy"]
    editor_client.logout()
    assert editor_client.get(article.get_absolute_url("hy")).status_code == 200


def test_slugs_left_empty_in_the_admin_are_made_from_the_titles(editor_client):
    response = editor_client.post(ADD_URL, admin_article_form(make_section(), make_author(), slug_en="", slug_hy=""))

    assert response.status_code == 302
    article = Article.objects.get()
    assert (article.slug_en, article.slug_hy) == ("a-new-level-of-dialogue", "erkkhosutyan-nor-makardak")


def test_armenian_slug_left_empty_in_the_admin_is_transliterated_from_the_armenian_title(editor_client):
    response = editor_client.post(ADD_URL, admin_article_form(make_section(), make_author(), slug_hy=""))

    assert response.status_code == 302
    assert Article.objects.get().slug_hy == "erkkhosutyan-nor-makardak"


@pytest.mark.parametrize("language", ["en", "hy"])
def test_duplicate_slug_in_a_language_is_a_form_error_naming_the_field_and_language(editor_client, language):
    taken = make_article()
    slug = taken.slug_in(language)

    response = editor_client.post(
        ADD_URL, admin_article_form(make_section(), make_author(), **{f"slug_{language}": slug})
    )

    form = response.context["adminform"].form
    assert response.status_code == 200
    assert list(form.errors) == [f"slug_{language}"]
    assert f"[{language}]" in form.errors[f"slug_{language}"][0]
    assert Article.objects.count() == 1


def test_article_without_an_author_is_refused(editor_client):
    data = admin_article_form(make_section(), make_author(), **{"bylines-0-author": ""})

    response = editor_client.post(ADD_URL, data)

    formsets = {inline.formset.prefix: inline.formset for inline in response.context["inline_admin_formsets"]}
    assert response.status_code == 200
    # The one row the byline inline requires (min_num) cannot be left blank.
    assert formsets["bylines"].errors == [{"author": ["This field is required."]}]
    assert Article.objects.count() == 0


def test_an_add_form_sending_no_byline_rows_is_refused(editor_client):
    data = admin_article_form(make_section(), make_author(), **{"bylines-TOTAL_FORMS": "0"})

    response = editor_client.post(ADD_URL, data)

    assert response.status_code == 200
    assert "Please submit at least 1 form." in response.content.decode()
    assert Article.objects.count() == 0


def test_deleting_an_articles_only_author_is_refused(editor_client):
    article = make_article()
    byline = article.bylines.get()
    data = admin_article_form(article.section, byline.author, slug_en=article.slug_en, slug_hy=article.slug_hy)
    data |= {
        "bylines-INITIAL_FORMS": "1",
        "bylines-0-id": str(byline.pk),
        "bylines-0-article": str(article.pk),
        "bylines-0-DELETE": "on",
    }

    response = editor_client.post(f"/admin/articles/article/{article.pk}/change/", data)

    assert response.status_code == 200
    assert "Please submit at least 1 form." in response.content.decode()
    assert article.bylines.count() == 1


def test_a_file_that_is_not_an_image_is_a_form_error_on_the_featured_image(editor_client):
    not_an_image = SimpleUploadedFile("photo.jpg", b"this is plain text, not a JPEG", content_type="image/jpeg")

    response = editor_client.post(ADD_URL, admin_article_form(make_section(), make_author(), image=not_an_image))

    assert response.status_code == 200
    assert "image" in response.context["adminform"].form.errors
    assert Article.objects.count() == 0


def test_editors_group_has_exactly_the_editorial_permissions(editor):
    # The redirects editors add in the admin (crawlers' migration) are editorial too.
    editorial = Permission.objects.filter(content_type__app_label__in=["articles", "redirects"]).exclude(
        codename__in=BOOKKEEPING_PERMISSIONS
    )

    granted = Group.objects.get(name="Editors").permissions.all()

    assert set(granted) == set(editorial)
    assert {"publish_article", "add_article", "change_section", "view_formerslug"} <= {p.codename for p in granted}


def test_editors_have_no_permission_on_users_or_groups(editor):
    auth_permissions = Permission.objects.filter(content_type__app_label="auth")

    assert not any(editor.has_perm(f"auth.{permission.codename}") for permission in auth_permissions)


def test_editor_cannot_open_the_user_admin(editor_client):
    response = editor_client.get("/admin/auth/user/")

    assert response.status_code == 403


def test_article_list_shows_each_articles_translation_completeness(editor_client):
    make_article(title="Only English", languages=("en",))

    response = editor_client.get("/admin/articles/article/")

    page = response.content.decode()
    assert response.status_code == 200
    assert "EN ✓" in page
    assert "HY ✗" in page


@pytest.mark.parametrize("query", ["status__exact=draft", "published_at__year=2022", "allow_comments__exact=1"])
def test_article_list_filters_and_date_hierarchy_work_for_editors(editor_client, query):
    make_article(status=Article.Status.DRAFT)

    response = editor_client.get(f"/admin/articles/article/?{query}")

    assert response.status_code == 200


def test_article_list_search_finds_articles_by_armenian_title(editor_client):
    wanted = make_article(title_hy="Տնտեսական աճ")
    make_article()

    response = editor_client.get("/admin/articles/article/", {"q": "Տնտեսական"})

    assert list(response.context["cl"].result_list) == [wanted]


def test_view_on_site_of_a_draft_opens_its_preview(editor_client):
    draft = make_article(status=Article.Status.DRAFT)

    change_page = editor_client.get(f"/admin/articles/article/{draft.pk}/change/")

    assert f'href="{draft.get_preview_url("en")}"' in change_page.content.decode()


def test_view_on_site_of_a_published_article_opens_its_public_page(editor_client):
    article = make_article()

    change_page = editor_client.get(f"/admin/articles/article/{article.pk}/change/")

    assert f'href="{article.get_absolute_url("en")}"' in change_page.content.decode()


def test_staff_see_a_draft_in_the_preview(editor_client):
    draft = make_article(status=Article.Status.DRAFT)

    preview = editor_client.get(draft.get_preview_url("hy"))

    assert preview.status_code == 200
    assert f"<h1>{draft.title_hy}</h1>" in preview.content.decode()


def test_a_moderator_cannot_read_a_draft_through_the_preview(moderator_client):
    draft = make_article(status=Article.Status.DRAFT)

    preview = moderator_client.get(draft.get_preview_url("en"))

    assert preview.status_code == 403
    assert draft.title_en not in preview.content.decode()


def test_a_drafts_preview_links_to_its_preview_in_the_other_language(editor_client):
    draft = make_article(status=Article.Status.DRAFT)

    preview = editor_client.get(draft.get_preview_url("en"))

    assert f'<a href="{draft.get_preview_url("hy")}" hreflang="hy">' in preview.content.decode()


def test_a_drafts_preview_in_a_language_it_lacks_links_to_its_preview_in_the_languages_it_has(editor_client):
    draft = make_article(status=Article.Status.DRAFT, languages=("en",))

    preview = editor_client.get(draft.get_preview_url("hy"))

    assert preview.status_code == 404
    assert f'href="{draft.get_preview_url("en")}"' in preview.content.decode()


CHANGELIST_URL = "/admin/articles/article/"


def test_publish_action_publishes_complete_drafts(editor_client):
    draft = make_article(status=Article.Status.DRAFT)

    editor_client.post(CHANGELIST_URL, {"action": "publish", "_selected_action": [draft.pk]})

    draft.refresh_from_db()
    assert draft.status == Article.Status.PUBLISHED


def test_publish_action_leaves_a_draft_without_a_complete_language_and_says_why(editor_client):
    draft = make_article(status=Article.Status.DRAFT, languages=())
    draft.title_en = "Only a title"
    draft.save()

    response = editor_client.post(CHANGELIST_URL, {"action": "publish", "_selected_action": [draft.pk]}, follow=True)

    draft.refresh_from_db()
    assert draft.status == Article.Status.DRAFT
    assert "was not published" in response.content.decode()


def test_staff_without_the_publish_permission_are_not_offered_the_publish_actions(client):
    writer = make_editor("writer")
    writer.groups.clear()
    writer.user_permissions.set(
        Permission.objects.filter(codename__in=["view_article", "change_article", "add_article"])
    )
    client.force_login(writer)
    make_article()

    page = client.get(CHANGELIST_URL).content.decode()

    assert 'value="publish"' not in page
    assert 'value="unpublish"' not in page


def test_editors_are_offered_the_publish_actions(editor_client):
    make_article()

    page = editor_client.get(CHANGELIST_URL).content.decode()

    assert 'value="publish"' in page
    assert 'value="unpublish"' in page


def test_article_list_tells_scheduled_articles_from_published_ones(editor_client):
    make_article(title="Tomorrow's budget", published_at=timezone.now() + datetime.timedelta(days=1))

    page = editor_client.get(CHANGELIST_URL).content.decode()

    assert "Scheduled" in page
