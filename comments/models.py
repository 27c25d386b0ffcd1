"""
Readers' comments on articles, and the words that mark a comment as spam.

A comment's email address is private: it is shown to moderators in the admin
and to nobody else, in no public page, attribute, feed or hash.

Conversations are per language: a comment belongs to the language page it
was posted from, and is shown there only. Comments stored before that rule
have no language and are shown on every language's page, as they were.
"""

import hashlib
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import get_language_info, gettext
from django.utils.translation import gettext_lazy as _

from articles.models import Article

# Control characters other than tab and line breaks, lone surrogates and
# Unicode non-characters: nothing a person types, and some break XML feeds.
UNPRINTABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")

DUPLICATE_MESSAGE = _("You have already posted this comment. It looks as though you already said that!")


def normalize_email(email: str) -> str:
    """
    The one form in which an email is stored and compared: addresses are
    compared case-blind (flood control, auto-approval, duplicates, and the
    privacy tools' look-ups), though strictly only the domain is.
    """
    return (email or "").strip().lower()


def language_name(code: str) -> str:
    """A comment's language as moderators read it, in the language they read in."""
    if not code:
        return gettext("every language (an older comment)")
    try:
        return get_language_info(code)["name_translated"]
    except KeyError:  # a language the site has since dropped
        return code


def validate_printable(value: str) -> None:
    if UNPRINTABLE.search(value or ""):
        raise ValidationError(_("This field contains characters that cannot be shown."), code="unprintable")


# The moderation queue's order: pending first, newest first within each group.
QUEUE_ORDER = [
    models.Case(
        models.When(status="pending", then=models.Value(0)),
        default=models.Value(1),
        output_field=models.IntegerField(),
    ).asc(),
    models.F("created_at").desc(),
    models.F("id").desc(),
]


class CommentQuerySet(models.QuerySet):
    def public(self):
        """The comments readers see: approved ones (Comment.public_q says the same for annotations)."""
        return self.filter(Comment.public_q())

    def for_language(self, language: str):
        """The comments of the conversation on ``language``'s page (Comment.language_q says the same as a Q)."""
        return self.filter(Comment.language_q(language))

    def by_email(self, email: str):
        """Every comment written with ``email``, however it is capitalised."""
        return self.filter(email=normalize_email(email))

    def for_reader(self, article, language: str, own_ids=()):
        """
        What one reader sees under ``article`` on its page in ``language``: the
        approved comments of that language's conversation, plus those of the
        reader's own there that still wait for a moderator, oldest first.
        """
        visible = Comment.public_q()
        if own_ids:
            visible |= models.Q(pk__in=own_ids, status__in=Comment.HELD_STATUSES)
        return self.filter(visible, Comment.language_q(language), article=article).order_by("created_at", "pk")

    # Moderation saves comment by comment rather than with one UPDATE, so that
    # post_save fires for each: a page cache listening there goes fresh at once.
    MODERATION_FIELDS = ["status", "approved_at", "approved_by"]

    def approve(self, by=None) -> int:
        """Approves every comment not yet approved, recording who and when."""
        comments = list(self.exclude(status=Comment.Status.APPROVED))
        for comment in comments:
            comment.approve(by=by)
            comment.save(update_fields=self.MODERATION_FIELDS)
        return len(comments)

    def set_status(self, status) -> int:
        """Moves comments out of the public view: to the queue, spam or trash."""
        comments = list(self.exclude(status=status))
        for comment in comments:
            comment.status, comment.approved_at, comment.approved_by = status, None, None
            comment.save(update_fields=self.MODERATION_FIELDS)
        return len(comments)

    def older_than_retention(self, now=None):
        cutoff = (now or timezone.now()) - timezone.timedelta(days=settings.COMMENTS_RETENTION_DAYS)
        return self.filter(created_at__lt=cutoff)


