"""A reader in Chromium opens the home page, follows an article and switches it to Armenian."""

import pytest

from tests.factories import make_article, make_author, make_section, make_tag

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SCREENSHOT = "/tmp/newsroom-article.png"


@pytest.mark.django_db(transaction=True)
def test_reader_follows_an_article_from_the_home_page_and_switches_it_to_armenian(browser_page, live_server):
    section = make_section("News Explained")
    article = make_article(
        section=section,
        authors=[make_author("Anna Petrosyan")],
        tags=[make_tag("Dialogue")],
        summary_en="Two capitals talk again after a long pause.",
        body_en="<p>The talks resumed on Monday.</p><blockquote><p>“A new level,” said the minister.</p></blockquote>",
        body_hy="<p>Բանակցությունները վերսկսվեցին երկուշաբթի։</p>",
    )
    make_article(section=section, summary_en="An older story in the same section.")
    page = browser_page

    page.goto(f"{live_server.url}/en/")
    page.get_by_role("link", name=article.title_en).first.click()
    page.wait_for_url(f"**{article.get_absolute_url('en')}")
    english_title = page.locator("h1").inner_text()
    page.screenshot(path=SCREENSHOT, full_page=True)
    page.locator("nav.language-switch").get_by_role("link", name="Հայերեն").click()
    page.wait_for_url(f"**{article.get_absolute_url('hy')}")

    assert english_title == article.title_en
    assert page.locator("h1").inner_text() == article.title_hy
    assert page.locator("html").get_attribute("lang") == "hy"


@pytest.mark.django_db(transaction=True)
def test_a_reader_who_switched_to_armenian_is_sent_to_armenian_from_the_root(browser_page, live_server):
    make_article()
    page = browser_page
    page.goto(f"{live_server.url}/en/")
    page.locator("nav.language-switch").get_by_role("link", name="Հայերեն").click()
    page.wait_for_url("**/hy/")

    page.goto(f"{live_server.url}/")

    assert page.url == f"{live_server.url}/hy/"
