"""
The microcache's refusals, each proven against a small app server of the
test's own whose answers carry exactly the header in question (the site itself
may not answer that way today, and these rules must hold whatever it does),
and the shipped file, TLS and all, accepted by `nginx -t`.
"""

import subprocess
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from deploy.loopback import SITE_CONFIG, around_site, microcache_seconds, nginx_binary
from tests.deploy.servers import fetch, nginx, unique_path

pytestmark = pytest.mark.slow

ANSWERS = {
    "/plain/": (200, {}),
    "/sets-cookie/": (200, {"Set-Cookie": "csrftoken=abc123; Path=/; SameSite=Lax"}),
    "/private/": (200, {"Cache-Control": "private"}),
    "/no-store/": (200, {"Cache-Control": "max-age=0, no-cache, no-store, must-revalidate, private"}),
    "/long-max-age/": (200, {"Cache-Control": "public, max-age=3600"}),
    "/redirect/": (302, {"Location": "/en/"}),
}


class AppServer(ThreadingHTTPServer):
    """Answers each path in ANSWERS with its status and headers, counting every request it gets."""

    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), AppRequest)
        self.requests: Counter[tuple[str, str]] = Counter()
        self.lock = threading.Lock()

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.server_address[1]}"

    def count(self, method: str, path: str) -> int:
        with self.lock:
            return self.requests[method, path]


class AppRequest(BaseHTTPRequestHandler):
    def do_GET(self):
        self.answer()

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.answer()

    def answer(self):
        with self.server.lock:
            self.server.requests[self.command, self.path] += 1
        status, headers = ANSWERS[self.path.split("?")[0]]
        body = f"answer {self.server.requests[self.command, self.path]} to {self.path}".encode()
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def app_server():
    server = AppServer()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def front(nginx_required, app_server, tmp_path_factory):
    workdir = tmp_path_factory.mktemp("nginx-rules")
    folders = {"STATIC_ROOT": workdir / "static", "MEDIA_ROOT": workdir / "media"}
    for folder in folders.values():
        folder.mkdir()
    with nginx(workdir, [app_server.address], {name: str(folder) for name, folder in folders.items()}) as base_url:
        yield base_url


@pytest.mark.parametrize("page", ["/sets-cookie/", "/private/", "/no-store/", "/redirect/"])
def test_response_a_shared_cache_must_not_keep_is_never_stored(front, app_server, page):
    path = unique_path(page)

    first = fetch(front, path)
    second = fetch(front, path)

    assert first.headers["X-Microcache"] == second.headers["X-Microcache"] == "MISS"
    assert app_server.count("GET", path) == 2


def test_post_reaches_the_app_even_while_the_page_is_cached(front, app_server):
    path = unique_path("/plain/")
    fetch(front, path)
    assert fetch(front, path).headers["X-Microcache"] == "HIT"

    posted = fetch(front, path, method="POST", form={"text": "hello"})

    assert app_server.count("POST", path) == 1
    assert posted.text == f"answer 1 to {path}"
    assert "X-Microcache" not in posted.headers


def test_app_max_age_does_not_stretch_the_microcache(front, app_server):
    path = unique_path("/long-max-age/")
    fetch(front, path)
    assert fetch(front, path).headers["X-Microcache"] == "HIT"

    time.sleep(microcache_seconds() + 1)
    after_the_window = fetch(front, path)

    assert after_the_window.headers["X-Microcache"] != "HIT"
    # The refresh runs in the background; the app is asked again at once.
    deadline = time.monotonic() + 5
    while app_server.count("GET", path) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert app_server.count("GET", path) == 2


def test_shipped_file_with_tls_and_the_http_redirect_passes_nginx_check(nginx_required, tmp_path):
    """The lines the loopback leaves out (TLS, port 80) are checked too, with a throwaway certificate."""
    certificates = tmp_path / "certificates"
    certificates.mkdir()
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=news.example.org",
            "-keyout",
            str(certificates / "privkey.pem"),
            "-out",
            str(certificates / "fullchain.pem"),
        ],
        check=True,
        capture_output=True,
    )
    site = (
        SITE_CONFIG.read_text()
        .replace("/etc/letsencrypt/live/news.example.org", str(certificates))
        .replace("/var/cache/nginx/newsroom", str(tmp_path / "microcache"))
        .replace("/var/log/nginx", str(tmp_path))
    )
    config = tmp_path / "nginx.conf"
    config.write_text(around_site(site, tmp_path))

    check = subprocess.run(
        [nginx_binary(), "-t", "-p", f"{tmp_path}/", "-e", str(tmp_path / "error.log"), "-c", str(config)],
        capture_output=True,
        text=True,
    )

    assert check.returncode == 0, check.stderr
    assert "test is successful" in check.stderr
