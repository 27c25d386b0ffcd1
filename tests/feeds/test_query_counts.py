"""
Every feed takes a fixed number of queries whatever the archive holds:
measured with 5 articles (or comments) and again with 30, every article
carrying three authors and three tags of its own and a featured image.

The head links on every page cost no query: the pages' budgets in
tests/articles/test_query_counts.py hold with them.

Each measurement follows one unmeasured request: should django.contrib.sites
be installed, Django's Feed looks the current site up once per process.
"""

import pytest
from django.core.files.base import ContentFile

from articles.models import Article
from tests.factories import jpeg_bytes, make_article, make_author, make_comment, make_section, make_tag

from .conftest import FORMATS, feed_address, parse

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("uncached")]

# the articles, their bylines with authors, their tags
SITE_FEED_QUERIES = 3
# the section, tag or author; then as the site feed
SUBJECT_FEED_QUERIES = 4
# the article with its section, its approved comments
COMMENTS_FEED_QUERIES = 2

AUTHORS_AND_TAGS_PER_ARTICLE = 3


class Newsroom:
    """A section, a tag and an author that every article shares, and articles that keep coming."""

    def __init__(self):
        self.section, self.tag, self.author = make_section(), make_tag(), make_author()
        self.articles = []
        # One picture for all, its renditions made once; every article's row names them.
        picture = make_article(
            image=ContentFile(jpeg_bytes(size=(800, 500)), name="p.jpg"), status=Article.Status.DRAFT
        )
        self.picture = {name: getattr(picture, name) for name in ("image", "image_renditions", "image_width")}

    def grow_to(self, count: int) -> None:
        while len(self.articles) < count:
            authors = [self.author, *(make_author() for _ in range(AUTHORS_AND_TAGS_PER_ARTICLE - 1))]
            tags = [self.tag, *(make_tag() for _ in range(AUTHORS_AND_TAGS_PER_ARTICLE - 1))]
            self.articles.append(make_article(section=self.section, authors=authors, tags=tags))
        Article.objects.filter(pk__in=[article.pk for article in self.articles]).update(**self.picture)


FEEDS = {
    "site": (SITE_FEED_QUERIES, lambda news, language: f"/{language}/feed/"),
    "section": (SUBJECT_FEED_QUERIES, lambda news, language: f"{news.section.get_absolute_url(language)}feed/"),
    "tag": (SUBJECT_FEED_QUERIES, lambda news, language: f"{news.tag.get_absolute_url(language)}feed/"),
    "author": (SUBJECT_FEED_QUERIES, lambda news, language: f"{news.author.get_absolute_url(language)}feed/"),
}


@pytest.mark.parametrize("format", FORMATS)
@pytest.mark.parametrize("language", ["en", "hy"])
@pytest.mark.parametrize("feed", FEEDS)
def test_each_article_feed_takes_a_fixed_number_of_queries(client, django_assert_num_queries, feed, language, format):
    budget, address_of = FEEDS[feed]
    newsroom = Newsroom()
    for size in (5, 30):
        newsroom.grow_to(size)
        address = feed_address(address_of(newsroom, language), format)
        client.get(address)
        with django_assert_num_queries(budget):
            response = client.get(address)
        entries = parse(response).entries
        assert len(entries) == min(size, 20) and all(entry.enclosures for entry in entries)
        assert all(len(entry.tags) == 1 + AUTHORS_AND_TAGS_PER_ARTICLE for entry in entries)


@pytest.mark.parametrize("format", FORMATS)
def test_the_comments_feed_takes_a_fixed_number_of_queries(client, django_assert_num_queries, format):
    article = make_article()
    address = feed_address(f"{article.get_absolute_url('en')}comments/feed/", format)
    comments = []
    for size in (5, 30):
        while len(comments) < size:
            parent = comments[-1] if comments and len(comments) % 3 else None
            comments.append(make_comment(article, parent=parent))
        client.get(address)
        with django_assert_num_queries(COMMENTS_FEED_QUERIES):
            response = client.get(address)
        assert len(parse(response).entries) == min(size, 20)
