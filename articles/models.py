"""
The newsroom's content: sections, authors, tags and articles, each translated
field stored once per site language by django-modeltranslation (translation.py).
"""

import functools
import posixpath
import secrets
from urllib.parse import quote

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField
from modeltranslation.utils import build_localized_fieldname

import images.body
from images.fields import ImageField
from images.models import ResponsiveImage

from .richtext import PROSE_EDITOR_EXTENSIONS, sanitize_html
from .translation_status import TranslationStatusQuerySet, TranslationTracked
from .transliteration import slug_from_title


def new_preview_key() -> str:
    return secrets.token_hex(16)


def site_languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


@functools.lru_cache(maxsize=256)
def _url_pattern(urlconf: str, url_name: str, language: str, kwarg_names: tuple[str, ...]) -> str:
    with translation.override(language):
        return reverse(url_name, kwargs={name: f"__{name}__" for name in kwarg_names})


def address(url_name: str, language: str, **slugs: str) -> str:
    """
    ``reverse(url_name, kwargs=slugs)`` in ``language``, with Django's own
    reverse run once per page kind and language: list pages link dozens of
    sections, tags, authors and articles, and reversing each cost more than
    everything else in a card.
    """
    url = _url_pattern(settings.ROOT_URLCONF, url_name, language, tuple(sorted(slugs)))
    for name, slug in slugs.items():
        if not slug:
            raise NoReverseMatch(f"{url_name} needs a {name} in {language}")
        url = url.replace(f"__{name}__", quote(slug, safe=""), 1)
    return url


def _written(field: str, language: str, prefix: str = "") -> Q:
    """
    Rows whose translation of ``field`` in ``language`` is filled. An equality
    with "" rather than a comparison such as ``> ''``: PostgreSQL decides
    equality from the stored length, without reading a long body back from
    its out-of-line storage.
    """
    name = prefix + build_localized_fieldname(field, language)
    return Q(**{f"{name}__isnull": False}) & ~Q(**{name: ""})


def _unique_per_language(model: str, field: str) -> list[models.UniqueConstraint]:
    """One uniqueness rule per site language: slugs are unique within a language."""
    return [
        models.UniqueConstraint(
            fields=[build_localized_fieldname(field, language)],
            name=f"unique_{model}_{field}_{language}",
        )
        for language in site_languages()
    ]


# Words that the URL scheme gives a meaning under /<lang>/, so no section may take them.
RESERVED_SECTION_SLUGS = frozenset(
    {
        "tags",
        "authors",
        "search",
        "feed",
        "preview",
        "admin",
        "static",
        "media",
        "comments",
        "sitemap.xml",
        "news-sitemap.xml",
        "robots.txt",
    }
)


def validate_section_slug(value: str) -> None:
    if value in RESERVED_SECTION_SLUGS:
        raise ValidationError(_("“%(slug)s” is reserved for the site’s own pages."), params={"slug": value})
    if value.isdigit():
        raise ValidationError(_("A section address cannot be only digits: those are archive pages."))


# An article's address is /<lang>/<section>/<slug>/, so these would be taken by the section's own pages.
RESERVED_ARTICLE_SLUGS = frozenset({"feed"})


def validate_article_slug(value: str) -> None:
    if value in RESERVED_ARTICLE_SLUGS:
        raise ValidationError(_("“%(slug)s” is reserved for the site’s own pages."), params={"slug": value})


class TranslatedSlugQuerySet(models.QuerySet):
    """Look-ups by address, the one way every view, feed and importer finds a row by its slug."""

    def by_slug(self, slug: str, language: str):
        """Rows whose slug in ``language`` is ``slug``: at most one, slugs being unique per language."""
        return self.filter(**{build_localized_fieldname("slug", language): slug})

    def by_slug_in_any_language(self, slug: str):
        """Rows whose slug in some site language is ``slug`` (for redirecting a link in the wrong language)."""
        in_any_language = Q()
        for language in site_languages():
            in_any_language |= Q(**{build_localized_fieldname("slug", language): slug})
        return self.filter(in_any_language)

    def by_former_slug(self, slug: str, language: str):
        """Rows that were known by ``slug`` in ``language`` before an editor changed it (at most one)."""
        former = FormerSlug.objects.filter(
            content_type=ContentType.objects.get_for_model(self.model), language=language, slug=slug
        )
        return self.filter(pk__in=former.values("object_id"))


