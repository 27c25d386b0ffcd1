"""Moderators, the admin queue, and the email that tells moderators a comment waits."""

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse

from comments.models import BlockedWord, Comment
from tests.factories import make_article, make_comment, post_comment

pytestmark = pytest.mark.django_db

QUEUE = "/admin/comments/comment/"


def run_action(client, action, comments):
    return client.post(QUEUE, {"action": action, "_selected_action": [c.pk for c in comments]}, follow=True)


def test_moderators_group_holds_permissions_on_comments_only():
    group = Group.objects.get(name="Moderators")

    labels = {permission.content_type.app_label for permission in group.permissions.all()}
    codenames = set(group.permissions.values_list("codename", flat=True))

    assert labels == {"comments"}
    assert {"view_comment", "change_comment", "delete_comment", "change_blockedword"} <= codenames


def test_moderator_sees_the_queue_with_its_columns(moderator_client):
    article = make_article()
    make_comment(
        article,
        status=Comment.Status.PENDING,
        text="Queue me please",
        email="writer@example.org",
        website="https://writer.example/",
        ip_address="198.51.100.23",
    )

    page = moderator_client.get(QUEUE).content.decode()

    for shown in [
        "Queue me please",
        article.title_en,
        "writer@example.org",
        "https://writer.example/",
        "198.51.100.23",
    ]:
        assert shown in page, shown


def test_queue_lists_pending_comments_first(moderator_client):
    article = make_article()
    make_comment(article, status=Comment.Status.PENDING, text="Older pending remark")
    make_comment(article, status=Comment.Status.APPROVED, text="Newer approved remark")

    page = moderator_client.get(QUEUE).content.decode()

    assert page.index("Older pending remark") < page.index("Newer approved remark")


def test_queue_shows_how_many_comments_each_status_holds(moderator_client):
    article = make_article()
    for _ in range(3):
        make_comment(article, status=Comment.Status.PENDING)
    make_comment(article, status=Comment.Status.SPAM)

    page = moderator_client.get(QUEUE).content.decode()

    assert "Pending (3)" in page and "Spam (1)" in page and "Approved (0)" in page and "Trash (0)" in page


def test_queue_filters_by_status_and_searches_by_email(moderator_client):
    article = make_article()
    make_comment(article, status=Comment.Status.PENDING, text="Pending words", email="find.me@example.org")
    make_comment(article, status=Comment.Status.SPAM, text="Spammy words")

    filtered = moderator_client.get(QUEUE, {"status__exact": "spam"}).content.decode()
    searched = moderator_client.get(QUEUE, {"q": "find.me@example.org"}).content.decode()

    assert "Spammy words" in filtered and "Pending words" not in filtered
    assert "Pending words" in searched and "Spammy words" not in searched


def test_bulk_approve_records_approver_and_time(moderator_client, moderator):
    article = make_article()
    comments = [make_comment(article, status=Comment.Status.PENDING) for _ in range(2)]

    run_action(moderator_client, "approve", comments)

    for comment in comments:
        comment.refresh_from_db()
        assert comment.status == Comment.Status.APPROVED
        assert comment.approved_by == moderator and comment.approved_at is not None


@pytest.mark.parametrize(
    "action, status",
    [
        ("unapprove", Comment.Status.PENDING),
        ("mark_spam", Comment.Status.SPAM),
        ("move_to_trash", Comment.Status.TRASH),
    ],
)
def test_bulk_actions_move_comments_out_of_public_view(moderator_client, action, status):
    article = make_article()
    comment = make_comment(article, status=Comment.Status.APPROVED, text="Was public")

    run_action(moderator_client, action, [comment])

    comment.refresh_from_db()
    assert comment.status == status and comment.approved_at is None
    assert "Was public" not in moderator_client.get(article.get_absolute_url("en")).content.decode()


def test_approving_in_the_change_form_records_the_approver(moderator_client, moderator):
    article = make_article()
    comment = make_comment(article, status=Comment.Status.PENDING)
    url = reverse("admin:comments_comment_change", args=[comment.pk])

    response = moderator_client.post(
        url, {"name": comment.name, "email": comment.email, "website": "", "text": comment.text, "status": "approved"}
    )

    comment.refresh_from_db()
    assert response.status_code == 302
    assert comment.status == Comment.Status.APPROVED and comment.approved_by == moderator


def test_queue_links_each_public_comment_to_its_place_on_the_site(moderator_client):
    article = make_article()
    comment = make_comment(article)

    page = moderator_client.get(QUEUE).content.decode()

    assert f'href="{article.get_absolute_url("en")}#comment-{comment.pk}"' in page


def test_moderator_can_edit_the_blocklist(moderator_client):
    response = moderator_client.post("/admin/comments/blockedword/add/", {"word": "  Casino "})

    assert response.status_code == 302
    assert BlockedWord.objects.get().word == "casino"


