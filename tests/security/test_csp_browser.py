"""
The site's Content Security Policy in Chromium: what readers and editors do
runs without a single violation. Chromium reports a violation twice, as a
console message (also with JavaScript off) and as a ``securitypolicyviolation``
event; ``PolicyWatch`` collects both, and two control tests prove it sees a
violation of the site's own policy when there is one.
"""

import re

import pytest
from django.contrib.auth.models import User

from articles.models import Article, InlineImage
from comments.models import Comment
from tests.conftest import chromium
from tests.factories import jpeg_bytes, make_article, make_comment, make_editor

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

# Chromium's words when a policy header is broken or blocks something.
POLICY_WORDS = re.compile(
    r"Content Security Policy|Content-Security-Policy|Permissions-Policy|Permissions policy", re.I
)

REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => window.reportViolation(
  `${event.effectiveDirective} blocked ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`
));
"""


class PolicyWatch:
    """Every CSP violation, policy complaint, console error and script error a browser context reports."""

    def __init__(self, context, javascript: bool = True):
        self.reports: list[str] = []
        context.on("console", self.console)
        context.on("weberror", lambda error: self.reports.append(f"script error: {error.error}"))
        if javascript:
            context.expose_binding("reportViolation", lambda source, text: self.reports.append(f"violation: {text}"))
            context.add_init_script(REPORT_VIOLATIONS)

    def console(self, message):
        # A page answering 404 on purpose is "Failed to load resource"; a blocked resource has its own words.
        if (message.type == "error" and "Failed to load resource" not in message.text) or POLICY_WORDS.search(
            message.text
        ):
            self.reports.append(
                f"console {message.type} on {message.page.url if message.page else '?'}: {message.text}"
            )


@pytest.fixture
def browser():
    with chromium() as browser:
        yield browser


def open_context(browser, javascript: bool = True):
    context = browser.new_context(java_script_enabled=javascript)
    context.set_default_timeout(15_000)
    return context, PolicyWatch(context, javascript)


@pytest.fixture(autouse=True)
def quick_comments(settings):
    """Comments posted at a test's speed go to the ordinary queue rather than being held as too fast."""
    settings.COMMENTS_MIN_SECONDS = 0


def sign_in(page, live_server, username: str, next_path: str) -> None:
    page.goto(f"{live_server.url}/admin/login/?next={next_path}")
    page.fill("#id_username", username)
    page.fill("#id_password", "a-long-password")
    page.click("input[type=submit]")
    page.wait_for_url(f"**{next_path}")


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no javascript"])
def test_the_watch_sees_a_violation_of_the_sites_own_policy(browser, live_server, javascript):
    article = make_article()
    context, watch = open_context(browser, javascript)
    page = context.new_page()
    policy = page.request.get(live_server.url + article.get_absolute_url("en")).headers["content-security-policy"]
    # The site's real header on a page that breaks it: an inline style and an inline script.
    context.route(
        f"{live_server.url}/broken/",
        lambda route: route.fulfill(
            status=200,
            headers={"Content-Type": "text/html", "Content-Security-Policy": policy},
            body='<!doctype html><title>x</title><style>p { color: red }</style><p style="color: blue">x</p>'
            "<script>document.title = 'ran'</script>",
        ),
    )

    page.goto(f"{live_server.url}/broken/")
    page.wait_for_load_state("load")

    assert page.title() == "x"
    assert any("style" in report for report in watch.reports), watch.reports
    if javascript:
        assert any(report.startswith("violation: style-src") for report in watch.reports), watch.reports
        assert any(report.startswith("violation: script-src") for report in watch.reports), watch.reports
    context.close()


def test_reader_pages_run_without_a_violation(browser, live_server):
    article = make_article(tags=[], body_en="<p>The talks resumed on <strong>Monday</strong>.</p>")
    make_comment(article, name="Hayk", text="The first word on this.")
    paths = [
        "/en/",
        article.section.get_absolute_url("en"),
        article.bylines.first().author.get_absolute_url("en"),
        article.get_absolute_url("en"),
        article.get_absolute_url("hy"),
        "/en/no-such-section/no-such-article/",
    ]
    context, watch = open_context(browser)
    page = context.new_page()

    for path in paths:
        page.goto(live_server.url + path)
        page.wait_for_load_state("load")
    structured_data = page.goto(live_server.url + article.get_absolute_url("en"))

    assert 'type="application/ld+json"' in structured_data.text()
    assert watch.reports == []
    context.close()


def test_the_comment_form_with_javascript_runs_without_a_violation(browser, live_server):
    article = make_article()
    parent = make_comment(article, name="Hayk", text="The first word on this.")
    context, watch = open_context(browser)
    page = context.new_page()
    page.goto(live_server.url + article.get_absolute_url("en"))

    page.click(f"#comment-{parent.pk} .comment-reply-link")
    page.fill("#id_text", "A reply, posted under a strict policy.")
    page.fill("#id_name", "Anahit")
    page.fill("#id_email", "anahit@example.org")
    page.check("#id_remember")
    page.click("text=Post Comment")
    reply = Comment.objects.get(parent=parent)
    page.wait_for_url(re.compile(rf"#comment-{reply.pk}$"))
    # The remembered-commenter script fills the form on the next page from its cookie.
    page.goto(live_server.url + article.get_absolute_url("hy"))

    assert page.input_value("#id_name") == "Anahit"
    assert watch.reports == []
    context.close()


