"""
Pages per second and latency of the public site at newsroom size, each page
set against a floor measured in the same run on the same machine:

- uncached pages against the template floor (the article template rendered
  from memory: Django without the database);
- pages served by the page cache through gunicorn against the handler floor
  (the saved page bytes returned by a view: Django's handler and middleware);
- pages through nginx's microcache against the static limit (nginx sending
  the saved page as a file).

For each database (PostgreSQL when reachable, then SQLite) a throwaway
database is filled by seed_bench, gunicorn serves it with production settings
and its own redis-server, and wrk loads each address at each concurrency. A
second, smaller archive gives the scale rows. docs/benchmarks.md explains the
rows and the knobs; the table goes to bench-results/latest.md.
"""

import contextlib
import json
import os
import shutil
import sys
import time
from pathlib import Path

from . import load, servers
from .report import HANDLER_FLOOR, STATIC_LIMIT, TEMPLATE_FLOOR, Report, Row, ScaleRow

ARTICLES = int(os.environ.get("BENCH_ARTICLES", 10_000))
COMMENTS = int(os.environ.get("BENCH_COMMENTS", 200_000))
SCALE_FROM = int(os.environ.get("BENCH_SCALE_FROM", 1_000))
SECONDS = int(os.environ.get("BENCH_SECONDS", 10))
WORKERS = int(os.environ.get("BENCH_WORKERS", 2))
CONCURRENCY = [int(n) for n in os.environ.get("BENCH_CONCURRENCY", "8,32").split(",")]
DATABASES = os.environ.get("BENCH_DATABASES", "postgresql,sqlite").split(",")
RESULTS = servers.PROJECT / "bench-results" / "latest.md"


