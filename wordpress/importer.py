"""
The mapping from a WordPress export to Newsroom: posts become articles (their
translations one article), categories sections, tags tags, users authors,
attachments images through the images app, comments comments, and every old
permalink a redirect.

The export is read twice, both times streaming (wordpress.wxr): the first
pass notes what later items need from earlier or later ones (attachments, the
members and status of each translation group), the second imports, each post
with its comments in its own transaction, so that a run stopped anywhere can
simply be run again. Every row made is recorded in wordpress.models with a
fingerprint of what it was made from: a second run updates what changed and
counts the rest as unchanged.
"""

import dataclasses
import datetime
import hashlib
import html
import ipaddress
import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.redirects.models import Redirect
from django.contrib.sites.models import Site as DjangoSite
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.validators import URLValidator
from django.db import DataError, IntegrityError, models, transaction
from django.utils import timezone
from django.utils.encoding import escape_uri_path
from django.utils.html import escape, strip_tags
from modeltranslation.utils import build_localized_fieldname

from articles.models import (
    RESERVED_SECTION_SLUGS,
    Article,
    Author,
    Byline,
    InlineImage,
    Section,
    Tag,
    site_languages,
)
from articles.transliteration import slug_from_title
from comments.models import UNPRINTABLE, Comment
from images.fields import check_upload

from . import markup, phpserialize, wxr
from .models import ImportedObject

Kind = ImportedObject.Kind

# WordPress post statuses: which become published articles (a future date
# schedules them), which drafts, and which are left out.
PUBLISHED_STATUSES = {"publish", "future"}
DRAFT_STATUSES = {"draft", "pending", "private"}
# WordPress's "pending" is a post submitted for review: it waits in the editors' queue here too.
ARTICLE_STATUS = {
    "publish": Article.Status.PUBLISHED,
    "future": Article.Status.PUBLISHED,
    "pending": Article.Status.IN_REVIEW,
}
COMMENT_STATUSES = {
    "1": Comment.Status.APPROVED,
    "approve": Comment.Status.APPROVED,
    "0": Comment.Status.PENDING,
    "hold": Comment.Status.PENDING,
    "spam": Comment.Status.SPAM,
    "trash": Comment.Status.TRASH,
    "post-trashed": Comment.Status.TRASH,
}
UPLOADS_MARKER = "/wp-content/uploads/"
_SIZE_VARIANT = re.compile(r"^(.*)-\d+x\d+(\.\w+)$")
_SLUG_CHARACTERS = re.compile(r"[^-\w]+")
_EMPTY_PARAGRAPH = re.compile(r"<p>\s*</p>\n?")
_website = URLValidator(schemes=["http", "https"])
REDIRECT_MAX_LENGTH = Redirect._meta.get_field("old_path").max_length


@dataclasses.dataclass
class Summary:
    """What a run did, counted per kind of thing, with the reasons for what it skipped."""

    created: Counter = dataclasses.field(default_factory=Counter)
    updated: Counter = dataclasses.field(default_factory=Counter)
    unchanged: Counter = dataclasses.field(default_factory=Counter)
    skipped: Counter = dataclasses.field(default_factory=Counter)  # (kind, reason) → count
    notes: Counter = dataclasses.field(default_factory=Counter)
    problems: list[str] = dataclasses.field(default_factory=list)
    error: str = ""

    def problem(self, text: str) -> None:
        # The first hundred are listed; the counts in ``notes`` tell the rest.
        if len(self.problems) < 100:
            self.problems.append(text)

    def lines(self) -> list[str]:
        kinds = sorted(set(self.created) | set(self.updated) | set(self.unchanged))
        lines = [
            f"{kind}: {self.created[kind]} created, {self.updated[kind]} updated, {self.unchanged[kind]} unchanged"
            for kind in kinds
        ]
        for (kind, reason), count in sorted(self.skipped.items()):
            lines.append(f"skipped {count} {kind}: {reason}")
        for note, count in sorted(self.notes.items()):
            lines.append(f"{note}: {count}")
        lines += [f"  {problem}" for problem in self.problems]
        if self.error:
            lines.append(f"stopped: {self.error}")
        return lines