class TranslatedSlugMixin:
    """
    A model named and addressed per language: every empty slug is filled from
    the name (or title) in the same language, every replaced slug is kept as a
    FormerSlug (its old links answer 301), and ``url_name`` gives its page.
    Each model using it declares ``former_slugs = GenericRelation(FormerSlug)``
    so that its former slugs go when it goes.
    """

    slug_source = "name"
    url_name = ""
    url_slug_kwarg = "slug"

    def __str__(self):
        default_name = build_localized_fieldname(self.slug_source, settings.LANGUAGE_CODE)
        return getattr(self, self.slug_source) or getattr(self, default_name) or f"#{self.pk}"

    def save(self, *args, **kwargs):
        # Besides the row itself, saving records replaced slugs as FormerSlug rows.
        self.fill_missing_slugs()
        if self.pk:
            self.remember_former_slugs()
        super().save(*args, **kwargs)

    def fill_missing_slugs(self) -> None:
        for language in site_languages():
            slug_field = build_localized_fieldname("slug", language)
            source = getattr(self, build_localized_fieldname(self.slug_source, language))
            if not getattr(self, slug_field) and source:
                setattr(self, slug_field, slug_from_title(source) or None)

    def slug_in(self, language: str) -> str:
        return getattr(self, build_localized_fieldname("slug", language)) or ""

    def is_available_in(self, language: str) -> bool:
        """Named and addressed in ``language``."""
        return bool(getattr(self, build_localized_fieldname(self.slug_source, language)) and self.slug_in(language))

    def get_absolute_url(self, language: str | None = None) -> str:
        language = language or translation.get_language()
        return address(self.url_name, language, **{self.url_slug_kwarg: self.slug_in(language)})

    def remember_former_slugs(self) -> None:
        """Keep each replaced slug so that old links answer 301 to the new address."""
        slug_fields = [build_localized_fieldname("slug", language) for language in site_languages()]
        stored = type(self).objects.filter(pk=self.pk).values(*slug_fields).first() or {}
        kind = ContentType.objects.get_for_model(type(self))
        for language, field in zip(site_languages(), slug_fields, strict=True):
            old, new = stored.get(field), getattr(self, field)
            if new:
                # A live address is nobody's former one, whoever had it before.
                FormerSlug.objects.filter(content_type=kind, language=language, slug=new).delete()
            if old and old != new:
                FormerSlug.objects.update_or_create(
                    content_type=kind, language=language, slug=old, defaults={"object_id": self.pk}
                )


class Section(TranslatedSlugMixin, models.Model):
    url_name = "articles:section"
    url_slug_kwarg = "section_slug"

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        allow_unicode=True,
        validators=[validate_section_slug],
        help_text=_("The section’s address in this language."),
    )
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Order in the site’s navigation, smallest first.")
    )
    former_slugs = GenericRelation("FormerSlug")

    objects = TranslatedSlugQuerySet.as_manager()

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        constraints = _unique_per_language("section", "slug")


class Author(TranslatedSlugMixin, models.Model):
    url_name = "articles:author"

    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=150, allow_unicode=True)
    bio = models.TextField(_("biography"), blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="author_profile",
        limit_choices_to={"is_staff": True},
        verbose_name=_("user account"),
        help_text=_("The staff account of this author: they may then edit the articles their byline is on."),
    )
    former_slugs = GenericRelation("FormerSlug")

    objects = TranslatedSlugQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("author")
        verbose_name_plural = _("authors")
        constraints = _unique_per_language("author", "slug")

    def is_available_in(self, language: str) -> bool:
        # A name in Latin letters reads in every language; the page needs only an address.
        return bool(self.slug_in(language))


class Tag(TranslatedSlugMixin, models.Model):
    url_name = "articles:tag"

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, allow_unicode=True)
    former_slugs = GenericRelation("FormerSlug")

    objects = TranslatedSlugQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        constraints = _unique_per_language("tag", "slug")


