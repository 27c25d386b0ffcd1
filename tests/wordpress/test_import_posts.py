"""Posts, categories, tags and authors: what each becomes (exports/single.xml, exports/polylang.xml)."""

import datetime

from articles.models import Article, Section, Tag
from wordpress.models import ImportedObject

from .conftest import EXPORTS


def article_for(post_id: int) -> Article:
    return ImportedObject.objects.get(kind="post", wordpress_id=str(post_id)).current_target()


def test_a_post_in_two_categories_goes_into_the_first_and_keeps_the_other_as_a_tag(polylang_site):
    article = article_for(101)
    assert article.section.name_en == "News Explained"
    assert article.section.slug_en == "news-explained"
    assert sorted(tag.slug_en for tag in article.tags.all()) == ["elections", "politics", "yerevan"]


def test_a_sub_category_goes_into_its_top_level_category_and_is_kept_as_a_tag(db, run_import):
    run_import(EXPORTS / "single.xml", "--language", "hy")
    article = article_for(301)
    assert article.section.slug_hy == "town"
    assert sorted(tag.slug_hy for tag in article.tags.all()) == ["budget", "council", "economy"]


def test_title_slug_excerpt_date_and_comment_status_are_kept(db, run_import):
    run_import(EXPORTS / "single.xml", "--language", "hy")
    article = article_for(301)
    assert article.title_hy == "The council passes the budget"
    assert article.slug_hy == "the-council-passes-the-budget"
    assert article.summary_hy == "Nine votes to two."
    # The GMT date, not the site's local one.
    assert article.published_at == datetime.datetime(2022, 3, 3, 8, 0, tzinfo=datetime.UTC)
    assert article.status == Article.Status.PUBLISHED
    assert article.allow_comments is False
    assert article.is_public


def test_drafts_pending_and_scheduled_posts_keep_their_state(db, run_import):
    run_import(EXPORTS / "single.xml", "--language", "hy")
    draft, scheduled, pending = article_for(302), article_for(303), article_for(304)
    assert draft.status == Article.Status.DRAFT
    assert draft.slug_hy == "notes-for-a-story-on-the-bus-routes"  # WordPress gives drafts no slug
    assert pending.status == Article.Status.IN_REVIEW
    assert scheduled.is_scheduled
    assert scheduled.published_at == datetime.datetime(2031, 9, 1, 6, 0, tzinfo=datetime.UTC)


def test_pages_and_trashed_posts_are_skipped_and_counted_with_their_reason(db, run_import):
    output = run_import(EXPORTS / "single.xml", "--language", "hy")
    assert "skipped 1 page: pages are not imported" in output
    assert "skipped 1 post: in WordPress's trash" in output
    assert "post: 4 created, 0 updated, 0 unchanged" in output
    assert Article.objects.count() == 4


def test_a_single_language_post_is_imported_in_the_language_given(db, run_import):
    run_import(EXPORTS / "single.xml", "--language", "hy")
    article = article_for(301)
    assert article.available_languages() == ["hy"]
    assert not article.title_en


def test_without_language_data_or_option_posts_are_in_the_sites_first_language(db, run_import):
    run_import(EXPORTS / "single.xml")
    assert article_for(301).available_languages() == ["en"]


def test_authors_become_the_byline_in_order(polylang_site):
    article = article_for(101)
    names = [byline.author.name_en for byline in article.bylines.all()]
    assert names == ["Anna Petrosyan", "Davit Hakobyan"]
    assert article.bylines.first().author.slug_hy == "anna"


def test_block_markup_and_caption_become_the_sanitised_body(polylang_site):
    body = article_for(101).body_en
    assert "<!--" not in body and "[caption" not in body and "[gallery" not in body
    assert "<figcaption>The table before the talks began.</figcaption>" in body
    assert body.startswith("<p>Talks resumed on Tuesday after a pause of <strong>eight months</strong>.</p>")
    assert "“constructive” [sic]" in body
    assert "shortcodes dropped: 1" in polylang_site


def test_classic_editor_line_breaks_become_paragraphs(db, run_import):
    run_import(EXPORTS / "single.xml", "--language", "hy")
    body = article_for(301).body_hy
    assert body.startswith("<p>The council met on Wednesday evening.<br>\nNine members voted for the budget")
    assert "<h2>What changes</h2>" in body
    assert "contact-form" not in body


def test_an_existing_section_with_the_same_address_is_reused(db, run_import):
    Section.objects.create(name_en="Town news", slug_en="town")
    run_import(EXPORTS / "single.xml")
    assert Section.objects.filter(slug_en="town").count() == 1
    assert article_for(301).section.name_en == "Town news"


def test_categories_that_are_reserved_words_get_an_address_that_does_not_clash(db, run_import, write_export):
    from .conftest import post_xml

    item = post_xml(1).replace('nicename="news">News', 'nicename="tags">Tags')
    run_import(write_export(item))
    assert article_for(1).section.slug_en == "tags-section"
    assert Tag.objects.count() == 0


def test_very_long_category_and_tag_names_are_shortened_to_fit(db, run_import, write_export):
    from .conftest import post_xml

    long = "a" * 300
    tag = f'<category domain="post_tag" nicename="{long}">{long}</category>'
    item = post_xml(1, extra=tag).replace('nicename="news">News', f'nicename="{long}">{long}')
    run_import(write_export(item))
    article = article_for(1)
    assert len(article.section.slug_en) <= 100 and len(article.section.name_en) == 100
    assert len(article.tags.get().slug_en) <= 100
