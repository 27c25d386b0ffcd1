"""
Versions of articles: every admin save keeps one with its author and time,
bylines and tags included; the history compares any two per language and
restores one (bylines and tags too) as a new version; only those who may edit
the article see its history, and only those who may also restore do so.
"""

import pytest
from django.contrib.auth.models import Permission, User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from reversion.models import Revision

from articles.models import Article, Byline
from articles.revisions import body_text, diff_words, versions_of
from tests.factories import (
    admin_article_form,
    make_article,
    make_author,
    make_moderator,
    make_section,
    make_staff_author,
    make_tag,
)

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/articles/article/add/"


def change_url(article):
    return f"/admin/articles/article/{article.pk}/change/"


def history_url(article):
    return f"/admin/articles/article/{article.pk}/history/"


def compare_url(article, older, newer):
    return f"/admin/articles/article/{article.pk}/history/compare/?from={older.pk}&to={newer.pk}"


def restore_url(article, version):
    return f"/admin/articles/article/{article.pk}/history/{version.pk}/restore/"


def change_form(article, authors, tags=(), **overrides) -> dict:
    """The change form of ``article`` as a browser sends it, its bylines replaced by ``authors``."""
    data = admin_article_form(
        article.section,
        authors[0],
        tags=tags,
        slug_en=article.slug_en,
        slug_hy=article.slug_hy,
        title_en=article.title_en,
        title_hy=article.title_hy,
        body_en=article.body_en,
        body_hy=article.body_hy,
        summary_en=article.summary_en,
        summary_hy=article.summary_hy,
    )
    data["lock_version"] = str(article.lock_version)  # opened now: not a stale form
    existing = list(article.bylines.all())
    data |= {"bylines-TOTAL_FORMS": str(len(existing) + len(authors)), "bylines-INITIAL_FORMS": str(len(existing))}
    for n, byline in enumerate(existing):
        data |= {
            f"bylines-{n}-id": str(byline.pk),
            f"bylines-{n}-article": str(article.pk),
            f"bylines-{n}-author": str(byline.author_id),
            f"bylines-{n}-position": str(n),
            f"bylines-{n}-DELETE": "on",
        }
    for m, author in enumerate(authors, start=len(existing)):
        data |= {
            f"bylines-{m}-id": "",
            f"bylines-{m}-article": str(article.pk),
            f"bylines-{m}-author": str(author.pk),
            f"bylines-{m}-position": str(m),
        }
    return data | overrides


@pytest.fixture
def edited(editor_client):
    """
    An article made in the admin (version 1: Anna, tag Elections), then edited
    (version 2: new English and Armenian bodies, Aram and Lilit as authors, tag Economy).
    """
    section, anna, aram, lilit = make_section(), make_author("Anna"), make_author("Aram"), make_author("Lilit")
    elections, economy = make_tag("Elections"), make_tag("Economy")
    response = editor_client.post(
        ADD_URL,
        admin_article_form(
            section,
            anna,
            tags=[elections],
            body_en="<p>The talks resumed on Monday.</p><p>Both sides spoke.</p>",
        ),
    )
    assert response.status_code == 302, response.context["errors"] if response.context else response
    article = Article.objects.get()
    response = editor_client.post(
        change_url(article),
        change_form(
            article,
            [aram, lilit],
            tags=[economy],
            body_en="<p>The talks resumed on Tuesday.</p><p>Both sides spoke.</p>",
            body_hy="<p>Բանակցությունները վերսկսվեցին երեքշաբթի։</p>",
            title_hy="Նոր վերնագիր",
        ),
    )
    assert response.status_code == 302
    article.refresh_from_db()
    return {
        "article": article,
        "authors": (anna, aram, lilit),
        "tags": (elections, economy),
        "versions": list(versions_of(article).order_by("pk")),
    }


def test_every_admin_save_keeps_a_version_with_its_author_and_time(edited, editor):
    first, second = edited["versions"]

    assert (first.revision.user, second.revision.user) == (editor, editor)
    assert first.revision.date_created <= second.revision.date_created
    assert first.field_dict["body_en"] == "<p>The talks resumed on Monday.</p><p>Both sides spoke.</p>"
    assert second.field_dict["body_en"] == "<p>The talks resumed on Tuesday.</p><p>Both sides spoke.</p>"


