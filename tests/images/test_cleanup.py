"""Replacing or deleting an image removes its files; a command removes files nothing refers to."""

import datetime
import os

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command

from articles.models import Article, InlineImage
from tests.factories import jpeg_bytes, make_article, png_bytes

pytestmark = pytest.mark.django_db


def exists(obj, names) -> list[bool]:
    return [obj.image.storage.exists(name) for name in names]


def test_replacing_an_image_makes_new_renditions_and_removes_the_old_files(django_capture_on_commit_callbacks):
    article = make_article(image=ContentFile(jpeg_bytes(size=(1000, 600)), name="first.jpg"))
    old_files = article.stored_files()

    with django_capture_on_commit_callbacks(execute=True):
        article.image = ContentFile(png_bytes(size=(700, 500)), name="second.png")
        article.save()

    article.refresh_from_db()
    assert not any(exists(article, old_files))
    assert all(exists(article, article.stored_files()))
    assert (article.image_width, article.image_height) == (700, 500)
    assert [r["width"] for r in article.image_renditions if r["format"] == "webp"] == [480, 700]


def test_old_files_stay_until_the_replacement_is_committed(django_capture_on_commit_callbacks):
    article = make_article(image=ContentFile(jpeg_bytes(size=(1000, 600)), name="first.jpg"))
    old_files = article.stored_files()

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        article.image = ContentFile(jpeg_bytes(size=(900, 500)), name="second.jpg")
        article.save()

    assert all(exists(article, old_files))
    for callback in callbacks:
        callback()
    assert not any(exists(article, old_files))


def test_saving_without_a_new_image_keeps_the_files(django_capture_on_commit_callbacks):
    article = make_article(image=ContentFile(jpeg_bytes(size=(1000, 600)), name="first.jpg"))
    files = article.stored_files()

    with django_capture_on_commit_callbacks(execute=True):
        article.title_en = "A new title"
        article.save()

    assert article.image_renditions and article.stored_files() == files
    assert all(exists(article, files))


def test_clearing_the_image_removes_its_files(django_capture_on_commit_callbacks):
    article = make_article(image=ContentFile(jpeg_bytes(size=(1000, 600)), name="first.jpg"))
    old_files = article.stored_files()
    storage = article.image.storage

    with django_capture_on_commit_callbacks(execute=True):
        article.image = None
        article.save()

    article.refresh_from_db()
    assert article.image_renditions == [] and article.image_width is None
    assert not any(storage.exists(name) for name in old_files)


def test_deleting_an_article_removes_its_files(django_capture_on_commit_callbacks):
    article = make_article(image=ContentFile(jpeg_bytes(size=(1000, 600)), name="photo.jpg"))
    files = article.stored_files()

    with django_capture_on_commit_callbacks(execute=True):
        article.delete()

    assert not any(exists(article, files))


def test_deleting_articles_in_bulk_removes_their_files(django_capture_on_commit_callbacks):
    articles = [make_article(image=ContentFile(jpeg_bytes(size=(600, 400)), name="photo.jpg")) for _ in range(2)]
    files = [name for article in articles for name in article.stored_files()]

    with django_capture_on_commit_callbacks(execute=True):
        Article.objects.filter(pk__in=[article.pk for article in articles]).delete()

    assert not any(exists(articles[0], files))


def test_deleting_an_inline_image_removes_its_files(django_capture_on_commit_callbacks):
    inline_image = InlineImage.objects.create(image=ContentFile(jpeg_bytes(size=(600, 400)), name="inline.jpg"))
    files = inline_image.stored_files()
    assert all(exists(inline_image, files))

    with django_capture_on_commit_callbacks(execute=True):
        inline_image.delete()

    assert not any(exists(inline_image, files))


def age(storage, name, hours=2):
    """Make a stored file look older, as the command leaves fresh files alone."""
    then = (datetime.datetime.now() - datetime.timedelta(hours=hours)).timestamp()
    os.utime(storage.path(name), (then, then))


