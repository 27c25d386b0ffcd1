"""Small factories for the test suite: real rows in the real database."""
import datetime
import itertools

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
