"""
The processes a benchmark run starts and stops, all on 127.0.0.1 and free
ports: gunicorn, its own redis-server, a minimal nginx for the static limit,
and a throwaway PostgreSQL database on the machine's server.
"""

import contextlib
import http.client
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
POSTGRES = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")


def production_environment(settings_module: str, workdir: Path, **overrides: str) -> dict:
    """
    The environment production settings read, for a server on 127.0.0.1 with no
    TLS in front: DEBUG off, static and media files in ``workdir``, mail kept,
    persistent connections as docs/deployment.md advises (opening a PostgreSQL
    connection per request would dominate the figures).
    """
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": settings_module,
        "DEBUG": "false",
        "SECRET_KEY": "local-measurement-only-secret-key-not-for-any-site",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(workdir / "media"),
        "EMAIL_URL": "dummymail://",
        "LOG_LEVEL": "WARNING",
        "CONN_MAX_AGE": os.environ.get("CONN_MAX_AGE", "60"),
    } | overrides


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_http(port: int, process: subprocess.Popen, name: str, path: str = "/", seconds: float = 30) -> None:
    """Until the server answers any HTTP status on ``path``; raises if it exits or stays silent."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{name} exited with status {process.returncode}")
        with contextlib.suppress(OSError, http.client.HTTPException):
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", path, headers={"Host": "127.0.0.1"})
            connection.getresponse().read()
            connection.close()
            return
        time.sleep(0.1)
    raise RuntimeError(f"{name} did not answer on port {port} within {seconds:.0f} s")


def wait_for_port(port: int, process: subprocess.Popen, name: str, seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{name} exited with status {process.returncode}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.2):
            return
        time.sleep(0.05)
    raise RuntimeError(f"{name} did not listen on port {port}")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def manage(env: dict, *args: str) -> str:
    """Runs a management command in the project with ``env``; its standard output."""
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=PROJECT, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")
    return result.stdout


@contextlib.contextmanager
def gunicorn(env: dict, workers: int, log: Path) -> Iterator[int]:
    """gunicorn serving the site with ``env``; yields its port."""
    port = free_port()
    with open(log, "ab") as errors:
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
            stdout=errors,
            stderr=errors,
        )
    try:
        wait_for_http(port, process, f"gunicorn (log: {log})", "/en/")
        yield port
    finally:
        stop(process)


@contextlib.contextmanager
def redis_server(workdir: Path) -> Iterator[str]:
    """A private redis-server without persistence; yields its URL."""
    port = free_port()
    process = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        cwd=workdir,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port, process, "redis-server")
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        stop(process)


STATIC_NGINX = """\
worker_processes auto;
daemon off;
pid {workdir}/nginx-static.pid;
error_log {workdir}/nginx-static-error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {workdir}/nginx-static-temp/body;
    proxy_temp_path {workdir}/nginx-static-temp/proxy;
    fastcgi_temp_path {workdir}/nginx-static-temp/fastcgi;
    uwsgi_temp_path {workdir}/nginx-static-temp/uwsgi;
    scgi_temp_path {workdir}/nginx-static-temp/scgi;
    server {{
        listen 127.0.0.1:{port};
        location / {{
            root {root};
            default_type "text/html; charset=utf-8";
            try_files /page.html =404;
        }}
    }}
}}
"""


@contextlib.contextmanager
def static_nginx(workdir: Path, page: Path) -> Iterator[int]:
    """nginx answering every request with the file ``page``: the static limit. Yields its port."""
    port = free_port()
    config = workdir / "nginx-static.conf"
    (workdir / "nginx-static-temp").mkdir(exist_ok=True)
    config.write_text(STATIC_NGINX.format(workdir=workdir, port=port, root=page.parent))
    process = subprocess.Popen(["nginx", "-c", str(config), "-p", str(workdir)], stderr=subprocess.DEVNULL)
    try:
        wait_for_http(port, process, "nginx")
        yield port
    finally:
        stop(process)


def nginx_available() -> bool:
    return shutil.which("nginx") is not None


@contextlib.contextmanager
def sqlite_database(workdir: Path, name: str) -> Iterator[str]:
    yield f"sqlite:///{workdir / name}.sqlite3"


@contextlib.contextmanager
def postgres_database() -> Iterator[str]:
    """A new database on the machine's PostgreSQL, dropped afterwards; raises ConnectionError when unreachable."""
    import psycopg

    name = f"newsroom_bench_{uuid.uuid4().hex[:8]}"
    try:
        admin = psycopg.connect(f"{POSTGRES}/postgres", autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as error:
        raise ConnectionError(f"PostgreSQL unreachable at {POSTGRES}: {error}".strip()) from None
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield f"{POSTGRES}/{name}"
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def workdir() -> tempfile.TemporaryDirectory:
    """A throwaway folder that nginx's unprivileged workers may read."""
    folder = tempfile.TemporaryDirectory(prefix="newsroom-bench-")
    os.chmod(folder.name, 0o755)  # nosec B103  # nginx's workers must read it; it holds no secret
    return folder
