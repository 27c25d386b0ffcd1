"""
The hourly comment limit holds across app servers: two gunicorn servers
sharing one Redis (their "default" cache) count one address's comments
together, so switching servers gains a script nothing. With each server
counting alone (local memory), the same six posts would all be accepted.
"""

import shutil
import tempfile
import time

import pytest

from comments.rate_limit import seconds_until_next_window
from tests.security.live_site import form_timestamp, post_comment, seed_article, stored_comments
from tests.servers import AppServer, RedisServer, production_environment

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("redis-server") is None, reason="redis-server is not installed"),
]

LIMIT = 3


@pytest.fixture
def redis():
    server = RedisServer()
    server.start()
    yield server
    server.stop()


def test_two_app_servers_sharing_redis_count_one_address_together(redis):
    database = tempfile.mkdtemp(prefix="newsroom-limit-")
    env = production_environment(
        DATABASE_URL=f"sqlite:///{database}/db.sqlite3",
        REDIS_URL=redis.url(),
        COMMENTS_PER_HOUR=str(LIMIT),
        COMMENTS_FLOOD_SECONDS="0",
        COMMENTS_MIN_SECONDS="0",
    )
    pages = seed_article(env)
    if seconds_until_next_window() < 30:
        time.sleep(seconds_until_next_window())  # all six posts in one clock hour
    servers = [AppServer(env), AppServer(env)]
    for server in servers:
        server.start()
    try:
        timestamp = form_timestamp(servers[0], pages["hy"])

        def post(n, server):
            fields = {
                "text": f"Shared limit remark {n}.",
                "name": f"Reader {n}",
                "email": f"reader{n}@example.org",
                "timestamp": timestamp,
            }
            return post_comment(server, pages["post_hy"], fields)

        # The same address, alternating between the two servers.
        answers = [post(n, servers[n % 2]) for n in range(LIMIT + 3)]
        stored = stored_comments(env)
    finally:
        for server in servers:
            server.stop()
        shutil.rmtree(database, ignore_errors=True)

    assert [status for status, _, _ in answers] == [302] * LIMIT + [429] * 3
    status, headers, body = answers[LIMIT]
    assert int(headers["Retry-After"]) > 0
    assert "Վերջին ժամում" in body  # the Armenian reader's message: "in the last hour"
    assert f"Shared limit remark {LIMIT}.</textarea>" in body  # the input kept
    assert sorted(stored) == [f"Shared limit remark {n}." for n in range(LIMIT)]