class Bench:
    """One run: the report it fills and the folder its files live in."""

    def __init__(self, workdir: Path):
        self.workdir = workdir
        self.report = Report(
            settings={
                "archive": f"{ARTICLES:,} articles, {COMMENTS:,} comments (seed_bench); scale run from {SCALE_FROM:,}",
                "gunicorn": f"{WORKERS} sync workers, production settings (DEBUG off), own redis-server",
                "load": f"wrk -t2, {SECONDS} s per row, concurrency {', '.join(map(str, CONCURRENCY))}",
            }
        )
        self.base_env = servers.production_environment("bench.settings", workdir)

    # Measuring ---------------------------------------------------------

    def measure(
        self,
        database: str,
        page: str,
        port: int,
        path: str,
        floor: str = "",
        cached: bool = False,
        x_cache=False,
        cookie: str = "",
    ) -> None:
        """
        One row per concurrency; "n/a (status)" when the address does not answer
        200. ``cached`` rows answer the p99 target; ``x_cache`` ones must say so.
        """
        status, headers, _body = load.get(port, path, cookie)
        note = ""
        if x_cache and status == 200:
            status, headers, _body = load.get(port, path)
            if headers.get("x-cache") != "hit":
                note = f"X-Cache: {headers.get('x-cache', 'absent')} (no page cache answered)"
        for concurrency in CONCURRENCY:
            if status != 200:
                result = load.Result.not_measured(f"n/a ({status})")
            else:
                try:
                    load.warm(port, path, cookie=cookie)
                except TimeoutError:
                    # A page slower than the client's 30 s (or a server still
                    # working off the last row's backlog) is a finding, not a
                    # reason to lose the rest of the run.
                    result = load.Result.not_measured("n/a (timed out)")
                else:
                    result = load.wrk(port, path, concurrency, SECONDS, cookie)
            self.report.rows.append(Row(database, page, concurrency, result, floor, cached, note))
            self.progress(database, page, concurrency, result)

    @staticmethod
    def progress(database: str, page: str, concurrency: int, result: load.Result) -> None:
        figures = result.note or f"{result.rps:.0f} req/s, p50 {result.p50:.1f} ms, p99 {result.p99:.1f} ms"
        print(f"  {database:<10} {page:<28} c={concurrency:<3} {figures}", flush=True)

    # One database ------------------------------------------------------

    def seed(self, env: dict, articles: int, comments: int) -> dict:
        started = time.monotonic()
        servers.manage(env, "migrate", "--no-input", "-v0")
        servers.manage(env, "seed_bench", "--articles", str(articles), "--comments", str(comments))
        seconds = time.monotonic() - started
        script = (
            "import json; from bench.management.commands.seed_bench import benchmark_paths as p; print(json.dumps(p()))"
        )
        paths = json.loads(servers.manage(env, "shell", "--no-imports", "-c", script).strip().splitlines()[-1])
        return paths | {"seconds": seconds}

    def count_comments(self, env: dict, article_pk: int) -> int:
        script = f"from comments.models import Comment; print(Comment.objects.filter(article_id={article_pk}).count())"
        return int(servers.manage(env, "shell", "--no-imports", "-c", script).strip().splitlines()[-1])

    def database(self, kind: str, name: str):
        if kind == "postgresql":
            return servers.postgres_database()
        return servers.sqlite_database(self.workdir, f"{name}")

    def run_database(self, kind: str) -> None:
        print(f"== {kind}: seeding {ARTICLES:,} articles and {COMMENTS:,} comments", flush=True)
        with self.database(kind, "main") as url, servers.redis_server(self.workdir) as redis_url:
            env = self.base_env | {"DATABASE_URL": url, "REDIS_URL": redis_url}
            paths = self.seed(env, ARTICLES, COMMENTS)
            self.report.notes.append(f"{kind}: seed_bench took {paths['seconds']:.0f} s (migrate included).")
            self.uncached(kind, env, paths)
            self.cached(kind, env, paths)
        self.scale(kind)

    def uncached(self, kind: str, env: dict, paths: dict) -> None:
        saved = self.workdir / f"{kind}-page" / "page.html"
        saved.parent.mkdir(exist_ok=True)
        env = env | {
            "PAGE_CACHE_SECONDS": "0",
            # Comment posts come from one address as fast as they can: the flood,
            # hourly and too-fast rules would refuse or hold all but the first few.
            "COMMENTS_FLOOD_SECONDS": "0",
            "COMMENTS_PER_HOUR": "0",
            "COMMENTS_MIN_SECONDS": "0",
            "BENCH_SAVED_PAGE": str(saved),
        }
        article = paths["article"]
        with servers.gunicorn(env, WORKERS, self.workdir / f"gunicorn-{kind}.log") as port:
            status, _headers, page = load.get(port, article)
            if status != 200:
                raise RuntimeError(f"the benchmark article {article} answered {status}")
            saved.write_bytes(page)
            self.measure(kind, TEMPLATE_FLOOR, port, article.replace("/en/", "/en/bench-floor/", 1))
            self.measure(kind, HANDLER_FLOOR, port, "/en/bench-handler-floor/")
            self.measure(kind, "home, uncached", port, "/en/", TEMPLATE_FLOOR)
            self.measure(kind, "section, deep page, uncached", port, paths["section"], TEMPLATE_FLOOR)
            self.measure(kind, "article, uncached", port, article, TEMPLATE_FLOOR)
            # The page the peers (Wagtail, a plain Django view) are measured on: 20 comments.
            self.measure(kind, "article, 20 comments, uncached", port, paths["comment_article"])
            self.measure(kind, "feed, uncached", port, "/en/feed/", TEMPLATE_FLOOR)
            self.measure(kind, "sitemap, uncached", port, "/sitemap.xml", TEMPLATE_FLOOR)
            self.measure(kind, "search, uncached", port, f"/en/search/?q={paths['search_word']}", TEMPLATE_FLOOR)
            self.comment_posts(kind, env, port, paths)
        self.static_limit(kind, saved)

    def comment_posts(self, kind: str, env: dict, port: int, paths: dict) -> None:
        """Posts per second on the 20-comment article; every 302 must have stored its row."""
        status, _headers, page = load.get(port, paths["comment_article"])
        if status != 200:
            result = load.Result.not_measured(f"n/a ({status})")
            self.report.rows.append(Row(kind, "comment posts", CONCURRENCY[0], result))
            return
        before = self.count_comments(env, paths["comment_article_pk"])
        post_path = f"/en/comments/{paths['comment_article_pk']}/"
        result = load.post_comments(port, post_path, load.form_timestamp(page), CONCURRENCY[0], SECONDS)
        stored = self.count_comments(env, paths["comment_article_pk"]) - before
        lost = result.redirects - stored
        verdict = f"every 302 stored: {'pass' if lost == 0 else f'FAIL ({lost} lost)'}"
        self.report.rows.append(Row(kind, "comment posts (302/s)", CONCURRENCY[0], result, note=verdict))
        self.progress(kind, "comment posts (302/s)", CONCURRENCY[0], result)

    def static_limit(self, kind: str, saved: Path) -> None:
        if not servers.nginx_available():
            for concurrency in CONCURRENCY:
                self.report.rows.append(
                    Row(kind, STATIC_LIMIT, concurrency, load.Result.not_measured("n/a (no nginx)"))
                )
            return
        with servers.static_nginx(self.workdir, saved) as port:
            self.measure(kind, STATIC_LIMIT, port, "/page.html")

    def cached(self, kind: str, env: dict, paths: dict) -> None:
        env = env | {"PAGE_CACHE_SECONDS": os.environ.get("PAGE_CACHE_SECONDS", "600")}
        with servers.gunicorn(env, WORKERS, self.workdir / f"gunicorn-{kind}.log") as port:
            self.measure(kind, "home, cached", port, "/en/", HANDLER_FLOOR, cached=True, x_cache=True)
            self.measure(kind, "article, cached", port, paths["article"], HANDLER_FLOOR, cached=True, x_cache=True)
            # A session cookie bypasses the page cache (as for signed-in staff): the page
            # is rendered, reusing the kept thread, related posts and navigation.
            self.measure(
                kind, "article, fresh with fragments", port, paths["article"], TEMPLATE_FLOOR, cookie="sessionid=bench"
            )
            self.microcache(kind, port, paths)

    def microcache(self, kind: str, upstream: int, paths: dict) -> None:
        """The article through deploy/nginx.conf's microcache, via deploy/loopback.py when it exists."""
        page = "article, nginx microcache"
        loopback = load_loopback()
        if loopback is None or not servers.nginx_available():
            reason = "n/a (no deploy/loopback.py)" if loopback is None else "n/a (no nginx)"
            for concurrency in CONCURRENCY:
                self.report.rows.append(Row(kind, page, concurrency, load.Result.not_measured(reason), STATIC_LIMIT))
            return
        port = servers.free_port()
        folder = self.workdir / f"nginx-{kind}"
        folder.mkdir(exist_ok=True)
        config = loopback.nginx_config(
            workdir=folder,
            listen_port=port,
            upstreams=[f"127.0.0.1:{upstream}"],
            static_root=self.workdir / "static",
            media_root=self.workdir / "media",
        )
        nginx = loopback.start_nginx(config)
        try:
            self.measure(kind, page, port, paths["article"], STATIC_LIMIT, cached=True)
        finally:
            servers.stop(nginx)

    def scale(self, kind: str) -> None:
        """Home and article, uncached, on a tenth of the archive; compared with the full-size rows."""
        if SCALE_FROM >= ARTICLES:
            self.report.notes.append(f"{kind}: no scale run (BENCH_SCALE_FROM {SCALE_FROM} ≥ BENCH_ARTICLES).")
            return
        comments = max(300, COMMENTS * SCALE_FROM // ARTICLES)
        print(f"== {kind}: scale run, seeding {SCALE_FROM:,} articles and {comments:,} comments", flush=True)
        with self.database(kind, "scale") as url:
            env = self.base_env | {"DATABASE_URL": url, "PAGE_CACHE_SECONDS": "0"}
            paths = self.seed(env, SCALE_FROM, comments)
            with servers.gunicorn(env, WORKERS, self.workdir / f"gunicorn-{kind}-scale.log") as port:
                rows_before = len(self.report.rows)
                for page, path in (("home, uncached", "/en/"), ("article, uncached", paths["article"])):
                    self.measure(f"{kind} {SCALE_FROM:,}", page, port, path)
                small = self.report.rows[rows_before:]
                del self.report.rows[rows_before:]
        for row in small:
            large = self.report.find(kind, row.page, row.concurrency)
            if large is not None:
                self.report.scale.append(ScaleRow(kind, row.page, row.concurrency, row.result, large))


def load_loopback():
    """deploy/loopback.py as a module, or None while the deployment files are not there."""
    import importlib.util

    path = servers.PROJECT / "deploy" / "loopback.py"
    if not path.exists():
        return None
    spec = importlib.util.spec_from_file_location("newsroom_deploy_loopback", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> None:
    if shutil.which("wrk") is None:
        sys.exit("make bench needs wrk (Debian: apt-get install wrk).")
    started = time.monotonic()
    with contextlib.ExitStack() as stack:
        workdir = Path(stack.enter_context(servers.workdir()))
        bench = Bench(workdir)
        servers.manage(bench.base_env | {"DATABASE_URL": "sqlite://:memory:"}, "collectstatic", "--no-input", "-v0")
        for kind in DATABASES:
            try:
                bench.run_database(kind)
            except ConnectionError as unreachable:
                print(f"== {kind}: skipped, {unreachable}", flush=True)
                bench.report.notes.append(f"{kind}: skipped, {unreachable}")
    bench.report.settings["duration"] = f"{(time.monotonic() - started) / 60:.1f} minutes"
    print()
    print(bench.report.write(RESULTS))
    print(f"(written to {RESULTS.relative_to(servers.PROJECT)})")
