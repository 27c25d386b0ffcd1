"""
Faults while readers read and comment, against real gunicorn servers:

- Redis (the page cache and the comment limit's counter) stopped and started
  again while pages are read and comments posted: every request is answered
  (no 5xx), and every comment that got its success answer is stored.
- PostgreSQL restarted while comments are posted: every acknowledged comment
  is stored, every failure is the clean 503 page, and the same app server
  takes comments again once the database is back, without a restart.

Each test runs servers of its own (tests/servers.py); the machine's Redis and
PostgreSQL are never touched. What exists already: the database down for
reads (tests/newsroom/test_database_down.py), Redis outages in-process
(tests/pagecache/test_redis_outage.py), SQLite under 16 concurrent writers
(tests/comments/test_concurrency.py), the mail server down
(tests/newsroom/test_mail_queue.py).
"""

import itertools
import shutil
import tempfile
import threading
import time

import pytest

from tests.security.live_site import form_timestamp, post_comment, seed_article, stored_comments
from tests.servers import AppServer, PostgresCluster, RedisServer, production_environment

pytestmark = pytest.mark.slow


class Traffic:
    """
    Readers and commenters in background threads until stopped, each answer
    recorded with the moment it was asked (time.monotonic) and what was sent.
    """

    def __init__(self, server: AppServer, pages: dict, timestamp: str, readers: int = 2, commenters: int = 2):
        self.server, self.pages, self.timestamp = server, pages, timestamp
        self.stopping = threading.Event()
        self.lock = threading.Lock()
        self.reads, self.posts = [], []  # (asked_at, status, body) and (asked_at, status, body, text)
        self.numbers = itertools.count()
        self.threads = [threading.Thread(target=self.read) for _ in range(readers)]
        self.threads += [threading.Thread(target=self.comment) for _ in range(commenters)]

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.stopping.set()
        for thread in self.threads:
            thread.join(timeout=60)

    def read(self):
        paths = itertools.cycle([self.pages["en"], self.pages["hy"], "/en/", "/hy/"])
        while not self.stopping.is_set():
            asked_at = time.monotonic()
            try:
                status, _, body = self.server.get(next(paths))
            except OSError as error:  # no answer at all
                status, body = None, str(error)
            with self.lock:
                self.reads.append((asked_at, status, body))

    def comment(self):
        while not self.stopping.is_set():
            n = next(self.numbers)
            text = f"Remark {n} sent through the fault."
            fields = {"text": text, "name": f"Reader {n}", "email": f"r{n}@example.org", "timestamp": self.timestamp}
            asked_at = time.monotonic()
            try:
                # Each commenter from an address of their own, told by the trusted proxy in front.
                status, _, body = post_comment(self.server, self.pages["post_en"], fields, f"10.9.{n // 250}.{n % 250}")
            except OSError as error:
                status, body = None, str(error)
            with self.lock:
                self.posts.append((asked_at, status, body, text))

    def acknowledged(self) -> list[str]:
        return [text for _, status, _, text in self.posts if status == 302]


def fault_environment(**overrides) -> dict:
    return production_environment(TRUSTED_PROXIES="127.0.0.1", COMMENTS_MIN_SECONDS="0", **overrides)


@pytest.mark.skipif(shutil.which("redis-server") is None, reason="redis-server is not installed")
def test_redis_stopped_during_reads_and_comment_posts_loses_no_answer_and_no_comment():
    redis = RedisServer()
    redis.start()
    database = tempfile.mkdtemp(prefix="newsroom-faults-")
    env = fault_environment(
        DATABASE_URL=f"sqlite:///{database}/db.sqlite3", REDIS_URL=redis.url(), PAGE_CACHE_RETRY_SECONDS="1"
    )
    pages = seed_article(env)
    server = AppServer(env, workers=2)
    server.start()
    try:
        timestamp = form_timestamp(server, pages["en"])
        with Traffic(server, pages, timestamp) as traffic:
            time.sleep(2)
            redis.stop()
            down_at = time.monotonic()
            time.sleep(3)
            redis.start()  # the same port, empty: as after a restart
            up_at = time.monotonic()
            time.sleep(3)
        stored = stored_comments(env)
    finally:
        log = server.stop()
        redis.stop()
        shutil.rmtree(database, ignore_errors=True)

    assert {status for _, status, _ in traffic.reads} == {200}
    assert {status for _, status, _, _ in traffic.posts} == {302}
    # The outage was real for the site: both kinds of request were made while Redis was away.
    assert [1 for asked_at, *_ in traffic.reads if down_at < asked_at < up_at]
    assert [1 for asked_at, *_ in traffic.posts if down_at < asked_at < up_at]
    assert "Page cache unavailable" in log
    assert sorted(stored) == sorted(traffic.acknowledged())


@pytest.mark.skipif(not PostgresCluster.available(), reason="PostgreSQL's server binaries (and root) are needed")
def test_postgresql_restarted_during_comment_posts_keeps_every_acknowledged_comment_and_recovers():
    cluster = PostgresCluster()
    cluster.start()
    try:
        # Connections kept open across requests, so that broken ones must be noticed and replaced.
        env = fault_environment(DATABASE_URL=cluster.url(), CONN_MAX_AGE="60")
        pages = seed_article(env)
        server = AppServer(env, workers=2)
        server.start()
        try:
            timestamp = form_timestamp(server, pages["en"])
            with Traffic(server, pages, timestamp, readers=1) as traffic:
                time.sleep(2)
                cluster.stop()
                time.sleep(2)
                cluster.start()
                up_at = time.monotonic()
                time.sleep(4)
            stored = stored_comments(env)
        finally:
            log = server.stop()
    finally:
        cluster.remove()

    statuses = [status for _, status, _, _ in traffic.posts]
    unanswered = [body for _, status, body, _ in traffic.posts if status is None]
    assert set(statuses) == {302, 503}, (unanswered, log)
    for _, status, body, _ in traffic.posts + [(*read, None) for read in traffic.reads]:
        if status != 200 and status != 302:
            assert status == 503
            # The page in the language of the address asked (the readers read both).
            assert ("Շուտով կվերադառնանք" if '<html lang="hy">' in body else "Back in a moment") in body
            assert "Traceback" not in body
    # Recovered without a restart: everything asked a second after the database returned succeeded.
    after = [status for asked_at, status, _, _ in traffic.posts if asked_at > up_at + 1]
    assert after and set(after) == {302}
    assert {status for asked_at, status, _ in traffic.reads if asked_at > up_at + 1} == {200}
    assert "Database unavailable" in log
    # Every comment that got its success answer is stored (a failed one may be, too: its commit
    # may have landed before the answer was lost).
    assert set(traffic.acknowledged()) <= set(stored)
    assert len(stored) == len(set(stored))
