"""Article bodies keep the editor's markup and lose anything that could run in a reader's browser."""

import pytest

from articles.models import Article
from tests.factories import admin_article_form, make_article, make_author, make_editor, make_section

pytestmark = pytest.mark.django_db

ALLOWED_MARKUP = (
    "<h2>Heading</h2><p><strong>bold</strong> <em>italic</em> <u>under</u> <s>struck</s> H<sub>2</sub>O x<sup>2</sup></p>"
    '<blockquote><p>“A quote”</p></blockquote><ul><li>one</li></ul><ol start="3"><li>three</li></ol><hr>'
)


def saved_body(body: str, language: str = "en") -> str:
    article = make_article(**{f"body_{language}": body})
    article.refresh_from_db()
    return getattr(article, f"body_{language}")


def test_script_tags_are_removed_on_save():
    body = saved_body("<p>Before</p><script>alert('x')</script><p>After</p>")

    assert "<script" not in body
    assert "alert" not in body
    assert "<p>Before</p>" in body and "<p>After</p>" in body


def test_event_handler_attributes_are_removed_on_save():
    body = saved_body('<p onclick="steal()">Text</p><img src="https://example.org/a.png" onerror="steal()">')

    assert "onclick" not in body
    assert "onerror" not in body
    assert "steal" not in body


def test_javascript_links_are_removed_on_save():
    body = saved_body('<p><a href="javascript:alert(1)">click</a> <a href="JaVaScRiPt:alert(2)">again</a></p>')

    assert "javascript" not in body.lower()
    assert "click" in body


@pytest.mark.parametrize(
    "href",
    [
        "&#106;avascript:alert(1)",
        " javascript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "vbscript:msgbox(1)",
    ],
)
def test_disguised_and_other_dangerous_link_schemes_are_removed_on_save(href):
    body = saved_body(f'<p><a href="{href}">click</a></p>')

    assert "href" not in body


def test_styles_iframes_and_forms_are_removed_on_save():
    body = saved_body('<style>p{}</style><iframe src="https://evil.example"></iframe><form><input></form><p>Kept</p>')

    assert body == "<p>Kept</p>"


def test_armenian_body_is_sanitised_too():
    body = saved_body("<p>Բարև</p><script>alert(1)</script>", language="hy")

    assert body == "<p>Բարև</p>"


def test_allowed_markup_is_kept_on_save():
    assert saved_body(ALLOWED_MARKUP) == ALLOWED_MARKUP


def test_ordinary_links_are_kept_with_noopener():
    body = saved_body('<p><a href="https://example.org/report" title="Report">report</a></p>')

    assert body == '<p><a href="https://example.org/report" title="Report" rel="noopener">report</a></p>'


def test_body_is_sanitised_when_only_updated_through_save_of_an_existing_article():
    article = make_article()
    article.body_en = "<p>Edited</p><script>alert(1)</script>"
    article.save()

    article.refresh_from_db()
    assert article.body_en == "<p>Edited</p>"


def test_body_posted_through_the_admin_form_is_sanitised(client):
    client.force_login(make_editor())
    hostile = (
        '<p onclick="steal()">Talks <a href="javascript:steal()">resumed</a>.</p>'
        "<script>steal()</script><p><strong>Kept</strong></p>"
    )

    response = client.post(
        "/admin/articles/article/add/", admin_article_form(make_section(), make_author(), body_en=hostile)
    )

    assert response.status_code == 302
    assert Article.objects.get().body_en == '<p>Talks <a rel="noopener">resumed</a>.</p><p><strong>Kept</strong></p>'


def test_sanitised_body_reaches_the_page_without_the_script(client):
    article = make_article(body_en="<p>Safe</p><script>alert('reader')</script>")

    response = client.get(article.get_absolute_url("en"))

    page = response.content.decode()
    assert "<p>Safe</p>" in page
    assert "alert('reader')" not in page
