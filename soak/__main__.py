"""
`make soak`: the production server under mixed traffic for SOAK_MINUTES
(default 5), then a report of what it answered and how its memory moved.

gunicorn serves the demo newsroom with production settings (DEBUG off,
collected static files, its own redis-server) on 127.0.0.1, from a throwaway
database on the configured PostgreSQL (BENCH_POSTGRES, as for `make bench`)
or, when that is unreachable or SOAK_DATABASE=sqlite, from SQLite. Meanwhile:

- readers fetch home, section, tag, author and article pages in English and
  Armenian (anonymous, so mostly from the page cache, which each comment and
  each approval empties);
- commenters read an article and post a new comment to it, each from an
  address of their own (the server trusts X-Forwarded-For from loopback, as
  behind nginx), so that flood control lets them through;
- a moderator, signed in to the admin, approves the pending comments every
  few seconds, through the changelist's "Approve" action.

The bar: no 5xx answer, and workers' memory flat (RSS at the end within
SOAK_GROWTH_LIMIT, default 10 %, of RSS after the warm-up: the first fifth
of the run, at most a minute). Workers are not
recycled (no --max-requests), so a leak would show. docs/soak.md explains it.
"""

import contextlib
import os
import subprocess
import sys
from pathlib import Path

from bench import servers

from . import traffic
from .report import Report, rss_of_workers

MINUTES = float(os.environ.get("SOAK_MINUTES", 5))
WORKERS = int(os.environ.get("SOAK_WORKERS", 2))
READERS = int(os.environ.get("SOAK_READERS", 3))
GROWTH_LIMIT = float(os.environ.get("SOAK_GROWTH_LIMIT", 0.10))
DATABASE = os.environ.get("SOAK_DATABASE", "postgresql")
MODERATOR = ("soak-moderator", "a-long-password-for-the-soak")


def environment(workdir: Path, redis_url: str) -> dict:
    return servers.production_environment(
        "newsroom.settings",
        workdir,
        DEMO="true",  # seed_demo's content; production settings leave the demo app out otherwise
        SESSION_COOKIE_SECURE="false",  # the moderator signs in over plain HTTP
        CSRF_COOKIE_SECURE="false",
        REDIS_URL=redis_url,
        TRUSTED_PROXIES="127.0.0.1",
        COMMENTS_MIN_SECONDS="0",
    )


CREATE_MODERATOR = """
from django.contrib.auth.models import Group, User
user = User.objects.create_user({username!r}, "moderator@soak.example", {password!r}, is_staff=True)
user.groups.add(Group.objects.get(name="Moderators"))
"""


def prepare(env: dict) -> None:
    servers.manage(env, "collectstatic", "--no-input", "-v0")
    servers.manage(env, "migrate", "--no-input", "-v0")
    servers.manage(env, "seed_demo")
    username, password = MODERATOR
    servers.manage(env, "shell", "--no-imports", "-c", CREATE_MODERATOR.format(username=username, password=password))


def database(stack: contextlib.ExitStack, workdir: Path) -> tuple[str, str]:
    """(kind, URL): a throwaway PostgreSQL database when reachable and asked for, else SQLite."""
    if DATABASE == "postgresql":
        try:
            return "PostgreSQL", stack.enter_context(servers.postgres_database())
        except ConnectionError as unreachable:
            print(f"== PostgreSQL unreachable, soaking on SQLite: {unreachable}", flush=True)
    return "SQLite", f"sqlite:///{workdir / 'soak.sqlite3'}"


@contextlib.contextmanager
def gunicorn(env: dict, log: Path):
    """gunicorn as deploy/newsroom.service runs it, minus --max-requests; yields (port, master pid)."""
    port = servers.free_port()
    command = [sys.executable, "-m", "gunicorn", "newsroom.wsgi", "--workers", str(WORKERS)]
    command += ["--bind", f"127.0.0.1:{port}", "--timeout", "30", "--log-level", "warning"]
    with open(log, "ab") as errors:
        process = subprocess.Popen(command, cwd=servers.PROJECT, env=env, stdout=errors, stderr=errors)
    try:
        servers.wait_for_http(port, process, f"gunicorn (log: {log})", "/en/")
        yield port, process.pid
    finally:
        servers.stop(process)


def main() -> None:
    with contextlib.ExitStack() as stack:
        workdir = Path(stack.enter_context(servers.workdir()))
        redis_url = stack.enter_context(servers.redis_server(workdir))
        kind, url = database(stack, workdir)
        env = environment(workdir, redis_url) | {"DATABASE_URL": url}
        print(f"== soak: preparing the demo newsroom on {kind}", flush=True)
        prepare(env)
        port, master = stack.enter_context(gunicorn(env, workdir / "gunicorn.log"))
        site = traffic.Site(port, MODERATOR)
        site.discover()
        site.warm()
        report = Report(
            settings={
                "server": f"gunicorn, {WORKERS} sync workers, production settings, {kind}, own redis-server",
                "traffic": f"{READERS} readers, 1 commenter, 1 moderator approving, for {MINUTES:g} minutes",
                "pages": f"{len(site.pages)} addresses in English and Armenian",
            },
            growth_limit=GROWTH_LIMIT,
        )
        # The first fifth of the run, at most a minute, fills the workers' caches and
        # connections: memory is measured from its end, where a leak would start to show.
        warm_up = min(60.0, MINUTES * 60 / 5)
        print(f"== soak: {MINUTES:g} minutes of traffic on port {port}", flush=True)
        traffic.run(site, warm_up, READERS, report, lambda: None)
        report.sample(rss_of_workers(master))
        traffic.run(site, MINUTES * 60 - warm_up, READERS, report, lambda: report.sample(rss_of_workers(master)))
        report.sample(rss_of_workers(master))
        report.server_log = (workdir / "gunicorn.log").read_text(errors="replace")
    print()
    print(report.markdown())
    sys.exit(0 if report.passed else 1)


if __name__ == "__main__":
    main()