def test_the_orphan_command_removes_only_files_no_row_refers_to(capsys):
    article = make_article(image=ContentFile(jpeg_bytes(size=(600, 400)), name="kept.jpg"))
    storage = article.image.storage
    orphan = storage.save("articles/2020/01/left-behind.480w.webp", ContentFile(b"stale rendition"))
    other_media = storage.save("exports/report.csv", ContentFile(b"not an image folder"))
    for name in [orphan, other_media, *article.stored_files()]:
        age(storage, name)

    call_command("remove_orphan_images")

    assert not storage.exists(orphan)
    assert storage.exists(other_media)
    assert all(exists(article, article.stored_files()))
    assert "Deleted 1 orphaned image files." in capsys.readouterr().out


def test_the_orphan_command_leaves_fresh_files_alone():
    storage = make_article().image.storage
    fresh = storage.save("inline/2026/11/uploading-now.jpg", ContentFile(b"a save in progress"))

    call_command("remove_orphan_images")

    assert storage.exists(fresh)


def test_the_orphan_commands_dry_run_lists_without_deleting(capsys):
    storage = make_article().image.storage
    orphan = storage.save("inline/2020/01/forgotten.jpg", ContentFile(b"stale"))
    age(storage, orphan)

    call_command("remove_orphan_images", "--dry-run")

    out = capsys.readouterr().out
    assert storage.exists(orphan)
    assert orphan in out and "Would delete 1 orphaned image files." in out


def test_make_renditions_processes_images_stored_before_renditions_existed(django_capture_on_commit_callbacks):
    article = make_article()
    storage = article.image.storage
    legacy = storage.save("articles/2024/05/legacy.jpg", ContentFile(jpeg_bytes(size=(1000, 600))))
    Article.objects.filter(pk=article.pk).update(image=legacy, image_width=1000, image_height=600)

    with django_capture_on_commit_callbacks(execute=True):
        call_command("make_renditions")

    article.refresh_from_db()
    assert [r["width"] for r in article.image_renditions if r["format"] == "webp"] == [480, 960, 1000]
    assert not storage.exists(legacy)
    assert all(exists(article, article.stored_files()))


def test_make_renditions_leaves_processed_images_alone_unless_told(django_capture_on_commit_callbacks):
    article = make_article(image=ContentFile(jpeg_bytes(size=(600, 400)), name="photo.jpg"))
    files = article.stored_files()

    call_command("make_renditions")
    article.refresh_from_db()
    assert article.stored_files() == files

    with django_capture_on_commit_callbacks(execute=True):
        call_command("make_renditions", "--all")
    article.refresh_from_db()
    assert article.stored_files() != files and all(exists(article, article.stored_files()))
    assert not any(exists(article, files))


def test_make_renditions_finds_articles_and_inline_images_through_their_shared_base(
    django_capture_on_commit_callbacks, capsys
):
    article = make_article(image=ContentFile(jpeg_bytes(size=(600, 400)), name="featured.jpg"))
    inline_image = InlineImage.objects.create(image=ContentFile(jpeg_bytes(size=(600, 400)), name="inline.jpg"))
    old_files = {article: article.stored_files(), inline_image: inline_image.stored_files()}

    with django_capture_on_commit_callbacks(execute=True):
        call_command("make_renditions", "--all")

    assert "Made renditions for 2 images." in capsys.readouterr().out
    for owner, old in old_files.items():
        owner.refresh_from_db()
        assert owner.image_renditions and set(owner.stored_files()).isdisjoint(old)
        assert all(exists(owner, owner.stored_files())) and not any(exists(owner, old))
    assert article.image.name.startswith("articles/") and inline_image.image.name.startswith("inline/")


def test_the_orphan_command_keeps_the_files_of_articles_and_inline_images_alike(capsys):
    article = make_article(image=ContentFile(jpeg_bytes(size=(600, 400)), name="featured.jpg"))
    inline_image = InlineImage.objects.create(image=ContentFile(jpeg_bytes(size=(600, 400)), name="inline.jpg"))
    storage = article.image.storage
    orphans = [
        storage.save("articles/2020/01/left-behind.jpg", ContentFile(b"stale")),
        storage.save("inline/2020/01/left-behind.jpg", ContentFile(b"stale")),
    ]
    kept = article.stored_files() + inline_image.stored_files()
    for name in orphans + kept:
        age(storage, name)

    call_command("remove_orphan_images")

    assert not any(storage.exists(name) for name in orphans)
    assert all(storage.exists(name) for name in kept)
    assert "Deleted 2 orphaned image files." in capsys.readouterr().out
