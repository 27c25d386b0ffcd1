"""
Pages per second and latency of the public pages, served by gunicorn over
loopback, against the floor: a plain Django view rendering the same article
template from a context held in memory, with no database (bench/floor.py).

Everything runs in one go on a throwaway SQLite database seeded with the demo
content; the ratios (page / floor) are what to compare between runs and machines.
"""

import http.client
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", 4))
REQUESTS = int(os.environ.get("BENCH_REQUESTS", 1500))
TIME_LIMIT = float(os.environ.get("BENCH_SECONDS", 20))
WORKERS = int(os.environ.get("BENCH_WORKERS", 2))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env: dict, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=PROJECT, env=env, check=True, capture_output=True, text=True
    )
    return result.stdout


def load(port: int, path: str) -> dict:
    """Send REQUESTS GETs over CONNECTIONS keep-alive connections (bounded in time too)."""
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    per_connection = REQUESTS // CONNECTIONS
    deadline = time.monotonic() + TIME_LIMIT

    def worker():
        nonlocal errors
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        mine = []
        for _ in range(per_connection):
            if time.monotonic() > deadline:
                break
            started = time.perf_counter()
            connection.request("GET", path, headers={"Host": "127.0.0.1"})
            response = connection.getresponse()
            response.read()
            mine.append(time.perf_counter() - started)
            if response.status != 200:
                with lock:
                    errors += 1
        connection.close()
        with lock:
            latencies.extend(mine)

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(CONNECTIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    latencies.sort()
    return {
        "requests": len(latencies),
        "errors": errors,
        "rps": len(latencies) / elapsed,
        "p50": statistics.median(latencies) * 1000,
        "p95": latencies[int(len(latencies) * 0.95) - 1] * 1000,
    }


def wait_for(port: int, server: subprocess.Popen) -> None:
    for _ in range(100):
        if server.poll() is not None:
            raise SystemExit(f"gunicorn exited with {server.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("gunicorn did not start")


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="newsroom-bench-") as workdir:
        env = os.environ | {
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "DATABASE_URL": f"sqlite:///{workdir}/bench.sqlite3",
            "MEDIA_ROOT": f"{workdir}/media",
            "STATIC_ROOT": f"{workdir}/static",
        }
        env.pop("DEBUG", None)
        manage(env, "migrate", "--no-input", "-v0")
        manage(env, "seed_demo")
        manage(env, "collectstatic", "--no-input", "-v0")
        script = "from bench.floor import demo_article_path; print(demo_article_path())"
        article_path = manage(env, "shell", "--no-imports", "-c", script).strip().splitlines()[-1]
        section_path = "/".join(article_path.split("/")[:3]) + "/"
        floor_path = article_path.replace("/en/", "/en/bench-floor/", 1)

        port = free_port()
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "newsroom.wsgi",
                "-w",
                str(WORKERS),
                "-b",
                f"127.0.0.1:{port}",
                "--log-level",
                "warning",
            ],
            cwd=PROJECT,
            env=env,
        )
        try:
            wait_for(port, server)
            pages = {
                "floor (no database)": floor_path,
                "home": "/en/",
                "section": section_path,
                "article": article_path,
            }
            for path in pages.values():  # warm up every worker
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                for _ in range(WORKERS * 5):
                    conn.request("GET", path, headers={"Host": "127.0.0.1"})
                    conn.getresponse().read()
                conn.close()
            results = {name: load(port, path) for name, path in pages.items()}
        finally:
            server.terminate()
            server.wait(timeout=10)

    floor = results["floor (no database)"]
    print(f"gunicorn {WORKERS} workers, {CONNECTIONS} keep-alive connections, up to {REQUESTS} requests per page")
    print(f"{'page':<22}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'errors':>8}{'vs floor':>10}")
    for name, result in results.items():
        ratio = result["rps"] / floor["rps"]
        print(
            f"{name:<22}{result['rps']:>9.0f}{result['p50']:>9.1f}{result['p95']:>9.1f}{result['errors']:>8}{ratio:>9.2f}x"
        )
