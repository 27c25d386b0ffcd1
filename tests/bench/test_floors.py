"""The floors `make bench` measures against answer like the page they stand for."""

import io
import shutil
import subprocess
import sys

import pytest
from django.core.management import call_command

from bench import load, servers
from bench.management.commands.seed_bench import benchmark_paths


@pytest.fixture
def bench_urls(settings):
    settings.ROOT_URLCONF = "bench.urls"
    settings.TEMPLATES[0]["DIRS"] = [*settings.TEMPLATES[0]["DIRS"], settings.BASE_DIR / "bench" / "templates"]


@pytest.fixture
def seeded(db):
    call_command("seed_bench", articles=20, comments=400, sections=3, tags=3, authors=3, stdout=io.StringIO())
    return benchmark_paths()


def test_template_floor_renders_the_benchmark_article_with_its_200_comments(seeded, bench_urls, client):
    floor = client.get(seeded["article"].replace("/en/", "/en/bench-floor/", 1))
    page = client.get(seeded["article"])
    assert floor.status_code == 200
    assert floor.content.count(b'id="comment-') == page.content.count(b'id="comment-') == 200


def test_handler_floor_returns_the_saved_page_bytes(bench_urls, client, tmp_path, monkeypatch):
    from bench import floor

    saved = tmp_path / "page.html"
    saved.write_bytes("<!doctype html><p>Երևան</p>".encode())
    monkeypatch.setenv("BENCH_SAVED_PAGE", str(saved))
    monkeypatch.setattr(floor, "_saved_page", [])
    response = client.get("/en/bench-handler-floor/")
    assert response.status_code == 200
    assert response.content == saved.read_bytes()


@pytest.mark.slow
def test_wrk_report_is_read_into_requests_and_latency(tmp_path):
    if shutil.which("wrk") is None:
        pytest.skip("wrk is not installed (apt-get install wrk)")
    (tmp_path / "index.html").write_text("<p>floor</p>")
    port = servers.free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(tmp_path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        servers.wait_for_port(port, server, "http.server")
        result = load.wrk(port, "/index.html", connections=2, seconds=1)
    finally:
        servers.stop(server)
    assert result.requests > 0
    assert result.errors == 0
    assert 0 < result.p50 <= result.p99
