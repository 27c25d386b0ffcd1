"""
Who may do what to an article, on every admin path: one row per path and
action, one column per role. A path or action added to the article admin
without a row here fails test_every_article_admin_path_and_action_has_a_row.

The authorization matrix (tests/security/test_authorization_matrix.py) runs
this table for the superuser too, and counts its rows as the article admin's.

Roles: an author (Authors group) whose own article is a draft, an editor, a
moderator and an anonymous visitor. "own" is the author's draft, "other's" a
draft an editor wrote. Every refused POST leaves the article as it was.
"""

import pytest
from django.contrib import admin
from django.test import RequestFactory
from reversion.models import Version

from articles.models import Article
from articles.revisions import keep_version
from tests.factories import admin_change_form, make_article, make_editor, make_moderator, make_staff_author

pytestmark = pytest.mark.django_db

ADMIN = "/admin/articles/article/"
LOGIN = 302  # anonymous visitors are sent to the sign-in page

ROLES = ["author", "editor", "moderator", "anonymous"]


def change_url(article):
    return f"{ADMIN}{article.pk}/change/"


def action(name):
    def post(article):
        return "post", ADMIN, {"action": name, "_selected_action": [article.pk]}

    return post


def get(url_of):
    return lambda article: ("get", url_of(article), None)


def forged_edit(article):
    return "post", change_url(article), admin_change_form(article, title_en="Forged title")


def restore_url(article):
    return f"{ADMIN}{article.pk}/history/{Version.objects.get_for_object(article).first().pk}/restore/"


def compare_url(article):
    versions = Version.objects.get_for_object(article).values_list("pk", flat=True)
    return f"{ADMIN}{article.pk}/history/compare/?from={min(versions)}&to={max(versions)}"


def forged_publish(article):
    return "post", change_url(article), admin_change_form(article, status=Article.Status.PUBLISHED)


def forged_schedule_and_expiry(article):
    data = admin_change_form(article, published_at_0="2099-01-01", expires_at_0="2099-02-01", expires_at_1="00:00:00")
    return "post", change_url(article), data


# (path or action, subject, request, expected status per role: author, editor, moderator, anonymous)
TABLE = [
    ("changelist", "own", get(lambda a: ADMIN), (200, 200, 403, LOGIN)),
    ("add", "own", get(lambda a: f"{ADMIN}add/"), (200, 200, 403, LOGIN)),
    ("change", "own", get(change_url), (200, 200, 403, LOGIN)),
    ("change", "other's", get(change_url), (403, 200, 403, LOGIN)),
    ("change", "own: POST an edit", forged_edit, (302, 302, 403, LOGIN)),
    ("change", "other's: POST an edit", forged_edit, (403, 302, 403, LOGIN)),
    ("change", "own: POST status published", forged_publish, (403, 302, 403, LOGIN)),
    # Django's bare <id>/ address only redirects to the change page, which then decides.
    ("redirect", "own", get(lambda a: f"{ADMIN}{a.pk}/"), (302, 302, 302, LOGIN)),
    ("delete", "own", get(lambda a: f"{ADMIN}{a.pk}/delete/"), (403, 200, 403, LOGIN)),
    ("delete", "own: POST", lambda a: ("post", f"{ADMIN}{a.pk}/delete/", {"post": "yes"}), (403, 302, 403, LOGIN)),
    ("history", "own", get(lambda a: f"{ADMIN}{a.pk}/history/"), (200, 200, 403, LOGIN)),
    ("history", "other's", get(lambda a: f"{ADMIN}{a.pk}/history/"), (403, 200, 403, LOGIN)),
    ("preview_link", "own", get(lambda a: f"{ADMIN}{a.pk}/preview-link/"), (403, 200, 403, LOGIN)),
    ("preview_link", "own: POST", lambda a: ("post", f"{ADMIN}{a.pk}/preview-link/", {}), (403, 302, 403, LOGIN)),
    ("publish", "own", action("publish"), (403, 302, 403, LOGIN)),
    ("unpublish", "own", action("unpublish"), (403, 302, 403, LOGIN)),
    ("delete_selected", "own", action("delete_selected"), (403, 200, 403, LOGIN)),
    ("submit_for_review", "own", action("submit_for_review"), (302, 302, 403, LOGIN)),
    ("submit_for_review", "other's", action("submit_for_review"), (302, 302, 403, LOGIN)),
    ("return_to_draft", "own", action("return_to_draft"), (302, 302, 403, LOGIN)),
    ("compare", "own", get(compare_url), (200, 200, 403, LOGIN)),
    ("compare", "other's", get(compare_url), (403, 200, 403, LOGIN)),
    ("restore", "own", get(restore_url), (403, 200, 403, LOGIN)),
    ("restore", "own: POST", lambda a: ("post", restore_url(a), {}), (403, 302, 403, LOGIN)),
    ("translations", "own", get(lambda a: f"{ADMIN}translations/"), (200, 200, 403, LOGIN)),
    ("translate", "own", get(lambda a: f"{ADMIN}{a.pk}/translate/hy/"), (200, 200, 403, LOGIN)),
    ("translate", "other's", get(lambda a: f"{ADMIN}{a.pk}/translate/hy/"), (403, 200, 403, LOGIN)),
    (
        "translation_up_to_date",
        "own: POST",
        lambda a: ("post", f"{ADMIN}{a.pk}/translate/hy/up-to-date/", {}),
        (403, 302, 403, LOGIN),
    ),
    ("mark_en_up_to_date", "own", action("mark_en_up_to_date"), (403, 302, 403, LOGIN)),
    ("mark_hy_up_to_date", "own", action("mark_hy_up_to_date"), (403, 302, 403, LOGIN)),
    ("staff preview", "own", get(lambda a: a.get_preview_url("en")), (200, 200, 403, LOGIN)),
    ("staff preview", "other's", get(lambda a: a.get_preview_url("en")), (403, 200, 403, LOGIN)),
]

