"""
Moderating conversations per language: the queue names each comment's
language and filters by it within its query budget, the email names it, and
the reading pages keep their query budgets with comments in every language.
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from comments.models import Comment
from tests.articles.test_query_counts import ARTICLE_QUERIES, HOME_QUERIES, SECTION_QUERIES
from tests.factories import bulk_comments, make_article, make_comment, make_section, post_comment

pytestmark = pytest.mark.django_db

QUEUE = "/admin/comments/comment/"


def queries_for(client, path) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return len(captured)


def result_rows(page: str) -> list[str]:
    return re.findall(r"<tr>.*?</tr>", page.split('id="result_list"')[1], re.S)


def test_the_queue_shows_each_comments_language(moderator_client):
    article = make_article()
    make_comment(article, language="hy", text="Հայերեն մեկնաբանություն")
    make_comment(article, language="en", text="An English remark")
    make_comment(article, text="A remark from before")

    rows = result_rows(moderator_client.get(QUEUE).content.decode())

    by_text = {text: row for row in rows for text in ("Հայերեն", "An English remark", "from before") if text in row}
    assert "Armenian" in by_text["Հայերեն"]
    assert "English" in by_text["An English remark"]
    assert "every language (an older comment)" in by_text["from before"]


@pytest.mark.parametrize(
    "choice, shown, hidden",
    [("hy", "Armenian remark", "English remark"), ("en", "English remark", "Armenian remark"), ("none", "Older", "")],
)
def test_the_queue_filters_by_language(moderator_client, choice, shown, hidden):
    article = make_article()
    make_comment(article, language="hy", text="Armenian remark")
    make_comment(article, language="en", text="English remark")
    make_comment(article, text="Older remark")

    response = moderator_client.get(QUEUE, {"language__exact": choice})

    page = response.content.decode()
    assert response.status_code == 200
    assert shown in page
    if hidden:
        assert hidden not in page
    if choice == "none":
        assert "Armenian remark" not in page and "English remark" not in page
    assert "?language__exact=hy" in page and "?language__exact=none" in page


def test_an_unknown_language_in_the_filter_is_an_empty_list_not_an_error(moderator_client):
    make_comment(make_article(), language="en")

    response = moderator_client.get(QUEUE, {"language__exact": "<xx>"})

    assert response.status_code == 200
    assert "A considered remark" not in response.content.decode()


def test_the_change_form_names_the_language(moderator_client):
    comment = make_comment(make_article(), language="hy")

    page = moderator_client.get(f"{QUEUE}{comment.pk}/change/").content.decode()

    assert "Armenian" in page


def test_the_moderators_email_names_the_language(client, moderator, mailoutbox, run_tasks):
    article = make_article()

    post_comment(client, article, "hy", text="Խնդրում եմ կարդալ։")
    run_tasks()

    [message] = mailoutbox
    assert "Language: Armenian" in message.body


@pytest.mark.slow
def test_the_queue_filtered_by_language_takes_as_many_queries_with_10000_comments_as_with_10(moderator_client):
    article = make_article()
    bulk_comments(article, 10)
    Comment.objects.update(language="hy")
    filtered = QUEUE + "?language__exact=hy"
    with_10, plain_10 = queries_for(moderator_client, filtered), queries_for(moderator_client, QUEUE)

    Comment.objects.all().delete()
    bulk_comments(article, 10_000)
    Comment.objects.filter(pk__in=Comment.objects.order_by("pk").values("pk")[:5_000]).update(language="hy")

    assert queries_for(moderator_client, filtered) == with_10
    assert queries_for(moderator_client, QUEUE) == plain_10


RESPONSES = {"en": "{} Responses", "hy": "{} պատասխան"}


@pytest.mark.usefixtures("uncached")
@pytest.mark.parametrize("language", ["en", "hy"])
def test_reading_pages_keep_their_budgets_with_comments_in_every_language(client, django_assert_num_queries, language):
    section = make_section()
    articles = [make_article(section=section) for _ in range(3)]
    pages = {
        f"/{language}/": HOME_QUERIES,
        section.get_absolute_url(language): SECTION_QUERIES,
        articles[0].get_absolute_url(language): ARTICLE_QUERIES,
    }
    for per_language in (1, 10):
        for article in articles:
            while article.comments.filter(language="en").count() < per_language:
                for comment_language in ("en", "hy", ""):
                    make_comment(article, language=comment_language)
        for path, budget in pages.items():
            with django_assert_num_queries(budget):
                response = client.get(path)
            assert response.status_code == 200
            # Each article shows its own language's comments and the older ones.
            assert RESPONSES[language].format(per_language * 2) in response.content.decode(), path


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the plans shown are PostgreSQL's")
def test_on_postgresql_one_languages_thread_and_counts_are_read_off_an_article_index():
    article = make_article()
    for language in ("en", "hy"):
        bulk_comments(make_article(), 5_000, status=Comment.Status.APPROVED)
        Comment.objects.filter(language="").update(language=language)
    bulk_comments(article, 50, status=Comment.Status.APPROVED)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE comments_comment")

    thread = Comment.objects.for_reader(article, "hy")
    counts = Comment.objects.public().for_language("hy").filter(article__in=[article.pk]).values("article")

    for query in (thread, counts):
        plan = query.explain()
        # The language is checked on the one article's rows an index on the article found.
        assert re.search(r"Index (Only )?Scan using comment\w*article", plan), plan
        assert "Seq Scan" not in plan, plan
