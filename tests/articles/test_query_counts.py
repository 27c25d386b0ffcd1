"""
Public pages take a fixed number of queries however many articles, authors
and tags the newsroom holds. Each page is measured with 2 articles and again
with 30 (a section's second page with 3 and 30, so that it exists), every
article carrying three authors and three tags of its own.

When a page gains a feature that needs a query (say, a comment count), change
the one number below and say why in the commit.
"""

import pytest

from tests.factories import make_article, make_author, make_section, make_tag

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("uncached")]

# navigation sections, lead + latest, their bylines with authors, their comment counts
HOME_QUERIES = 4
# navigation, the section, page count, the page's articles, their bylines with authors, their comment counts
SECTION_QUERIES = 6
# navigation, the tag, page count, the page's articles, their bylines with authors, their comment counts
TAG_QUERIES = 6
# navigation, the article, its tags, its bylines with authors, related articles (the newest close ones and
# the newest others), their bylines with authors, their comment counts, the article's approved comments
ARTICLE_QUERIES = 9

AUTHORS_AND_TAGS_PER_ARTICLE = 3


class Newsroom:
    """One section and one tag that every article shares, and articles that keep coming."""

    def __init__(self):
        self.section = make_section()
        self.tag = make_tag()
        self.articles = []

    def grow_to(self, count: int) -> None:
        while len(self.articles) < count:
            authors = [make_author() for _ in range(AUTHORS_AND_TAGS_PER_ARTICLE)]
            tags = [self.tag, *(make_tag() for _ in range(AUTHORS_AND_TAGS_PER_ARTICLE - 1))]
            self.articles.append(make_article(section=self.section, authors=authors, tags=tags))


@pytest.fixture
def newsroom():
    return Newsroom()


PAGES = {
    "home": (HOME_QUERIES, lambda news, language: f"/{language}/"),
    "section": (SECTION_QUERIES, lambda news, language: news.section.get_absolute_url(language)),
    "tag": (TAG_QUERIES, lambda news, language: news.tag.get_absolute_url(language)),
    "article": (ARTICLE_QUERIES, lambda news, language: news.articles[0].get_absolute_url(language)),
}


@pytest.mark.parametrize("language", ["en", "hy"])
@pytest.mark.parametrize("page", PAGES)
def test_each_public_page_takes_a_fixed_number_of_queries(client, django_assert_num_queries, newsroom, page, language):
    budget, url_of = PAGES[page]
    for size in (2, 30):
        newsroom.grow_to(size)
        with django_assert_num_queries(budget):
            response = client.get(url_of(newsroom, language))
        assert response.status_code == 200


def test_section_second_page_takes_as_many_queries_as_the_first(client, django_assert_num_queries, newsroom, settings):
    # Two to a page: with 3 articles page 2 holds one of them, with 30 it holds two.
    settings.ARTICLES_PER_PAGE = 2
    for size in (3, 30):
        newsroom.grow_to(size)
        with django_assert_num_queries(SECTION_QUERIES):
            response = client.get(newsroom.section.get_absolute_url("en") + "?page=2")
        assert response.status_code == 200
        assert response.context["page_obj"].number == 2
        assert len(response.context["page_obj"]) == (1 if size == 3 else 2)
