"""
Where each translation of an article stands: missing, outdated or complete.

An article is written first in one language (its original language) and
translated into the others. A translation is *outdated* when the text in the
original language changed after the translation was last edited, or last
confirmed as up to date by an editor. To know that without reading history,
every save notes, per language and per text field, a fingerprint of the text
and when it last changed (``text_fingerprints``), and per language when its
text last changed (``text_edited_at_<lang>``, one column per site language
made by django-modeltranslation, so that the admin's filters and the
dashboard can ask the database). Only a real change moves a timestamp: saving
an untouched form, or a change to the other language, leaves it where it was.

A slug is an address, not text to translate, so it is not tracked.
"""

import datetime
import hashlib

from django.conf import settings
from django.db import models
from django.db.models import Case, Count, F, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname


def _site_languages() -> list[str]:
    from .models import site_languages

    return site_languages()


class TranslationStatus(models.TextChoices):
    MISSING = "missing", _("missing")
    OUTDATED = "outdated", _("outdated")
    COMPLETE = "complete", _("complete")


def _filled(field: str, language: str) -> Q:
    name = build_localized_fieldname(field, language)
    return Q(**{f"{name}__isnull": False}) & ~Q(**{name: ""})


class TranslationStatusQuerySet(models.QuerySet):
    """The statuses as database filters: the list's filters and the dashboard ask these."""

    def written_in(self, language: str):
        """Articles whose title, slug and body are written in ``language`` (whatever their section)."""
        return self.filter(self.model.written_q(language))

    def missing_in(self, language: str):
        return self.exclude(self.model.written_q(language))

    def outdated_in(self, language: str):
        return self.filter(self.model.outdated_q(language))

    def complete_in(self, language: str):
        return self.written_in(language).exclude(self.model.outdated_q(language))

    def with_translation_statuses(self):
        """Each article with ``translation_status_<language>`` per site language, worked out by the database."""
        statuses = {}
        for language in _site_languages():
            statuses[f"translation_status_{language}"] = Case(
                When(~self.model.written_q(language), then=Value(TranslationStatus.MISSING.value)),
                When(self.model.outdated_q(language), then=Value(TranslationStatus.OUTDATED.value)),
                default=Value(TranslationStatus.COMPLETE.value),
            )
        return self.annotate(**statuses)

    def needing_translation(self):
        """Articles with at least one language missing or outdated."""
        work = Q()
        for language in _site_languages():
            work |= ~self.model.written_q(language) | self.model.outdated_q(language)
        return self.filter(work)

    def translation_counts(self) -> dict[str, dict[str, int]]:
        """``{language: {"missing": n, "outdated": n, "complete": n}}`` over these articles, in one query."""
        aggregates = {}
        for language in _site_languages():
            written, outdated = self.model.written_q(language), self.model.outdated_q(language)
            aggregates[f"{language}__missing"] = Count("pk", filter=~written)
            aggregates[f"{language}__outdated"] = Count("pk", filter=outdated)
            aggregates[f"{language}__complete"] = Count("pk", filter=written & ~outdated)
        counts = self.aggregate(**aggregates)
        return {
            language: {status: counts[f"{language}__{status}"] or 0 for status in TranslationStatus.values}
            for language in _site_languages()
        }


