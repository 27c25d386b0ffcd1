"""The anti-spam rules and auto-approval of docs/design.md, "Comments", each proved on its own."""

import datetime
import time

import pytest
from django.test import Client
from django.utils import timezone

from comments.cookies import PENDING_COOKIE
from comments.forms import sign_timestamp
from comments.models import BlockedWord, Comment
from tests.factories import make_article, make_comment, post_comment

pytestmark = pytest.mark.django_db


def test_filled_honeypot_is_refused_with_a_visible_error(client):
    article = make_article()

    response = post_comment(client, article, homepage="https://spam.example/")

    page = response.content.decode()
    assert response.status_code == 400
    assert "This field must be left empty." in page
    assert "comment-form__field--shown" in page  # the trap is revealed, so a person can clear it
    assert Comment.objects.count() == 0


def test_submit_within_three_seconds_is_held_as_spam_not_dropped(client):
    article = make_article()

    response = post_comment(client, article, seconds_ago=1, text="Typed really fast.")

    comment = Comment.objects.get()
    assert response.status_code == 302
    assert (comment.status, comment.hold_reason) == (Comment.Status.SPAM, Comment.HoldReason.TOO_FAST)
    page = client.get(response["Location"]).content.decode()
    assert "Typed really fast." in page and "Your comment is awaiting moderation." in page


def test_submit_after_three_seconds_is_not_held(client):
    article = make_article()

    post_comment(client, article, seconds_ago=3.5)

    assert Comment.objects.get().status == Comment.Status.PENDING


@pytest.mark.parametrize("timestamp", ["", "garbage", "eyJhcnRpY2xlIjoxLCJhdCI6MH0:1xWAaN:forged"])
def test_missing_or_forged_timestamp_is_a_form_error_with_a_fresh_one(client, timestamp):
    article = make_article()

    response = post_comment(client, article, timestamp=timestamp, text="Please keep me.")

    page = response.content.decode()
    assert response.status_code == 400
    assert "Please keep me.</textarea>" in page
    assert 'name="timestamp" value=""' not in page
    assert Comment.objects.count() == 0


def test_timestamp_for_another_article_is_refused(client):
    article, other = make_article(), make_article()

    response = post_comment(client, article, timestamp=sign_timestamp(other, at=time.time() - 60))

    assert response.status_code == 400
    assert "This form is out of date or was altered." in response.content.decode()


def test_rerendered_form_keeps_the_readers_valid_timestamp(client):
    """Fixing a typo must not reset the clock and get the comment held as too fast."""
    article = make_article()
    stamp = sign_timestamp(article, at=time.time() - 60)

    response = post_comment(client, article, timestamp=stamp, email="oops")

    assert f'name="timestamp" value="{stamp}"' in response.content.decode()


def test_second_comment_from_one_address_within_fifteen_seconds_is_refused(client):
    article = make_article()
    post_comment(client, article, remote_addr="198.51.100.7")

    response = post_comment(
        client, article, remote_addr="198.51.100.7", text="Another thought", email="new@example.org"
    )

    assert response.status_code == 400
    assert "You are posting comments too quickly." in response.content.decode()
    assert Comment.objects.count() == 1


def test_second_comment_from_one_email_within_fifteen_seconds_is_refused(client):
    article = make_article()
    post_comment(client, article, remote_addr="198.51.100.7", email="same@example.org")

    response = post_comment(client, article, remote_addr="198.51.100.8", email="SAME@example.org", text="Other")

    assert response.status_code == 400
    assert Comment.objects.count() == 1


def test_comments_fifteen_seconds_apart_are_both_accepted(client):
    article = make_article()
    earlier = make_comment(article, ip_address="198.51.100.7", email="same@example.org")
    Comment.objects.filter(pk=earlier.pk).update(created_at=timezone.now() - datetime.timedelta(seconds=16))

    response = post_comment(client, article, remote_addr="198.51.100.7", email="same@example.org")

    assert response.status_code == 302


def test_forwarded_address_is_ignored_from_an_untrusted_peer(client, settings):
    settings.TRUSTED_PROXIES = []
    article = make_article()

    post_comment(client, article, remote_addr="203.0.113.5", headers={"x-forwarded-for": "198.51.100.99"})

    assert Comment.objects.get().ip_address == "203.0.113.5"


