"""
Sitemaps take a fixed number of queries whatever the size of the archive
(page cache off: the rendering itself is measured).

- index: one per listed sitemap (home, sections, tags, authors: their
  entries; articles: the count of its pages and its latest change) = 6;
- home, sections, tags, authors: one query each (every row with its newest
  article per language, as annotations);
- articles: the count of (article, language) pairs, the page of them, and
  the page's articles with their language flags = 3;
- news: the recent articles with their language flags = 1;
- robots.txt: none.
"""

import pytest

from tests.factories import bulk_articles, make_article, make_author, make_section, make_tag

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("uncached")]

BUDGETS = {
    "/sitemap.xml": 6,
    "/sitemap-home.xml": 1,
    "/sitemap-sections.xml": 1,
    "/sitemap-tags.xml": 1,
    "/sitemap-authors.xml": 1,
    "/sitemap-articles.xml": 3,
    "/sitemap-articles.xml?p=2": 3,
    "/news-sitemap.xml": 1,
    "/robots.txt": 0,
}


def small_newsroom():
    make_article(tags=[make_tag()])
    make_article(languages=("en",))


def large_newsroom():
    tags = [make_tag() for _ in range(12)]
    authors = [make_author() for _ in range(12)]
    for n in range(12):
        make_article(section=make_section(), tags=tags[n : n + 3], authors=authors[n : n + 2])
    bulk_articles(150)


@pytest.mark.parametrize("newsroom", [small_newsroom, large_newsroom], ids=["2 articles", "162 articles"])
@pytest.mark.parametrize("path", list(BUDGETS))
def test_each_sitemap_takes_a_fixed_number_of_queries(client, settings, django_assert_num_queries, newsroom, path):
    settings.SITEMAP_LIMIT = 2  # so that the article sitemap has a second page in both
    newsroom()

    with django_assert_num_queries(BUDGETS[path]):
        response = client.get(path)

    assert response.status_code == 200
