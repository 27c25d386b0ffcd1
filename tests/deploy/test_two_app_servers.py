"""
Several app servers, one PostgreSQL, one Redis (docs/deployment.md): a
moderator's approval and an editor's publication made through one gunicorn
are what readers get from the other at once, cached pages notwithstanding,
and through nginx in front of both within the microcache's few seconds.
"""

import contextlib
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from deploy.loopback import microcache_seconds
from tests.deploy.servers import (
    SiteContent,
    StaffBrowser,
    fetch,
    gunicorn,
    nginx,
    postgres_database,
    prepare_site,
    production_env,
    redis_server,
)

pytestmark = pytest.mark.slow


@dataclass
class TwoAppServers:
    first: str  # host:port of each gunicorn
    second: str
    env: dict[str, str]
    workdir: Path
    content: SiteContent


@pytest.fixture(scope="module")
def two_app_servers(tmp_path_factory):
    """Two gunicorns on different ports sharing a PostgreSQL database and a Redis of the test's own."""
    workdir = tmp_path_factory.mktemp("two-app-servers")
    with contextlib.ExitStack() as stack:
        database_url = stack.enter_context(postgres_database())
        redis_url = stack.enter_context(redis_server())
        env = production_env(workdir, database_url, REDIS_URL=redis_url, PAGE_CACHE_SECONDS="600", CONN_MAX_AGE="60")
        content = prepare_site(env)
        first = stack.enter_context(gunicorn(env))
        second = stack.enter_context(gunicorn(env))
        yield TwoAppServers(first=first, second=second, env=env, workdir=workdir, content=content)


def approve_and_publish(app_server: str, content: SiteContent, change: int) -> None:
    """A superuser signs in to the admin on ``app_server``, approves one pending comment and publishes one draft."""
    staff = StaffBrowser(f"http://{app_server}")
    staff.log_in(content.staff_username, content.staff_password)
    comment, draft = content.pending_comments[change], content.drafts[change]
    queue = staff.submit(
        "/admin/comments/comment/", {"action": "approve", "_selected_action": comment["id"], "index": "0"}
    )
    assert "1 comment approved." in queue
    articles = staff.submit(
        "/admin/articles/article/", {"action": "publish", "_selected_action": draft["id"], "index": "0"}
    )
    assert "Published 1 articles." in articles


def test_approval_and_publication_through_one_app_server_show_at_once_through_the_other(two_app_servers):
    content = two_app_servers.content
    comment, draft = content.pending_comments[0], content.drafts[0]
    reader = f"http://{two_app_servers.second}"
    # The other server has rendered, and may have cached, both pages as they were.
    for _ in range(2):
        article_before, home_before = fetch(reader, content.article_path), fetch(reader, "/en/")
    assert article_before.headers["X-Cache"] == home_before.headers["X-Cache"] == "hit"
    assert content.approved_text in article_before.text
    assert comment["text"] not in article_before.text
    assert draft["title"] not in home_before.text

    approve_and_publish(two_app_servers.first, content, change=0)

    article_after, home_after = fetch(reader, content.article_path), fetch(reader, "/en/")
    assert comment["text"] in article_after.text
    assert draft["title"] in home_after.text


def test_approval_and_publication_reach_readers_through_nginx_within_the_microcache_window(
    two_app_servers, nginx_required
):
    content = two_app_servers.content
    comment, draft = content.pending_comments[1], content.drafts[1]
    upstreams = [two_app_servers.first, two_app_servers.second]
    with nginx(two_app_servers.workdir, upstreams, two_app_servers.env) as front:
        warm = [fetch(front, content.article_path) for _ in range(3)]
        assert warm[-1].headers["X-Microcache"] == "HIT"
        assert comment["text"] not in warm[-1].text
        assert draft["title"] not in fetch(front, "/en/").text

        approve_and_publish(two_app_servers.first, content, change=1)
        # The microcache may serve the page as it was for its few seconds, and
        # one more request while it refreshes; never longer.
        deadline = time.monotonic() + microcache_seconds() + 2
        seen = {"comment": False, "article": False}
        while not all(seen.values()) and time.monotonic() < deadline:
            seen["comment"] = seen["comment"] or comment["text"] in fetch(front, content.article_path).text
            seen["article"] = seen["article"] or draft["title"] in fetch(front, "/en/").text
            time.sleep(0.2)

    assert seen == {"comment": True, "article": True}
