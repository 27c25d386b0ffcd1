"""
The database going away mid-flight: readers get a 503 page in their language,
and the same app server serves again, unrestarted, once the database returns.
A PostgreSQL cluster of the test's own is stopped and started; gunicorn keeps
its connections open (CONN_MAX_AGE) to prove broken ones are replaced.
"""

import pytest

from tests.servers import AppServer, PostgresCluster, manage, production_environment

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not PostgresCluster.available(), reason="PostgreSQL's server binaries (and root) are needed"),
]

SEED = "from tests.factories import make_article; print(make_article().get_absolute_url('hy'))"


@pytest.fixture
def cluster():
    cluster = PostgresCluster()
    cluster.start()
    yield cluster
    cluster.remove()


def test_database_down_answers_503_in_the_readers_language_and_recovers_without_restart(cluster):
    env = production_environment(DATABASE_URL=cluster.url(), CONN_MAX_AGE="60", PAGE_CACHE_SECONDS="0")
    manage(env, "migrate", "--no-input", "-v0")
    path = manage(env, "shell", "--no-imports", "-c", SEED).strip().splitlines()[-1]
    server = AppServer(env)
    server.start()
    try:
        assert server.get(path)[0] == 200

        cluster.stop()
        status, headers, body = server.get(path)
        assert status == 503
        assert headers["Retry-After"] == "30"
        assert "Շուտով կվերադառնանք" in body  # "Back in a moment"
        assert "Traceback" not in body

        cluster.start()
        assert server.get(path)[0] == 200
    finally:
        log = server.stop()
    assert "Database unavailable" in log
