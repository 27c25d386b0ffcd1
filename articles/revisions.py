"""
An article's versions: what each keeps, how two compare, and restoring one.

django-reversion stores the versions: each is the article's row serialised
(tags included, as the list of their ids) beside its bylines, saved together
as one revision with who made it and when. A version is kept explicitly, by
``keep_version()``, once the admin has saved the article *and* its bylines
and tags: reversion's automatic mode would serialise the article as its own
row is saved, before the admin sets its tags and bylines.

Restoring brings back the article's texts in every language, its section,
tags and bylines; not its publishing state (a version is content: restoring
an old draft must not unpublish the article, and who may publish is a
permission of its own) nor its featured image (a replaced image's files are
deleted, so an old version's file may be gone). The restore goes through
``Article.save()`` like any edit (sanitising, former slugs, the page cache,
the translations' status), and is itself a new version, so nothing is lost.
"""

import dataclasses
import difflib
import html.parser
import json
import re

import reversion
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname
from reversion.models import Version

from .models import Article, Author, Byline, Section, Tag, site_languages

# Translated fields shown in a comparison and brought back by a restore; the
# order is the form's.
TEXT_FIELDS = ("title", "slug", "summary", "body", "image_caption", "image_alt", "image_credit")
# Language-neutral fields a restore brings back besides section, tags and bylines.
RESTORED_FIELDS = ("allow_comments",)
# modeltranslation's untranslated twin columns: they only mirror the language
# that happened to be active, so versions leave them out.
_UNTRANSLATED_TWINS = (*TEXT_FIELDS, "text_edited_at")

RESTORED_PREFIX = "restored:"


def register() -> None:
    """Called once from the app's ready(): articles are versioned with their bylines."""
    if not reversion.is_registered(Article):
        reversion.register(
            Article, follow=["bylines"], exclude=[*_UNTRANSLATED_TWINS, "text_fingerprints", "preview_key"]
        )
    if not reversion.is_registered(Byline):
        reversion.register(Byline)


def keep_version(article: Article, user=None, comment: str = "") -> None:
    """
    Adds the article as it is now, bylines and tags included, to the revision
    being made (the caller opened ``reversion.create_revision()``), or makes a
    revision of its own.
    """
    if reversion.is_active():
        _add(article, user, comment)
        return
    with reversion.create_revision(manage_manually=True):
        _add(article, user, comment)


def _add(article, user, comment):
    if user is not None and user.is_authenticated:
        reversion.set_user(user)
    if comment:
        reversion.set_comment(comment)
    reversion.add_to_revision(article)


def json_comment(change_message: list) -> str:
    """A revision's comment in the admin's change-message format, translated each time it is read."""
    return json.dumps(change_message)


def versions_of(article: Article):
    """The article's versions, newest first, with who made each."""
    return Version.objects.get_for_object(article).select_related("revision__user").order_by("-pk")


def describe(version: Version) -> str:
    """What the version's revision says happened, in the reader's language."""
    comment = version.revision.comment
    if comment.startswith(RESTORED_PREFIX):
        restored = comment.removeprefix(RESTORED_PREFIX)
        return _("Restored version %(number)s.") % {"number": restored}
    return LogEntry(change_message=comment).get_change_message() or _("Saved.")


@dataclasses.dataclass
class Snapshot:
    """An article's content at one moment, as people read it: texts per language, section, bylines, tags."""

    texts: dict[str, dict[str, str]]
    section: str
    bylines: list[str]
    tags: list[str]


def snapshot_of_version(version: Version) -> Snapshot:
    fields = version.field_dict
    byline_type = ContentType.objects.get_for_model(Byline)
    bylines = sorted(
        (v.field_dict for v in version.revision.version_set.filter(content_type=byline_type)),
        key=lambda byline: (byline["position"], byline["id"]),
    )
    return _snapshot(fields, fields.get("section_id"), [b["author_id"] for b in bylines], fields.get("tags", []))


def snapshot_of_article(article: Article) -> Snapshot:
    fields = {
        build_localized_fieldname(field, language): getattr(article, build_localized_fieldname(field, language))
        for field in TEXT_FIELDS
        for language in site_languages()
    }
    author_ids = list(article.bylines.order_by("position", "pk").values_list("author_id", flat=True))
    return _snapshot(fields, article.section_id, author_ids, list(article.tags.values_list("pk", flat=True)))


def _snapshot(fields: dict, section_id, author_ids: list, tag_ids: list) -> Snapshot:
    texts = {
        language: {
            field: _as_text(field, fields.get(build_localized_fieldname(field, language)) or "")
            for field in TEXT_FIELDS
        }
        for language in site_languages()
    }
    section = Section.objects.filter(pk=section_id).first()
    authors = Author.objects.in_bulk(author_ids)
    tags = Tag.objects.filter(pk__in=tag_ids).order_by("pk")
    return Snapshot(
        texts=texts,
        section=str(section) if section else _("(deleted section)"),
        bylines=[str(authors[pk]) if pk in authors else _("(deleted author)") for pk in author_ids],
        tags=[str(tag) for tag in tags],
    )


def _as_text(field: str, value: str) -> str:
    return body_text(value) if field == "body" else value