def test_a_version_holds_the_bylines_in_order_and_the_tags_saved_with_the_form(edited):
    first, second = edited["versions"]
    anna, aram, lilit = edited["authors"]
    elections, economy = edited["tags"]

    def bylines(version):
        kept = [v.field_dict for v in version.revision.version_set.all() if v.content_type.model == "byline"]
        return [b["author_id"] for b in sorted(kept, key=lambda b: b["position"])]

    assert bylines(first) == [anna.pk]
    assert bylines(second) == [aram.pk, lilit.pk]
    assert (first.field_dict["tags"], second.field_dict["tags"]) == ([elections.pk], [economy.pk])


def test_the_history_lists_the_versions_newest_first_with_who_saved_them(edited, editor_client):
    response = editor_client.get(history_url(edited["article"]))

    page = response.content.decode()
    assert response.status_code == 200
    assert [row["number"] for row in response.context["rows"]] == [2, 1]
    assert page.count("editor") >= 2
    assert "Compare the chosen versions" in page


def test_the_comparison_shows_the_changed_words_per_language_and_the_changed_bylines_and_tags(edited, editor_client):
    first, second = edited["versions"]

    response = editor_client.get(compare_url(edited["article"], first, second))

    page = response.content.decode()
    assert response.status_code == 200
    assert "<del>Monday</del><ins>Tuesday</ins>" in page
    assert "Both sides spoke." in page
    assert "<del>Երկխոսության նոր մակարդակ</del><ins>Նոր վերնագիր</ins>" in page
    assert "<del>երկուշաբթի</del><ins>երեքշաբթի</ins>" in page
    anna, aram, lilit = edited["authors"]
    assert f"<del>{anna}</del><ins>{aram}, {lilit}</ins>" in page
    elections, economy = edited["tags"]
    assert f"<del>{elections}</del><ins>{economy}</ins>" in page


def test_the_comparison_reads_the_body_as_text_not_markup(edited, editor_client):
    first, second = edited["versions"]

    page = editor_client.get(compare_url(edited["article"], first, second)).content.decode()

    assert "&lt;p&gt;" not in page
    assert "<p>The talks" not in page


def test_restoring_a_version_brings_back_its_texts_bylines_and_tags(edited, editor_client):
    article, (first, _second) = edited["article"], edited["versions"]
    anna = edited["authors"][0]
    elections = edited["tags"][0]

    confirmation = editor_client.get(restore_url(article, first))
    response = editor_client.post(restore_url(article, first))

    assert confirmation.status_code == 200
    assert "<ins>Monday</ins>" in confirmation.content.decode()
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.body_en == "<p>The talks resumed on Monday.</p><p>Both sides spoke.</p>"
    assert article.title_hy == "Երկխոսության նոր մակարդակ"
    assert [byline.author for byline in article.bylines.all()] == [anna]
    assert list(article.tags.all()) == [elections]


def test_a_restore_is_itself_a_version_and_the_restored_over_version_stays(edited, editor_client, editor):
    article, (first, second) = edited["article"], edited["versions"]

    editor_client.post(restore_url(article, first))

    versions = list(versions_of(article).order_by("pk"))
    assert versions[:2] == [first, second]
    assert len(versions) == 3
    assert versions[2].revision.user == editor
    assert versions[2].field_dict["body_en"] == first.field_dict["body_en"]
    history = editor_client.get(history_url(article)).content.decode()
    assert "Restored version 1." in history


def test_restoring_leaves_the_publishing_status_alone(edited, editor_client):
    article, (first, _second) = edited["article"], edited["versions"]
    Article.objects.filter(pk=article.pk).update(status=Article.Status.DRAFT)

    editor_client.post(restore_url(article, first))

    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT


def test_a_get_on_the_restore_address_only_asks_for_confirmation(edited, editor_client):
    article, (first, _second) = edited["article"], edited["versions"]

    page = editor_client.get(restore_url(article, first)).content.decode()

    article.refresh_from_db()
    assert "Tuesday" in article.body_en
    assert "Yes, restore version 1" in page
    assert len(versions_of(article)) == 2


