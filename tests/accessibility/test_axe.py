"""
axe-core, run in Debian's Chromium, finds nothing on any reader page in either
language, in the light scheme and in the dark one (colours, and so contrast,
differ between them).
"""

import pytest

from tests.accessibility.conftest import LANGUAGES, reader_pages

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

axe_playwright = pytest.importorskip(
    "axe_playwright_python.sync_playwright", reason="axe-playwright-python is not installed (make test installs it)"
)


def violations(page, where: str) -> list[str]:
    """axe's findings on the page as shown, one line per element, named by ``where``."""
    results = axe_playwright.Axe().run(page)
    return [
        f"{where}: {rule['id']} ({rule['impact']}) {rule['help']} at {' '.join(node['target'])}: "
        + node["failureSummary"].replace("\n", " ")
        for rule in results.response["violations"]
        for node in rule["nodes"]
    ]


def show_form_errors(page) -> None:
    """Posts the comment form empty, as a browser without form validation would, and waits for the answer."""
    page.eval_on_selector("#commentform", "form => { form.noValidate = true; }")
    with page.expect_navigation():
        page.click("#submit")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_on_any_reader_page(browser_page, live_server, newsroom, scheme):
    page = browser_page
    page.emulate_media(color_scheme=scheme)
    found = []

    for language in LANGUAGES:
        pages = reader_pages(language)
        for name, path in pages.items():
            page.goto(live_server.url + path)
            found += violations(page, f"{language} {name} ({path})")
        page.goto(live_server.url + pages["article with comments"])
        show_form_errors(page)
        assert page.locator("[aria-invalid=true]").count() == 3  # text, name and email
        found += violations(page, f"{language} comment form with errors")

    assert not found, f"{len(found)} violations in the {scheme} scheme:\n" + "\n".join(found)