class _TextExtractor(html.parser.HTMLParser):
    BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figure", "figcaption", "div", "pre", "tr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.BLOCKS or tag == "br":
            self.parts.append("\n")
        if tag == "img":
            alt = dict(attrs).get("alt") or ""
            self.parts.append(f"[{_('image')}: {alt}]" if alt else f"[{_('image')}]")

    def handle_endtag(self, tag):
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        self.parts.append(data)


def body_text(html_text: str) -> str:
    """The body as a reader reads it: one line per paragraph, heading or list item; images by their alt text."""
    extractor = _TextExtractor()
    extractor.feed(html_text or "")
    extractor.close()
    lines = (re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in "".join(extractor.parts).split("\n"))
    return "\n".join(line for line in lines if line)


_TOKENS = re.compile(r"\n|[^\S\n]+|\w+|[^\w\s]", re.UNICODE)


def diff_words(old: str, new: str) -> list[tuple[str, str]]:
    """
    ``old`` and ``new`` as runs of ("same" | "removed" | "added", text), word by
    word: a sentence with one word changed reads as that sentence with one
    word struck out and one added, not as two whole paragraphs.
    """
    old_tokens, new_tokens = _TOKENS.findall(old), _TOKENS.findall(new)
    runs: list[tuple[str, str]] = []
    # A space alone never starts a match: two rewritten sentences would otherwise read as shreds.
    matcher = difflib.SequenceMatcher(str.isspace, old_tokens, new_tokens, autojunk=False)
    for operation, i1, i2, j1, j2 in matcher.get_opcodes():
        if operation == "equal":
            runs.append(("same", "".join(old_tokens[i1:i2])))
            continue
        if i2 > i1:
            runs.append(("removed", "".join(old_tokens[i1:i2])))
        if j2 > j1:
            runs.append(("added", "".join(new_tokens[j1:j2])))
    return runs


@dataclasses.dataclass
class Change:
    label: str
    runs: list[tuple[str, str]]


def compare(old: Snapshot, new: Snapshot) -> dict:
    """
    What changed from ``old`` to ``new``: per language, each text field that
    differs as word runs; then section, bylines and tags where they differ.
    """
    labels = {field: Article._meta.get_field(field).verbose_name for field in TEXT_FIELDS}
    languages = []
    for language in site_languages():
        changes = [
            Change(str(labels[field]).capitalize(), diff_words(old.texts[language][field], new.texts[language][field]))
            for field in TEXT_FIELDS
            if old.texts[language][field] != new.texts[language][field]
        ]
        languages.append({"code": language, "changes": changes})
    shared = []
    for label, before, after in (
        (_("Section"), [old.section], [new.section]),
        (_("Authors, in byline order"), old.bylines, new.bylines),
        (_("Tags"), old.tags, new.tags),
    ):
        if before != after:
            shared.append(Change(label, diff_words(", ".join(before), ", ".join(after))))
    return {"languages": languages, "shared": shared}


class RestoreError(Exception):
    """The version cannot be restored as it is (its reasons in ``messages``)."""

    def __init__(self, messages: list[str]):
        super().__init__(" ".join(messages))
        self.messages = messages


def restore(article: Article, version: Version, user, number: int) -> None:
    """
    Brings ``version`` back into ``article`` (see the module's docstring for
    what comes back) and keeps the result as a new version. Refuses, changing
    nothing, when the result would not be a valid article: a slug another
    article took since, a published article losing its only complete language.
    """
    fields = version.field_dict
    with transaction.atomic():
        for field in TEXT_FIELDS:
            for language in site_languages():
                name = build_localized_fieldname(field, language)
                if name in fields:
                    setattr(article, name, fields[name])
        for name in RESTORED_FIELDS:
            if name in fields:
                setattr(article, name, fields[name])
        if Section.objects.filter(pk=fields.get("section_id")).exists():
            article.section_id = fields["section_id"]
        try:
            article.full_clean()
        except ValidationError as error:
            raise RestoreError(error.messages) from error
        article.save()
        article.tags.set(Tag.objects.filter(pk__in=fields.get("tags", [])))
        _restore_bylines(article, version)
        with reversion.create_revision(manage_manually=True):
            _add(article, user, f"{RESTORED_PREFIX}{number}")


def _restore_bylines(article: Article, version: Version) -> None:
    byline_type = ContentType.objects.get_for_model(Byline)
    kept = sorted(
        (v.field_dict for v in version.revision.version_set.filter(content_type=byline_type)),
        key=lambda byline: (byline["position"], byline["id"]),
    )
    existing_authors = set(Author.objects.filter(pk__in=[b["author_id"] for b in kept]).values_list("pk", flat=True))
    bylines = [b for b in kept if b["author_id"] in existing_authors]
    if not bylines:
        # Every author of that version is gone: an article keeps at least one, so these stay.
        return
    article.bylines.all().delete()
    Byline.objects.bulk_create(
        [Byline(article=article, author_id=b["author_id"], position=position) for position, b in enumerate(bylines)]
    )


def version_date(version: Version) -> str:
    """``DD / MM / YYYY HH:MM`` in the site's time zone, as every date on the site reads."""
    moment = timezone.localtime(version.revision.date_created)
    return f"{formats.date_format(moment, 'd / m / Y')} {moment:%H:%M}"