class ArticleQuerySet(TranslationStatusQuerySet, TranslatedSlugQuerySet):
    def published(self, now=None):
        """
        Articles public now: published, their time come (a future date means
        scheduled) and not yet expired. The one rule for "readers may see it".
        """
        return self.filter(Article.published_q(now=now))

    def next_visibility_change(self, now=None):
        """
        When the next published article appears or expires (None when none
        will): lists change then, with nobody saving anything. One query.
        """
        now = now or timezone.now()
        upcoming = self.filter(Q(published_at__gt=now) | Q(expires_at__gt=now), status=Article.Status.PUBLISHED)
        found = upcoming.aggregate(
            appears=models.Min("published_at", filter=Q(published_at__gt=now)),
            expires=models.Min("expires_at", filter=Q(expires_at__gt=now)),
        )
        times = [moment for moment in found.values() if moment is not None]
        return min(times) if times else None

    def in_review(self):
        return self.filter(status=Article.Status.IN_REVIEW)

    def written_by(self, user):
        """Articles ``user`` wrote: created, or credited in the byline through their author profile."""
        in_byline = Byline.objects.filter(article=OuterRef("pk"), author__user=user)
        return self.filter(Q(created_by=user) | Exists(in_byline))

    def available_in(self, language: str):
        """
        Articles whose title, slug and body are written in ``language``, in a
        section that has an address in it (else the article has none either).
        """
        return self.filter(Article.available_q(language))

    def with_listing_relations(self):
        """Everything a list of articles shows, in a fixed number of queries, and not the bodies it does not."""
        bodies = [build_localized_fieldname("body", language) for language in site_languages()]
        return self.defer("body", *bodies).select_related("section").prefetch_related(bylines_in_order())


