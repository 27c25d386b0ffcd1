"""
A reader with a keyboard and no mouse: the skip link comes first and shows,
every stop shows a focus ring that stands out from the page, and a comment and
a reply can be written and posted with Tab, typing, Enter and Space alone.
"""

import re

import pytest

from articles.models import Article
from comments.models import Comment
from tests.accessibility.conftest import CONVERSATION

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

# More stops than any page has: a loop that never reaches its target fails instead of spinning.
MOST_STOPS = 150

FOCUSED = """() => {
  const element = document.activeElement;
  const label = (element.getAttribute("aria-label") || element.textContent || element.name || "").trim();
  return {
    what: `${element.tagName.toLowerCase()}${element.id ? "#" + element.id : ""} "${label.slice(0, 40)}"`,
    id: element.id,
    isBody: element === document.body,
    inMain: Boolean(element.closest("main")),
  };
}"""

# The focused element's outline, and that of the element focused before it, now that it is not.
FOCUS_RING = """() => {
  const element = document.activeElement;
  const before = window.previouslyFocused;
  window.previouslyFocused = element;
  const style = getComputedStyle(element);
  return {
    style: style.outlineStyle,
    width: parseFloat(style.outlineWidth),
    color: style.outlineColor,
    page: getComputedStyle(document.documentElement).backgroundColor,
    blurredStyle: before && before !== element ? getComputedStyle(before).outlineStyle : null,
  };
}"""


def focused(page) -> dict:
    return page.evaluate(FOCUSED)


def tab_to(page, element_id: str) -> int:
    """Presses Tab until the element with ``element_id`` has the focus; returns how many presses it took."""
    for presses in range(1, MOST_STOPS + 1):
        page.keyboard.press("Tab")
        if focused(page)["id"] == element_id:
            return presses
    raise AssertionError(f"#{element_id} was not reached in {MOST_STOPS} presses of Tab")


def post_with_the_keyboard(page, text: str, name: str, email: str, submit_key: str) -> None:
    """Types into the focused comment field and the next ones, then sends the form with ``submit_key``."""
    assert focused(page)["id"] == "id_text"
    page.keyboard.type(text)
    page.keyboard.press("Tab")
    page.keyboard.type(name)
    page.keyboard.press("Tab")
    page.keyboard.type(email)
    with page.expect_navigation():
        if submit_key == "Enter":
            page.keyboard.press("Enter")  # in a text field: sends the form
        else:
            tab_to(page, "submit")
            page.keyboard.press(submit_key)
    page.wait_for_url(re.compile(r"#comment-\d+$"))


def relative_luminance(rgb: str) -> float:
    red, green, blue = (int(part) / 255 for part in re.findall(r"\d+", rgb)[:3])
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in (red, green, blue)]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.fixture
def quick_readers(settings):
    """Keyboard readers type faster than the too-fast rule expects of people."""
    settings.COMMENTS_MIN_SECONDS = 0


def article_url(live_server, language="en") -> str:
    return live_server.url + Article.objects.get(slug_en=CONVERSATION).get_absolute_url(language)