def test_a_version_whose_slug_another_article_took_since_is_not_restored_and_says_why(edited, editor_client):
    article, (first, _second) = edited["article"], edited["versions"]
    editor_client.post(change_url(article), change_form(article, [edited["authors"][0]], slug_en="moved-away"))
    make_article(slug_en=first.field_dict["slug_en"])

    response = editor_client.post(restore_url(article, first), follow=True)

    article.refresh_from_db()
    assert article.slug_en == "moved-away"
    assert "was not restored" in response.content.decode()


def test_a_version_of_another_article_is_not_found(edited, editor_client):
    other = make_article()
    first = edited["versions"][0]

    assert editor_client.get(restore_url(other, first)).status_code == 404
    assert editor_client.post(restore_url(other, first)).status_code == 404
    assert editor_client.get(compare_url(other, *edited["versions"])).status_code == 404


@pytest.mark.parametrize("query", ["", "?from=1", "?from=x&to=y", "?from=1&to=1", "?from=99999999999999999999&to=1"])
def test_a_malformed_comparison_request_goes_back_to_the_history_with_a_message(edited, editor_client, query):
    article = edited["article"]

    response = editor_client.get(f"/admin/articles/article/{article.pk}/history/compare/{query}", follow=True)

    assert response.status_code in (200, 404)
    if response.status_code == 200:
        assert response.redirect_chain[-1][0] == history_url(article)


def test_an_unknown_article_has_no_history(editor_client):
    assert editor_client.get("/admin/articles/article/999999/history/").status_code == 404
    assert editor_client.get("/admin/articles/article/abc/history/").status_code == 404
    assert editor_client.get("/admin/articles/article/99999999999999999999999/history/").status_code == 404


def test_an_unknown_version_is_not_found(edited, editor_client):
    article = edited["article"]

    assert editor_client.get(f"{history_url(article)}999999/restore/").status_code == 404
    assert editor_client.post(f"{history_url(article)}99999999999999999999999/restore/").status_code == 404


def test_a_moderator_sees_no_history_and_cannot_restore(edited, client):
    article, first = edited["article"], edited["versions"][0]
    client.force_login(make_moderator())

    assert client.get(history_url(article)).status_code == 403
    assert client.get(compare_url(article, *edited["versions"])).status_code == 403
    assert client.post(restore_url(article, first)).status_code == 403
    article.refresh_from_db()
    assert "Tuesday" in article.body_en


def staff_with(*codenames) -> User:
    user = User.objects.create_user("writer", "writer@example.org", "a-long-password", is_staff=True)
    user.user_permissions.add(*Permission.objects.filter(content_type__app_label="articles", codename__in=codenames))
    return user


def test_an_author_sees_the_history_of_their_draft_but_a_forged_restore_is_refused(edited, client):
    article, first = edited["article"], edited["versions"][0]
    writer = make_staff_author()
    Article.objects.filter(pk=article.pk).update(status=Article.Status.DRAFT, created_by=writer)
    client.force_login(writer)

    history = client.get(history_url(article))
    forged = client.post(restore_url(article, first))

    assert history.status_code == 200
    assert "Restore this version" not in history.content.decode()
    assert forged.status_code == 403
    article.refresh_from_db()
    assert "Tuesday" in article.body_en
    assert len(versions_of(article)) == 2


def test_the_restore_permission_alone_without_editing_rights_is_refused(edited, client):
    article, first = edited["article"], edited["versions"][0]
    client.force_login(staff_with("view_article", "restore_article"))

    assert client.post(restore_url(article, first)).status_code == 403


def test_the_history_respects_the_admins_own_object_rule(edited, editor_client, monkeypatch):
    """Whatever the article admin decides for one article (as the Authors' rules do) applies to its history."""
    from django.contrib import admin

    article, first = edited["article"], edited["versions"][0]
    model_admin = admin.site._registry[Article]
    monkeypatch.setattr(
        type(model_admin),
        "has_change_permission",
        lambda self, request, obj=None: obj is None or obj.pk != article.pk,
    )

    assert editor_client.get(history_url(article)).status_code == 403
    assert editor_client.post(restore_url(article, first)).status_code == 403


def test_publishing_from_the_list_keeps_a_version(editor_client, editor):
    draft = make_article(status=Article.Status.DRAFT)

    editor_client.post("/admin/articles/article/", {"action": "publish", "_selected_action": [draft.pk]})

    (version,) = versions_of(draft)
    assert version.field_dict["status"] == Article.Status.PUBLISHED
    assert version.revision.user == editor


