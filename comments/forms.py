"""
The "Leave a Reply" form.

It carries no CSRF token and nothing else tied to a reader, so the article page
that holds it can be served to everyone from a shared cache. Its protections are
those a shared page allows: a honeypot field, a signed timestamp minted when the
page was rendered, flood control (moderation.py), an hourly limit per address
(rate_limit.py), duplicate refusal (Comment.clean), and the moderation queue itself.

The timestamp has no expiry: a page may sit in the cache for days, and its
readers must still be able to post. A cached page's timestamp is older than its
reader's visit, so people are never held as too fast because of the cache;
what the rule catches is a script that fetches a page and posts at once.
"""

import time

from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from articles.models import Article

from . import moderation, rate_limit
from .models import Comment, normalize_email

TIMESTAMP_SALT = "comments.form-timestamp"
# The error code the view answers with 429 Too Many Requests.
RATE_LIMITED = "rate_limited"


def sign_timestamp(article: Article, at: float | None = None) -> str:
    """The form's hidden ``timestamp``: when the page was served, for which article, signed."""
    return signing.dumps({"article": article.pk, "at": time.time() if at is None else at}, salt=TIMESTAMP_SALT)


def read_timestamp(article: Article, value: str) -> float | None:
    """The time ``value`` was minted for ``article``, or None when it is forged, garbled or for another article."""
    try:
        payload = signing.loads(value, salt=TIMESTAMP_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(payload, dict) or payload.get("article") != article.pk:
        return None
    at = payload.get("at")
    return float(at) if isinstance(at, (int, float)) else None


class CommentForm(forms.ModelForm):
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
    timestamp = forms.CharField(widget=forms.HiddenInput, error_messages={"required": _("The form is incomplete.")})
    # The honeypot: moved off-screen by CSS, labelled for screen readers as a
    # field to leave empty. Scripts that fill every field give themselves away.
    homepage = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    website = forms.URLField(
        label=_("Website"),
        max_length=200,
        required=False,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"autocomplete": "url"}),
    )
    remember = forms.BooleanField(
        required=False, label=_("Save my name, email, and website in this browser for the next time I comment.")
    )

    class Meta:
        model = Comment
        fields = ["text", "name", "email", "website"]
        labels = {"text": _("Comment"), "name": _("Name"), "email": _("Email")}
        # Shown once above the fields; as help text, Django ties it to the field (aria-describedby).
        help_texts = {"email": _("Your email address will not be published.")}
        widgets = {
            "text": forms.Textarea(attrs={"rows": 8, "cols": 45}),
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }

    def __init__(self, article: Article, *args, ip_address: str | None = None, language: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.article = article
        self.ip_address = ip_address
        # The language of the page the form is posted from: the conversation the comment joins.
        self.language = language or get_language()
        self.parent_comment = None
        self.seconds_taken = 0.0

    # What an unbound form's visible fields look like: the same for every reader,
    # article and language, so rendered once per process rather than through
    # the widget templates on every page.
    _unbound_widgets: dict[str, str] = {}
    RENDERED_ONCE = ("text", "name", "email", "website", "homepage", "remember")

    @property
    def widgets_html(self) -> dict[str, str]:
        """The visible fields' widgets as HTML, for the template (``form.widgets_html.text``)."""
        if self.is_bound:
            return {name: str(self[name]) for name in self.RENDERED_ONCE}
        if not CommentForm._unbound_widgets:
            CommentForm._unbound_widgets = {name: str(self[name]) for name in self.RENDERED_ONCE}
        return CommentForm._unbound_widgets

    @property
    def timestamp_value(self) -> str:
        """The timestamp to put back into a re-rendered form: the reader's own if it was good, else a new one."""
        if self.is_bound and "timestamp" not in self.errors and self.data.get("timestamp"):
            return self.data["timestamp"]
        return sign_timestamp(self.article)

    def clean_homepage(self):
        if self.cleaned_data["homepage"]:
            raise forms.ValidationError(_("This field must be left empty. Please clear it and post again."))
        return ""

    def clean_timestamp(self):
        served_at = read_timestamp(self.article, self.cleaned_data["timestamp"])
        if served_at is None:
            raise forms.ValidationError(_("This form is out of date or was altered. Please post your comment again."))
        self.seconds_taken = time.time() - served_at
        return self.cleaned_data["timestamp"]

    def clean_parent(self):
        pk = self.cleaned_data["parent"]
        if pk is None:
            return None
        # A comment of another language's conversation is not on this page: no reply to it from here.
        replies_allowed = Comment.objects.public().for_language(self.language)
        parent = replies_allowed.filter(pk=pk, article=self.article).first()
        if parent is None:
            raise forms.ValidationError(
                _("You can only reply to a published comment on this article."), code="invalid_parent"
            )
        if parent.depth >= settings.COMMENTS_MAX_DEPTH:
            raise forms.ValidationError(
                _("This conversation cannot be nested any deeper. Please reply to an earlier comment."),
                code="too_deep",
            )
        self.parent_comment = parent
        return pk

    def clean_email(self):
        return normalize_email(self.cleaned_data["email"])

    def clean(self):
        cleaned = super().clean()
        email, text = cleaned.get("email"), cleaned.get("text")
        # Exact duplicates are the model's rule (Comment.clean); flooding is about the request.
        if email and text and moderation.is_flooding(self.ip_address, email):
            raise forms.ValidationError(
                _("You are posting comments too quickly. Please wait a few seconds and try again."), code="flood"
            )
        # Last, so that only a post that would otherwise be stored uses up one of the hour's comments.
        if not self.errors and not rate_limit.take_comment_slot(self.ip_address):
            raise forms.ValidationError(
                _(
                    "Too many comments have come from your connection in the last hour. "
                    "Your comment is kept below: please post it again later."
                ),
                code=RATE_LIMITED,
            )
        return cleaned

    def _post_clean(self):
        self.instance.article = self.article
        super()._post_clean()

    def save(self, user_agent: str = "") -> Comment:
        """Stores the comment with its moderation status; the caller handles IntegrityError from a duplicate race."""
        comment = super().save(commit=False)
        comment.parent = self.parent_comment
        comment.language = self.language  # a reply takes its parent's, when it has one (Comment.save)
        comment.ip_address = self.ip_address
        comment.user_agent = user_agent
        moderation.moderate(comment, self.seconds_taken)
        comment.save()
        return comment
