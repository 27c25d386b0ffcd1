"""seed_bench, run small: the rows it promises, and pages that render from them."""

import io

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article, Byline
from articles.richtext import sanitize_html
from bench.management.commands.seed_bench import benchmark_paths
from comments.models import Comment


@pytest.fixture
def seeded(db):
    call_command("seed_bench", articles=200, comments=2000, sections=8, tags=10, authors=6, stdout=io.StringIO())


def test_seed_bench_makes_the_asked_numbers_of_rows(seeded):
    assert Article.objects.count() == 200
    assert Comment.objects.count() == 2000
    assert set(Comment.objects.values_list("status", flat=True)) == {"approved", "pending", "spam"}
    assert not Article.objects.filter(bylines__isnull=True).exists()
    assert Byline.objects.count() >= 200


def test_seed_bench_writes_articles_in_both_languages_with_drafts_and_scheduled_ones(seeded):
    assert Article.objects.published().available_in("en").available_in("hy").count() > 100
    assert Article.objects.available_in("en").exclude(pk__in=Article.objects.available_in("hy")).exists()
    assert Article.objects.filter(status=Article.Status.DRAFT).exists()
    assert Article.objects.published().count() < Article.objects.filter(status=Article.Status.PUBLISHED).count()


def test_seed_bench_bodies_are_stored_as_the_sanitiser_would_leave_them(seeded):
    for article in Article.objects.all()[:50]:
        for body in (article.body_en, article.body_hy):
            assert sanitize_html(body) == body


def test_benchmark_articles_have_exactly_200_and_20_approved_threaded_comments(seeded):
    for count, key in ((200, "article"), (20, "comment_article")):
        slug = benchmark_paths()[key].rstrip("/").rsplit("/", 1)[-1]
        comments = Comment.objects.filter(article__slug_en=slug)
        assert comments.public().count() == count
        assert comments.filter(parent__isnull=False).exists()
    assert not Comment.objects.filter(parent__isnull=False, parent__status__in=["pending", "spam"]).exists()


def test_seed_bench_fingerprints_are_those_comment_save_would_compute(seeded):
    for comment in Comment.objects.all()[:200]:
        assert comment.fingerprint == comment.compute_fingerprint()
        assert comment.depth == (comment.parent.depth + 1 if comment.parent_id else 1)


def test_seeded_public_pages_render(seeded, client):
    paths = benchmark_paths()
    article = Article.objects.get(slug_en=paths["article"].rstrip("/").rsplit("/", 1)[-1])
    for path in ["/en/", "/hy/", paths["section"], paths["article"], article.get_absolute_url("hy")]:
        response = client.get(path)
        assert response.status_code == 200, path
    response = client.get(paths["article"])
    assert response.content.count(b'id="comment-') == 200


def test_seed_bench_refuses_a_database_that_holds_articles(seeded):
    with pytest.raises(CommandError, match="empty"):
        call_command("seed_bench", articles=10, comments=300)
    assert Article.objects.count() == 200
