"""Small factories for the test suite: real rows in the real database."""
import datetime
import itertools

from django.contrib.auth.models import Group, User
from django.utils import timezone

from articles.models import Article, Author, Byline, Section, Tag

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
    values = {"name_en": f"{name} {n}", "slug_en": f"tag-{n}", "name_hy": f"Ընտրություններ {n}", "slug_hy": f"piteak-{n}"}
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
        values |= {"title_hy": f"Երկխոսության նոր մակարդակ {n}", "slug_hy": f"hodvats-{n}", "body_hy": f"<p>Հայերեն {n}։</p>"}
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
        "bylines-TOTAL_FORMS": "1",
        "bylines-INITIAL_FORMS": "0",
        "bylines-MIN_NUM_FORMS": "1",
        "bylines-MAX_NUM_FORMS": "1000",
        "bylines-0-id": "",
        "bylines-0-article": "",
        "bylines-0-author": str(author.pk),
        "bylines-0-position": "0",
        "_save": "Save",
    }
    return data | overrides