class Comment(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        APPROVED = "approved", _("Approved")
        SPAM = "spam", _("Spam")
        TRASH = "trash", _("Trash")

    class HoldReason(models.TextChoices):
        """Why the rules kept a comment from the ordinary queue (moderation.py)."""

        NONE = "", _("none")
        TOO_FAST = "too-fast", _("submitted too fast after the page loaded")
        BLOCKLIST = "blocklist", _("contains a blocked word")
        LINKS = "links", _("contains too many links")

    # Statuses a commenter's own comment may have while they still see it as
    # “awaiting moderation”: a comment held as spam-suspect is not dropped.
    HELD_STATUSES = (Status.PENDING, Status.SPAM)

    # WordPress's own limits, so imported comments always fit.
    TEXT_MAX_LENGTH = 65525

    article = models.ForeignKey(Article, models.CASCADE, related_name="comments", verbose_name=_("article"))
    parent = models.ForeignKey(
        "self", models.CASCADE, null=True, blank=True, related_name="replies", verbose_name=_("in reply to")
    )
    depth = models.PositiveSmallIntegerField(_("depth"), default=1, editable=False)
    name = models.CharField(_("name"), max_length=245, validators=[validate_printable])
    email = models.EmailField(_("email"), max_length=100, validators=[validate_printable])
    website = models.URLField(
        _("website"),
        max_length=200,
        blank=True,
        validators=[URLValidator(schemes=["http", "https"]), validate_printable],
    )
    text = models.TextField(_("comment"), max_length=TEXT_MAX_LENGTH, validators=[validate_printable])
    # The language of the page the comment was posted from (a reply: its parent's); blank for comments
    # stored before conversations were per language, which every language's page shows. Not indexed:
    # readers always ask for one article's comments or counts, which the article index narrows to a few
    # rows before the language is looked at.
    language = models.CharField(_("language"), max_length=15, blank=True, editable=False)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.PENDING)
    hold_reason = models.CharField(_("held because"), max_length=10, choices=HoldReason, blank=True, editable=False)
    created_at = models.DateTimeField(_("date"), default=timezone.now, editable=False)
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True, editable=False)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="approved_comments",
        verbose_name=_("approved by"),
    )
    # Kept for moderation only; erase_comment_addresses clears them after the retention period.
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True, editable=False)
    user_agent = models.TextField(_("user agent"), blank=True, editable=False)
    # sha256 of article, email and text: makes “exact duplicate” a database rule,
    # so two identical posts arriving together cannot both be stored. Never shown.
    fingerprint = models.CharField(max_length=64, unique=True, editable=False)

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        get_latest_by = "created_at"
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        indexes = [
            # The moderation queue, in its own order, so its first page is read off the index.
            models.Index(*QUEUE_ORDER, name="comment_queue"),
            # The article page and the listings' counts.
            models.Index(fields=["article", "status", "created_at"], name="comment_article_status"),
            # The moderation queue.
            models.Index(fields=["status", "created_at"], name="comment_status_created"),
            # Flood control, auto-approval, and the privacy tools.
            models.Index(fields=["email", "created_at"], name="comment_email_created"),
            models.Index(fields=["ip_address", "created_at"], name="comment_ip_created"),
        ]

    def __str__(self):
        return Truncator(self.text).chars(60)

    def save(self, *args, **kwargs):
        self.email = normalize_email(self.email)
        self.depth = self.parent.depth + 1 if self.parent_id else 1
        # A reply belongs to its parent's conversation.
        if self.parent_id and self.parent.language:
            self.language = self.parent.language
        self.fingerprint = self.compute_fingerprint()
        super().save(*args, **kwargs)

    def get_absolute_url(self, language: str | None = None) -> str:
        """
        The comment's place on its article's page in its own language; for a
        comment from before conversations were per language, in ``language``,
        else the first language the article has.
        """
        language = self.language or language
        if language is None or not self.article.is_available_in(language):
            language = next(iter(self.article.available_languages()), settings.LANGUAGE_CODE)
        return f"{self.article.get_absolute_url(language)}#comment-{self.pk}"

    def clean(self):
        # Exact duplicates are refused: the same words from the same email on the same article.
        if self.article_id and self.email and self.text:
            if Comment.objects.filter(fingerprint=self.compute_fingerprint()).exclude(pk=self.pk).exists():
                raise ValidationError(DUPLICATE_MESSAGE, code="duplicate")

    @staticmethod
    def public_q(prefix: str = "") -> models.Q:
        """
        "A comment the public sees" as a Q, for filters and annotations across
        a relation: ``Count("comments", filter=Comment.public_q("comments__"))``.
        """
        return models.Q(**{f"{prefix}status": Comment.Status.APPROVED})

    @staticmethod
    def language_q(language: str, prefix: str = "") -> models.Q:
        """
        "A comment of the conversation on ``language``'s page" as a Q: those
        posted in that language and those from before conversations were per
        language, which have none.
        """
        return models.Q(**{f"{prefix}language__in": [language, ""]})

    def compute_fingerprint(self) -> str:
        material = f"{self.article_id}\n{normalize_email(self.email)}\n{self.text}"
        return hashlib.sha256(material.encode()).hexdigest()

    @property
    def is_public(self) -> bool:
        """The single-row twin of public_q()."""
        return self.status == self.Status.APPROVED

    def get_language_display(self) -> str:
        return language_name(self.language)

    def approve(self, by=None) -> None:
        self.status = self.Status.APPROVED
        self.approved_at = timezone.now()
        self.approved_by = by


class BlockedWord(models.Model):
    """A word or phrase that sends any comment containing it to spam."""

    word = models.CharField(
        _("word or phrase"),
        max_length=200,
        unique=True,
        help_text=_("Matched without regard to case anywhere in the name, email, website, text, IP or browser."),
    )
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        ordering = ["word"]
        verbose_name = _("blocked word")
        verbose_name_plural = _("blocked words")

    def __str__(self):
        return self.word

    def save(self, *args, **kwargs):
        self.word = self.word.strip().lower()
        super().save(*args, **kwargs)
