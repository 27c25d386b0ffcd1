"""
Who may open every admin page and run every admin action: one row per page or
action, one expected answer per role (anonymous, author, moderator, editor,
superuser). The rows are enumerated against admin.site itself: a page or an
action added to any registered admin without a row here fails
test_every_admin_page_and_action_has_a_row.

The article admin's own rows, with their object-level cases (an author's own
draft against someone else's), live in tests/workflow/test_permissions.py;
this module runs those rows for the superuser too, and counts them as covered.
"""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group, User
from django.contrib.contenttypes.models import ContentType
from django.contrib.redirects.models import Redirect
from django.contrib.sites.models import Site
from django.test import RequestFactory
from django.urls import URLPattern, URLResolver
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from articles.models import Article, Author, InlineImage, Section, Tag
from articles.revisions import keep_version
from comments.models import BlockedWord, Comment
from tests.factories import (
    jpeg_bytes,
    make_article,
    make_author,
    make_comment,
    make_editor,
    make_moderator,
    make_section,
    make_staff_author,
    make_tag,
    upload,
)
from tests.workflow import test_permissions as article_rows
from wordpress.models import ImportedObject

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "author", "moderator", "editor", "superuser"]
LOGIN = "login"  # anonymous visitors are sent to the admin's sign-in page
MISSING = "missing"  # 404, reached through the language prefix's redirect
DONE, KEPT = "done", "kept"  # an action's effect happened, or the object is as it was


@pytest.fixture
def world():
    """One of each object an admin page shows, and one user per role."""
    author = make_staff_author()
    editor = make_editor()
    users = {
        "anonymous": None,
        "author": author,
        "moderator": make_moderator(),
        "editor": editor,
        "superuser": User.objects.create_superuser("root", "root@example.org", "a-long-password"),
    }
    draft = make_article(status=Article.Status.DRAFT, created_by=editor)
    keep_version(draft, editor)
    objects = {
        Group: Group.objects.create(name="Spare"),
        User: User.objects.create_user("spare", "spare@example.org", "a-long-password"),
        Site: Site.objects.create(domain="other.example", name="Other"),
        Redirect: Redirect.objects.create(site=Site.objects.get_current(), old_path="/old/", new_path="/new/"),
        DBTaskResult: DBTaskResult.objects.create(
            args_kwargs={"args": [], "kwargs": {}},
            task_path="comments.tasks.notify",
            backend_name="default",
            run_after=timezone.now(),
            exception_class_path="",
            traceback="",
        ),
        Section: make_section(),
        Author: make_author(),
        Tag: make_tag(),
        InlineImage: InlineImage.objects.create(image=upload(jpeg_bytes((320, 200))), alt_text="A quiet street"),
        Comment: make_comment(draft, status=Comment.Status.PENDING),
        BlockedWord: BlockedWord.objects.create(word="forbiddenword"),
        ImportedObject: ImportedObject.objects.create(
            site="https://wp.example",
            kind=ImportedObject.Kind.POST,
            wordpress_id="12",
            content_type=ContentType.objects.get_for_model(Article),
            object_id=draft.pk,
        ),
        Article: draft,
    }
    return users, objects


def base(model):
    return f"/admin/{model._meta.app_label}/{model._meta.model_name}/"


def page(suffix):
    """A GET of the model's admin page ``suffix`` ("{pk}" stands for the object's key)."""
    return lambda model, obj: ("get", base(model) + suffix.format(pk=obj.pk), None)


def site_page(url):
    return lambda model, obj: ("get", url(obj) if callable(url) else url, None)


def action(name):
    return lambda model, obj: ("post", base(model), {"action": name, "_selected_action": [obj.pk], "post": "yes"})


def deleted(model, obj):
    return not model.objects.filter(pk=obj.pk).exists()


def status_is(status):
    return lambda model, obj: model.objects.get(pk=obj.pk).status == status


# The answers every model with Django's standard pages gives, by who may do what to it.
def standard_pages(model, changelist, add, change, delete, history):
    return [
        (model, "changelist", page(""), changelist),
        (model, "add", page("add/"), add),
        (model, "change", page("{pk}/change/"), change),
        (model, "delete", page("{pk}/delete/"), delete),
        (model, "history", page("{pk}/history/"), history),
        # Django's bare <id>/ address only redirects to the change page, which then decides.
        (model, "redirect", page("{pk}/"), (LOGIN, 302, 302, 302, 302)),
    ]