def test_skip_link_is_the_first_stop_shows_when_focused_and_leads_into_the_content(browser_page, live_server, newsroom):
    page = browser_page
    page.goto(article_url(live_server, "hy"))
    skip_link = page.locator(".skip-link")
    hidden_box = skip_link.bounding_box()

    page.keyboard.press("Tab")
    shown_box = skip_link.bounding_box()
    centre = (shown_box["x"] + shown_box["width"] / 2, shown_box["y"] + shown_box["height"] / 2)
    on_top = page.evaluate("([x, y]) => document.elementFromPoint(x, y).closest('.skip-link') !== null", centre)
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")

    assert hidden_box["width"] <= 1 and hidden_box["height"] <= 1
    assert shown_box["width"] > 40 and shown_box["height"] > 16 and shown_box["y"] >= 0
    assert on_top, "the focused skip link is covered by something else"
    assert focused(page)["inMain"], f"after the skip link, Tab went to {focused(page)['what']}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_focusable_element_shows_a_focus_ring_that_stands_out_from_the_page(
    browser_page, live_server, newsroom, scheme
):
    page = browser_page
    page.emulate_media(color_scheme=scheme)
    page.goto(article_url(live_server))
    rings, faults = [], []

    for _press in range(MOST_STOPS):
        page.keyboard.press("Tab")
        stop = focused(page)
        if stop["isBody"] or (rings and stop["what"] == rings[0][0]):
            break  # out of the page, or round again
        rings.append((stop["what"], page.evaluate(FOCUS_RING)))

    for what, ring in rings:
        if ring["style"] in ("none", "hidden") or ring["width"] < 2:
            faults.append(f"{what}: outline {ring['style']} {ring['width']}px when focused")
        elif contrast(ring["color"], ring["page"]) < 3:
            faults.append(f"{what}: outline {ring['color']} on {ring['page']}, contrast under 3:1")
        if ring["blurredStyle"] not in (None, "none"):
            faults.append(f"the stop before {what} kept an outline ({ring['blurredStyle']}) once left")
    # Links, the reply links, the form's fields, its box and its button: the page's every kind of stop.
    assert len(rings) > 20, [what for what, _ring in rings]
    assert not faults, "\n".join(faults)


def test_a_reader_posts_a_comment_with_the_keyboard_alone(browser_page, live_server, newsroom, quick_readers):
    page = browser_page
    page.goto(article_url(live_server))

    page.keyboard.press("Tab")
    assert "skip-link" in page.evaluate("document.activeElement.className")
    page.keyboard.press("Enter")
    tab_to(page, "id_text")
    post_with_the_keyboard(page, "Typed without a mouse.", "Keyboard Reader", "keys@example.org", submit_key="Space")

    comment = Comment.objects.get(email="keys@example.org")
    assert comment.status == Comment.Status.PENDING and comment.parent is None
    assert page.url.endswith(f"#comment-{comment.pk}")
    shown = page.locator(f"#comment-{comment.pk}").inner_text()
    assert "Typed without a mouse." in shown and "awaiting moderation" in shown


def test_a_reader_replies_to_a_comment_with_the_keyboard_alone(browser_page, live_server, newsroom, quick_readers):
    page = browser_page
    first = Comment.objects.filter(article__slug_en=CONVERSATION, parent=None).earliest("created_at")
    page.goto(article_url(live_server))

    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    for _press in range(MOST_STOPS):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.dataset.comment") == str(first.pk):
            break
    page.keyboard.press("Enter")  # the reply link: the form moves under the comment, the focus into it
    post_with_the_keyboard(page, "A reply, also by keys.", "Keyboard Reader", "keys@example.org", submit_key="Enter")

    reply = Comment.objects.get(email="keys@example.org")
    assert reply.parent == first
    assert "A reply, also by keys." in page.locator(f"#comment-{first.pk} #comment-{reply.pk}").inner_text()


def test_a_form_sent_back_with_an_error_puts_the_focus_on_that_field(
    browser_page, live_server, newsroom, quick_readers
):
    page = browser_page
    page.goto(article_url(live_server))
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    tab_to(page, "id_text")
    page.keyboard.type("A remark with a mistyped address.")
    page.keyboard.press("Tab")
    page.keyboard.type("Keyboard Reader")
    page.keyboard.press("Tab")
    page.keyboard.type("keys@example")  # a browser accepts it; the server wants a domain with a dot

    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert focused(page)["id"] == "id_email"
    assert page.locator("#id_email").get_attribute("aria-invalid") == "true"
    described_by = page.locator("#id_email").get_attribute("aria-describedby").split()
    assert "id_email_error" in described_by and "id_email_helptext" in described_by
    assert page.locator("#id_email_error").inner_text() == "Enter a valid email address."
    assert not Comment.objects.filter(email__startswith="keys@").exists()
