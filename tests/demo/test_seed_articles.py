"""`manage.py seed_demo`, its articles: the demo newsroom that `make run` loads on every start."""

import datetime
import io
import re

import pytest
from django.utils import timezone
from django.utils.html import strip_tags
from PIL import Image

from articles.models import Article, Author, Byline, FormerSlug, Section, Tag
from demo import content
from demo.drawing import draw_illustration
from tests.demo.conftest import SMALL
from tests.factories import make_article

pytestmark = pytest.mark.django_db

FIRST_RUN = "Demo content: 4 sections, 3 authors, 10 tags, 14 articles.\nDemo comments: 5 added, 5 in all."
LATER_RUN = "Demo content: 4 sections, 3 authors, 10 tags, 14 articles.\nDemo comments: 0 added, 5 in all."


def demo_articles():
    return Article.objects.filter(slug_en__in=[entry["key"] for entry in content.ARTICLES])


def snapshot() -> dict:
    """Everything a second run could change."""
    return {
        "counts": [model.objects.count() for model in (Section, Author, Tag, Article, Byline, FormerSlug)],
        "articles": list(
            Article.objects.order_by("pk").values_list(
                "pk", "slug_en", "slug_hy", "status", "published_at", "updated_at", "image", "image_renditions"
            )
        ),
        "bylines": list(Byline.objects.order_by("pk").values_list("article_id", "author_id", "position")),
        "tags": list(Article.tags.through.objects.order_by("pk").values_list("article_id", "tag_id")),
    }


def test_seed_demo_prints_a_summary_of_the_articles_and_the_comments(seed):
    assert seed().strip() == FIRST_RUN


def test_seed_demo_creates_sections_authors_tags_and_articles(seed):
    seed()

    assert Section.objects.count() >= 3
    news_explained = Section.objects.get(slug_en="news-explained")
    assert (news_explained.name_en, news_explained.name_hy) == ("News Explained", "Լուրերի բացատրություն")
    assert Author.objects.count() >= 3
    assert all(author.bio_en and author.bio_hy for author in Author.objects.all())
    assert Tag.objects.count() >= 8
    assert Article.objects.count() >= 12


def test_every_demo_article_has_a_picture_with_renditions_alt_text_and_credit(media_root, seed):
    seed()

    assert Article.objects.exists()
    for article in Article.objects.all():
        assert article.image, article.slug_en
        assert (media_root / article.image.name).is_file()
        assert (article.image_width, article.image_height) == SMALL
        assert article.renditions, f"{article.slug_en} has no renditions"
        for language in article.available_languages():
            assert getattr(article, f"image_alt_{language}")
            assert getattr(article, f"image_caption_{language}")
            assert getattr(article, f"image_credit_{language}")


def test_demo_pictures_are_drawn_as_wide_jpegs(small_pictures):
    picture = Image.open(io.BytesIO(draw_illustration("a-key", "rails", "slate-coral", size=small_pictures)))

    assert (picture.format, picture.size) == ("JPEG", (1600, 900))


def test_each_demo_article_gets_its_own_picture(seed):
    seed()

    names = list(Article.objects.values_list("image", flat=True))
    assert len(set(names)) == len(names)
    assert draw_illustration("one", "waves", "teal-sand") == draw_illustration("one", "waves", "teal-sand")
    assert draw_illustration("one", "waves", "teal-sand") != draw_illustration("two", "waves", "teal-sand")


def test_most_demo_articles_are_in_both_languages_and_a_few_in_english_only(seed):
    seed()

    languages = [tuple(article.available_languages()) for article in Article.objects.all()]
    english_only = languages.count(("en",))
    assert 2 <= english_only <= 3
    assert languages.count(("en", "hy")) > len(languages) / 2


def test_exactly_the_demo_articles_with_an_armenian_part_are_available_in_armenian_at_its_slug(seed):
    seed()

    armenian = dict(demo_articles().available_in("hy").values_list("slug_en", "slug_hy"))
    assert armenian == {entry["key"]: entry["hy"]["slug"] for entry in content.ARTICLES if "hy" in entry}
    assert all(armenian.values())


