"""An editor in Chromium puts an image in an article body from the editor's own button."""

import pytest

from articles.models import Article, InlineImage
from tests.factories import jpeg_bytes, make_article, make_editor

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.mark.django_db(transaction=True)
def test_editor_uploads_a_body_image_from_the_figure_button(browser_page, live_server, tmp_path):
    article = make_article(body_en="<p>The talks resumed on Monday.</p>")
    make_editor("editor")
    photo = tmp_path / "border-map.jpg"
    photo.write_bytes(jpeg_bytes(size=(1400, 900)))
    page = browser_page

    page.goto(f"{live_server.url}/admin/login/?next=/admin/articles/article/{article.pk}/change/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "a-long-password")
    page.click("input[type=submit]")
    page.wait_for_url(f"**/admin/articles/article/{article.pk}/change/")
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

    inline_image = InlineImage.objects.get()
    body = Article.objects.get(pk=article.pk).body_en
    # The editor reloads the stored <picture>; saving it again must give the same body.
    page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist .success")
    body_after_another_save = Article.objects.get(pk=article.pk).body_en

    assert f'data-file="{inline_image.pk}"' in body
    assert '<picture><source type="image/webp"' in body
    assert 'alt="Map of the border"' in body
    assert body_after_another_save == body
