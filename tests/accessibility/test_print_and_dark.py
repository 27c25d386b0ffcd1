"""
The two other ways a page is shown: printed (no screen-only parts, black on
white, link addresses written out, pictures within the page) and in the dark
scheme the reader's system asks for (dark page, light text, pictures as they
are). Contrast in the dark scheme is axe's to judge (test_axe.py).
"""

import re

import pytest

from articles.models import Article
from tests.accessibility.conftest import CONVERSATION

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

# A demo article whose body links to another site.
WITH_A_LINK = "four-questions-about-the-northern-rail-link"

SCREEN_ONLY = [".skip-link", "nav.sections", ".language-switch", "#respond", ".comment-reply-link"]
# None yet: the header's search box, when it comes, must be left out too.
SEARCH_BOXES = "search, [role=search], .site-header form"

STYLE = "([selector, property]) => getComputedStyle(document.querySelector(selector))[property]"


def style(page, selector: str, property: str) -> str:
    return page.evaluate(STYLE, [selector, property])


def luminance(rgb: str) -> float:
    """Relative luminance of an ``rgb(...)`` colour, 0 (black) to 1 (white)."""
    channels = [int(part) / 255 for part in re.findall(r"\d+", rgb)[:3]]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def url(live_server, english_slug: str) -> str:
    return live_server.url + Article.objects.get(slug_en=english_slug).get_absolute_url("en")


def test_printed_article_leaves_out_screen_only_parts(browser_page, live_server, newsroom):
    page = browser_page
    page.goto(url(live_server, CONVERSATION))
    on_screen = {selector: page.locator(selector).count() for selector in SCREEN_ONLY}

    page.emulate_media(media="print")

    assert all(on_screen.values()), on_screen
    for selector in [*SCREEN_ONLY, SEARCH_BOXES]:
        for element in page.locator(selector).all():
            assert not element.is_visible(), selector
    assert page.locator(".article__body").is_visible() and page.locator(".comments__title").is_visible()


def test_printed_article_is_black_on_white_even_when_the_screen_is_dark(browser_page, live_server, newsroom):
    page = browser_page
    page.emulate_media(media="print", color_scheme="dark")
    page.goto(url(live_server, CONVERSATION))

    assert style(page, "html", "backgroundColor") == "rgb(255, 255, 255)"
    assert style(page, ".article__body", "color") == "rgb(0, 0, 0)"
    assert style(page, ".article h1", "color") == "rgb(0, 0, 0)"


def test_printed_body_links_show_their_address_and_pictures_fit_the_page(browser_page, live_server, newsroom):
    page = browser_page
    page.goto(url(live_server, WITH_A_LINK))
    link = ".article__body a[href^='https://']"
    on_screen = page.evaluate("selector => getComputedStyle(document.querySelector(selector), '::after').content", link)

    page.emulate_media(media="print")
    printed = page.evaluate("selector => getComputedStyle(document.querySelector(selector), '::after').content", link)
    page_width = page.evaluate("document.querySelector('.article').getBoundingClientRect().width")
    picture = page.locator(".article__image img").bounding_box()

    assert on_screen == "none"
    assert printed == '" (https://example.org/northern-line/consultation)"'
    assert style(page, ".article__image img", "maxWidth") == "100%"
    assert 0 < picture["width"] <= page_width


def test_dark_scheme_follows_the_system_setting_and_leaves_pictures_alone(browser_page, live_server, newsroom):
    page = browser_page
    page.emulate_media(color_scheme="light")
    page.goto(url(live_server, CONVERSATION))
    light = {"page": style(page, "html", "backgroundColor"), "text": style(page, ".article__body", "color")}

    page.emulate_media(color_scheme="dark")
    dark = {"page": style(page, "html", "backgroundColor"), "text": style(page, ".article__body", "color")}
    pictures = page.locator("img").evaluate_all(
        "images => images.map(image => [getComputedStyle(image).filter, getComputedStyle(image).opacity])"
    )

    assert luminance(light["page"]) > 0.9 and luminance(light["text"]) < 0.05
    assert luminance(dark["page"]) < 0.05 and luminance(dark["text"]) > 0.7
    assert pictures and all(picture == ["none", "1"] for picture in pictures), pictures
