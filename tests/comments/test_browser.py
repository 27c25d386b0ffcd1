"""What a reader and a moderator do with the comments, in Debian's Chromium against the live server."""

import re

import pytest
from django.contrib.auth.models import User

from comments.models import Comment
from tests.factories import make_article, make_comment, moderators_group

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

AWAITING = "Your comment is awaiting moderation."
# Past COMMENTS_MIN_SECONDS, so the comment goes to the ordinary queue rather than being held as too fast.
READING_TIME_MS = 3200


def new_page(page):
    """A second reader: a new browser context, with cookies of its own."""
    other = page.context.browser.new_context().new_page()
    other.set_default_timeout(15_000)
    return other


def test_pending_comment_is_seen_by_its_author_then_by_everyone_once_approved(browser_page, live_server):
    article = make_article()
    moderator = User.objects.create_user("moderator", "moderator@newsroom.example", "a-long-password", is_staff=True)
    moderator.groups.add(moderators_group())
    article_url = live_server.url + article.get_absolute_url("en")
    reader, other_reader = browser_page, new_page(browser_page)

    reader.goto(article_url)
    reader.fill("#id_text", "An honest question about the second paragraph.")
    reader.fill("#id_name", "Mariam")
    reader.fill("#id_email", "mariam@example.org")
    reader.wait_for_timeout(READING_TIME_MS)
    reader.click("text=Post Comment")

    comment = Comment.objects.get()
    reader.wait_for_url(re.compile(rf"#comment-{comment.pk}$"))
    own = reader.locator(f"#comment-{comment.pk}")
    assert "An honest question" in own.inner_text() and AWAITING in own.inner_text()

    other_reader.goto(article_url)
    assert "An honest question" not in other_reader.content()

    admin = new_page(browser_page)
    admin.goto(live_server.url + "/admin/")
    admin.fill("#id_username", "moderator")
    admin.fill("#id_password", "a-long-password")
    admin.click("input[type=submit]")
    admin.goto(live_server.url + "/admin/comments/comment/?status__exact=pending")
    admin.check(f"input[name=_selected_action][value='{comment.pk}']")
    admin.select_option("select[name=action]", "approve")
    admin.click("button[name=index]")
    assert "1 comment approved." in admin.locator(".messagelist").inner_text()

    other_reader.reload()
    shown = other_reader.locator(f"#comment-{comment.pk}")
    assert "An honest question" in shown.inner_text() and AWAITING not in shown.inner_text()
    assert "mariam@example.org" not in other_reader.content()


def test_reply_moves_the_form_under_the_comment_and_remembered_details_fill_it(browser_page, live_server):
    article = make_article()
    parent = make_comment(article, name="Hayk", text="The first word on this.")
    page = browser_page
    page.goto(live_server.url + article.get_absolute_url("en"))

    page.click(f"#comment-{parent.pk} .comment-reply-link")

    assert page.locator(f"#comment-{parent.pk} #respond").count() == 1
    assert page.input_value("input[name=parent]") == str(parent.pk)
    page.fill("#id_text", "A reply with the form moved here.")
    page.fill("#id_name", "Anahit")
    page.fill("#id_email", "anahit@example.org")
    page.check("#id_remember")
    page.wait_for_timeout(READING_TIME_MS)
    page.click("text=Post Comment")

    reply = Comment.objects.get(parent=parent)
    page.wait_for_url(re.compile(rf"#comment-{reply.pk}$"))
    assert page.locator(f"#comment-{parent.pk} #comment-{reply.pk}").count() == 1
    # Next visit: the browser fills the form from the cookie; the server's HTML does not hold it.
    page.goto(live_server.url + article.get_absolute_url("hy"))
    assert page.input_value("#id_name") == "Anahit" and page.input_value("#id_email") == "anahit@example.org"
    assert page.is_checked("#id_remember")
    served = page.request.get(live_server.url + article.get_absolute_url("hy")).text()  # sent with the cookies
    assert "anahit@example.org" not in served