# Rows whose request may change the article when allowed, and must not when refused.
CHANGES = {
    "change",
    "delete",
    "preview_link",
    "publish",
    "unpublish",
    "submit_for_review",
    "return_to_draft",
    "restore",
    "translation_up_to_date",
    "mark_en_up_to_date",
    "mark_hy_up_to_date",
}


@pytest.fixture
def people():
    author = make_staff_author()
    editor = make_editor()
    own = make_article(status=Article.Status.DRAFT, authors=[author.author_profile], created_by=author)
    others = make_article(status=Article.Status.DRAFT, created_by=editor)
    for article, writer in ((own, author), (own, author), (others, editor), (others, editor)):
        keep_version(article, writer)  # two versions each, to compare and restore
    users = {"author": author, "editor": editor, "moderator": make_moderator(), "anonymous": None}
    return users, {"own": own, "other's": others}


def snapshot(article_pk):
    """What a refused request must leave alone."""
    return Article.objects.filter(pk=article_pk).values("status", "title_en", "lock_version", "preview_key").first()


@pytest.mark.parametrize("role_index,role", list(enumerate(ROLES)))
@pytest.mark.parametrize("path,subject,make_request,expected", TABLE, ids=[f"{row[0]} ({row[1]})" for row in TABLE])
def test_article_admin_permissions(client, people, role_index, role, path, subject, make_request, expected):
    users, articles = people
    article = articles[subject.split(":")[0]]
    if users[role] is not None:
        client.force_login(users[role])
    method, url, data = make_request(article)
    before = snapshot(article.pk)

    response = client.post(url, data) if method == "post" else client.get(url)

    assert response.status_code == expected[role_index], (role, path, subject, response.status_code)
    if response.status_code == 302 and users[role] is None:
        assert response["Location"].startswith("/admin/login/")
    if path in CHANGES and response.status_code in (403, LOGIN) and (response.status_code == 403 or not users[role]):
        assert snapshot(article.pk) == before


def test_an_authors_forged_publication_leaves_the_article_a_draft_with_no_recorded_move(
    staff_author_client, staff_author
):
    own = make_article(status=Article.Status.DRAFT, authors=[staff_author.author_profile])

    response = staff_author_client.post(
        change_url(own), admin_change_form(own, status="published", title_en="Now live")
    )

    own.refresh_from_db()
    assert response.status_code == 403
    assert (own.status, own.title_en) == (Article.Status.DRAFT, own.title_en)
    assert own.title_en != "Now live"
    assert not own.state_changes.exists()


