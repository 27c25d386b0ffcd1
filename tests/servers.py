"""
Real servers for the tests that need them: the app under gunicorn, and a
PostgreSQL cluster or a Redis server of the test's own on free loopback ports,
which a test may stop and start at will (the machine's own are never touched).
"""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen | None = None, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} exited with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nothing answered on port {port}")


def postgres_bin() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    return found[-1].parent if found else None


class PostgresCluster:
    """A throwaway PostgreSQL cluster run as the ``postgres`` user, trusting local connections."""

    def __init__(self):
        self.bin = postgres_bin()
        self.port = free_port()
        self.directory = Path(tempfile.mkdtemp(prefix="newsroom-pg-"))
        shutil.chown(self.directory, "postgres")
        self.data = self.directory / "data"
        self.as_postgres([self.bin / "initdb", "-D", self.data, "-A", "trust", "-U", "postgres", "--no-sync"])

    @staticmethod
    def available() -> bool:
        return postgres_bin() is not None and shutil.which("runuser") is not None and os.geteuid() == 0

    def as_postgres(self, command) -> None:
        subprocess.run(
            ["runuser", "-u", "postgres", "--", *map(str, command)], check=True, capture_output=True, cwd="/"
        )

    def start(self) -> None:
        options = f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1 -c fsync=off"
        self.as_postgres(
            [self.bin / "pg_ctl", "-D", self.data, "-o", options, "-w", "-l", self.directory / "log", "start"]
        )

    def stop(self, mode: str = "fast") -> None:
        self.as_postgres([self.bin / "pg_ctl", "-D", self.data, "-m", mode, "-w", "stop"])

    def url(self, database: str = "postgres") -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def remove(self) -> None:
        try:
            self.stop("immediate")
        except subprocess.CalledProcessError:
            pass
        shutil.rmtree(self.directory, ignore_errors=True)


class RedisServer:
    def __init__(self):
        self.port = free_port()
        self.process = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )
        wait_for_port(self.port, self.process)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)

    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"


_static_root = None


def collected_static() -> str:
    """STATIC_ROOT with collectstatic run once per test process (production serves hashed names from it)."""
    global _static_root
    if _static_root is None:
        root = tempfile.mkdtemp(prefix="newsroom-static-")
        env = {key: value for key, value in os.environ.items() if key != "DEBUG"}
        env.update(DJANGO_SETTINGS_MODULE="newsroom.settings", STATIC_ROOT=root)
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"], cwd=PROJECT, env=env, check=True
        )
        _static_root = root
    return _static_root


def production_environment(**overrides) -> dict:
    """The environment of a production app server on loopback (DEBUG off, every required setting given)."""
    env = {key: value for key, value in os.environ.items() if key != "DEBUG"}
    env.update(
        DJANGO_SETTINGS_MODULE="newsroom.settings",
        SECRET_KEY="servers-under-test-only",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        SESSION_COOKIE_SECURE="false",
        CSRF_COOKIE_SECURE="false",
        STATIC_ROOT=collected_static(),
        MEDIA_ROOT=tempfile.mkdtemp(prefix="newsroom-media-"),
    )
    env.update(overrides)
    return env


def manage(env: dict, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=PROJECT, env=env, check=True, capture_output=True, text=True
    )
    return result.stdout


class AppServer:
    """gunicorn serving the project with ``env`` on a free port."""

    def __init__(self, env: dict, workers: int = 1):
        self.env, self.workers = env, workers
        self.port = free_port()
        self.process = None

    def start(self) -> None:
        command = [sys.executable, "-m", "gunicorn", "newsroom.wsgi", "-w", str(self.workers)]
        command += ["-b", f"127.0.0.1:{self.port}", "--log-level", "warning"]
        # The log goes to a file, not a pipe: a pipe nobody reads while the
        # server runs fills up, and a worker then blocks writing a warning.
        self.log = tempfile.TemporaryFile(mode="w+", encoding="utf-8")
        self.process = subprocess.Popen(command, cwd=PROJECT, env=self.env, stderr=self.log, text=True)
        wait_for_port(self.port, self.process)

    def stop(self) -> str:
        """Stops the server and returns what it logged."""
        self.process.terminate()
        self.process.wait(timeout=20)
        self.log.seek(0)
        errors = self.log.read()
        self.log.close()
        return errors

    def get(self, path: str, headers: dict | None = None):
        """(status, headers, body) of a GET, errors included."""
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=20) as response:
                return response.status, response.headers, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode()