class Article(TranslationTracked, ResponsiveImage, TranslatedSlugMixin, models.Model):
    class Status(models.TextChoices):
        # The editorial workflow (articles/workflow.py says who may move an article where).
        DRAFT = "draft", _("Draft")
        IN_REVIEW = "in_review", _("In review")
        PUBLISHED = "published", _("Published")
        UNPUBLISHED = "unpublished", _("Unpublished")

    # An article exists in a language when these three are written in it.
    REQUIRED_TRANSLATION_FIELDS = ("title", "slug", "body")
    # The text a translator translates: a change to one of these in the
    # original language makes the other languages' translations outdated.
    TRACKED_TEXT_FIELDS = ("title", "summary", "body", "image_caption", "image_alt", "image_credit")
    slug_source = "title"

    # Blank at the model level so that an article may exist in any one of the
    # site's languages; clean() asks for at least one complete language.
    title = models.CharField(_("title"), max_length=200, blank=True)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        allow_unicode=True,
        blank=True,
        validators=[validate_article_slug],
        help_text=_("The article’s address in this language. Latin letters are suggested; Armenian script works too."),
    )
    summary = models.TextField(_("summary"), blank=True, help_text=_("One or two sentences for lists and previews."))
    # Sanitised by the form field for the editor and again in save() for every
    # other path (shell, seed, scripts); cleaning twice changes nothing.
    body = ProseEditorField(
        _("body"), blank=True, config={"extensions": PROSE_EDITOR_EXTENSIONS}, sanitize=sanitize_html
    )
    section = models.ForeignKey(Section, models.PROTECT, related_name="articles", verbose_name=_("section"))
    authors = models.ManyToManyField(Author, through="Byline", related_name="articles", verbose_name=_("authors"))
    tags = models.ManyToManyField(Tag, blank=True, related_name="articles", verbose_name=_("tags"))
    # image_width, image_height and image_renditions come from ResponsiveImage.
    image = ImageField(
        _("featured image"),
        upload_to="articles/%Y/%m/",
        blank=True,
        width_field="image_width",
        height_field="image_height",
        help_text=_(
            "JPEG, PNG, WebP or GIF. Readers get smaller copies made from it, without its location or camera data."
        ),
    )
    image_caption = models.CharField(_("image caption"), max_length=300, blank=True)
    image_alt = models.CharField(
        _("image alt text"),
        max_length=300,
        blank=True,
        help_text=_("What the image shows, for readers who cannot see it."),
    )
    image_credit = models.CharField(
        _("image credit"), max_length=200, blank=True, help_text=_("As it should read, e.g. “Photo: Anna Petrosyan”.")
    )
    status = models.CharField(_("status"), max_length=12, choices=Status, default=Status.DRAFT)
    published_at = models.DateTimeField(
        _("publication date"),
        default=timezone.now,
        help_text=_("A future date schedules the article: it appears by itself at that time."),
    )
    expires_at = models.DateTimeField(
        _("expiry date"),
        null=True,
        blank=True,
        help_text=_("Optional. The article disappears from the site by itself at this time."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("last saved by"),
    )
    # The date of the newest correction or update note (Correction.save keeps it):
    # readers' "Updated" line and feeds' dateModified read it without a query.
    corrected_at = models.DateTimeField(_("last corrected"), null=True, blank=True, editable=False)
    # Counts full saves. The admin form carries the count it was opened with, so
    # a save over someone else's newer one is caught (optimistic locking).
    lock_version = models.PositiveIntegerField(default=0)
    # Part of every shareable preview link: renewing it revokes the links made so far.
    preview_key = models.CharField(max_length=32, default=new_preview_key, editable=False)
    allow_comments = models.BooleanField(_("allow comments"), default=True)
    former_slugs = GenericRelation("FormerSlug")

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        get_latest_by = "published_at"
        permissions = [
            ("publish_article", _("Can publish articles")),
            ("restore_article", _("Can restore earlier versions of articles")),
            ("confirm_translation", _("Can mark translations as up to date")),
        ]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        constraints = _unique_per_language("article", "slug")
        indexes = [
            models.Index(fields=["status", "published_at"], name="article_status_published"),
            # The next expiry, for the page cache's horizon (next_visibility_change).
            models.Index(fields=["status", "expires_at"], name="article_status_expires"),
            # A section's pages, newest first, deep pages included.
            models.Index(fields=["section", "status", "published_at"], name="article_section_published"),
        ]

    def save(self, *args, **kwargs):
        """
        Besides the row itself, saving an article:
        - sanitises each body (richtext.sanitize_html) and turns its inline
          images into responsive pictures (one query for the InlineImage rows);
        - fills empty slugs from the titles;
        - notes which language's text changed, for the translations' status
          (translation_status.TranslationTracked);
        - counts the save in lock_version, one more than the stored count (unless
          only some fields are saved);
        - on a change, records replaced slugs as FormerSlug rows (old links redirect);
        - on a new or replaced featured image, writes its renditions through the
          storage, and deletes the replaced files once the transaction commits
          (the image owner's save);
        - and, through Django's post_save signal, makes the page cache fresh.
        """
        for language in site_languages():
            body_field = build_localized_fieldname("body", language)
            setattr(self, body_field, sanitize_html(getattr(self, body_field)))
            setattr(self, body_field, expand_inline_images(getattr(self, body_field)))
        if kwargs.get("update_fields") is None:
            # Counted from the stored row, not this instance: an instance brought
            # back from an old version must not fall in step with a stale form.
            stored = (
                Article.objects.filter(pk=self.pk).values_list("lock_version", flat=True).first() if self.pk else None
            )
            self.lock_version = (self.lock_version if stored is None else stored) + 1
        # Slugs filled and former slugs remembered by TranslatedSlugMixin.save.
        super().save(*args, **kwargs)

    def get_absolute_url(self, language: str | None = None) -> str:
        language = language or translation.get_language()
        return address(
            "articles:article", language, section_slug=self.section.slug_in(language), slug=self.slug_in(language)
        )

    @staticmethod
    def published_q(prefix: str = "", now=None) -> Q:
        """
        ``published()``'s rule as a Q: published, its time come, not expired.
        For filters and annotations across a relation
        (``Max("articles__updated_at", filter=Article.published_q("articles__"))``)
        and for counting beside other states in one query.
        """
        now = now or timezone.now()
        not_expired = Q(**{f"{prefix}expires_at__isnull": True}) | Q(**{f"{prefix}expires_at__gt": now})
        return not_expired & Q(**{f"{prefix}status": Article.Status.PUBLISHED, f"{prefix}published_at__lte": now})

    @staticmethod
    def available_q(language: str, prefix: str = "") -> Q:
        """ArticleQuerySet.available_in's rule as a Q, for filters and annotations across a relation."""
        written = _written("section__slug", language, prefix)
        for field in Article.REQUIRED_TRANSLATION_FIELDS:
            written &= _written(field, language, prefix)
        return written

    def clean(self):
        self.fill_missing_slugs()
        if not any(getattr(self, build_localized_fieldname("title", code)) for code in site_languages()):
            raise ValidationError(_("Give the article a title in at least one language."))
        if self.status == self.Status.PUBLISHED and not self.available_languages():
            raise ValidationError(_("A published article needs its title, slug and body in at least one language."))
        if self.status == self.Status.PUBLISHED and self.image:
            missing_alt = {
                build_localized_fieldname("image_alt", language): ValidationError(
                    _("A published article with an image needs its alt text in %(language)s."),
                    code="alt_required",
                    params={"language": translation.get_language_info(language)["name_translated"]},
                )
                for language in self.available_languages()
                if not getattr(self, build_localized_fieldname("image_alt", language))
            }
            if missing_alt:
                raise ValidationError(missing_alt)
        if self.expires_at and self.published_at and self.expires_at <= self.published_at:
            raise ValidationError({"expires_at": _("The expiry date must come after the publication date.")})

    @property
    def is_public(self) -> bool:
        """The same rule as ``Article.objects.published()``, for one article in hand."""
        return self.status == self.Status.PUBLISHED and not self.is_scheduled and not self.is_expired

    @property
    def is_scheduled(self) -> bool:
        """Published, but its date is still to come: readers see it from then on."""
        return self.status == self.Status.PUBLISHED and self.published_at > timezone.now()

    @property
    def is_expired(self) -> bool:
        """Published, but its expiry date has passed: readers no longer see it."""
        return (
            self.status == self.Status.PUBLISHED and self.expires_at is not None and self.expires_at <= timezone.now()
        )

    def state_label(self) -> str:
        """The status as the newsroom says it, telling scheduled and expired articles from live ones."""
        if self.is_scheduled:
            return _("Scheduled")
        if self.is_expired:
            return _("Expired")
        return self.get_status_display()

    @property
    def modified_at(self):
        """
        When readers last saw the article change: its newest correction or
        update note, else its publication. Feeds' and structured data's
        ``dateModified`` read this; it costs no query.
        """
        if self.corrected_at and self.corrected_at > self.published_at:
            return self.corrected_at
        return self.published_at

    def is_available_in(self, language: str) -> bool:
        return bool(self.section.slug_in(language)) and all(
            getattr(self, build_localized_fieldname(f, language)) for f in self.REQUIRED_TRANSLATION_FIELDS
        )

    def available_languages(self) -> list[str]:
        return [language for language in site_languages() if self.is_available_in(language)]

    def note_corrections(self) -> None:
        """Keeps ``corrected_at`` at the date of the newest correction or update note (one update)."""
        newest = self.corrections.aggregate(newest=models.Max("created_at"))["newest"]
        Article.objects.filter(pk=self.pk).update(corrected_at=newest)
        self.corrected_at = newest

    def get_preview_url(self, language: str | None = None) -> str:
        language = language or translation.get_language()
        with translation.override(language):
            return reverse("articles:preview", kwargs={"pk": self.pk})

    def related(self, language: str, limit: int = 4) -> list["Article"]:
        """
        Up to ``limit`` other public articles in ``language``: those in the same
        section or sharing a tag first, then the newest others, newest first
        within each group. Two short reads off the publication-date index and
        one for the bylines: ranking the whole archive by closeness in one
        query made the database sort every article.
        """
        sharing_a_tag = Article.tags.through.objects.filter(tag__in=self.tags.all()).values("article_id")
        is_close = Q(section_id=self.section_id) | Q(pk__in=sharing_a_tag)
        others = (
            Article.objects.published()
            .available_in(language)
            .exclude(pk=self.pk)
            .with_listing_relations()
            .order_by("-published_at", "-pk")
        )
        close = list(others.filter(is_close).prefetch_related(None)[:limit])
        newest = list(others.exclude(is_close).prefetch_related(None)[:limit])
        related = (close + newest)[:limit]
        models.prefetch_related_objects(related, bylines_in_order())
        return related


def bylines_in_order() -> models.Prefetch:
    """An article's bylines with their authors, in byline order: one query for a whole list."""
    return models.Prefetch("bylines", queryset=Byline.objects.select_related("author"))


class Byline(models.Model):
    """An author credited on an article, in the order the byline reads."""

    article = models.ForeignKey(Article, models.CASCADE, related_name="bylines")
    author = models.ForeignKey(Author, models.PROTECT, related_name="bylines", verbose_name=_("author"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("byline")
        verbose_name_plural = _("bylines")
        constraints = [models.UniqueConstraint(fields=["article", "author"], name="unique_byline")]

    def __str__(self):
        return str(self.author)


class FormerSlug(models.Model):
    """
    A slug an article, section, tag or author used to have in one language;
    its old links redirect (TranslatedSlugMixin keeps them, by_former_slug finds them).
    """

    content_type = models.ForeignKey(ContentType, models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    owner = GenericForeignKey("content_type", "object_id")
    language = models.CharField(max_length=15)
    slug = models.SlugField(max_length=200, allow_unicode=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["content_type", "language", "slug"], name="unique_former_slug_per_kind")
        ]

    def __str__(self):
        return f"{self.language}: {self.slug}"


class StateChange(models.Model):
    """One move of an article through the workflow, by whom and when: the audit trail editors read."""

    article = models.ForeignKey(Article, models.CASCADE, related_name="state_changes")
    from_status = models.CharField(_("from"), max_length=12, choices=Article.Status, blank=True)
    to_status = models.CharField(_("to"), max_length=12, choices=Article.Status)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+", verbose_name=_("by")
    )
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("state change")
        verbose_name_plural = _("state changes")

    def __str__(self):
        return f"{self.get_from_status_display() or '-'} → {self.get_to_status_display()}"


class Correction(models.Model):
    """
    A dated note on a published article, shown under it in each language:
    a correction admits an error, an update adds what happened since.
    """

    class Kind(models.TextChoices):
        CORRECTION = "correction", _("Correction")
        UPDATE = "update", _("Update")

    article = models.ForeignKey(Article, models.CASCADE, related_name="corrections")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind, default=Kind.CORRECTION)
    text = models.TextField(_("text"))
    created_at = models.DateTimeField(_("date"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("correction or update")
        verbose_name_plural = _("corrections and updates")

    def __str__(self):
        return f"{self.get_kind_display()} {self.created_at:%Y-%m-%d}"

    def save(self, *args, **kwargs):
        """Saving a note also moves its article's ``corrected_at`` (Article.note_corrections)."""
        super().save(*args, **kwargs)
        self.article.note_corrections()

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        self.article.note_corrections()
        return result

    def clean(self):
        texts = {language: getattr(self, build_localized_fieldname("text", language)) for language in site_languages()}
        if not any(texts.values()):
            raise ValidationError(_("Write the note."))
        # A note readers of one language miss would leave them with the error: one text per language the article has.
        languages = self.article.available_languages() if self.article_id else []
        missing = {
            build_localized_fieldname("text", language): ValidationError(_("Write the note in this language too."))
            for language in languages
            if not texts[language]
        }
        if missing:
            raise ValidationError(missing)


class InlineImage(ResponsiveImage):
    """
    An image uploaded from the body editor. The body refers to it as
    <img data-file="ID">, which Article.save turns into a responsive <picture>.
    """

    # image_width, image_height and image_renditions come from ResponsiveImage.
    image = ImageField(
        _("image"),
        upload_to="inline/%Y/%m/",
        width_field="image_width",
        height_field="image_height",
        help_text=_("JPEG, PNG, WebP or GIF."),
    )
    alt_text = models.CharField(
        _("alt text"),
        max_length=300,
        blank=True,
        help_text=_("Suggested alt text; each article can still write its own in each language."),
    )
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("inline image")
        verbose_name_plural = _("inline images")

    def __str__(self):
        return self.alt_text or posixpath.basename(self.image.name or "") or f"#{self.pk}"

    def used_in(self) -> models.QuerySet:
        """Articles whose body shows this image, in any language."""
        marker = f'data-file="{self.pk}"'
        in_a_body = Q()
        for language in site_languages():
            in_a_body |= Q(**{f"{build_localized_fieldname('body', language)}__contains": marker})
        return Article.objects.filter(in_a_body)


def expand_inline_images(html: str) -> str:
    """
    The body with each of its inline images as a responsive <picture> (one
    query, at save time). Any other <picture> or <source> is dropped: only
    renditions made here may appear in a body.
    """
    ids = images.body.inline_image_ids(html)
    known = {image.pk: image.renditions for image in InlineImage.objects.filter(pk__in=ids)} if ids else {}
    return images.body.expand_inline_images(html, known)
