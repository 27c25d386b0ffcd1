"""
What every accessibility check shares: one Chromium per module, the demo
newsroom as realistic content (illustrated articles, Armenian text, threaded
conversations), and ``reader_pages``, the list of pages the checks walk.
"""

import datetime
import functools
import urllib.error
import urllib.parse
import urllib.request

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from articles.models import Article
from demo import drawing, seeding
from tests.conftest import chromium
from tests.factories import make_article

LANGUAGES = ("en", "hy")

# The demo article whose conversation has replies and a comment in Armenian.
CONVERSATION = "a-new-level-of-dialogue-on-the-valleys-water"

# Big enough for a rendition and the social card; larger ones cost seconds of WebP encoding per test.
PICTURE_SIZE = (640, 360)


def in_language(language: str, url_name: str, **kwargs) -> str:
    with translation.override(language):
        return reverse(url_name, kwargs=kwargs)


def reader_pages(language: str) -> dict[str, str]:
    """
    Every kind of page a reader reaches, by name, as paths in ``language``:
    what axe, the HTML checker and the inline-code check walk. A new kind of
    public page is one more entry here.
    """
    article = Article.objects.get(slug_en=CONVERSATION)
    month = timezone.localtime(Article.objects.published().latest("published_at").published_at)
    other_language_only = (
        Article.objects.published().exclude(pk__in=Article.objects.available_in(language)).latest("published_at")
    )
    other = next(code for code in LANGUAGES if code != language)
    return {
        "home": in_language(language, "articles:home"),
        "section": article.section.get_absolute_url(language),
        "section, second page": article.section.get_absolute_url(language) + "?page=2",
        "tag": article.tags.first().get_absolute_url(language),
        "author": article.bylines.first().author.get_absolute_url(language),
        "month archive": in_language(language, "articles:month", year=month.year, month=month.month),
        "article with comments": article.get_absolute_url(language),
        "article not in this language": other_language_only.get_absolute_url(other).replace(
            f"/{other}/", f"/{language}/", 1
        ),
        "search": in_language(language, "search:results")
        + "?"
        + urllib.parse.urlencode({"q": getattr(article, f"title_{language}").split()[0]}),
        "search, nothing found": in_language(language, "search:results") + "?q=zzqxv",
        "404": f"/{language}/no-such-section/no-such-article/",
    }


def comment_post_path(language: str) -> str:
    """Where the article-with-comments page sends its form."""
    return in_language(language, "comments:post", article_pk=Article.objects.get(slug_en=CONVERSATION).pk)


@functools.cache
def drawn_once(key: str, motif: str, palette: str) -> bytes:
    """The demo's pictures, drawn once per run rather than once per test (drawing costs more than the rest)."""
    return drawing.draw_illustration(key, motif, palette, size=PICTURE_SIZE)


@pytest.fixture
def newsroom(monkeypatch, settings):
    """
    The demo newsroom, plus an article written only in Armenian (the demo's
    single-language articles are all English), with short list pages so that
    pagination shows.
    """
    monkeypatch.setattr(seeding, "draw_illustration", drawn_once)
    settings.ARTICLES_PER_PAGE = 3
    seeding.seed_demo()
    make_article(
        title="Armenian only",
        languages=("hy",),
        section=Article.objects.get(slug_en=CONVERSATION).section,
        published_at=timezone.now() - datetime.timedelta(days=400),
    )


@pytest.fixture(scope="module")
def chromium_browser(django_db_setup):
    """
    One Chromium for the whole module: launching it costs more than a page.

    While Playwright's event loop runs, the ORM hands out connections of its
    own, so each test's setup and final flush happen on those. They must
    carry, as the connections they stand in for do, the rows that
    serialized_rollback restores (tests/conftest.py); without them the flush
    re-creates content types that the next transactional test then clashes with.
    """
    from django.db import connections

    restored_rows = {alias: getattr(connections[alias], "_test_serialized_contents", None) for alias in connections}
    with chromium() as browser:
        for alias, rows in restored_rows.items():
            if rows is not None:
                connections[alias]._test_serialized_contents = rows
        yield browser


@pytest.fixture
def browser_page(chromium_browser):
    """A page in the module's Chromium, in a context (cookies, color scheme) of its own."""
    context = chromium_browser.new_context()
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        yield page
    finally:
        context.close()


def fetch(url: str, form: dict | None = None) -> tuple[int, str]:
    """The status and HTML of ``url`` as the server sent it (a form is POSTed); error statuses included."""
    data = urllib.parse.urlencode(form).encode() if form is not None else None
    try:
        with urllib.request.urlopen(url, data=data, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()
