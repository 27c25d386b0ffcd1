"""An author submits, an editor reviews and publishes, a reader reads: in Debian's Chromium against the live server."""

import pytest
from django.contrib.auth.models import User

from articles.models import Article
from articles.revisions import keep_version
from tests.factories import make_article, make_editor, make_staff_author

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-password"


def signed_in(browser_page, live_server, username):
    """A browser context of its own, signed in through the admin's form."""
    page = browser_page.context.browser.new_context().new_page()
    page.set_default_timeout(15_000)
    page.goto(live_server.url + "/admin/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    return page


def test_an_author_submits_an_editor_publishes_and_a_reader_reads_it(browser_page, live_server):
    writer = make_staff_author("writer")
    make_editor("chief")
    User.objects.filter(username__in=["writer", "chief"]).update(email="")  # no mail to send in this test
    draft = make_article(status=Article.Status.DRAFT, authors=[writer.author_profile], created_by=writer)
    keep_version(draft, writer)  # the version the editor compares against
    change_path = f"/admin/articles/article/{draft.pk}/change/"

    # The author finishes the headline and submits the draft for review.
    author = signed_in(browser_page, live_server, "writer")
    author.goto(live_server.url + change_path)
    assert author.locator("select[name=status] option[value=published]").count() == 0
    author.fill("#id_title_en", "Parliament passes the budget")
    author.select_option("select[name=status]", "in_review")
    author.click("input[name=_save]")
    assert "was changed successfully" in author.locator(".messagelist").inner_text()

    # Readers cannot see it yet.
    reader = browser_page
    reader.goto(live_server.url + "/en/")
    assert "Parliament passes the budget" not in reader.content()

    # The editor finds it in the review queue from the admin index.
    editor = signed_in(browser_page, live_server, "chief")
    assert "1 article waits for review" in editor.locator("#review-queue").inner_text()
    editor.click("#review-queue a")
    editor.click("text=Parliament passes the budget")
    assert "Draft → In review · writer" in editor.locator(".field-workflow_history").inner_text()

    # The editor reads what the author changed: the history compares the
    # submitted version with the one before it.
    editor.click("a.historylink")
    editor.get_by_role("button", name="Compare the chosen versions").click()
    assert "Parliament passes the budget" in editor.locator(".comparison-language[lang=en]").inner_text()
    editor.goto(live_server.url + change_path)

    editor.select_option("select[name=status]", "published")
    editor.click("input[name=_save]")
    assert "was changed successfully" in editor.locator(".messagelist").inner_text()

    # The reader now finds it on the home page and reads it.
    reader.goto(live_server.url + "/en/")
    reader.click("text=Parliament passes the budget")
    assert reader.locator("h1").inner_text() == "Parliament passes the budget"
    draft.refresh_from_db()
    assert draft.status == Article.Status.PUBLISHED
    assert list(draft.state_changes.values_list("to_status", "changed_by__username")) == [
        ("in_review", "writer"),
        ("published", "chief"),
    ]
