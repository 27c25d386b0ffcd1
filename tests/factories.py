"""
The suite's one factories module: real rows in the real database (sections,
authors, tags, articles, comments, staff), real requests (the comment form as a
browser posts it) and real images made by Pillow with the metadata a phone writes.
"""

import datetime
import functools
import io
import itertools
import time

from django.contrib.auth.models import Group, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation
from PIL import Image, ImageCms

from articles.models import Article, Author, Byline, Section, Tag
from comments.forms import sign_timestamp
from comments.models import Comment

_numbers = itertools.count(1)

ARMENIAN_WORDS = ["Բացատրություն", "Քաղաքականություն", "Տնտեսություն", "Մշակույթ", "Հասարակություն"]


def make_section(name="News Explained", languages=("en", "hy"), **fields) -> Section:
    n = next(_numbers)
    values = {"name_en": f"{name} {n}", "slug_en": f"section-{n}"}
    if "hy" in languages:
        values |= {"name_hy": f"{ARMENIAN_WORDS[n % len(ARMENIAN_WORDS)]} {n}", "slug_hy": f"bazhin-{n}"}
    return Section.objects.create(**(values | fields))


def make_author(name="Anna Petrosyan", **fields) -> Author:
    n = next(_numbers)
    values = {"name_en": f"{name} {n}", "slug_en": f"author-{n}", "name_hy": f"Աննա {n}", "slug_hy": f"hexinak-{n}"}
    return Author.objects.create(**(values | fields))


def make_tag(name="Elections", **fields) -> Tag:
    n = next(_numbers)
    values = {
        "name_en": f"{name} {n}",
        "slug_en": f"tag-{n}",
        "name_hy": f"Ընտրություններ {n}",
        "slug_hy": f"piteak-{n}",
    }
    return Tag.objects.create(**(values | fields))


def make_article(
    title="A new level of dialogue",
    languages=("en", "hy"),
    section=None,
    authors=None,
    tags=(),
    status=Article.Status.PUBLISHED,
    published_at=None,
    **fields,
) -> Article:
    """A published article written in ``languages``, published an hour ago unless told otherwise."""
    n = next(_numbers)
    values = {
        "section": section or make_section(),
        "status": status,
        "published_at": published_at or timezone.now() - datetime.timedelta(hours=1),
    }
    if "en" in languages:
        values |= {"title_en": f"{title} {n}", "slug_en": f"article-{n}", "body_en": f"<p>English body {n}.</p>"}
    if "hy" in languages:
        values |= {
            "title_hy": f"Երկխոսության նոր մակարդակ {n}",
            "slug_hy": f"hodvats-{n}",
            "body_hy": f"<p>Հայերեն {n}։</p>",
        }
    article = Article.objects.create(**(values | fields))
    for position, author in enumerate(authors if authors is not None else [make_author()]):
        Byline.objects.create(article=article, author=author, position=position)
    article.tags.set(tags)
    return article