class SkipItem(Exception):
    """This item is left out, for the reason given; the rest of the export goes on."""


def _fingerprint(*parts) -> str:
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


def _localized(field: str, language: str) -> str:
    return build_localized_fieldname(field, language)


def wordpress_slug(value: str) -> str:
    """A WordPress slug (percent-encoded for non-Latin letters) as a Newsroom slug."""
    return _SLUG_CHARACTERS.sub("-", unquote(value or "").lower()).strip("-")[:180]


def plain_text(value: str) -> str:
    return html.unescape(strip_tags(value or "")).strip()


def parse_date(value: str, *, utc: bool) -> datetime.datetime | None:
    """A WordPress date ('2022-10-05 09:30:00'), in UTC or the site's time zone; None for 0000-00-00 or junk."""
    try:
        moment = datetime.datetime.strptime(value.strip(), "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None
    return timezone.make_aware(moment, datetime.UTC if utc else timezone.get_current_timezone())


class Importer:
    def __init__(
        self,
        path: str | Path,
        *,
        uploads: str | Path | None = None,
        language: str | None = None,
        dry_run: bool = False,
        progress: Callable[[int, int], None] | None = None,
    ):
        self.path = Path(path)
        self.uploads = Path(uploads).resolve() if uploads else None
        self.languages = site_languages()
        self.default_language = language or self.languages[0]
        self.dry_run = dry_run
        self.progress = progress
        self.summary = Summary()
        self.site = wxr.Site()
        self.categories: dict[str, wxr.Term] = {}
        self.authors: dict[str, wxr.Author] = {}
        self.attachments: dict[int, wxr.Item] = {}
        # Translation groups: key → {language: post id}, and the best status among each group's posts.
        self.groups: dict[str, dict[str, int]] = defaultdict(dict)
        self.group_published: set[str] = set()
        self.content_types = {}
        # Articles a dry run would have given a featured image (it writes no file).
        self.dry_run_images: set[int] = set()

    # The two passes ---------------------------------------------------------------------------

    def run(self) -> Summary:
        try:
            self.scan()
        except wxr.ExportError:
            pass  # the second pass meets the same error at the same place, after importing what precedes it
        if self.dry_run:
            # Everything is done and then rolled back; image files are only checked, never written.
            with transaction.atomic():
                self.load()
                transaction.set_rollback(True)
        else:
            self.load()
        return self.summary

    def scan(self) -> None:
        """First pass: attachments, terms, authors, and which posts belong together."""
        for record in wxr.read(self.path):
            if isinstance(record, wxr.Site):
                self.site = record
            elif isinstance(record, wxr.Author):
                self.authors[record.login] = record
            elif isinstance(record, wxr.Term):
                self.note_term(record)
            elif isinstance(record, wxr.Item):
                if record.post_type == "attachment":
                    self.attachments[record.id] = record
                elif record.post_type == "post":
                    group = self.group_of(record)
                    if group:
                        self.groups[group].setdefault(self.language_of(record), record.id)
                        if record.status in PUBLISHED_STATUSES:
                            self.group_published.add(group)

    def note_term(self, term: wxr.Term) -> None:
        if term.taxonomy == "category":
            self.categories[term.slug] = term
        elif term.taxonomy == "post_translations":
            try:
                members = phpserialize.loads(term.description)
            except phpserialize.SerializedValueError as error:
                self.summary.skipped[("translation group", f"its data cannot be read ({error})")] += 1
                return
            for code, post_id in members.items():
                if isinstance(post_id, int) or str(post_id).isdigit():
                    self.groups[f"polylang:{term.slug}"][self.site_language(str(code)) or str(code)] = int(post_id)

    def load(self) -> None:
        """Second pass: every post with its comments, each in its own transaction."""
        try:
            for record in wxr.read(self.path, progress=self.progress):
                if isinstance(record, wxr.Malformed):
                    self.summary.skipped[("item", f"malformed ({record.reason})")] += 1
                    self.summary.problem(f"item {record.position} in the file: {record.reason}")
                elif isinstance(record, wxr.Item):
                    self.import_item(record)
        except wxr.ExportError as error:
            self.summary.error = str(error)

    # Items --------------------------------------------------------------------------------

    @property
    def site_key(self) -> str:
        return (self.site.base_site_url or self.site.base_blog_url or "unknown").rstrip("/")

    def site_language(self, code: str) -> str | None:
        """The site language a WordPress language code ('hy', 'en_US', 'pt-br') stands for."""
        code = (code or "").lower().replace("_", "-")
        if code in self.languages:
            return code
        base = code.split("-")[0]
        return base if base in self.languages else None

    def language_of(self, item: wxr.Item) -> str:
        codes = [slug for slug, _name in item.terms_in("language")] or [item.meta.get("_wpml_import_language_code", "")]
        if not codes[0]:
            return self.default_language
        return self.site_language(codes[0]) or f"?{codes[0]}"

    def group_of(self, item: wxr.Item) -> str:
        polylang = item.terms_in("post_translations")
        if polylang:
            return f"polylang:{polylang[0][0]}"
        wpml = item.meta.get("_wpml_import_translation_group", "")
        return f"wpml:{wpml}" if wpml else ""

    def import_item(self, item: wxr.Item) -> None:
        if item.post_type == "attachment":
            return  # read in the first pass; imported where a post shows it
        try:
            self.check_post(item)
            with transaction.atomic():
                self.import_post(item)
        except (SkipItem, IntegrityError, DataError, ValidationError, ValueError) as reason:
            # The item's transaction is rolled back whole: never half an article.
            kind = "post" if item.post_type == "post" else item.post_type
            if not isinstance(reason, SkipItem):
                self.summary.problem(f"post {item.id} could not be saved: {str(reason)[:200]}")
                reason = "it could not be saved (see the problems below)"
            self.summary.skipped[(kind, str(reason))] += 1
            if item.comments and item.post_type == "post":
                self.summary.skipped[("comment", "its post was skipped")] += len(item.comments)

    def check_post(self, item: wxr.Item) -> None:
        if item.post_type == "page":
            raise SkipItem("pages are not imported")
        if item.post_type != "post":
            raise SkipItem(f"post type “{item.post_type}” is not imported")
        if item.status == "trash":
            raise SkipItem("in WordPress's trash")
        if item.status not in PUBLISHED_STATUSES | DRAFT_STATUSES:
            raise SkipItem(f"status “{item.status}” is not imported")
        language = self.language_of(item)
        if language.startswith("?"):
            raise SkipItem(f"its language “{language[1:]}” is not one of the site's languages")
        if not item.title.strip() and not item.content.strip():
            raise SkipItem("it has neither a title nor content")
        group = self.group_of(item)
        if group in self.group_published and item.status not in PUBLISHED_STATUSES:
            # Newsroom publishes an article in all its languages at once.
            raise SkipItem("an unpublished translation of a published post")
        if parse_date(item.date_gmt, utc=True) is None and parse_date(item.date, utc=False) is None:
            if item.status in PUBLISHED_STATUSES:
                raise SkipItem("its publication date cannot be read")

    def import_post(self, item: wxr.Item) -> None:
        language = self.language_of(item)
        record = ImportedObject.objects.find(self.site_key, Kind.POST, item.id)
        article = record.current_target() if record else None
        # Comments have fingerprints of their own: a new reply does not make the post "updated".
        fingerprint = _fingerprint(dataclasses.replace(item, comments=[]), self.attachment_file(item), language)
        if article is not None and record.fingerprint == fingerprint:
            self.summary.unchanged["post"] += 1
            self.import_comments(item, article, language)
            return

        if article is None:
            article = self.translation_of(item)
        new = article is None
        if new:
            article = Article(section=self.section_for(item, language, None))
        # The earliest site language among an article's posts decides its date, status and section.
        written = [code for code in self.languages if getattr(article, _localized("title", code))]
        leads = new or not written or self.languages.index(language) <= self.languages.index(written[0])
        if not new:
            section = self.section_for(item, language, article.section)
            if leads:
                article.section = section
            elif section != article.section:
                # The article stays in its section, which needs an address in this language too.
                top = self.top_category(self.first_category(item)[0])
                self.name_in(article.section, language, plain_text(top.name) or top.slug, self.section_slug(top.slug))

        if leads:
            article.status = ARTICLE_STATUS.get(item.status, Article.Status.DRAFT)
            article.published_at = (
                parse_date(item.date_gmt, utc=True) or parse_date(item.date, utc=False) or timezone.now()
            )
            article.allow_comments = item.comment_status != "closed"
        title = plain_text(item.title)
        if len(title) > 200:
            self.summary.notes["titles shortened to 200 characters"] += 1
            title = title[:200]
        setattr(article, _localized("title", language), title)
        setattr(article, _localized("summary", language), plain_text(item.excerpt))
        setattr(article, _localized("body", language), self.body(item))
        slug = wordpress_slug(item.name) or slug_from_title(title)
        setattr(article, _localized("slug", language), self.unique_slug(Article, slug, language, article.pk))
        featured = self.featured_image(item, article, language)
        article.save()
        if featured and self.dry_run:
            self.dry_run_images.add(article.pk)
        elif featured:
            self.remember(Kind.FEATURED_IMAGE, item.id, article, language, featured)

        tags = self.tags_for(item, language)
        article.tags.add(*(tag for _taxonomy, _slug, tag in tags))
        author = self.author_for(item.creator)
        if author and not Byline.objects.filter(article=article, author=author).exists():
            Byline.objects.create(article=article, author=author, position=article.bylines.count())

        self.remember(Kind.POST, item.id, article, language, fingerprint)
        if new:
            self.summary.created["post"] += 1
        elif record:
            self.summary.updated["post"] += 1
        else:
            self.summary.created["translation joined to its article"] += 1
        self.redirect_post(item, article, language, tags)
        self.import_comments(item, article, language)

    def translation_of(self, item: wxr.Item) -> Article | None:
        """The article an already imported translation of this post became."""
        members = self.groups.get(self.group_of(item), {})
        others = [str(post_id) for post_id in members.values() if post_id != item.id]
        if not others:
            return None
        for record in ImportedObject.objects.filter(site=self.site_key, kind=Kind.POST, wordpress_id__in=others):
            article = record.current_target()
            if article is not None:
                return article
        return None

    # Terms and authors --------------------------------------------------------------------------

    def top_category(self, slug: str) -> wxr.Term:
        term = self.categories.get(slug) or wxr.Term("category", slug, slug)
        seen = {slug}
        while term.parent and term.parent in self.categories and term.parent not in seen:
            seen.add(term.parent)
            term = self.categories[term.parent]
        return term

    def first_category(self, item: wxr.Item) -> tuple[str, str]:
        categories = item.terms_in("category")
        return categories[0] if categories else ("uncategorized", "Uncategorized")

    def section_for(self, item: wxr.Item, language: str, current: Section | None) -> Section:
        """
        The section of the post's first category's top-level category. Under a
        translation plugin each language has its own category terms: a category
        met first on a translation of an article (``current`` being its section)
        names that section in its language when it has no name there yet.
        """
        top = self.top_category(self.first_category(item)[0])
        key = f"category:{top.slug}"
        record = ImportedObject.objects.find(self.site_key, Kind.CATEGORY, key)
        section = record.current_target() if record else None
        if section is None:
            if current is not None and not current.slug_in(language):
                section = current
            else:
                section = Section.objects.by_slug(self.section_slug(top.slug), language).first() or Section()
        self.name_in(section, language, plain_text(top.name) or top.slug, self.section_slug(top.slug))
        if record is None or record.object_id != section.pk:
            self.remember(Kind.CATEGORY, key, section, language)
        return section

    def section_slug(self, slug: str) -> str:
        slug = wordpress_slug(slug) or "section"
        return f"{slug}-section" if slug in RESERVED_SECTION_SLUGS or slug.isdigit() else slug

    def tags_for(self, item: wxr.Item, language: str) -> list[tuple[str, str, Tag]]:
        """
        (taxonomy, WordPress slug, tag) for the post's tags, and for its
        categories other than the top-level one that gave its section.
        """
        categories = item.terms_in("category")
        terms = []
        if categories:
            first, *others = categories
            if self.top_category(first[0]).slug != first[0]:
                terms.append(("category", *first))
            terms += [("category", *other) for other in others]
        terms += [("post_tag", *tag) for tag in item.terms_in("post_tag")]
        tags = []
        for taxonomy, slug, name in terms:
            key = f"{taxonomy}:{slug}"
            record = ImportedObject.objects.find(self.site_key, Kind.TAG, key)
            tag = record.current_target() if record else None
            clean_slug = wordpress_slug(slug) or slug_from_title(name)
            if tag is None:
                tag = Tag.objects.by_slug(clean_slug, language).first() or Tag()
            self.name_in(tag, language, plain_text(name) or clean_slug, clean_slug)
            if record is None or record.object_id != tag.pk:
                self.remember(Kind.TAG, key, tag, language)
            tags.append((taxonomy, slug, tag))
        return tags

    def name_in(self, row: models.Model, language: str, name: str, slug: str) -> None:
        """Give ``row`` a name and address in ``language`` if it has none there yet, and save it."""
        changed = row.pk is None
        if not getattr(row, _localized("name", language)):
            setattr(row, _localized("name", language), name[: row._meta.get_field("name").max_length])
            changed = True
        if not row.slug_in(language):
            room = row._meta.get_field("slug").max_length - 10  # leaves room for a "-2" suffix
            setattr(row, _localized("slug", language), self.unique_slug(type(row), slug[:room], language, row.pk))
            changed = True
        if changed:
            row.save()

    def author_for(self, login: str) -> Author | None:
        if not login:
            return None
        record = ImportedObject.objects.find(self.site_key, Kind.AUTHOR, login)
        author = record.current_target() if record else None
        if author is not None:
            return author
        known = self.authors.get(login) or wxr.Author(login)
        slug = wordpress_slug(login) or "author"
        author = Author.objects.by_slug(slug, self.languages[0]).first()
        if author is None:
            # A person's name reads the same on every language's pages.
            author = Author()
            for language in self.languages:
                name = plain_text(known.display_name) or login
                setattr(author, _localized("name", language), name[:150])
                setattr(author, _localized("slug", language), self.unique_slug(Author, slug, language, None))
            author.save()
            self.summary.created["author"] += 1
        self.remember(Kind.AUTHOR, login, author, "")
        return author

    def unique_slug(self, model, slug: str, language: str, pk) -> str:
        """``slug``, or ``slug-2``, ``slug-3``… if another row has it in ``language``."""
        slug = slug or "untitled"
        candidate, number = slug, 1
        while model.objects.by_slug(candidate, language).exclude(pk=pk).exists():
            number += 1
            candidate = f"{slug[:190]}-{number}"
        return candidate

    # Images ---------------------------------------------------------------------------------

    def upload_path(self, url: str) -> str | None:
        """The path under wp-content/uploads/ that ``url`` names, or None when it names none."""
        path = unquote(urlsplit(url or "").path)
        if UPLOADS_MARKER not in path:
            return None
        return path.split(UPLOADS_MARKER, 1)[1]

    def read_upload(self, relative: str) -> tuple[str, bytes] | None:
        """
        The file's name and bytes from the --uploads folder, preferring the
        original to a resized copy (photo-300x200.jpg → photo.jpg). Paths that
        lead out of the folder are refused; a missing or unreadable file is
        reported, never fatal.
        """
        if self.uploads is None:
            self.summary.notes["images not imported (no --uploads folder given)"] += 1
            return None
        candidates = [relative]
        variant = _SIZE_VARIANT.match(relative)
        if variant:
            candidates.insert(0, variant.group(1) + variant.group(2))
        for candidate in candidates:
            target = (self.uploads / candidate).resolve()
            if not target.is_relative_to(self.uploads):
                self.summary.notes["image paths refused (outside the uploads folder)"] += 1
                self.summary.problem(f"refused {relative!r}: it leads outside the uploads folder")
                return None
            if target.is_file():
                if target.stat().st_size > settings.MAX_UPLOAD_SIZE:
                    self.summary.notes["images refused"] += 1
                    self.summary.problem(f"{relative}: larger than MAX_UPLOAD_SIZE")
                    return None
                try:
                    return target.name, target.read_bytes()
                except OSError as error:
                    self.summary.notes["images refused"] += 1
                    self.summary.problem(f"{relative}: cannot be read ({error.strerror})")
                    return None
        self.summary.notes["image files missing"] += 1
        self.summary.problem(f"missing file: {relative}")
        return None

    def checked(self, relative: str, name: str, data: bytes) -> ContentFile | None:
        upload = ContentFile(data, name=name)
        try:
            check_upload(upload)
        except ValidationError as error:
            self.summary.notes["images refused"] += 1
            self.summary.problem(f"{relative}: {' '.join(error.messages)}")
            return None
        return upload

    def attachment_file(self, item: wxr.Item) -> str:
        thumbnail = item.meta.get("_thumbnail_id", "")
        attachment = self.attachments.get(int(thumbnail)) if thumbnail.isdigit() else None
        return attachment.attachment_url if attachment else ""

    def featured_image(self, item: wxr.Item, article: Article, language: str) -> str | None:
        """
        Put the post's featured image on the article (with its alt text and
        caption in the post's language); return the file's fingerprint when a
        new image was set, to be recorded once the article is saved.
        """
        thumbnail = item.meta.get("_thumbnail_id", "")
        if not thumbnail.isdigit():
            return None
        attachment = self.attachments.get(int(thumbnail))
        if attachment is None:
            self.summary.notes["featured images missing from the export"] += 1
            return None
        alt = attachment.meta.get("_wp_attachment_image_alt", "") or plain_text(attachment.title)
        setattr(article, _localized("image_alt", language), alt[:300])
        setattr(article, _localized("image_caption", language), plain_text(attachment.excerpt)[:300])
        relative = self.upload_path(attachment.attachment_url) or attachment.meta.get("_wp_attached_file", "")
        found = self.read_upload(relative) if relative else None
        if found is None:
            return None
        name, data = found
        fingerprint = hashlib.sha256(data).hexdigest()
        record = ImportedObject.objects.find(self.site_key, Kind.FEATURED_IMAGE, item.id)
        has_image = article.image or article.pk in self.dry_run_images
        if has_image and (record is None or record.fingerprint == fingerprint):
            return None  # unchanged, or already given by the article's other language
        upload = self.checked(relative, name, data)
        if upload is None:
            return None
        self.summary.created["featured image"] += 1
        if not self.dry_run:
            article.image = upload
        return fingerprint

    def body(self, item: wxr.Item) -> str:
        content, dropped = markup.clean(item.content)
        if dropped:
            self.summary.notes["shortcodes dropped"] += dropped
        imported: dict[str, InlineImage] = {}

        def image(src: str, found: dict[str, str], attachment_id: int | None) -> str:
            attachment = self.attachments.get(attachment_id) if attachment_id else None
            relative = self.upload_path(src) or (self.upload_path(attachment.attachment_url) if attachment else None)
            if relative is None:
                self.summary.notes["images from other sites dropped"] += 1
                self.summary.problem(f"post {item.id}: image from outside the uploads folder dropped: {src[:120]}")
                return ""
            inline = self.inline_image(relative, attachment, found.get("alt", ""))
            if inline is None:
                return ""
            imported[relative] = inline
            alt = found.get("alt", "") or inline.alt_text
            return f'<img src="{escape(inline.image.url)}" alt="{escape(alt)}" data-file="{inline.pk}">'

        def link(href: str) -> str | None:
            relative = self.upload_path(href)
            if relative is None:
                return None
            original = _SIZE_VARIANT.match(relative)
            inline = imported.get(relative) or (
                imported.get(original.group(1) + original.group(2)) if original else None
            )
            if inline is None:
                for key, candidate in imported.items():
                    variant = _SIZE_VARIANT.match(key)
                    if variant and variant.group(1) + variant.group(2) == relative:
                        inline = candidate
            return inline.image.url if inline else None

        content = markup.rewrite_images(content, image)
        # A paragraph that held only a dropped image.
        return _EMPTY_PARAGRAPH.sub("", markup.rewrite_links(content, link))

    def inline_image(self, relative: str, attachment: wxr.Item | None, alt: str) -> InlineImage | None:
        """The InlineImage made from an uploaded file, made once per attachment (or file) however often it is shown."""
        kind, key = (Kind.ATTACHMENT, attachment.id) if attachment else (Kind.UPLOAD, relative)
        record = ImportedObject.objects.find(self.site_key, kind, key)
        inline = record.current_target() if record else None
        if inline is not None:
            return inline
        found = self.read_upload(relative)
        if found is None:
            return None
        upload = self.checked(relative, *found)
        if upload is None:
            return None
        if self.dry_run:
            self.summary.created["image"] += 1
            return None
        if attachment:
            alt = attachment.meta.get("_wp_attachment_image_alt", "") or alt or plain_text(attachment.title)
        inline = InlineImage(image=upload, alt_text=alt[:300])
        inline.save()
        self.summary.created["image"] += 1
        self.remember(kind, key, inline, "", hashlib.sha256(found[1]).hexdigest())
        return inline

    # Comments -------------------------------------------------------------------------------

    def import_comments(self, item: wxr.Item, article: Article, language: str) -> None:
        """The post's comments, parents before replies, threads deeper than the limit flattened to it."""
        by_id = {comment.id: comment for comment in item.comments}
        made: dict[str, Comment] = {}
        pending = list(item.comments)
        while pending:
            ready = [c for c in pending if c.parent == "0" or c.parent not in by_id or c.parent in made]
            if not ready:  # a loop of parents: the rest become top-level comments
                ready = pending
                for comment in ready:
                    comment.parent = "0"
            for comment in ready:
                pending.remove(comment)
                try:
                    with transaction.atomic():
                        made[comment.id] = self.import_comment(comment, article, language, made)
                except (SkipItem, IntegrityError, DataError, ValidationError, ValueError) as reason:
                    if not isinstance(reason, SkipItem):
                        self.summary.problem(f"comment {comment.id} could not be saved: {str(reason)[:200]}")
                        reason = "it could not be saved (see the problems below)"
                    self.summary.skipped[("comment", str(reason))] += 1
                    by_id.pop(comment.id, None)

    def import_comment(self, source: wxr.Comment, article: Article, language: str, made: dict) -> Comment:
        if not source.id.isdigit():
            raise SkipItem("it has no comment id")
        status = COMMENT_STATUSES.get(source.approved.strip().lower())
        if status is None:
            raise SkipItem(f"status “{source.approved[:20]}” is unknown")
        text = UNPRINTABLE.sub("", plain_text(source.content))[: Comment.TEXT_MAX_LENGTH]
        if not text:
            raise SkipItem("it is empty")
        fingerprint = _fingerprint(source, article.pk)
        record = ImportedObject.objects.find(self.site_key, Kind.COMMENT, source.id)
        comment = record.current_target() if record else None
        # A comment imported before conversations were per language has none yet: that is a change too.
        if comment is not None and record.fingerprint == fingerprint and comment.language == language:
            self.summary.unchanged["comment"] += 1
            return comment
        new = comment is None
        comment = comment or Comment()
        comment.article = article
        # Each comment stays in its post's language's conversation: a Polylang pair's comments each on its own page.
        comment.language = language
        comment.parent = self.comment_parent(source, made)
        comment.name = UNPRINTABLE.sub("", plain_text(source.author))[:245] or "Anonymous"
        email = source.email.strip()
        comment.email = email if len(email) <= 100 and "@" in email else ""
        try:
            _website(source.url.strip())
            comment.website = source.url.strip() if len(source.url.strip()) <= 200 else ""
        except ValidationError:
            comment.website = ""
        try:
            comment.ip_address = str(ipaddress.ip_address(source.ip.strip()))
        except ValueError:
            comment.ip_address = None
        comment.text = text
        comment.status = status
        comment.created_at = (
            parse_date(source.date_gmt, utc=True) or parse_date(source.date, utc=False) or article.published_at
        )
        comment.approved_at = comment.created_at if status == Comment.Status.APPROVED else None
        if Comment.objects.filter(fingerprint=comment.compute_fingerprint()).exclude(pk=comment.pk).exists():
            raise SkipItem("an exact duplicate of another comment (same article, email and text)")
        # Saved directly: the posting rules and the moderators' email are for new comments, not history.
        comment.save()
        self.remember(Kind.COMMENT, source.id, comment, language, fingerprint)
        (self.summary.created if new else self.summary.updated)["comment"] += 1
        return comment

    def comment_parent(self, source: wxr.Comment, made: dict) -> Comment | None:
        if source.parent == "0":
            return None
        parent = made.get(source.parent)
        if parent is None:
            record = ImportedObject.objects.find(self.site_key, Kind.COMMENT, source.parent)
            parent = record.current_target() if record else None
        if parent is None:
            self.summary.notes["replies whose parent is missing, kept as comments"] += 1
            return None
        while parent.depth >= settings.COMMENTS_MAX_DEPTH and parent.parent_id:
            parent = parent.parent
        return parent

    # Old links ------------------------------------------------------------------------------

    def redirect_post(self, item: wxr.Item, article: Article, language: str, tags: list) -> None:
        """
        301s from the post's WordPress addresses (its <link>, the date-based
        and plain-slug forms, ?p=ID) and its categories' and tags' archives.
        Under Polylang, a language's addresses start with /<code>/ when the
        post's <link> does.
        """
        if self.dry_run or item.status not in PUBLISHED_STATUSES or not article.is_available_in(language):
            return
        home = urlsplit(self.site.base_blog_url or self.site.base_site_url).path.rstrip("/")
        link = urlsplit(item.link)
        link_path = link.path + (f"?{link.query}" if link.query else "")
        prefix = ""
        codes = [slug for slug, _name in item.terms_in("language")]
        if codes and link.path[len(home) :].startswith(f"/{codes[0]}/"):
            prefix = f"/{codes[0]}"
        old_paths = {link_path, f"{home}/?p={item.id}"}
        moment = parse_date(item.date, utc=False)
        if item.name and moment:
            old_paths.add(f"{home}{prefix}/{moment:%Y/%m/%d}/{item.name}/")
        if item.name:
            old_paths.add(f"{home}{prefix}/{item.name}/")
        target = article.get_absolute_url(language)
        for path in old_paths:
            self.redirect(path, target)
        if article.section.slug_in(language):
            top = self.top_category(self.first_category(item)[0])
            self.redirect(f"{home}{prefix}/category/{top.slug}/", article.section.get_absolute_url(language))
        for taxonomy, slug, tag in tags:
            if tag.slug_in(language):
                archive = f"category/{self.category_path(slug)}" if taxonomy == "category" else f"tag/{slug}"
                self.redirect(f"{home}{prefix}/{archive}/", tag.get_absolute_url(language))

    def category_path(self, slug: str) -> str:
        """A sub-category's archive path: WordPress puts its parents before it (/category/news/local/)."""
        path, seen, term = [slug], {slug}, self.categories.get(slug)
        while term and term.parent and term.parent not in seen:
            seen.add(term.parent)
            path.insert(0, term.parent)
            term = self.categories.get(term.parent)
        return "/".join(path)

    def redirect(self, old_path: str, new_path: str) -> None:
        path, _, query = old_path.partition("?")
        old = escape_uri_path(unquote(path) or "/") + (f"?{query}" if query else "")
        if old in {"/", new_path} or len(old) > REDIRECT_MAX_LENGTH:
            if len(old) > REDIRECT_MAX_LENGTH:
                self.summary.notes["old links too long to redirect"] += 1
            return
        site = DjangoSite.objects.get_current()
        redirect, created = Redirect.objects.get_or_create(site=site, old_path=old, defaults={"new_path": new_path})
        if created:
            self.summary.created["redirect"] += 1
        elif redirect.new_path != new_path:
            redirect.new_path = new_path
            redirect.save(update_fields=["new_path"])
            self.summary.updated["redirect"] += 1

    # Records ----------------------------------------------------------------------------------

    def remember(self, kind: str, wordpress_id, row: models.Model, language: str, fingerprint: str = "") -> None:
        model = type(row)
        if model not in self.content_types:
            self.content_types[model] = ContentType.objects.get_for_model(model)
        ImportedObject.objects.update_or_create(
            site=self.site_key,
            kind=kind,
            wordpress_id=str(wordpress_id),
            defaults={
                "content_type": self.content_types[model],
                "object_id": row.pk,
                "language": language,
                "fingerprint": fingerprint,
            },
        )
