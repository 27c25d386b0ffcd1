"""
The hourly limit on comments per address (COMMENTS_PER_HOUR), counted in the
"default" cache: what it counts, how it answers (429, the reader's language,
the input kept), and whose address it is. That it holds across two app
servers sharing Redis is proven in test_shared_comment_limit.py.
"""

import time

import pytest

from comments.models import Comment
from comments.rate_limit import WINDOW_SECONDS, counted_address, take_comment_slot
from tests.factories import make_article, post_comment

pytestmark = pytest.mark.django_db


@pytest.fixture
def limit(settings):
    settings.COMMENTS_PER_HOUR = 3
    settings.COMMENTS_FLOOD_SECONDS = 0  # the flood rule has its own tests
    return 3


def post(client, article, n, language="en", remote_addr="198.51.100.4", forwarded_for=None, **overrides):
    fields = {"text": f"Remark number {n} on the matter.", "email": f"reader{n}@example.org"} | overrides
    headers = {"X-Forwarded-For": forwarded_for} if forwarded_for else {}
    return post_comment(client, article, language=language, remote_addr=remote_addr, headers=headers, **fields)


def test_an_address_may_post_its_hourly_allowance_and_then_gets_429_with_its_input_kept(client, limit):
    article = make_article()
    assert [post(client, article, n).status_code for n in range(limit)] == [302] * limit

    response = post(client, article, 99, text="One remark too many, kept for later.", name="Ani Writer")
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= WINDOW_SECONDS + 1
    page = response.content.decode()
    assert "Too many comments have come from your connection in the last hour." in page
    assert "One remark too many, kept for later.</textarea>" in page
    assert 'value="Ani Writer"' in page
    assert Comment.objects.count() == limit


def test_the_429_page_is_in_the_readers_language(client, limit):
    article = make_article()
    for n in range(limit):
        post(client, article, n, language="hy")
    response = post(client, article, 99, language="hy")
    assert response.status_code == 429
    page = response.content.decode()
    assert '<html lang="hy">' in page
    assert "Վերջին ժամում" in page  # "in the last hour"
    assert "Too many comments" not in page


def test_other_addresses_are_not_held_for_one_address_posting(client, limit):
    article = make_article()
    for n in range(limit):
        post(client, article, n)
    assert post(client, article, 98).status_code == 429
    assert post(client, article, 99, remote_addr="198.51.100.5").status_code == 302


def test_refused_posts_do_not_use_up_the_allowance(client, limit):
    article = make_article()
    for n in range(limit + 2):
        # A form error (the honeypot filled) stores nothing and counts nothing.
        assert post(client, article, n, homepage="http://spam.example").status_code == 400
    assert [post(client, article, n).status_code for n in range(limit)] == [302] * limit


def test_behind_a_trusted_proxy_the_forwarded_address_is_counted(client, limit, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.1"]
    article = make_article()
    for n in range(limit):
        post(client, article, n, remote_addr="10.0.0.1", forwarded_for="192.0.2.1")
    assert post(client, article, 98, remote_addr="10.0.0.1", forwarded_for="192.0.2.1").status_code == 429
    assert post(client, article, 99, remote_addr="10.0.0.1", forwarded_for="192.0.2.2").status_code == 302


def test_a_forged_forwarded_for_from_an_untrusted_client_changes_nothing(client, limit):
    article = make_article()
    for n in range(limit):
        post(client, article, n, forwarded_for=f"192.0.2.{n}")
    assert post(client, article, 99, forwarded_for="192.0.2.99").status_code == 429


def test_an_ipv6_network_of_one_subscriber_counts_as_one_address(client, limit):
    article = make_article()
    for n in range(limit):
        post(client, article, n, remote_addr=f"2001:db8:1:2::{n + 1}")
    assert post(client, article, 98, remote_addr="2001:db8:1:2:ffff::1").status_code == 429
    assert post(client, article, 99, remote_addr="2001:db8:1:3::1").status_code == 302
    assert counted_address("2001:db8:1:2::abcd") == "2001:db8:1:2::/64"
    assert counted_address("192.0.2.1") == "192.0.2.1"


def test_the_count_starts_again_each_hour(limit):
    hour = (time.time() // WINDOW_SECONDS) * WINDOW_SECONDS
    assert [take_comment_slot("192.0.2.1", now=hour + 10) for _ in range(limit + 1)] == [True] * limit + [False]
    assert take_comment_slot("192.0.2.1", now=hour + WINDOW_SECONDS + 10) is True


def test_zero_turns_the_limit_off(client, settings):
    settings.COMMENTS_PER_HOUR = 0
    settings.COMMENTS_FLOOD_SECONDS = 0
    article = make_article()
    assert {post(client, article, n).status_code for n in range(25)} == {302}
