"""
An article's moves through the workflow, each recorded with who and when and
each announced: a submission to the Editors, every other move an editor makes
to the article's writers. Mail is queued with the move and sent by the worker.
"""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from articles import workflow
from articles.models import Article
from tests.factories import admin_change_form, make_article, make_editor

pytestmark = pytest.mark.django_db

Status = Article.Status
ADMIN = "/admin/articles/article/"


@pytest.fixture
def draft(staff_author):
    return make_article(status=Status.DRAFT, authors=[staff_author.author_profile], created_by=staff_author)


def test_an_author_submits_their_draft_and_the_editors_are_emailed(
    draft, staff_author, editor, admin_user, mailoutbox, run_tasks, settings
):
    settings.SITE_URL = "https://news.example.org"

    change = workflow.move(draft, Status.IN_REVIEW, by=staff_author)
    assert mailoutbox == []  # queued with the move, sent by the worker
    run_tasks()

    draft.refresh_from_db()
    assert draft.status == Status.IN_REVIEW
    assert (change.from_status, change.to_status, change.changed_by) == (Status.DRAFT, Status.IN_REVIEW, staff_author)
    assert sorted(message.to[0] for message in mailoutbox) == sorted([editor.email, admin_user.email])
    message = mailoutbox[0]
    assert draft.title_en in message.subject and "review" in message.subject
    assert f"https://news.example.org/admin/articles/article/{draft.pk}/change/" in message.body
    assert "https://news.example.org/admin/articles/article/?state=in_review" in message.body
    assert "writer" in message.body


def test_an_editor_submitting_is_not_emailed_about_their_own_submission(editor, mailoutbox, run_tasks):
    other_editor = make_editor("second-editor")
    article = make_article(status=Status.DRAFT, created_by=editor)

    workflow.move(article, Status.IN_REVIEW, by=editor)
    run_tasks()

    assert [message.to[0] for message in mailoutbox] == [other_editor.email]


@pytest.mark.parametrize(
    "start,to",
    [
        (Status.IN_REVIEW, Status.PUBLISHED),
        (Status.IN_REVIEW, Status.DRAFT),
        (Status.PUBLISHED, Status.UNPUBLISHED),
        (Status.UNPUBLISHED, Status.PUBLISHED),
        (Status.DRAFT, Status.PUBLISHED),
    ],
)
def test_an_editors_move_is_recorded_and_emailed_to_the_writer(
    draft, staff_author, editor, mailoutbox, run_tasks, start, to
):
    Article.objects.filter(pk=draft.pk).update(status=start)
    draft.refresh_from_db()

    workflow.move(draft, to, by=editor)
    run_tasks()

    draft.refresh_from_db()
    assert draft.status == to
    assert list(draft.state_changes.values_list("from_status", "to_status", "changed_by")) == [(start, to, editor.pk)]
    assert [message.to[0] for message in mailoutbox] == [staff_author.email]
    assert draft.title_en in mailoutbox[0].subject
    assert str(Status(to).label) in mailoutbox[0].subject


def test_an_author_withdraws_their_submission(draft, staff_author, editor, mailoutbox, run_tasks):
    workflow.move(draft, Status.IN_REVIEW, by=staff_author)

    workflow.move(draft, Status.DRAFT, by=staff_author)

    assert draft.status == Status.DRAFT
    assert list(draft.state_changes.values_list("to_status", flat=True)) == [Status.IN_REVIEW, Status.DRAFT]


@pytest.mark.parametrize("to", [Status.PUBLISHED, Status.UNPUBLISHED])
def test_an_author_cannot_make_a_publishing_move(draft, staff_author, to):
    with pytest.raises(PermissionDenied):
        workflow.move(draft, to, by=staff_author)

    draft.refresh_from_db()
    assert draft.status == Status.DRAFT and not draft.state_changes.exists()


def test_an_author_cannot_move_their_published_article(staff_author):
    live = make_article(authors=[staff_author.author_profile])

    with pytest.raises(PermissionDenied):
        workflow.move(live, Status.DRAFT, by=staff_author)


def test_an_author_cannot_move_someone_elses_draft(staff_author, editor):
    others = make_article(status=Status.DRAFT, created_by=editor)

    with pytest.raises(PermissionDenied):
        workflow.move(others, Status.IN_REVIEW, by=staff_author)