def test_the_demo_draft_and_scheduled_articles_are_not_public(client, seed):
    seed()

    draft = Article.objects.get(status=Article.Status.DRAFT)
    scheduled = Article.objects.get(status=Article.Status.PUBLISHED, published_at__gt=timezone.now())
    assert scheduled.published_at > timezone.now() + datetime.timedelta(days=6)
    public = Article.objects.published()
    assert draft not in public and scheduled not in public
    assert not draft.is_public and not scheduled.is_public
    assert client.get(draft.get_absolute_url("en")).status_code == 404
    assert client.get(scheduled.get_absolute_url("hy")).status_code == 404
    assert public.count() == Article.objects.count() - 2


def test_demo_articles_have_ordered_bylines_and_share_tags_across_sections(seed):
    seed()

    for article in Article.objects.all():
        positions = list(article.bylines.values_list("position", flat=True))
        assert positions in ([0], [0, 1])
    first = Article.objects.get(slug_en="a-new-level-of-dialogue-on-the-valleys-water")
    assert [byline.author.slug_en for byline in first.bylines.all()] == ["gor-ohanjanyan", "mariam-ter-avetisyan"]
    water = Tag.objects.get(slug_en="water")
    assert water.articles.values("section").distinct().count() >= 2
    assert first.related("en") and first.related("hy")


def test_demo_text_uses_typographic_punctuation(seed):
    seed()

    for article in Article.objects.all():
        for language in article.available_languages():
            text = strip_tags(getattr(article, f"body_{language}")) + getattr(article, f"title_{language}")
            assert '"' not in text and "'" not in text, (article.slug_en, language)
        if "hy" in article.available_languages():
            assert "։" in article.body_hy
            assert re.search("[\u0531-\u0587]", article.title_hy)
    quoted = Article.objects.get(slug_en="a-new-level-of-dialogue-on-the-valleys-water")
    assert "“" in quoted.body_en and "«" in quoted.body_hy
    assert "Սոնա Ավագյան" in quoted.body_en and "Sona Avagyan" in quoted.body_hy


def test_running_seed_demo_twice_changes_nothing(seed):
    seed()
    before = snapshot()

    output = seed()

    assert snapshot() == before
    assert output.strip() == LATER_RUN


def test_seed_demo_leaves_existing_content_alone_and_adds_its_own(seed):
    existing = make_article(title="An editor’s own story")
    counts = {model: model.objects.count() for model in (Section, Author, Tag, Article)}

    seed()

    assert Article.objects.count() == counts[Article] + len(content.ARTICLES)
    assert Section.objects.count() == counts[Section] + len(content.SECTIONS)
    assert Author.objects.count() == counts[Author] + len(content.AUTHORS)
    assert Tag.objects.count() == counts[Tag] + len(content.TAGS)
    assert Article.objects.get(pk=existing.pk).updated_at == existing.updated_at


def test_seed_demo_restores_an_edited_demo_article_without_a_duplicate(seed):
    seed()
    articles = Article.objects.count()
    article = Article.objects.get(slug_en="solar-panels-on-the-rooftops-of-arpeni")
    image = article.image.name
    article.title_en = "Edited in the admin"
    article.slug_en = "edited-in-the-admin"
    article.save()

    seed()

    assert demo_articles().count() == len(content.ARTICLES)
    assert Article.objects.count() == articles
    restored = Article.objects.get(pk=article.pk)
    assert (restored.slug_en, restored.title_en) == (
        "solar-panels-on-the-rooftops-of-arpeni",
        "Solar panels on the rooftops of Arpeni",
    )
    assert restored.image.name == image


def test_the_scheduled_demo_article_moves_ahead_once_its_date_has_passed(seed):
    seed()
    scheduled = Article.objects.get(slug_en="before-the-vote-what-is-in-the-regional-budget")
    Article.objects.filter(pk=scheduled.pk).update(published_at=timezone.now() - datetime.timedelta(days=1))

    seed()

    scheduled.refresh_from_db()
    assert scheduled.published_at > timezone.now() + datetime.timedelta(days=6)
    assert not scheduled.is_public


def test_demo_rows_pass_the_models_own_validation(seed):
    seed()

    for model in (Section, Author, Tag, Article):
        assert model.objects.exists(), model.__name__
        for row in model.objects.all():
            row.full_clean()