def test_the_history_takes_as_many_queries_with_60_versions_as_with_2(edited, editor_client, django_assert_num_queries):
    article = edited["article"]
    with CaptureQueriesContext(connection) as captured:
        editor_client.get(history_url(article))
    with_2 = len(captured)
    for n in range(58):
        editor_client.post(change_url(article), change_form(article, [edited["authors"][0]], summary_en=f"Summary {n}"))
        article.refresh_from_db()  # the next form is opened after this save
    assert len(versions_of(article)) == 60
    assert Revision.objects.count() == 60

    with django_assert_num_queries(with_2):
        response = editor_client.get(history_url(article))
    assert len(response.context["rows"]) == 50


def test_the_comparison_takes_a_fixed_number_of_queries_whatever_the_bylines_and_tags(
    editor_client, django_assert_num_queries
):
    section = make_section()
    few = [make_author() for _ in range(1)], [make_tag() for _ in range(1)]
    many = [make_author() for _ in range(8)], [make_tag() for _ in range(8)]
    counts = []
    for authors, tags in (few, many):
        editor_client.post(ADD_URL, admin_article_form(section, authors[0], tags=tags, slug_en="", slug_hy=""))
        article = Article.objects.latest("pk")
        editor_client.post(change_url(article), change_form(article, authors, tags=tags, summary_en="Changed"))
        older, newer = versions_of(article).order_by("pk")
        with CaptureQueriesContext(connection) as captured:
            assert editor_client.get(compare_url(article, older, newer)).status_code == 200
        counts.append(len(captured))
        Article.objects.filter(pk=article.pk).update(slug_en=None, slug_hy=None)

    assert counts[0] == counts[1]


def test_body_text_reads_paragraphs_as_lines_and_images_by_their_alt_text():
    html = '<h2>Talks</h2><p>They met &amp; spoke.</p><figure><img src="x.jpg" alt="The table"></figure><ul><li>One</li></ul>'

    assert body_text(html) == "Talks\nThey met & spoke.\n[image: The table]\nOne"


def test_diff_words_marks_only_the_changed_words():
    assert diff_words("They met on Monday.", "They met on Tuesday.") == [
        ("same", "They met on "),
        ("removed", "Monday"),
        ("added", "Tuesday"),
        ("same", "."),
    ]


def test_bylines_are_registered_with_articles():
    import reversion

    assert reversion.is_registered(Article)
    assert reversion.is_registered(Byline)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_an_editor_reads_the_diff_in_the_history_and_restores_the_earlier_headline(browser_page, live_server):
    from articles.revisions import keep_version
    from tests.factories import make_editor

    editor = make_editor()
    article = make_article(title_en="Talks resume")
    keep_version(article, editor)
    article.title_en = "Talks resume in Yerevan"
    article.save()
    keep_version(article, editor)
    page = browser_page
    page.goto(f"{live_server.url}/admin/login/?next={change_url(article)}")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "a-long-password")
    page.click("input[type=submit]")

    page.click("a.historylink")
    page.get_by_role("button", name="Compare the chosen versions").click()
    english = page.locator(".comparison-language[lang=en]")
    assert english.locator("ins").inner_text() == " in Yerevan"
    page.get_by_role("link", name="Restore version 1").click()
    page.get_by_role("button", name="Yes, restore version 1").click()

    assert "Version 1 was restored." in page.locator(".messagelist").inner_text()
    assert page.locator("#id_title_en").input_value() == "Talks resume"
    article.refresh_from_db()
    assert article.title_en == "Talks resume"
    assert len(versions_of(article)) == 3


def test_a_version_that_can_no_longer_be_read_is_a_message_not_an_error_page(edited, editor_client):
    article, (first, second) = edited["article"], edited["versions"]
    type(first).objects.filter(pk=first.pk).update(serialized_data="not json")

    compared = editor_client.get(compare_url(article, first, second), follow=True)
    restored = editor_client.post(restore_url(article, first), follow=True)

    for response in (compared, restored):
        assert response.redirect_chain[-1][0] == history_url(article)
        assert "This version can no longer be read." in response.content.decode()
    article.refresh_from_db()
    assert "Tuesday" in article.body_en
