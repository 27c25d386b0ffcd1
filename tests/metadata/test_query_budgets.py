"""
The head metadata reads only what the views already load: the article page
with a featured image, three authors and three tags keeps its budget of 9
queries, and the author and month pages (not measured elsewhere) keep theirs,
with 2 articles and with 30.
"""

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from tests.articles.test_query_counts import ARTICLE_QUERIES
from tests.factories import jpeg_bytes, make_article, make_author, make_section, make_tag
from tests.metadata.parsing import parse_head

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("uncached")]

# navigation, the author, page count, the page's articles, their bylines with authors, their comment counts
AUTHOR_QUERIES = 6
# navigation, page count, the page's articles, their bylines with authors, their comment counts
MONTH_QUERIES = 5


def grow(section, author, count, articles):
    while len(articles) < count:
        authors = [author, make_author(), make_author()]
        articles.append(make_article(section=section, authors=authors, tags=[make_tag(), make_tag(), make_tag()]))


@pytest.mark.parametrize("language", ["en", "hy"])
def test_an_illustrated_article_with_full_metadata_keeps_its_budget(client, django_assert_num_queries, language):
    section, author = make_section(), make_author()
    illustrated = make_article(
        section=section,
        authors=[author, make_author(), make_author()],
        tags=[make_tag(), make_tag(), make_tag()],
        image=ContentFile(jpeg_bytes(size=(800, 500)), name="photo.jpg"),
        image_alt_en="A river",
        image_alt_hy="Գետ",
    )
    articles = [illustrated]
    for size in (2, 30):
        grow(section, author, size, articles)
        with django_assert_num_queries(ARTICLE_QUERIES):
            response = client.get(illustrated.get_absolute_url(language))
        head = parse_head(response.content)
        assert head.one("twitter:card") == "summary_large_image"
        assert len(head.structured("NewsArticle")["author"]) == 3
        assert len(head.all("article:tag")) == 3


@pytest.mark.parametrize("language", ["en", "hy"])
def test_author_and_month_pages_take_a_fixed_number_of_queries(client, django_assert_num_queries, language):
    section, author = make_section(), make_author()
    articles = []
    for size in (2, 30):
        grow(section, author, size, articles)
        month = timezone.localtime(articles[0].published_at)
        with django_assert_num_queries(AUTHOR_QUERIES):
            author_page = client.get(author.get_absolute_url(language))
        with django_assert_num_queries(MONTH_QUERIES):
            month_page = client.get(f"/{language}/{month.year}/{month.month}/")
        assert parse_head(author_page.content).structured("BreadcrumbList")
        assert parse_head(month_page.content).canonical