def test_forwarded_address_is_believed_from_a_trusted_proxy(client, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.1"]
    article = make_article()

    post_comment(client, article, remote_addr="10.0.0.1", headers={"x-forwarded-for": "1.2.3.4, 198.51.100.99"})

    # The right-most address the proxy added is the client; earlier ones are the client's own claim.
    assert Comment.objects.get().ip_address == "198.51.100.99"


def test_flood_control_uses_the_forwarded_address_behind_a_trusted_proxy(client, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.1"]
    article = make_article()

    first = post_comment(client, article, remote_addr="10.0.0.1", headers={"x-forwarded-for": "198.51.100.1"})
    second = post_comment(client, article, remote_addr="10.0.0.1", headers={"x-forwarded-for": "198.51.100.2"})
    again = post_comment(client, article, remote_addr="10.0.0.1", headers={"x-forwarded-for": "198.51.100.1"})

    assert (first.status_code, second.status_code, again.status_code) == (302, 302, 400)


def test_exact_duplicate_is_refused_with_a_clear_error(client, settings):
    settings.COMMENTS_FLOOD_SECONDS = 0
    article = make_article()
    post_comment(client, article, email="dup@example.org", text="Same words.", remote_addr="192.0.2.1")

    response = post_comment(client, article, email="Dup@Example.org", text="Same words.", remote_addr="192.0.2.2")

    assert response.status_code == 400
    assert "You have already posted this comment." in response.content.decode()
    assert Comment.objects.count() == 1


def test_same_words_from_another_person_or_on_another_article_are_not_duplicates(client, settings):
    settings.COMMENTS_FLOOD_SECONDS = 0
    article, other = make_article(), make_article()
    post_comment(client, article, email="a@example.org", text="Well said.")

    assert post_comment(client, article, email="b@example.org", text="Well said.").status_code == 302
    assert post_comment(client, other, email="a@example.org", text="Well said.").status_code == 302


def test_more_than_two_links_is_held_even_with_auto_approval(client, settings):
    settings.COMMENTS_AUTO_APPROVE = True
    article = make_article()
    make_comment(article, email="regular@example.org")
    text = "See https://a.example/ and http://b.example/ and www.c.example too."

    post_comment(client, article, email="regular@example.org", text=text)

    held = Comment.objects.get(text=text)
    assert (held.status, held.hold_reason) == (Comment.Status.PENDING, Comment.HoldReason.LINKS)


def test_two_links_are_allowed(client, settings):
    settings.COMMENTS_AUTO_APPROVE = True
    article = make_article()
    make_comment(article, email="regular@example.org")

    post_comment(client, article, email="regular@example.org", text="See https://a.example/ and https://b.example/.")

    assert Comment.objects.latest().status == Comment.Status.APPROVED


@pytest.mark.parametrize(
    "field, value",
    [("text", "Get CHEAP Pills here"), ("name", "cheap pills"), ("website", "https://cheap-pills.example/")],
)
def test_blocklisted_word_sends_the_comment_to_spam(client, field, value):
    BlockedWord.objects.create(word="Cheap Pills")
    BlockedWord.objects.create(word="cheap-pills")
    article = make_article()

    post_comment(client, article, **{field: value})

    comment = Comment.objects.get()
    assert (comment.status, comment.hold_reason) == (Comment.Status.SPAM, Comment.HoldReason.BLOCKLIST)


def test_blocklisted_comment_is_still_shown_to_its_author_as_awaiting(client):
    BlockedWord.objects.create(word="casino")
    article = make_article()

    response = post_comment(client, article, text="Best casino in town")

    assert PENDING_COOKIE in response.cookies
    assert "Best casino in town" in client.get(response["Location"]).content.decode()
    assert "Best casino in town" not in Client().get(response["Location"]).content.decode()


def test_auto_approval_is_off_by_default(client):
    article = make_article()
    make_comment(article, email="regular@example.org")

    post_comment(client, article, email="regular@example.org")

    assert Comment.objects.latest().status == Comment.Status.PENDING


def test_auto_approval_approves_an_email_with_an_earlier_approved_comment(client, settings):
    settings.COMMENTS_AUTO_APPROVE = True
    article = make_article()
    make_comment(article, email="regular@example.org")

    response = post_comment(client, article, email="Regular@Example.org", text="Approved at once.")

    comment = Comment.objects.get(text="Approved at once.")
    assert comment.status == Comment.Status.APPROVED and comment.approved_at is not None
    assert PENDING_COOKIE not in response.cookies
    assert "Approved at once." in Client().get(response["Location"]).content.decode()


def test_auto_approval_does_not_trust_an_email_whose_comments_were_only_pending(client, settings):
    settings.COMMENTS_AUTO_APPROVE = True
    article = make_article()
    make_comment(article, email="newcomer@example.org", status=Comment.Status.PENDING)

    post_comment(client, article, email="newcomer@example.org")

    assert Comment.objects.latest().status == Comment.Status.PENDING