class TranslationTracked(models.Model):
    """
    An abstract model for Article: its original language and the bookkeeping
    that tells its translations' status. The concrete model names
    ``REQUIRED_TRANSLATION_FIELDS`` (what makes a language "written") and
    ``TRACKED_TEXT_FIELDS`` (the text a translator translates).
    """

    REQUIRED_TRANSLATION_FIELDS: tuple[str, ...] = ()
    TRACKED_TEXT_FIELDS: tuple[str, ...] = ()

    original_language = models.CharField(
        _("original language"),
        max_length=15,
        blank=True,
        choices=settings.LANGUAGES,
        help_text=_("The language the article was written in; the others are translated from it."),
    )
    # One column per site language (translation.py); the language's text last
    # changed then, or an editor confirmed then that its translation is up to date.
    text_edited_at = models.DateTimeField(_("text last edited"), null=True, blank=True, editable=False)
    # {language: {field: [fingerprint, ISO time it last changed]}}
    text_fingerprints = models.JSONField(default=dict, blank=True, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.note_text_edits()
        super().save(*args, **kwargs)

    @classmethod
    def written_q(cls, language: str) -> Q:
        written = Q()
        for field in cls.REQUIRED_TRANSLATION_FIELDS:
            written &= _filled(field, language)
        return written

    @classmethod
    def outdated_q(cls, language: str) -> Q:
        """Written in ``language``, which is not the original, whose text changed later."""
        edited_at = build_localized_fieldname("text_edited_at", language)
        source_newer = Q(pk__in=[])
        for source in _site_languages():
            if source != language:
                source_newer |= Q(
                    original_language=source,
                    **{f"{edited_at}__lt": F(build_localized_fieldname("text_edited_at", source))},
                )
        return cls.written_q(language) & source_newer

    def note_text_edits(self, now: datetime.datetime | None = None) -> None:
        """
        Compare each tracked field with its fingerprint and move the language's
        timestamps where the text changed; fill the original language on the
        first save that has a title.
        """
        now = now or timezone.now()
        if not self.original_language:
            self.original_language = next(
                (code for code in _site_languages() if getattr(self, build_localized_fieldname("title", code))), ""
            )
        fingerprints = {language: dict(fields) for language, fields in (self.text_fingerprints or {}).items()}
        for language in _site_languages():
            noted = fingerprints.setdefault(language, {})
            changed = False
            for field in self.TRACKED_TEXT_FIELDS:
                fingerprint = _fingerprint(getattr(self, build_localized_fieldname(field, language)))
                if noted.get(field, [None])[0] != fingerprint:
                    noted[field] = [fingerprint, now.isoformat()]
                    changed = True
            edited_at = build_localized_fieldname("text_edited_at", language)
            if changed or getattr(self, edited_at) is None:
                setattr(self, edited_at, now)
        self.text_fingerprints = fingerprints

    def source_language_for(self, language: str) -> str | None:
        """The language ``language`` is translated from: the original, unless it is the original."""
        original = self.original_language or next(
            (code for code in _site_languages() if self.is_written_in(code)), None
        )
        return None if original in (None, language) else original

    def is_written_in(self, language: str) -> bool:
        return all(getattr(self, build_localized_fieldname(f, language)) for f in self.REQUIRED_TRANSLATION_FIELDS)

    def translation_status(self, language: str) -> TranslationStatus:
        if not self.is_written_in(language):
            return TranslationStatus.MISSING
        source = self.source_language_for(language)
        if source is None:
            return TranslationStatus.COMPLETE
        own = getattr(self, build_localized_fieldname("text_edited_at", language))
        source_edited = getattr(self, build_localized_fieldname("text_edited_at", source))
        if own and source_edited and own < source_edited:
            return TranslationStatus.OUTDATED
        return TranslationStatus.COMPLETE

    def translation_statuses(self) -> dict[str, TranslationStatus]:
        return {language: self.translation_status(language) for language in _site_languages()}

    def outdated_fields(self, language: str) -> set[str]:
        """The tracked fields whose text in the source language changed after ``language`` was last edited."""
        source = self.source_language_for(language)
        own = getattr(self, build_localized_fieldname("text_edited_at", language))
        if source is None or own is None:
            return set()
        noted = (self.text_fingerprints or {}).get(source, {})
        return {
            field
            for field in self.TRACKED_TEXT_FIELDS
            if field in noted and datetime.datetime.fromisoformat(noted[field][1]) > own
        }

    def mark_translation_up_to_date(self, language: str) -> None:
        """An editor checked the translation in ``language`` against its source: it counts as current now."""
        field = build_localized_fieldname("text_edited_at", language)
        setattr(self, field, timezone.now())
        type(self).objects.filter(pk=self.pk).update(**{field: getattr(self, field)})


def _fingerprint(text: str | None) -> str:
    return hashlib.sha256((text or "").encode()).hexdigest()[:16]