ONLY_SUPERUSER = (LOGIN, 403, 403, 403, 200)
NOBODY = (LOGIN, 403, 403, 403, 403)
NEWSROOM = (LOGIN, 200, 403, 200, 200)  # authors read, editors write
EDITORS = (LOGIN, 403, 403, 200, 200)
MODERATORS = (LOGIN, 403, 200, 403, 200)

# (model or None for the admin site itself, page or action, request, expected answer per role)
PAGES = [
    *standard_pages(Group, ONLY_SUPERUSER, ONLY_SUPERUSER, ONLY_SUPERUSER, ONLY_SUPERUSER, ONLY_SUPERUSER),
    *standard_pages(User, ONLY_SUPERUSER, ONLY_SUPERUSER, ONLY_SUPERUSER, ONLY_SUPERUSER, ONLY_SUPERUSER),
    (User, "password_change", page("{pk}/password/"), ONLY_SUPERUSER),
    *standard_pages(Site, ONLY_SUPERUSER, ONLY_SUPERUSER, ONLY_SUPERUSER, ONLY_SUPERUSER, ONLY_SUPERUSER),
    *standard_pages(Redirect, EDITORS, EDITORS, EDITORS, EDITORS, EDITORS),
    # The task queue's records are read-only, even for a superuser.
    *standard_pages(DBTaskResult, ONLY_SUPERUSER, NOBODY, ONLY_SUPERUSER, NOBODY, ONLY_SUPERUSER),
    *standard_pages(Section, NEWSROOM, EDITORS, NEWSROOM, EDITORS, NEWSROOM),
    *standard_pages(Author, NEWSROOM, EDITORS, NEWSROOM, EDITORS, NEWSROOM),
    *standard_pages(Tag, NEWSROOM, EDITORS, NEWSROOM, EDITORS, NEWSROOM),
    # Authors upload the images their articles show, and may not delete them.
    *standard_pages(InlineImage, NEWSROOM, NEWSROOM, NEWSROOM, EDITORS, NEWSROOM),
    (InlineImage, "picker", page("picker/"), NEWSROOM),
    # Comments come only from readers: nobody adds one in the admin.
    *standard_pages(Comment, MODERATORS, NOBODY, MODERATORS, MODERATORS, MODERATORS),
    *standard_pages(BlockedWord, MODERATORS, MODERATORS, MODERATORS, MODERATORS, MODERATORS),
    # The import's records are written by import_wordpress only.
    *standard_pages(ImportedObject, ONLY_SUPERUSER, NOBODY, ONLY_SUPERUSER, ONLY_SUPERUSER, ONLY_SUPERUSER),
    (None, "index", site_page("/admin/"), (LOGIN, 200, 200, 200, 200)),
    (None, "login", site_page("/admin/login/"), (200, 302, 302, 302, 302)),
    # Signing out is a POST; an anonymous visitor is sent to the index, and from there to sign in.
    (None, "logout", site_page("/admin/logout/"), (302, 405, 405, 405, 405)),
    (None, "password_change", site_page("/admin/password_change/"), (LOGIN, 200, 200, 200, 200)),
    (None, "password_change_done", site_page("/admin/password_change/done/"), (LOGIN, 200, 200, 200, 200)),
    (None, "jsi18n", site_page("/admin/jsi18n/"), (LOGIN, 200, 200, 200, 200)),
    (
        None,
        "autocomplete",
        site_page("/admin/autocomplete/?app_label=articles&model_name=article&field_name=tags&term="),
        (LOGIN, 200, 403, 200, 200),
    ),
    # "View on site" for an editor's draft: the author and the moderator may not view it, so are not told where.
    (
        None,
        "view_on_site",
        site_page(lambda draft: f"/admin/r/{ContentType.objects.get_for_model(Article).pk}/{draft.pk}/"),
        (LOGIN, 403, 403, 302, 302),
    ),
    (None, "catch_all", site_page("/admin/no-such-page/"), (LOGIN, MISSING, MISSING, MISSING, MISSING)),
    (None, "app_list auth", site_page("/admin/auth/"), (LOGIN, MISSING, MISSING, MISSING, 200)),
    (None, "app_list sites", site_page("/admin/sites/"), (LOGIN, MISSING, MISSING, MISSING, 200)),
    (None, "app_list redirects", site_page("/admin/redirects/"), (LOGIN, MISSING, MISSING, 200, 200)),
    (
        None,
        "app_list django_tasks_database",
        site_page("/admin/django_tasks_database/"),
        (LOGIN, MISSING, MISSING, MISSING, 200),
    ),
    (None, "app_list articles", site_page("/admin/articles/"), (LOGIN, 200, MISSING, 200, 200)),
    (None, "app_list comments", site_page("/admin/comments/"), (LOGIN, MISSING, 200, MISSING, 200)),
    (None, "app_list wordpress", site_page("/admin/wordpress/"), (LOGIN, MISSING, MISSING, MISSING, 200)),
]

