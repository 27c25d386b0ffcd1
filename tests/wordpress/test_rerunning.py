"""Running the import again updates what changed and duplicates nothing; a stopped run resumes; a dry run writes nothing."""

import pytest
from django.apps import apps
from django.core.management import CommandError

from articles.models import Article
from comments.models import Comment

from .conftest import EXPORTS
from .test_import_comments import comment_for
from .test_import_posts import article_for

COUNTED = [
    "articles.Article",
    "articles.Section",
    "articles.Tag",
    "articles.Author",
    "articles.Byline",
    "articles.InlineImage",
    "articles.FormerSlug",
    "comments.Comment",
    "redirects.Redirect",
    "wordpress.ImportedObject",
    "django_tasks_database.DBTaskResult",
]


def row_counts() -> dict[str, int]:
    return {name: apps.get_model(name).objects.count() for name in COUNTED}


def media_files(media_root) -> list[str]:
    return sorted(str(path) for path in media_root.rglob("*") if path.is_file()) if media_root.exists() else []


def test_a_second_run_changes_nothing_and_says_so(polylang_site, uploads, run_import, media_root):
    before, files = row_counts(), media_files(media_root)
    output = run_import(EXPORTS / "polylang.xml", "--uploads", str(uploads))
    assert row_counts() == before
    assert media_files(media_root) == files
    assert "post: 0 created, 0 updated, 2 unchanged" in output
    assert "comment: 0 created, 0 updated, 7 unchanged" in output


def test_a_changed_post_and_comment_are_updated_in_place(polylang_site, uploads, run_import, tmp_path):
    changed = (EXPORTS / "polylang.xml").read_text()
    changed = changed.replace("<title><![CDATA[A new level of dialogue]]>", "<title><![CDATA[A newer level]]>")
    changed = changed.replace(
        "<wp:comment_approved><![CDATA[0]]></wp:comment_approved>",
        "<wp:comment_approved><![CDATA[1]]></wp:comment_approved>",
    )
    path = tmp_path / "changed.xml"
    path.write_text(changed)
    before = row_counts()
    output = run_import(path, "--uploads", str(uploads))
    assert row_counts() == before
    assert article_for(101).title_en == "A newer level"
    assert article_for(101).title_hy == "Երկխոսության նոր մակարդակ"
    assert comment_for(12).status == Comment.Status.APPROVED
    assert "post: 0 created, 1 updated, 1 unchanged" in output
    assert "comment: 0 created, 1 updated, 6 unchanged" in output


def test_a_comment_changed_alone_leaves_its_post_unchanged(polylang_site, uploads, run_import, tmp_path):
    changed = tmp_path / "changed.xml"
    changed.write_text((EXPORTS / "polylang.xml").read_text().replace("Finally some good news.", "Good news at last."))
    output = run_import(changed, "--uploads", str(uploads))
    assert "post: 0 created, 0 updated, 2 unchanged" in output
    assert "comment: 0 created, 1 updated, 6 unchanged" in output
    assert comment_for(11).text == "Good news at last."


def test_comments_imported_before_conversations_were_per_language_get_theirs(polylang_site, uploads, run_import):
    Comment.objects.update(language="")  # as an import made before comments had a language left them

    output = run_import(EXPORTS / "polylang.xml", "--uploads", str(uploads))

    assert "comment: 0 created, 7 updated, 0 unchanged" in output
    assert (comment_for(11).language, comment_for(15).language, comment_for(21).language) == ("en", "en", "hy")
    again = run_import(EXPORTS / "polylang.xml", "--uploads", str(uploads))
    assert "comment: 0 created, 0 updated, 7 unchanged" in again


def test_an_article_deleted_since_is_made_again(polylang_site, uploads, run_import):
    article_for(101).delete()
    run_import(EXPORTS / "polylang.xml", "--uploads", str(uploads))
    assert Article.objects.count() == 1
    assert article_for(101).available_languages() == ["en", "hy"]
    assert Comment.objects.count() == 7


def test_a_run_stopped_halfway_is_finished_by_running_it_again(db, uploads, run_import, tmp_path):
    whole = (EXPORTS / "polylang.xml").read_text()
    # The file as a copy interrupted in the middle of the second post.
    cut = tmp_path / "cut.xml"
    cut.write_text(whole[: whole.index("Բանակցությունները")])
    with pytest.raises(CommandError, match="stops being well-formed"):
        run_import(cut, "--uploads", str(uploads))
    assert Article.objects.count() == 1
    assert article_for(101).available_languages() == ["en"]
    assert Comment.objects.count() == 6

    output = run_import(EXPORTS / "polylang.xml", "--uploads", str(uploads))
    # The first post is updated, not made twice: its featured image's attachment lay past the cut.
    assert "post: 0 created, 1 updated" in output
    assert "translation joined to its article: 1 created" in output
    assert Article.objects.count() == 1
    assert article_for(101).image
    assert article_for(101).available_languages() == ["en", "hy"]
    assert Comment.objects.count() == 7


def test_a_dry_run_reports_the_import_and_writes_nothing(db, uploads, run_import, media_root):
    before, files = row_counts(), media_files(media_root)
    output = run_import(EXPORTS / "polylang.xml", "--uploads", str(uploads), "--dry-run")
    assert row_counts() == before
    assert media_files(media_root) == files
    assert output.startswith("Dry run: nothing was written.")
    assert "post: 1 created" in output
    assert "comment: 7 created" in output
    assert "featured image: 1 created" in output
    assert "missing file: 2021/01/lost.jpg" in output


def test_a_dry_run_after_an_import_reports_updates_and_writes_nothing(polylang_site, uploads, run_import, tmp_path):
    changed = tmp_path / "changed.xml"
    changed.write_text((EXPORTS / "polylang.xml").read_text().replace("A new level of dialogue]]>", "Renamed]]>"))
    before = row_counts()
    output = run_import(changed, "--uploads", str(uploads), "--dry-run")
    assert "post: 0 created, 1 updated, 1 unchanged" in output
    assert row_counts() == before
    assert article_for(101).title_en == "A new level of dialogue"


def test_two_wordpress_sites_with_the_same_ids_do_not_clash(db, run_import, write_export):
    from .conftest import HEADER, post_xml

    run_import(write_export(post_xml(1, title="First site", name="first")))
    other_site = HEADER.replace("http://small.example", "http://other.example")
    run_import(write_export(post_xml(1, title="Second site", name="second"), name="b.xml", header=other_site))
    assert sorted(Article.objects.values_list("title_en", flat=True)) == ["First site", "Second site"]
