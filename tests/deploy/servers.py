"""
The production path on loopback, started for real: gunicorn with production
settings, a Redis and a PostgreSQL database of the test's own, and nginx from
deploy/nginx.conf (through deploy/loopback.py). Each is a context manager that
stops what it started; a part missing on this machine skips the test with the
reason.
"""

import contextlib
import http.client
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from http.cookiejar import CookieJar
from pathlib import Path
from urllib.parse import urlencode
from urllib.request import HTTPCookieProcessor, build_opener

import pytest

from deploy.loopback import NginxNotInstalled, nginx_config, start_nginx, stop_nginx

PROJECT = Path(__file__).resolve().parents[2]
POSTGRES = {"host": "127.0.0.1", "port": 5432, "user": "postgres"}
# Every variable the settings read that the test suite's own process may hold
# (tests/settings.py sets some): a subprocess starts from none of them.
SETTINGS_VARIABLES = [
    "DEBUG",
    "DJANGO_SETTINGS_MODULE",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "DATABASE_URL",
    "CONN_MAX_AGE",
    "REDIS_URL",
    "PAGE_CACHE_SECONDS",
    "STATIC_ROOT",
    "MEDIA_ROOT",
    "TRUSTED_PROXIES",
    "SECURE_SSL_REDIRECT",
    "SECURE_PROXY_SSL_HEADER",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "EMAIL_URL",
    "SITE_URL",
    "LOG_LEVEL",
    "COMMENTS_MIN_SECONDS",
    "COMMENTS_FLOOD_SECONDS",
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def production_env(workdir: Path, database_url: str, **overrides: str) -> dict[str, str]:
    """
    What an operator's /etc/newsroom/env would hold for a site on loopback:
    DEBUG off, production settings module. Plain HTTP here, so no redirect to
    HTTPS and cookies that travel without TLS; nginx is the trusted proxy.
    """
    env = {name: value for name, value in os.environ.items() if name not in SETTINGS_VARIABLES}
    return env | {
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "SECRET_KEY": "deploy-tests-only",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": database_url,
        "STATIC_ROOT": str(workdir / "staticfiles"),
        "MEDIA_ROOT": str(workdir / "media"),
        "SECURE_SSL_REDIRECT": "false",
        "SESSION_COOKIE_SECURE": "false",
        "CSRF_COOKIE_SECURE": "false",
        "TRUSTED_PROXIES": "127.0.0.1",
        "EMAIL_URL": "consolemail://",
        "LOG_LEVEL": "WARNING",
        # The tests post the comment form as soon as they have read it.
        "COMMENTS_MIN_SECONDS": "0",
        **overrides,
    }


def manage(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=PROJECT, env=env, capture_output=True, text=True, timeout=300
    )
    if result.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


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
    """The deployment checklist on a fresh database (migrate, collectstatic), then a little content."""
    manage(env, "migrate", "--no-input", "-v0")
    manage(env, "collectstatic", "--no-input", "-v0")
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
def gunicorn(env: dict[str, str], workdir: Path, workers: int = 2) -> Iterator[str]:
    """An app server as deploy/newsroom.service runs it; yields its address (host:port)."""
    port = free_port()
    log = workdir / f"gunicorn-{port}.log"
    with open(log, "wb") as output:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "newsroom.wsgi",
                "--workers",
                str(workers),
                "--bind",
                f"127.0.0.1:{port}",
                "--log-level",
                "warning",
            ],
            cwd=PROJECT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=output,
        )
    try:
        wait_until_answering(port, process, log)
        yield f"127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=30)


def wait_until_answering(port: int, process: subprocess.Popen, log: Path, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"exited with {process.returncode}:\n{log.read_text(errors='replace')}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing answered on port {port}:\n{log.read_text(errors='replace')}")


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
def redis_server(workdir: Path) -> Iterator[str]:
    """A Redis of the test's own, nothing written to disk; yields its REDIS_URL."""
    binary = shutil.which("redis-server") or shutil.which("redis-server", path="/usr/sbin:/usr/local/bin")
    if binary is None:
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    port = free_port()
    log = workdir / f"redis-{port}.log"
    with open(log, "wb") as output:
        process = subprocess.Popen(
            [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", workdir],
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=output,
        )
    try:
        wait_until_answering(port, process, log)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=10)


@contextlib.contextmanager
def postgres_database() -> Iterator[str]:
    """A database of the test's own on the machine's PostgreSQL, dropped afterwards; yields its DATABASE_URL."""
    import psycopg

    name = f"newsroom_deploy_{uuid.uuid4().hex[:12]}"
    try:
        server = psycopg.connect(dbname="postgres", autocommit=True, connect_timeout=3, **POSTGRES)
    except psycopg.OperationalError as error:
        pytest.skip(f"PostgreSQL is not reachable on 127.0.0.1:5432 as postgres: {error}")
    with server:
        server.execute(f'CREATE DATABASE "{name}"')
        try:
            yield f"postgres://{POSTGRES['user']}@{POSTGRES['host']}:{POSTGRES['port']}/{name}"
        finally:
            server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


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