def test_the_comment_form_without_javascript_runs_without_a_violation(browser, live_server):
    article = make_article()
    parent = make_comment(article, name="Hayk", text="The first word on this.")
    context, watch = open_context(browser, javascript=False)
    page = context.new_page()
    page.goto(live_server.url + article.get_absolute_url("en"))

    page.click(f"#comment-{parent.pk} .comment-reply-link")  # a plain link: the page again, ?replytocom=N
    page.wait_for_url(re.compile(r"replytocom="))
    page.fill("#id_text", "A reply, posted with scripts off.")
    page.fill("#id_name", "Anahit")
    page.fill("#id_email", "anahit@example.org")
    page.click("text=Post Comment")
    reply = Comment.objects.get(parent=parent)
    page.wait_for_url(re.compile(rf"#comment-{reply.pk}$"))

    assert "A reply, posted with scripts off." in page.locator(f"#comment-{reply.pk}").inner_text()
    assert watch.reports == []
    context.close()


def test_the_search_box_and_its_results_run_without_a_violation(browser, live_server):
    article = make_article(title="Water talks")
    context, watch = open_context(browser)
    page = context.new_page()
    page.goto(live_server.url + "/en/")

    page.fill("input[name=q]", "Water")
    page.press("input[name=q]", "Enter")
    page.wait_for_url(re.compile(r"/en/search/\?q=Water"))

    assert page.get_by_role("link", name=article.title_en).count() >= 1
    assert watch.reports == []
    context.close()


def test_the_admin_article_editor_runs_without_a_violation(browser, live_server, tmp_path):
    article = make_article(body_en="<p>The talks resumed on Monday.</p>")
    make_editor("editor")
    photo = tmp_path / "border-map.jpg"
    photo.write_bytes(jpeg_bytes(size=(800, 500)))
    context, watch = open_context(browser)
    page = context.new_page()
    sign_in(page, live_server, "editor", "/admin/articles/article/add/")

    # Slug prefill from the title, the language tabs, the body editor.
    page.locator("#id_title_en").press_sequentially("Budget talks resume")
    assert page.input_value("#id_slug_en") == "budget-talks-resume"
    title_tabs = page.locator(".ui-tabs", has=page.locator("#id_title_en"))
    title_tabs.get_by_role("tab", name="hy").click()
    page.locator("#id_title_hy").press_sequentially("Բյուջեի քննարկում")
    page.press("#id_title_hy", "End")  # Armenian letters arrive as text input; a key press updates the slug
    assert page.input_value("#id_slug_hy") == "byujei-knnarkum"
    page.locator(".ui-tabs-panel", has=page.locator("#id_body_en")).get_by_role("textbox").fill("Բանակցություններ։")

    # The image picker: a popup window, under the same policy.
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    editor = page.locator(".prose-editor").first
    editor.locator(".ProseMirror").get_by_text("The talks resumed on Monday.").click()
    editor.locator(".prose-menubar__button[title='figure']").click()
    with page.expect_popup() as opened:
        page.get_by_role("button", name="Browse...").click()
    picker = opened.value
    picker.wait_for_load_state()
    picker.set_input_files("input[name=image]", str(photo))
    picker.fill("input[name=alt_text]", "Map of the border")
    picker.click("input[type=submit]")
    picker.wait_for_event("close")
    page.get_by_role("button", name="Insert", exact=True).click()
    page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist .success")

    assert f'data-file="{InlineImage.objects.get().pk}"' in Article.objects.get(pk=article.pk).body_en
    assert watch.reports == []
    context.close()


def test_every_admin_list_and_add_form_runs_without_a_violation(browser, live_server):
    from django.contrib import admin

    User.objects.create_superuser("chief", "chief@newsroom.example", "a-long-password")
    article = make_article()
    make_comment(article)
    paths = [
        "/admin/",
        f"/admin/articles/article/{article.pk}/change/",
        f"/admin/articles/article/{article.pk}/history/",
    ]
    for model, model_admin in admin.site._registry.items():
        info = (model._meta.app_label, model._meta.model_name)
        paths.append(f"/admin/{info[0]}/{info[1]}/")
        if model_admin.has_add_permission(_superuser_request()):
            paths.append(f"/admin/{info[0]}/{info[1]}/add/")
    context, watch = open_context(browser)
    page = context.new_page()
    sign_in(page, live_server, "chief", "/admin/")

    statuses = {}
    for path in paths:
        response = page.goto(live_server.url + path)
        page.wait_for_load_state("load")
        statuses[path] = response.status

    assert {path: status for path, status in statuses.items() if status != 200} == {}
    assert watch.reports == []
    context.close()


def _superuser_request():
    from django.test import RequestFactory

    request = RequestFactory().get("/admin/")
    request.user = User.objects.get(username="chief")
    return request