def test_an_author_cannot_add_an_article_already_published(staff_author_client, staff_author):
    own = make_article(status=Article.Status.DRAFT, authors=[staff_author.author_profile])
    data = admin_change_form(own, status="published", title_en="Fresh", slug_en="fresh", slug_hy="fresh-hy")
    data |= {"bylines-INITIAL_FORMS": "0", "bylines-0-id": "", "bylines-0-article": "", "lock_version": "0"}

    response = staff_author_client.post(f"{ADMIN}add/", data)

    assert response.status_code == 403
    assert not Article.objects.filter(slug_en="fresh").exists()


def test_an_author_cannot_schedule_or_set_an_expiry(staff_author_client, staff_author):
    own = make_article(status=Article.Status.DRAFT, authors=[staff_author.author_profile])
    published_at = own.published_at

    method, url, data = forged_schedule_and_expiry(own)
    response = staff_author_client.post(url, data)

    own.refresh_from_db()
    assert response.status_code == 302
    assert (own.published_at, own.expires_at) == (published_at, None)


def test_an_author_is_offered_only_draft_and_review_for_their_draft(staff_author_client, staff_author):
    own = make_article(status=Article.Status.DRAFT, authors=[staff_author.author_profile])

    page = staff_author_client.get(change_url(own)).content.decode()

    assert '<option value="in_review">' in page
    assert 'value="published"' not in page and 'value="unpublished"' not in page


def test_an_authors_published_article_opens_read_only(staff_author_client, staff_author):
    live = make_article(authors=[staff_author.author_profile])

    response = staff_author_client.get(change_url(live))
    refused = staff_author_client.post(change_url(live), admin_change_form(live, title_en="Quietly changed"))

    assert response.status_code == 200
    assert 'name="title_en"' not in response.content.decode()
    assert refused.status_code == 403


def test_the_article_list_shows_an_author_only_their_own_articles(staff_author_client, staff_author):
    own = make_article(authors=[staff_author.author_profile])
    created = make_article(status=Article.Status.DRAFT, created_by=staff_author)
    make_article(status=Article.Status.DRAFT)

    response = staff_author_client.get(ADMIN)

    assert set(response.context["cl"].result_list) == {own, created}


def test_an_author_is_offered_only_the_submit_and_return_actions(staff_author_client, staff_author):
    make_article(status=Article.Status.DRAFT, authors=[staff_author.author_profile])

    page = staff_author_client.get(ADMIN).content.decode()

    assert 'value="submit_for_review"' in page and 'value="return_to_draft"' in page
    assert 'value="publish"' not in page and 'value="unpublish"' not in page and 'value="delete_selected"' not in page


def test_every_article_admin_path_and_action_has_a_row(admin_user):
    model_admin = admin.site._registry[Article]
    request = RequestFactory().get(ADMIN)
    request.user = admin_user
    paths = {pattern.name.removeprefix("articles_article_") for pattern in model_admin.get_urls() if pattern.name}
    paths.add("redirect")  # the unnamed <id>/ pattern
    actions = set(model_admin.get_actions(request))

    covered = {row[0] for row in TABLE}

    assert paths | actions <= covered, (paths | actions) - covered


def test_an_author_submitting_someone_elses_article_by_a_forged_action_moves_nothing(staff_author_client, editor):
    others = make_article(status=Article.Status.DRAFT, created_by=editor)

    staff_author_client.post(ADMIN, {"action": "submit_for_review", "_selected_action": [others.pk]})

    others.refresh_from_db()
    assert others.status == Article.Status.DRAFT
    assert not others.state_changes.exists()


def test_a_read_only_article_shows_no_version_counter(staff_author_client, staff_author):
    live = make_article(authors=[staff_author.author_profile])

    page = staff_author_client.get(change_url(live)).content.decode()

    assert "lock_version" not in page and "Lock version" not in page


@pytest.mark.parametrize(
    "model,field",
    [("article", "tags"), ("byline", "author")],
)
def test_an_author_can_look_up_tags_and_authors_for_their_article(staff_author_client, model, field):
    response = staff_author_client.get(
        "/admin/autocomplete/", {"app_label": "articles", "model_name": model, "field_name": field, "term": ""}
    )

    assert response.status_code == 200