def make_editor(username="editor") -> User:
    """A staff member in the Editors group (made by the data migration), not a superuser."""
    user = User.objects.create_user(username, f"{username}@example.org", "a-long-password", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def make_staff_author(username="writer") -> User:
    """A staff member in the Authors group (made by the data migration), credited through an author profile."""
    user = User.objects.create_user(username, f"{username}@example.org", "a-long-password", is_staff=True)
    user.groups.add(Group.objects.get(name="Authors"))
    make_author(name=username.title(), user=user)
    return user


def admin_change_form(article, **overrides) -> dict:
    """The change form of ``article`` as a browser sends it back unchanged (opened on its current save)."""
    byline = article.bylines.first()
    data = admin_article_form(article.section, byline.author, tags=article.tags.all())
    published_at = timezone.localtime(article.published_at)
    for field in ("title", "slug", "summary", "body"):
        for language in ("en", "hy"):
            data[f"{field}_{language}"] = getattr(article, f"{field}_{language}") or ""
    data |= {
        "status": article.status,
        "published_at_0": published_at.strftime("%Y-%m-%d"),
        "published_at_1": published_at.strftime("%H:%M:%S"),
        "lock_version": str(article.lock_version),
        "bylines-INITIAL_FORMS": "1",
        "bylines-0-id": str(byline.pk),
        "bylines-0-article": str(article.pk),
    }
    return data | overrides


def make_moderator(username="mod") -> User:
    """A staff member in the Moderators group (made by the data migration), not a superuser."""
    user = User.objects.create_user(username, f"{username}@newsroom.example", "a-long-password", is_staff=True)
    user.groups.add(moderators_group())
    return user


def admin_article_form(section, author, tags=(), **overrides) -> dict:
    """The add form's fields as a browser sends them, written in English and Armenian."""
    published_at = timezone.localtime() - datetime.timedelta(minutes=5)
    data = {
        "title_en": "A new level of dialogue",
        "title_hy": "Երկխոսության նոր մակարդակ",
        "slug_en": "a-new-level-of-dialogue",
        "slug_hy": "erkkhosutyan-nor-makardak",
        "summary_en": "Two capitals talk again.",
        "summary_hy": "Երկու մայրաքաղաքները կրկին խոսում են։",
        "body_en": "<p>The talks resumed on Monday.</p>",
        "body_hy": "<p>Բանակցությունները վերսկսվեցին երկուշաբթի։</p>",
        "section": str(section.pk),
        "tags": [str(tag.pk) for tag in tags],
        "image_caption_en": "",
        "image_caption_hy": "",
        "image_alt_en": "",
        "image_alt_hy": "",
        "image_credit_en": "",
        "image_credit_hy": "",
        "status": Article.Status.PUBLISHED,
        "published_at_0": published_at.strftime("%Y-%m-%d"),
        "published_at_1": published_at.strftime("%H:%M:%S"),
        "allow_comments": "on",
        "lock_version": "0",
        "bylines-TOTAL_FORMS": "1",
        "bylines-INITIAL_FORMS": "0",
        "bylines-MIN_NUM_FORMS": "1",
        "bylines-MAX_NUM_FORMS": "1000",
        "bylines-0-id": "",
        "bylines-0-article": "",
        "bylines-0-author": str(author.pk),
        "bylines-0-position": "0",
        "corrections-TOTAL_FORMS": "0",
        "corrections-INITIAL_FORMS": "0",
        "corrections-MIN_NUM_FORMS": "0",
        "corrections-MAX_NUM_FORMS": "1000",
        "_save": "Save",
    }
    return data | overrides


# Comments


def make_comment(article, status=Comment.Status.APPROVED, parent=None, **fields) -> Comment:
    """A comment written an hour ago (so flood control leaves new posts alone), approved unless told otherwise."""
    n = next(_numbers)
    values = {
        "name": f"Reader {n}",
        "email": f"reader{n}@example.org",
        "text": f"A considered remark, number {n}.",
        "status": status,
        "ip_address": "192.0.2.10",
        "created_at": timezone.now() - datetime.timedelta(hours=1),
    }
    return Comment.objects.create(article=article, parent=parent, **(values | fields))


def comment_form_data(article, seconds_ago=10, **overrides) -> dict:
    """What a reader's browser sends, the form having been served ``seconds_ago``."""
    n = next(_numbers)
    data = {
        "text": f"I read this twice; point {n} deserves a follow-up.",
        "name": f"Commenter {n}",
        "email": f"commenter{n}@example.net",
        "website": "",
        "homepage": "",
        "parent": "",
        "timestamp": sign_timestamp(article, at=time.time() - seconds_ago),
    }
    return data | overrides


def post_url(article, language="en") -> str:
    with translation.override(language):
        return reverse("comments:post", args=[article.pk])


def post_comment(client, article, language="en", seconds_ago=10, headers=None, remote_addr="127.0.0.1", **overrides):
    """Posts the comment form as a browser would; ``overrides`` replace form fields."""
    data = comment_form_data(article, seconds_ago=seconds_ago, **overrides)
    return client.post(post_url(article, language), data, headers=headers or {}, REMOTE_ADDR=remote_addr)


def moderators_group() -> Group:
    """The Moderators group its data migration made."""
    return Group.objects.get(name="Moderators")


# Images

ORIENTATION = 0x0112
GPS_IFD = 0x8825
MAKE = 0x010F


def phone_exif(orientation: int = 1) -> Image.Exif:
    """EXIF as a phone writes it: camera make, orientation, and where the photo was taken."""
    exif = Image.Exif()
    exif[MAKE] = "NewsCam"
    exif[ORIENTATION] = orientation
    gps = exif.get_ifd(GPS_IFD)
    gps[1] = "N"
    gps[2] = (40.0, 10.0, 38.0)
    gps[3] = "E"
    gps[4] = (44.0, 30.0, 52.0)
    return exif


@functools.cache
def srgb_profile() -> bytes:
    # Made once: a profile records the second it was made, so two calls may differ.
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def jpeg_bytes(size=(2000, 1200), orientation: int = 1, icc: bool = True, color="steelblue") -> bytes:
    buffer = io.BytesIO()
    options = {"exif": phone_exif(orientation), "quality": 85}
    if icc:
        options["icc_profile"] = srgb_profile()
    Image.new("RGB", size, color).save(buffer, "JPEG", **options)
    return buffer.getvalue()


def png_bytes(size=(800, 600), transparent=False) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGBA" if transparent else "RGB", size, (200, 30, 30, 128) if transparent else "tomato").save(
        buffer, "PNG"
    )
    return buffer.getvalue()


def image_bytes(format: str, size=(640, 480)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "olive").save(buffer, format)
    return buffer.getvalue()


def upload(content: bytes, name: str = "photo.jpg", content_type: str = "image/jpeg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


# Many rows at once


def bulk_articles(count: int, section=None, author=None) -> list[Article]:
    """``count`` published bilingual articles inserted in bulk (no save(): bodies are already clean)."""
    section, author = section or make_section(), author or make_author()
    start = next(_numbers) * 100_000
    published_at = timezone.now() - datetime.timedelta(days=1)
    articles = Article.objects.bulk_create(
        [
            Article(
                section=section,
                status=Article.Status.PUBLISHED,
                published_at=published_at - datetime.timedelta(minutes=n),
                title_en=f"Bulk article {n}",
                slug_en=f"bulk-{start + n}",
                body_en=f"<p>Body {n}.</p>",
                title_hy=f"Հոդված {n}",
                slug_hy=f"hodvats-bulk-{start + n}",
                body_hy=f"<p>Տեքստ {n}։</p>",
            )
            for n in range(count)
        ],
        batch_size=500,
    )
    Byline.objects.bulk_create([Byline(article=article, author=author) for article in articles], batch_size=500)
    return articles


def bulk_comments(article, count: int, status=Comment.Status.PENDING) -> None:
    """``count`` comments on ``article`` inserted in bulk, each with its own fingerprint."""
    created_at = timezone.now() - datetime.timedelta(hours=2)
    comments = [
        Comment(
            article=article,
            name=f"Reader {n}",
            email=f"bulk{n}@example.org",
            text=f"Bulk remark {n}.",
            status=status,
            created_at=created_at - datetime.timedelta(seconds=n),
        )
        for n in range(count)
    ]
    for comment in comments:
        comment.fingerprint = comment.compute_fingerprint()
    Comment.objects.bulk_create(comments, batch_size=500)
