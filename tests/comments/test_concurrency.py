"""Many readers posting at once through a real HTTP server: every comment is stored exactly once."""

import http.client
import time
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlencode, urlsplit

import pytest

from comments.forms import sign_timestamp
from comments.models import Comment
from tests.factories import make_article, post_url

THREADS = 16
COMMENTS = 200


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_sixteen_threads_posting_200_comments_store_each_exactly_once(live_server, settings):
    # Every comment comes from its own client address, told by the trusted proxy
    # in front (the live server sees all requests from 127.0.0.1).
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    article = make_article()
    path = post_url(article)
    # Minted with the site's own signer as though the page had been served a minute ago.
    timestamp = sign_timestamp(article, at=time.time() - 60)
    server = urlsplit(live_server.url)

    def post(n: int) -> int:
        body = urlencode(
            {
                "text": f"Concurrent remark number {n}.",
                "name": f"Reader {n}",
                "email": f"reader{n}@example.org",
                "timestamp": timestamp,
            }
        )
        connection = http.client.HTTPConnection(server.hostname, server.port, timeout=60)
        try:
            connection.request(
                "POST",
                path,
                body,
                {
                    "Content-Type": "application/x-www-form-urlencoded",
                    "X-Forwarded-For": f"10.{n // 250}.{n % 250}.1",
                },
            )
            return connection.getresponse().status
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        statuses = list(pool.map(post, range(COMMENTS)))

    assert not [status for status in statuses if status >= 500]
    assert statuses == [302] * COMMENTS
    texts = list(Comment.objects.filter(article=article).values_list("text", flat=True))
    assert len(texts) == COMMENTS
    assert sorted(texts) == sorted(f"Concurrent remark number {n}." for n in range(COMMENTS))
    assert Comment.objects.values("ip_address").distinct().count() == COMMENTS
