import contextlib
import os
import shutil

import pytest


def pytest_collection_modifyitems(items):
    """
    Every transactional test (live server, browser, concurrency) restores the
    rows the data migrations made, the Editors, Authors and Moderators groups, from the
    serialized database. Django's flush after such a test would otherwise leave
    them gone for the next one; and all of them must do it alike, because a
    flush without it re-creates content types under new ids that a later
    restore would clash with.
    """
    for item in items:
        marker = item.get_closest_marker("django_db")
        if marker and marker.kwargs.get("transaction") and not marker.kwargs.get("serialized_rollback"):
            item.add_marker(pytest.mark.django_db(**marker.kwargs, serialized_rollback=True), append=False)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploads go to a fresh folder per test, never into the project."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def default_language():
    """
    The active language is per thread and outlives a request the test client
    made: without this, a test that fetched an /hy/ page leaves Armenian
    active for whatever test runs next.
    """
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def empty_cache():
    """Every cache, the page cache included, starts empty in each test."""
    from django.core.cache import caches

    from pagecache.store import recent

    for cache in caches.all():
        cache.clear()
    recent.clear()
    yield
    for cache in caches.all():
        cache.clear()
    recent.clear()


CHROMIUM = "/usr/bin/chromium"


@contextlib.contextmanager
def chromium():
    """
    Debian's Chromium, launched through Playwright (no browser download), for
    as long as the ``with`` block lasts. Skips with a visible reason where
    Chromium or Playwright is missing.
    """
    executable = shutil.which("chromium") or (CHROMIUM if os.path.exists(CHROMIUM) else None)
    if executable is None:
        pytest.skip("Debian's chromium is not installed (apt-get install chromium chromium-driver)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (make test installs it)")
    # Playwright's sync API runs an event loop in this thread; the ORM calls the
    # test makes between browser steps are still plain synchronous code.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        try:
            yield browser
        finally:
            browser.close()
            # ORM calls made while Playwright's loop runs get a connection of
            # their own; close it, or PostgreSQL refuses to drop the test database.
            from django.db import connections

            connections.close_all()
    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


@pytest.fixture
def browser_page():
    """A page in Debian's Chromium (see chromium()), in a browser of its own."""
    with chromium() as browser:
        context = browser.new_context()
        page = context.new_page()
        page.set_default_timeout(15_000)
        try:
            yield page
        finally:
            context.close()


@pytest.fixture
def editor(db):
    """A member of the Editors group (made by the data migration), staff but not a superuser."""
    from tests.factories import make_editor

    return make_editor()


@pytest.fixture
def moderator(db):
    """A member of the Moderators group (made by the data migration), staff but not a superuser."""
    from tests.factories import make_moderator

    return make_moderator()


@pytest.fixture
def staff_author(db):
    """A member of the Authors group (made by the data migration) with an author profile for bylines."""
    from tests.factories import make_staff_author

    return make_staff_author()


def signed_in_client(user_fixture: str):
    """A fixture: the test client, signed in as the user the named fixture gives."""

    @pytest.fixture
    def signed_in(client, request):
        client.force_login(request.getfixturevalue(user_fixture))
        return client

    return signed_in


editor_client = signed_in_client("editor")
moderator_client = signed_in_client("moderator")
staff_author_client = signed_in_client("staff_author")


@pytest.fixture
def article(db):
    """A published article in English and Armenian, with a section, an author and a tag."""
    from tests.factories import make_article, make_tag

    return make_article(tags=[make_tag()])


@pytest.fixture
def uncached(settings):
    """Pages rendered on every request: for tests that measure the rendering itself (query budgets)."""
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture
def run_tasks(db):
    """
    Runs the queued tasks that are due with the worker's own code (django-tasks-db's
    Worker.run_task), inside the test's transaction: the db_worker command itself
    would close the test's database connection between tasks.
    """
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="tests",
        excluded_queue_names=[],
    )

    def run() -> int:
        ran = 0
        while (result := DBTaskResult.objects.ready().order_by("enqueued_at").first()) is not None:
            result.claim(worker.worker_id)
            worker.run_task(result)
            ran += 1
        return ran

    return run