# (model, action, request, what shows it happened, expected outcome per role)
ACTIONS = [
    (Group, "delete_selected", action("delete_selected"), deleted, (KEPT, KEPT, KEPT, KEPT, DONE)),
    (User, "delete_selected", action("delete_selected"), deleted, (KEPT, KEPT, KEPT, KEPT, DONE)),
    (Site, "delete_selected", action("delete_selected"), deleted, (KEPT, KEPT, KEPT, KEPT, DONE)),
    (Redirect, "delete_selected", action("delete_selected"), deleted, (KEPT, KEPT, KEPT, DONE, DONE)),
    (Section, "delete_selected", action("delete_selected"), deleted, (KEPT, KEPT, KEPT, DONE, DONE)),
    (Author, "delete_selected", action("delete_selected"), deleted, (KEPT, KEPT, KEPT, DONE, DONE)),
    (Tag, "delete_selected", action("delete_selected"), deleted, (KEPT, KEPT, KEPT, DONE, DONE)),
    (Comment, "delete_selected", action("delete_selected"), deleted, (KEPT, KEPT, DONE, KEPT, DONE)),
    (BlockedWord, "delete_selected", action("delete_selected"), deleted, (KEPT, KEPT, DONE, KEPT, DONE)),
    (ImportedObject, "delete_selected", action("delete_selected"), deleted, (KEPT, KEPT, KEPT, KEPT, DONE)),
    *[
        (Comment, name, action(name), status_is(status), (KEPT, KEPT, DONE, KEPT, DONE))
        for name, status in [
            ("approve", Comment.Status.APPROVED),
            ("mark_spam", Comment.Status.SPAM),
            ("move_to_trash", Comment.Status.TRASH),
        ]
    ],
]


def sign_in(client, users, role):
    if users[role] is not None:
        client.force_login(users[role])


def answer(client, method, url, data):
    """The status a person meets: a refused anonymous visitor is LOGIN, a missing admin page MISSING."""
    response = client.post(url, data) if method == "post" else client.get(url)
    status = response.status_code
    if status == 302 and response["Location"].startswith("/admin/login/"):
        return LOGIN
    # Unknown addresses end up 404 through LocaleMiddleware's redirect to the language-prefixed path.
    if status == 302 and response["Location"] == f"/en{url}":
        return MISSING if client.get(response["Location"]).status_code == 404 else 302
    return status


def row_id(row):
    model = row[0]
    return f"{model._meta.label if model else 'site'} {row[1]}"


@pytest.mark.parametrize("role_index,role", list(enumerate(ROLES)))
@pytest.mark.parametrize("model,name,make_request,expected", PAGES, ids=[row_id(row) for row in PAGES])
def test_admin_page(client, world, role_index, role, model, name, make_request, expected):
    users, objects = world
    sign_in(client, users, role)
    method, url, data = make_request(model, objects[model or Article])

    assert answer(client, method, url, data) == expected[role_index], (role, url)


@pytest.mark.parametrize("role_index,role", list(enumerate(ROLES)))
@pytest.mark.parametrize("model,name,make_request,happened,expected", ACTIONS, ids=[row_id(row) for row in ACTIONS])
def test_admin_action(client, world, role_index, role, model, name, make_request, happened, expected):
    users, objects = world
    obj = objects[model]
    sign_in(client, users, role)
    method, url, data = make_request(model, obj)

    status = answer(client, method, url, data)

    # A refused action is a 403, or the list again (200, or 302 back to it) with "No action selected".
    assert status in (LOGIN, 200, 302, 403), (role, name, status)
    assert (DONE if happened(model, obj) else KEPT) == expected[role_index], (role, name, status)