def test_an_incomplete_article_cannot_be_published_and_stays_where_it_was(editor):
    article = make_article(status=Status.IN_REVIEW, languages=(), title_en="Only a title")

    with pytest.raises(ValidationError):
        workflow.move(article, Status.PUBLISHED, by=editor)

    article.refresh_from_db()
    assert article.status == Status.IN_REVIEW and not article.state_changes.exists()


def test_publishing_from_review_dates_the_article_now_unless_scheduled(draft, editor):
    written_long_ago = timezone.now() - datetime.timedelta(days=3)
    Article.objects.filter(pk=draft.pk).update(status=Status.IN_REVIEW, published_at=written_long_ago)
    draft.refresh_from_db()
    now = timezone.now()

    workflow.move(draft, Status.PUBLISHED, by=editor, now=now)

    assert draft.published_at == now and draft.is_public


def test_publishing_from_review_keeps_a_date_to_come(draft, editor):
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    Article.objects.filter(pk=draft.pk).update(status=Status.IN_REVIEW, published_at=tomorrow)
    draft.refresh_from_db()

    workflow.move(draft, Status.PUBLISHED, by=editor)

    assert draft.published_at == tomorrow and draft.is_scheduled


def test_the_form_records_a_status_chosen_in_it(editor_client, editor, draft):
    response = editor_client.post(f"{ADMIN}{draft.pk}/change/", admin_change_form(draft, status=Status.PUBLISHED))

    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == Status.PUBLISHED
    assert draft.updated_by == editor
    assert list(draft.state_changes.values_list("to_status", "changed_by")) == [(Status.PUBLISHED, editor.pk)]


def test_an_author_submits_from_the_form_and_the_editors_are_emailed(
    staff_author_client, draft, editor, mailoutbox, run_tasks
):
    response = staff_author_client.post(
        f"{ADMIN}{draft.pk}/change/", admin_change_form(draft, status=Status.IN_REVIEW, title_en="Ready now")
    )
    run_tasks()

    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.status, draft.title_en) == (Status.IN_REVIEW, "Ready now")
    assert [message.to[0] for message in mailoutbox] == [editor.email]


def test_an_article_added_by_an_author_is_theirs(staff_author_client, staff_author, draft):
    data = admin_change_form(draft, title_en="Brand new", slug_en="brand-new", slug_hy="brand-new-hy")
    data |= {"bylines-INITIAL_FORMS": "0", "bylines-0-id": "", "bylines-0-article": ""}

    response = staff_author_client.post(f"{ADMIN}add/", data)

    assert response.status_code == 302
    added = Article.objects.get(slug_en="brand-new")
    assert added.created_by == staff_author and added.status == Status.DRAFT
    assert staff_author_client.get(f"{ADMIN}{added.pk}/change/").status_code == 200


def test_the_change_form_shows_the_workflow_history(editor_client, editor, draft, staff_author):
    workflow.move(draft, Status.IN_REVIEW, by=staff_author)
    workflow.move(draft, Status.PUBLISHED, by=editor)

    page = editor_client.get(f"{ADMIN}{draft.pk}/change/").content.decode()

    assert "Draft → In review · writer" in page
    assert "In review → Published · editor" in page


def test_the_review_queue_is_a_filter_with_counts_and_a_line_on_the_admin_index(editor_client, staff_author):
    waiting = [make_article(status=Status.IN_REVIEW) for _ in range(2)]
    make_article(status=Status.DRAFT)
    make_article(published_at=timezone.now() + datetime.timedelta(days=1))
    make_article(expires_at=timezone.now() - datetime.timedelta(minutes=1))

    listing = editor_client.get(ADMIN, {"state": "in_review"})
    index = editor_client.get("/admin/").content.decode()

    assert set(listing.context["cl"].result_list) == set(waiting)
    page = listing.content.decode()
    for label in ("Draft (1)", "In review (2)", "Scheduled (1)", "Published (0)", "Expired (1)", "Unpublished (0)"):
        assert label in page
    assert "2 articles wait for review" in index
    assert f'href="{ADMIN}?state=in_review"' in index


def test_authors_and_moderators_see_no_review_queue_on_the_index(staff_author_client, moderator_client):
    make_article(status=Status.IN_REVIEW)

    for client in (staff_author_client, moderator_client):
        assert "wait for review" not in client.get("/admin/").content.decode()


@pytest.mark.parametrize("state", ["draft", "in_review", "scheduled", "published", "expired", "unpublished", "bogus"])
def test_every_state_filter_answers(editor_client, state):
    make_article()

    assert editor_client.get(ADMIN, {"state": state}).status_code == 200
