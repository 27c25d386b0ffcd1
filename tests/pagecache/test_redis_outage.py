"""
With the page cache in Redis, a Redis that goes away costs speed, never pages:
they are served uncached, the outage is logged once, and caching resumes by
itself when Redis returns. A Redis server of the test's own is stopped and
started again; the machine's is never touched.
"""

import logging
import shutil
import time

import pytest
from django.core.cache import caches

from tests.factories import make_article
from tests.servers import RedisServer, free_port

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("redis-server") is None, reason="redis-server is not installed"),
]


@pytest.fixture
def redis_server(settings):
    server = RedisServer()
    server.start()
    url = server.url()
    options = {"SOCKET_CONNECT_TIMEOUT": 0.25, "SOCKET_TIMEOUT": 0.25}
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": url, "OPTIONS": options},
    }
    settings.PAGE_CACHE_RETRY_SECONDS = 0.5
    yield server
    server.stop()
    caches["pages"].close()


def test_pages_are_served_uncached_while_redis_is_down_and_cached_again_when_it_returns(client, redis_server, caplog):
    article = make_article()
    path = article.get_absolute_url("en")
    assert [client.get(path)["X-Cache"] for _ in range(2)] == ["miss", "hit"]

    redis_server.stop()
    with caplog.at_level(logging.WARNING, logger="pagecache.store"):
        during = [client.get(path) for _ in range(5)]
    assert [response.status_code for response in during] == [200] * 5
    assert {response["X-Cache"] for response in during} == {"bypass"}
    assert article.title_en in during[-1].content.decode()
    outage_logs = [record for record in caplog.records if "unavailable" in record.getMessage()]
    assert len(outage_logs) == 1

    redis_server.start()
    time.sleep(0.6)  # the retry interval
    after = [client.get(path)["X-Cache"] for _ in range(3)]
    # The first answer after the outage starts a new generation and is rendered fresh.
    assert after == ["bypass", "miss", "hit"]


def test_a_change_made_while_redis_was_down_is_not_hidden_by_an_old_copy(client, redis_server, settings):
    # Redis keeps its data across this outage (a network failure rather than a restart).
    article = make_article()
    path = article.get_absolute_url("en")
    client.get(path)
    proxy_port = free_port()
    settings.CACHES["pages"]["LOCATION"] = f"redis://127.0.0.1:{proxy_port}/0"
    caches["pages"].close()
    del caches["pages"]

    article.summary_en = "Changed while the cache was away"
    article.save()  # the new generation cannot be recorded: nothing listens on proxy_port
    assert "Changed while the cache was away" in client.get(path).content.decode()

    settings.CACHES["pages"]["LOCATION"] = f"redis://127.0.0.1:{redis_server.port}/0"
    del caches["pages"]
    time.sleep(0.6)

    assert "Changed while the cache was away" in client.get(path).content.decode()