def test_moderator_cannot_see_or_change_articles(moderator_client):
    article = make_article()
    change_url = reverse("admin:articles_article_change", args=[article.pk])

    listing = moderator_client.get("/admin/articles/article/")
    change = moderator_client.post(change_url, {"title_en": "Hijacked"})
    add = moderator_client.get("/admin/articles/article/add/")
    index = moderator_client.get("/admin/").content.decode()

    assert (listing.status_code, change.status_code, add.status_code) == (403, 403, 403)
    article.refresh_from_db()
    assert article.title_en != "Hijacked"
    assert "/admin/articles/" not in index and "/admin/comments/comment/" in index


def test_moderator_cannot_publish_articles_through_an_action(moderator_client):
    from articles.models import Article

    draft = make_article(status=Article.Status.DRAFT)

    response = moderator_client.post("/admin/articles/article/", {"action": "publish", "_selected_action": [draft.pk]})

    draft.refresh_from_db()
    assert response.status_code == 403 and draft.status == Article.Status.DRAFT


def test_article_admin_shows_comment_counts_with_links(admin_client):
    article = make_article()
    for _ in range(2):
        make_comment(article)
    make_comment(article, status=Comment.Status.PENDING)

    page = admin_client.get("/admin/articles/article/").content.decode()

    assert "2 approved" in page and "1 pending" in page
    assert f"/admin/comments/comment/?article__id__exact={article.pk}&amp;status__exact=pending" in page
    followed = admin_client.get(QUEUE, {"article__id__exact": article.pk, "status__exact": "pending"})
    assert followed.status_code == 200


def test_moderators_get_an_email_per_pending_comment_with_admin_links(
    client, moderator, mailoutbox, settings, run_tasks
):
    settings.SITE_URL = "https://news.example.org"
    User.objects.create_superuser("chief", "chief@newsroom.example", "pw")
    User.objects.create_superuser("no-mail", "", "pw")
    article = make_article()

    post_comment(client, article, name="Ani", text="Please look at this.")
    assert mailoutbox == []  # queued, not sent in the request
    run_tasks()

    comment = Comment.objects.get()
    assert sorted(message.to[0] for message in mailoutbox) == ["chief@newsroom.example", "mod@newsroom.example"]
    body = mailoutbox[0].body
    assert f"https://news.example.org/admin/comments/comment/{comment.pk}/change/" in body
    assert "https://news.example.org/admin/comments/comment/?status__exact=pending" in body
    assert "Please look at this." in body and article.title_en in mailoutbox[0].subject


def test_no_email_for_comments_held_as_spam(client, moderator, mailoutbox, run_tasks):
    article = make_article()

    post_comment(client, article, seconds_ago=0)
    run_tasks()

    assert Comment.objects.get().status == Comment.Status.SPAM
    assert mailoutbox == []


def test_a_failing_mail_server_does_not_lose_the_comment(client, moderator, settings, run_tasks):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9  # nothing listens there
    article = make_article()

    response = post_comment(client, article)
    run_tasks()

    assert response.status_code == 302 and Comment.objects.count() == 1


def test_editing_a_comment_into_a_duplicate_is_a_form_error_not_a_crash(moderator_client):
    article = make_article()
    original = make_comment(article, email="same@example.org", text="Said once.")
    other = make_comment(article, email="same@example.org", text="Said differently.", status=Comment.Status.PENDING)
    url = reverse("admin:comments_comment_change", args=[other.pk])

    response = moderator_client.post(
        url, {"name": other.name, "email": other.email, "website": "", "text": original.text, "status": "pending"}
    )

    assert response.status_code == 200
    assert "You have already posted this comment." in response.content.decode()


def test_every_moderated_comment_is_saved_so_caches_hear_of_it(moderator_client):
    """A page cache invalidates on post_save; bulk actions must not bypass it with a bare UPDATE."""
    from django.db.models.signals import post_save

    article = make_article()
    comments = [make_comment(article, status=Comment.Status.PENDING) for _ in range(3)]
    heard = []

    def listen(sender, instance, **kwargs):
        heard.append(instance.pk)

    post_save.connect(listen, sender=Comment)
    try:
        run_action(moderator_client, "approve", comments)
        run_action(moderator_client, "move_to_trash", comments[:1])
    finally:
        post_save.disconnect(listen, sender=Comment)

    assert sorted(heard) == sorted([c.pk for c in comments] + [comments[0].pk])


def test_moderator_email_is_plain_text_not_html_escaped(client, moderator, mailoutbox, run_tasks):
    article = make_article(title="Tariffs & “trade”")

    post_comment(client, article, name="Ani & Co", text="Is 5 < 6? <b>Yes</b>.")
    run_tasks()

    message = mailoutbox[0]
    assert "Tariffs & “trade”" in message.subject
    assert "Ani & Co" in message.body and "Is 5 < 6? <b>Yes</b>." in message.body
