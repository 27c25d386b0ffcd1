"""
The production path on loopback, started for real, on top of tests/servers.py:
gunicorn with production settings, a Redis and a PostgreSQL database of the
test's own, and nginx from deploy/nginx.conf (through deploy/loopback.py).
Each is a context manager that stops what it started; a part missing on this
machine skips the test with the reason.
"""

import contextlib
import http.client
import json
import re
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from http.cookiejar import CookieJar
from pathlib import Path
from urllib.parse import urlencode
from urllib.request import HTTPCookieProcessor, build_opener

import pytest

from bench import servers as bench_servers
from deploy.loopback import NginxNotInstalled, nginx_config, start_nginx, stop_nginx
from tests.servers import PROJECT, AppServer, RedisServer, free_port, manage, production_environment


def production_env(workdir: Path, database_url: str, **overrides: str) -> dict[str, str]:
    """
    What an operator's /etc/newsroom/env would hold for a site on loopback,
    nginx being the trusted proxy in front (tests.servers gives the rest:
    DEBUG off, plain HTTP, static files collected).
    """
    return production_environment(
        DATABASE_URL=database_url,
        MEDIA_ROOT=str(workdir / "media"),
        TRUSTED_PROXIES="127.0.0.1",
        EMAIL_URL="consolemail://",
        LOG_LEVEL="WARNING",
        # The tests post the comment form as soon as they have read it.
        COMMENTS_MIN_SECONDS="0",
        **overrides,
    )


@dataclass
class SiteContent:
    """What tests/deploy/seed_site.py made (see there)."""

    article_path: str
    approved_text: str
    pending_comments: list[dict]  # each {"id", "text"}
    drafts: list[dict]  # each {"id", "title"}
    staff_username: str
    staff_password: str


def prepare_site(env: dict[str, str]) -> SiteContent:
    """A fresh database migrated as the deployment checklist says, then a little content."""
    manage(env, "migrate", "--no-input", "-v0")
    result = subprocess.run(
        [sys.executable, "-m", "tests.deploy.seed_site"],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return SiteContent(**json.loads(result.stdout.strip().splitlines()[-1]))


@contextlib.contextmanager
def gunicorn(env: dict[str, str], workers: int = 2) -> Iterator[str]:
    """An app server as deploy/newsroom.service runs it; yields its address (host:port)."""
    server = AppServer(env, workers=workers)
    server.start()
    try:
        yield f"127.0.0.1:{server.port}"
    finally:
        server.stop()


@contextlib.contextmanager
def nginx(workdir: Path, upstreams: list[str], env: dict[str, str]) -> Iterator[str]:
    """deploy/nginx.conf in front of ``upstreams`` on loopback, serving the folders ``env`` names; yields its base URL."""
    port = free_port()
    config = nginx_config(
        workdir=workdir / f"nginx-{port}",
        listen_port=port,
        upstreams=upstreams,
        static_root=Path(env["STATIC_ROOT"]),
        media_root=Path(env["MEDIA_ROOT"]),
    )
    try:
        process = start_nginx(config)
    except NginxNotInstalled as missing:
        pytest.skip(str(missing))
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        stop_nginx(process)


@contextlib.contextmanager
def redis_server() -> Iterator[str]:
    """A Redis of the test's own, nothing written to disk; yields its REDIS_URL."""
    if shutil.which("redis-server") is None:
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    server = RedisServer()
    server.start()
    try:
        yield server.url()
    finally:
        server.stop()


@contextlib.contextmanager
def postgres_database() -> Iterator[str]:
    """A database of the test's own on the machine's PostgreSQL (bench.servers'), dropped afterwards; skips without one."""
    try:
        with bench_servers.postgres_database() as url:
            yield url
    except ConnectionError as unreachable:
        pytest.skip(str(unreachable))


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode()


def fetch(base_url: str, path: str, method: str = "GET", cookie: str = "", form: dict | None = None) -> Response:
    """One request as an anonymous reader's browser sends it, redirects not followed."""
    host, port = base_url.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=30)
    headers = {"Cookie": cookie} if cookie else {}
    body = None
    if form is not None:
        body = urlencode(form)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        return Response(response.status, response.headers, response.read())
    finally:
        connection.close()


def unique_path(path: str) -> str:
    """The same page under an address no earlier request used, so no cache holds it yet."""
    return f"{path}?probe={uuid.uuid4().hex}"


class StaffBrowser:
    """
    A member of staff in the admin over real HTTP: cookies kept in a jar,
    each form sent with the CSRF token read from the page it came from, as a
    browser does. Redirects are followed, so a submission returns the page
    the admin lands on.
    """

    def __init__(self, base_url: str):
        self.base_url = base_url
        self.opener = build_opener(HTTPCookieProcessor(CookieJar()))

    def get(self, path: str) -> str:
        with self.opener.open(self.base_url + path, timeout=60) as response:
            return response.read().decode()

    def submit(self, path: str, fields: dict) -> str:
        """Opens the page at ``path`` and sends ``fields`` to it with the page's CSRF token."""
        token = csrf_token(self.get(path))
        body = urlencode({"csrfmiddlewaretoken": token, **fields}, doseq=True).encode()
        with self.opener.open(self.base_url + path, data=body, timeout=60) as response:
            return response.read().decode()

    def log_in(self, username: str, password: str) -> None:
        page = self.submit(
            "/admin/login/?next=/admin/", {"username": username, "password": password, "next": "/admin/"}
        )
        if 'id="logout-form"' not in page:
            raise AssertionError("the admin did not sign the test's superuser in")


def csrf_token(page: str) -> str:
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    if match is None:
        raise AssertionError("the page holds no CSRF token")
    return match.group(1)
