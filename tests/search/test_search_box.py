"""
Every page carries the search box in its header (a labelled search landmark),
and a reader in Chromium searches from it in both languages.
"""

import re

import pytest

from tests.factories import make_article, make_tag

BOX = re.compile(
    r'<form class="site-search" role="search" aria-label="(?P<name>[^"]+)" action="(?P<action>[^"]+)" method="get">\s*'
    r'<label class="visually-hidden" for="site-search-q">(?P<label>[^<]+)</label>\s*'
    r'<input id="site-search-q" type="search" name="q"'
)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "hy"])
def test_the_header_search_box_is_on_every_page(client, language):
    article = make_article(tags=[make_tag()])
    tag = article.tags.get()
    author = article.bylines.get().author
    pages = {
        "home": f"/{language}/",
        "section": article.section.get_absolute_url(language),
        "article": article.get_absolute_url(language),
        "tag": tag.get_absolute_url(language),
        "author": author.get_absolute_url(language),
        "month": f"/{language}/{article.published_at:%Y/%m}/",
        "search": f"/{language}/search/?q=dialogue",
        "not found": f"/{language}/no-such-section/",
    }
    for name, path in pages.items():
        page = client.get(path).content.decode()
        box = BOX.search(page)
        assert box, f"no search box on the {name} page"
        assert box["action"] == f"/{language}/search/"
        assert box["label"] and box["name"]
    assert (box["label"], box["name"]) == {
        "en": ("Search articles", "Site search"),
        "hy": ("Հոդվածների որոնում", "Որոնում կայքում"),
    }[language]


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_a_reader_searches_from_the_header_and_opens_a_result(browser_page, live_server):
    article = make_article(
        title_en="Dialogue resumes in Vienna",
        body_en="<p>The two delegations met again in Vienna on Monday.</p>",
        title_hy="Երկխոսությունը վերսկսվում է Վիեննայում",
        body_hy="<p>Պատվիրակությունները կրկին հանդիպեցին Վիեննայում։</p>",
    )
    make_article(title_en="Harvest figures", body_en="<p>Apricots.</p>")
    page = browser_page

    page.goto(f"{live_server.url}/en/")
    page.get_by_role("search", name="Site search").get_by_role("searchbox", name="Search articles").fill("vienna")
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/search/?q=vienna")

    assert page.get_by_role("heading", level=1).inner_text() == "Search results for “vienna”"
    assert page.get_by_role("status").first.inner_text() == "1 article found."
    assert page.locator(".search-result mark").first.inner_text() == "Vienna"

    page.locator("nav.language-switch").get_by_role("link", name="Հայերեն").click()
    page.wait_for_url("**/hy/search/?q=vienna")
    assert page.get_by_role("status").first.inner_text() == "Գտնվեց 0 հոդված։"
    page.get_by_role("search", name="Հոդվածների որոնում").get_by_role("searchbox").fill("Վիեննա")
    page.get_by_role("search", name="Հոդվածների որոնում").get_by_role("button", name="Որոնել").click()
    page.wait_for_url("**/hy/search/?q=*")
    page.get_by_role("link", name=article.title_hy).click()

    page.wait_for_url(f"**{article.get_absolute_url('hy')}")
    assert page.locator("h1").inner_text() == article.title_hy