@pytest.mark.parametrize(
    "path,subject,make_request,expected",
    article_rows.TABLE,
    ids=[f"{row[0]} ({row[1]})" for row in article_rows.TABLE],
)
def test_article_admin_superuser(client, path, subject, make_request, expected):
    """The article admin's rows, for the superuser: whatever an editor may do, and no less."""
    superuser = User.objects.create_superuser("root", "root@example.org", "a-long-password")
    author = make_staff_author()
    editor = make_editor()
    own = make_article(status=Article.Status.DRAFT, authors=[author.author_profile], created_by=author)
    others = make_article(status=Article.Status.DRAFT, created_by=editor)
    for article, writer in ((own, author), (own, author), (others, editor), (others, editor)):
        keep_version(article, writer)
    article = {"own": own, "other's": others}[subject.split(":")[0]]
    client.force_login(superuser)
    method, url, data = make_request(article)

    response = client.post(url, data) if method == "post" else client.get(url)

    assert response.status_code == expected[article_rows.ROLES.index("editor")]


def admin_site_url_names():
    """(model or None, name) for every address admin.site answers."""
    names = set()

    def walk(patterns):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns)
            elif isinstance(pattern, URLPattern) and pattern.name:
                names.add(pattern.name)

    walk(admin.site.get_urls())
    found = set()
    model_prefixes = {f"{m._meta.app_label}_{m._meta.model_name}_": m for m in admin.site._registry}
    for name in names:
        model = next((m for prefix, m in model_prefixes.items() if name.startswith(prefix)), None)
        found.add((model, name.removeprefix(f"{model._meta.app_label}_{model._meta.model_name}_") if model else name))
    for model in admin.site._registry:
        found.add((model, "redirect"))  # the unnamed <id>/ pattern
    found.add((None, "catch_all"))  # the unnamed final pattern
    found.discard((None, "app_list"))
    found |= {(None, f"app_list {m._meta.app_label}") for m in admin.site._registry}
    return found


def test_every_admin_page_and_action_has_a_row(admin_user):
    request = RequestFactory().get("/admin/")
    request.user = admin_user
    actions = {
        (model, name)
        for model, model_admin in admin.site._registry.items()
        for name in model_admin.get_actions(request)
    }
    article_covered = {(Article, row[0]) for row in article_rows.TABLE}
    covered = {(row[0], row[1]) for row in PAGES} | {(row[0], row[1]) for row in ACTIONS} | article_covered
    # unapprove is the reverse of approve on a pending comment: its row is below, with an approved comment.
    covered.add((Comment, "unapprove"))

    missing = (admin_site_url_names() | actions) - covered

    assert not missing, sorted(f"{m._meta.label if m else 'site'}: {n}" for m, n in missing)


@pytest.mark.parametrize(
    "role,expected", [("anonymous", KEPT), ("author", KEPT), ("moderator", DONE), ("editor", KEPT), ("superuser", DONE)]
)
def test_unapprove_action(client, world, role, expected):
    users, objects = world
    comment = objects[Comment]
    Comment.objects.filter(pk=comment.pk).update(status=Comment.Status.APPROVED)
    sign_in(client, users, role)

    client.post(base(Comment), {"action": "unapprove", "_selected_action": [comment.pk]})

    returned = Comment.objects.get(pk=comment.pk).status == Comment.Status.PENDING
    assert (DONE if returned else KEPT) == expected


def staff_only(view) -> bool:
    """Whether ``view``, or a view it wraps, is behind staff_member_required (its test is that decorator's lambda)."""
    while view is not None:
        for cell in getattr(view, "__closure__", None) or ():
            contents = cell.cell_contents
            if callable(contents) and "staff_member_required" in getattr(contents, "__qualname__", ""):
                return True
        view = getattr(view, "__wrapped__", None)
    return False


# Staff-only views outside the admin, by URL name, and the row of the article table that checks each.
STAFF_VIEWS = {"preview": "staff preview"}


def test_every_staff_only_view_outside_the_admin_has_a_row():
    from newsroom import urls

    found = set()

    def walk(patterns):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if pattern.app_name != "admin":
                    walk(pattern.url_patterns)
            elif staff_only(pattern.callback):
                found.add(pattern.name)

    walk(urls.urlpatterns)
    article_row_names = {row[0] for row in article_rows.TABLE}

    assert found == set(STAFF_VIEWS)
    assert set(STAFF_VIEWS.values()) <= article_row_names
