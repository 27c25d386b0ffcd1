"""Text in another language than the page's is marked with ``lang``, so that screen readers voice it rightly."""

import re

import pytest

from articles.models import Article
from tests.accessibility.conftest import CONVERSATION

ARMENIAN_COMMENT = "Լավ է, որ վերջապես"


def comment_texts(html: str) -> dict[str, str | None]:
    """Each comment's first words → its ``lang`` attribute, if any."""
    found = re.findall(r'<div class="comment__text"(?: lang="([^"]+)")?>\s*<p>([^<]{1,18})', html)
    return {words: language or None for language, words in found}


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "marked"), [("en", "hy"), ("hy", None)])
def test_a_comment_in_armenian_is_marked_as_armenian_on_a_page_in_another_language(client, newsroom, language, marked):
    article = Article.objects.get(slug_en=CONVERSATION)

    texts = comment_texts(client.get(article.get_absolute_url(language)).content.decode())

    assert texts[ARMENIAN_COMMENT] == marked
    assert [lang for words, lang in texts.items() if words != ARMENIAN_COMMENT] == [None, None]


@pytest.mark.django_db
def test_language_switch_names_each_language_in_itself(client):
    page = client.get("/en/").content.decode()

    assert '<span aria-current="true" lang="en">English</span>' in page
    assert 'hreflang="hy" lang="hy">Հայերեն</a>' in page
