"""
Loading the demo newsroom written in demo/content.py: sections, authors, tags,
illustrated articles and the readers' conversations under two of them.

`make run` loads it on every start, so loading it again changes nothing:

- each section, author, tag and article is found by its English slug (an
  article also by a former English slug, then by its Armenian one) and brought
  back to the demo text only where it differs;
- an article keeps the picture it already has;
- a published date is set once, relative to the first run; the scheduled
  article is moved a week ahead whenever its date has passed, so the demo
  always shows one;
- a comment already there (same article, email and text) is left as it is,
  whatever the moderators did with it since;
- rows that are not part of the demo are never touched.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from articles.models import Article, Author, Byline, Section, Tag
from articles.richtext import sanitize_html
from comments.models import Comment
from demo import content
from demo.drawing import draw_illustration


@dataclass(frozen=True)
class Seeded:
    """What the demo holds after a run, and how many of its comments that run added."""

    sections: int
    authors: int
    tags: int
    articles: int
    comments_added: int
    comments: int


def seed_demo(report: Callable[[str], None] | None = None) -> Seeded:
    """Load the whole demo in one transaction; ``report`` hears of every row created or updated."""
    return DemoSeeder(report).seed()


class DemoSeeder:
    def __init__(self, report: Callable[[str], None] | None = None):
        self.report_to = report
        self.languages = [code for code, _name in settings.LANGUAGES]
        self.now = timezone.now()

    def seed(self) -> Seeded:
        with transaction.atomic():
            sections = {entry["key"]: self.seed_section(entry) for entry in content.SECTIONS}
            authors = {entry["key"]: self.seed_named(Author, entry, with_bio=True) for entry in content.AUTHORS}
            tags = {entry["key"]: self.seed_named(Tag, entry) for entry in content.TAGS}
            articles = {entry["key"]: self.seed_article(entry, sections, authors, tags) for entry in content.ARTICLES}
            added = sum(
                self.seed_comment(articles[key], None, comment)
                for key, thread in content.CONVERSATIONS.items()
                for comment in thread
            )
        return Seeded(
            sections=len(sections),
            authors=len(authors),
            tags=len(tags),
            articles=len(articles),
            comments_added=added,
            comments=Comment.objects.filter(email__endswith="@example.org").count(),
        )

    # Translations -------------------------------------------------------

    def translated(self, entry: dict, fields: tuple[str, ...]) -> dict:
        """``{"title_en": ..., "title_hy": ...}`` for the fields and site languages the entry has."""
        values = {}
        for language in self.languages:
            text = entry.get(language)
            if text is None:
                continue
            for field in fields:
                if field == "slug":
                    values[f"slug_{language}"] = text.get("slug", entry["key"] if language == "en" else None)
                elif field in text:
                    values[f"{field}_{language}"] = text[field]
        return values

    def sync(self, instance, values: dict) -> str:
        """Give ``instance`` the ``values`` and save it only if one differs; say what happened."""
        if instance.pk is None:
            for name, value in values.items():
                setattr(instance, name, value)
            instance.save()
            return "created"
        changed = [name for name, value in values.items() if getattr(instance, name) != value]
        if not changed:
            return "unchanged"
        for name in changed:
            setattr(instance, name, values[name])
        instance.save()
        return "updated"

    def report(self, outcome: str, instance) -> None:
        if self.report_to is not None and outcome != "unchanged":
            self.report_to(f"  {outcome} {instance._meta.verbose_name}: {instance}")

    # Rows ---------------------------------------------------------------

    def find(self, model, entry: dict):
        """The row for ``entry``: by English slug first, else by its Armenian one."""
        found = model.objects.filter(slug_en=entry["key"]).first()
        if found is None and "hy" in self.languages and entry.get("hy", {}).get("slug"):
            found = model.objects.filter(slug_hy=entry["hy"]["slug"]).first()
        return found or model()

    def seed_section(self, entry: dict) -> Section:
        section = self.find(Section, entry)
        values = self.translated(entry, ("name", "slug", "description"))
        values["position"] = entry["position"]
        self.report(self.sync(section, values), section)
        return section

    def seed_named(self, model, entry: dict, with_bio: bool = False):
        row = self.find(model, entry)
        fields = ("name", "slug", "bio") if with_bio else ("name", "slug")
        self.report(self.sync(row, self.translated(entry, fields)), row)
        return row

    def find_article(self, entry: dict) -> Article:
        article = Article.objects.filter(slug_en=entry["key"]).first()
        if article is None:
            # An editor renamed it: the old English slug is remembered.
            article = Article.objects.by_former_slug(entry["key"], "en").first()
        if article is None and "hy" in self.languages and entry.get("hy", {}).get("slug"):
            article = Article.objects.filter(slug_hy=entry["hy"]["slug"]).first()
        return article or Article()

    def seed_article(self, entry: dict, sections: dict, authors: dict, tags: dict) -> Article:
        article = self.find_article(entry)
        values = self.translated(entry, ("title", "slug", "summary", "body", "image_caption"))
        for name in list(values):
            if name.startswith("body_"):
                # Compare with what Article.save() stores, so an unchanged body is not saved again.
                values[name] = sanitize_html(values[name])
        values |= self.image_texts(entry)
        values["section"] = sections[entry["section"]]
        values |= self.schedule(entry["when"], article)
        outcome = self.sync(article, values)

        if not self.has_image_file(article):
            motif, palette = entry["picture"]
            article.image.save(
                f"{entry['key']}.jpg", ContentFile(draw_illustration(entry["key"], motif, palette)), save=False
            )
            article.save()
            outcome = "updated" if outcome == "unchanged" else outcome

        wanted = [authors[key].pk for key in entry["authors"]]
        if list(article.bylines.order_by("position", "pk").values_list("author_id", flat=True)) != wanted:
            article.bylines.all().delete()
            Byline.objects.bulk_create(
                Byline(article=article, author_id=author_id, position=position)
                for position, author_id in enumerate(wanted)
            )
        article.tags.set([tags[key] for key in entry["tags"]])
        self.report(outcome, article)
        return article

    def image_texts(self, entry: dict) -> dict:
        """Alt text (from what the drawing shows) and credit in each language the article has."""
        motif, palette = entry["picture"]
        motif, palette = content.MOTIFS[motif], content.PALETTES[palette]
        alt = {
            "en": f"Abstract illustration: {motif['en']}, in {palette['en']}.",
            "hy": f"Վերացական նկարազարդում՝ {motif['hy']}, {palette['hy']}։",
        }
        values = {}
        for language in self.languages:
            if language in entry and language in alt:
                values[f"image_alt_{language}"] = alt[language]
                values[f"image_credit_{language}"] = content.IMAGE_CREDIT[language]
        return values

    def schedule(self, when: tuple, article: Article) -> dict:
        """
        Status and date. A published date is set once, relative to the first
        run, so the demo looks current and later runs leave it alone.
        """
        kind, *days = when
        if kind == "draft":
            values = {"status": Article.Status.DRAFT}
            if article.pk is None:
                values["published_at"] = self.now
            return values
        values = {"status": Article.Status.PUBLISHED}
        if kind == "scheduled":
            if article.pk is None or article.published_at <= self.now:
                values["published_at"] = on_the_hour(self.now + datetime.timedelta(days=days[0]))
        elif article.pk is None:
            values["published_at"] = on_the_hour(self.now - datetime.timedelta(days=days[0]))
        return values

    @staticmethod
    def has_image_file(article: Article) -> bool:
        return bool(article.image) and article.image.storage.exists(article.image.name)

    # Conversations ------------------------------------------------------

    def seed_comment(self, article: Article, parent: Comment | None, entry: dict) -> int:
        """Add ``entry`` and its replies where they are missing; return how many were added."""
        comment = Comment(
            article=article,
            parent=parent,
            name=entry["name"],
            email=entry["email"],
            text=entry["text"],
            status=Comment.Status(entry["status"]),
        )
        existing = Comment.objects.filter(fingerprint=comment.compute_fingerprint()).first()
        added = 0
        if existing is None:
            if comment.status == Comment.Status.APPROVED:
                comment.approved_at = self.now
            comment.save()
            self.report("created", comment)
            existing, added = comment, 1
        return added + sum(self.seed_comment(article, existing, reply) for reply in entry.get("replies", []))


def on_the_hour(moment: datetime.datetime) -> datetime.datetime:
    return moment.replace(minute=0, second=0, microsecond=0)
