"""
The workflow in the article admin: ArticleAdmin takes ``WorkflowAdmin`` as a
base. Every path (list, form, actions, history, previews) asks
articles.workflow who may do what, and states move through workflow.move();
this module only says how the admin shows it.
"""

import copy
import datetime
import time

from django import forms
from django.contrib import admin, messages
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from . import workflow
from .models import Article, Correction, site_languages

Status = Article.Status

# How long "also open" notices last: an editor who opened the form this long
# ago and has not saved is taken to have left it.
EDITING_SECONDS = 15 * 60


class StateFilter(admin.SimpleListFilter):
    """Each state with how many articles are in it; "In review" is the editors' review queue."""

    title = _("status")
    parameter_name = "state"

    def conditions(self) -> dict[str, Q]:
        now = timezone.now()
        return {
            Status.DRAFT: Q(status=Status.DRAFT),
            Status.IN_REVIEW: Q(status=Status.IN_REVIEW),
            "scheduled": Q(status=Status.PUBLISHED, published_at__gt=now),
            Status.PUBLISHED: Article.published_q(now=now),
            "expired": Q(status=Status.PUBLISHED, published_at__lte=now, expires_at__lte=now),
            Status.UNPUBLISHED: Q(status=Status.UNPUBLISHED),
        }

    def labels(self):
        return {
            Status.DRAFT: Status.DRAFT.label,
            Status.IN_REVIEW: Status.IN_REVIEW.label,
            "scheduled": _("Scheduled"),
            Status.PUBLISHED: Status.PUBLISHED.label,
            "expired": _("Expired"),
            Status.UNPUBLISHED: Status.UNPUBLISHED.label,
        }

    def lookups(self, request, model_admin):
        # One query for every count, over the articles this user may open.
        counts = workflow.articles_open_to(request.user).aggregate(
            **{state: Count("pk", filter=condition) for state, condition in self.conditions().items()}
        )
        return [(state, f"{label} ({counts[state]})") for state, label in self.labels().items()]

    def queryset(self, request, queryset):
        condition = self.conditions().get(self.value())
        return queryset.filter(condition) if condition is not None else queryset


class CorrectionInline(admin.StackedInline):
    """Dated notes readers see under a published article; editors only (the Authors group lacks the permission)."""

    model = Correction
    extra = 0
    verbose_name_plural = _("corrections and updates shown to readers")

    def get_fields(self, request, obj=None):
        return ["kind", "created_at", *(f"text_{language}" for language in site_languages())]


class OptimisticLockForm(forms.ModelForm):
    """
    The article form remembers which save of the article it was opened on
    (``lock_version``). Saving over a newer save is refused with a message;
    the editor's input stays in the form, the other version in the database,
    and the form now carries the newer count, so a second save is a choice.
    """

    def clean(self):
        cleaned = super().clean()
        opened_on = cleaned.get("lock_version")
        if not self.instance.pk or "lock_version" not in self.fields or opened_on is None:
            return cleaned
        # Locked until this request's transaction ends, so two saves cannot both pass (PostgreSQL).
        stored = (
            Article.objects.select_for_update(of=("self",))
            .filter(pk=self.instance.pk)
            .values("lock_version", "updated_at", "updated_by__username")
            .first()
        )
        if stored is None or stored["lock_version"] == opened_on:
            return cleaned
        self.data = self.data.copy()
        self.data[self.add_prefix("lock_version")] = stored["lock_version"]
        change_url = reverse("admin:articles_article_change", args=[self.instance.pk])
        raise ValidationError(
            format_html(
                _(
                    "{editor} saved this article at {time}, after you opened it. Your changes are below and are "
                    'not saved yet; <a href="{url}" target="_blank" rel="noopener">open their version</a> '
                    "in a new tab to compare. Saving again replaces their version with yours."
                ),
                editor=stored["updated_by__username"] or _("Someone"),
                time=date_format(timezone.localtime(stored["updated_at"]), "H:i"),
                url=change_url,
            ),
            code="stale",
        )


class WorkflowAdmin:
    """ArticleAdmin's workflow: who sees what, the states, actions, previews and locking."""

    form = OptimisticLockForm
    actions = ["submit_for_review", "publish", "return_to_draft", "unpublish"]

    # The list

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        return queryset if workflow.is_editor(request.user) else queryset.written_by(request.user)

    def get_list_filter(self, request):
        return [StateFilter if name == "status" else name for name in super().get_list_filter(request)]

    @admin.display(description=_("status"), ordering="status")
    def publication_state(self, article):
        return article.state_label()

    # One article

    def get_object(self, request, object_id, from_field=None):
        """Another writer's article answers 403 to an author, not "does not exist"."""
        article = super().get_object(request, object_id, from_field)
        if article is None and not workflow.is_editor(request.user):
            field = from_field or "pk"
            try:
                if Article.objects.filter(**{field: object_id}).exists():
                    raise PermissionDenied
            except (ValueError, ValidationError):
                return None
        return article

    def has_view_permission(self, request, article=None):
        return super().has_view_permission(request, article) and (
            article is None or workflow.may_open(request.user, article)
        )

    def has_change_permission(self, request, article=None):
        return super().has_change_permission(request, article) and (
            article is None or workflow.may_edit(request.user, article)
        )

    def has_delete_permission(self, request, article=None):
        return super().has_delete_permission(request, article) and (
            article is None or workflow.may_edit(request.user, article)
        )

    def has_publish_permission(self, request):
        return workflow.is_editor(request.user)

    def has_submit_permission(self, request):
        return self.has_change_permission(request)

    def get_fieldsets(self, request, article=None):
        fieldsets = copy.deepcopy(super().get_fieldsets(request, article))
        editable = article is None or self.has_change_permission(request, article)
        for _name, options in fieldsets:
            fields = list(options["fields"])
            if "published_at" in fields:
                fields.insert(fields.index("published_at") + 1, "expires_at")
                if editable:  # a read-only view has nothing to save, so no version to carry
                    fields.append("lock_version")
                options["fields"] = fields
        if article is not None:
            workflow_fields = ["workflow_history"]
            if workflow.is_editor(request.user):
                workflow_fields.append("shareable_preview")
            fieldsets.append((_("Workflow"), {"fields": workflow_fields}))
        return fieldsets

    def get_readonly_fields(self, request, article=None):
        readonly = [*super().get_readonly_fields(request, article), "workflow_history", "shareable_preview"]
        if not workflow.is_editor(request.user):
            # Dates decide when readers see the article: scheduling is publishing.
            readonly += ["published_at", "expires_at"]
        return readonly

    def get_inlines(self, request, article):
        return [*super().get_inlines(request, article), CorrectionInline]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "lock_version":
            return forms.IntegerField(widget=forms.HiddenInput, min_value=0)
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_form(self, request, article=None, **kwargs):
        form = super().get_form(request, article, **kwargs)
        if "lock_version" in form.base_fields:
            # A new article has nobody else's save to overwrite.
            form.base_fields["lock_version"].required = article is not None
        status = form.base_fields.get("status")
        if status is not None:
            # Only the states this user may choose are offered; any other sent
            # anyway reaches workflow.move(), which refuses it (403).
            subject = article or Article(created_by=request.user)
            offered = workflow.states_open_to(request.user, subject)
            status.widget.choices = [(value, label) for value, label in status.choices if value in offered]
        return form

    def save_model(self, request, article, form, change):
        """Saves the text in the stored state, then makes the chosen move through the workflow (which may refuse)."""
        target = article.status
        article.status = form.initial.get("status", Status.DRAFT) if change else Status.DRAFT
        if not change:
            article.created_by = request.user
        article.updated_by = request.user
        super().save_model(request, article, form, change)
        workflow.move(article, target, by=request.user)
        stop_editing(article, request.user)

    def view_on_site(self, article):
        """Public articles open on the site; drafts, scheduled and expired ones in the preview."""
        language = next(iter(article.available_languages()), None)
        if language is None:
            return None
        return article.get_absolute_url(language) if article.is_public else article.get_preview_url(language)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "GET":
            article = self.get_object(request, object_id)
            if article is not None and self.has_view_or_change_permission(request, article):
                for name, opened_at in start_editing(article, request.user):
                    messages.warning(
                        request,
                        _("%(name)s has had this article open since %(time)s.")
                        % {"name": name, "time": date_format(timezone.localtime(opened_at), "H:i")},
                    )
        return super().change_view(request, object_id, form_url, extra_context)

    @admin.display(description=_("workflow history"))
    def workflow_history(self, article):
        changes = article.state_changes.select_related("changed_by")
        if not changes:
            return _("No moves yet.")
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                "<li>{}: {} → {} · {}</li>",
                (
                    (
                        date_format(timezone.localtime(change.created_at), "d / m / Y H:i"),
                        change.get_from_status_display() or "—",
                        change.get_to_status_display(),
                        change.changed_by.get_username() if change.changed_by else "—",
                    )
                    for change in changes
                ),
            ),
        )

    @admin.display(description=_("shareable preview"))
    def shareable_preview(self, article):
        if article is None or article.pk is None:
            return "—"
        links = format_html_join(
            " · ",
            '<a href="{}" class="shared-preview-link" hreflang="{}">{}</a>',
            (
                (workflow.shared_preview_url(article, code), code, code.upper())
                for code in article.available_languages()
            ),
        )
        expires = timezone.localtime(timezone.now() + workflow.preview_link_lifetime())
        return format_html(
            '{} <p class="help">{}</p><p><a href="{}">{}</a></p>',
            links or _("The article has no complete language yet."),
            _("Anyone with a link reads the article without signing in, until %(time)s.")
            % {"time": date_format(expires, "d / m / Y H:i")},
            reverse("admin:articles_article_preview_link", args=[article.pk]),
            _("Revoke the links given so far"),
        )

    # Extra pages

    def get_urls(self):
        renew = path(
            "<path:object_id>/preview-link/",
            self.admin_site.admin_view(self.preview_link_view),
            name="articles_article_preview_link",
        )
        return [renew, *super().get_urls()]

    def preview_link_view(self, request, object_id):
        """Asks, then renews the article's preview key: every link given so far stops working."""
        article = self.get_object(request, object_id)
        if article is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not (self.has_publish_permission(request) and self.has_change_permission(request, article)):
            raise PermissionDenied
        change_url = reverse("admin:articles_article_change", args=[article.pk])
        if request.method == "POST":
            workflow.renew_preview_key(article)
            self.message_user(request, _("The shareable preview links given so far no longer open the article."))
            return redirect(change_url)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Revoke the shareable preview links?"),
            "opts": self.opts,
            "article": article,
            "change_url": change_url,
        }
        return TemplateResponse(request, "admin/articles/article/preview_link.html", context)

    def changelist_view(self, request, extra_context=None):
        # An action this user is not offered, sent anyway, is refused outright
        # rather than answered "no action selected".
        chosen = request.POST.get("action") if request.method == "POST" else None
        if chosen and chosen not in self.get_actions(request):
            raise PermissionDenied
        return super().changelist_view(request, extra_context)

    # Actions

    def move_each(self, request, queryset, to, done_message, refused_message=None):
        refused_message = refused_message or _("“%(article)s” was not moved: %(reasons)s")
        moved = 0
        for article in queryset:
            try:
                moved += workflow.move(article, to, by=request.user) is not None
            except ValidationError as error:
                reasons = " ".join(message for messages in error.message_dict.values() for message in messages)
                self.message_user(request, refused_message % {"article": article, "reasons": reasons}, messages.ERROR)
            except PermissionDenied:
                self.message_user(
                    request,
                    _("“%(article)s” was not moved: only editors may do that now.") % {"article": article},
                    messages.ERROR,
                )
        if moved:
            self.message_user(request, done_message % {"count": moved})

    @admin.action(description=_("Submit selected articles for review"), permissions=["submit"])
    def submit_for_review(self, request, queryset):
        self.move_each(request, queryset, Status.IN_REVIEW, _("Submitted %(count)d articles for review."))

    @admin.action(description=_("Publish selected articles"), permissions=["publish"])
    def publish(self, request, queryset):
        """Publishes each article that passes the same checks as the form; names the others and why."""
        self.move_each(
            request,
            queryset,
            Status.PUBLISHED,
            _("Published %(count)d articles."),
            _("“%(article)s” was not published: %(reasons)s"),
        )

    @admin.action(description=_("Return selected articles to draft"), permissions=["submit"])
    def return_to_draft(self, request, queryset):
        self.move_each(request, queryset, Status.DRAFT, _("Returned %(count)d articles to draft."))

    @admin.action(description=_("Unpublish selected articles"), permissions=["publish"])
    def unpublish(self, request, queryset):
        self.move_each(request, queryset, Status.UNPUBLISHED, _("Unpublished %(count)d articles."))


# Who else has an article's form open: a note per article in the shared cache
# (Redis with several app servers), written when a form is opened and struck
# out when its editor saves. Cheap, and only ever a hint.


def editing_key(article) -> str:
    return f"article-editing:{article.pk}"


def start_editing(article, user) -> list[tuple[str, float]]:
    """Notes that ``user`` opened the form; returns the others who did recently, with when."""
    now = time.time()
    notes = {
        pk: (name, opened)
        for pk, (name, opened) in (cache.get(editing_key(article)) or {}).items()
        if opened > now - EDITING_SECONDS
    }
    others = [
        (name, datetime.datetime.fromtimestamp(opened, tz=datetime.UTC))
        for pk, (name, opened) in notes.items()
        if pk != user.pk
    ]
    notes[user.pk] = (user.get_full_name() or user.get_username(), now)
    cache.set(editing_key(article), notes, EDITING_SECONDS)
    return others


def stop_editing(article, user) -> None:
    notes = cache.get(editing_key(article)) or {}
    if notes.pop(user.pk, None) is not None:
        cache.set(editing_key(article), notes, EDITING_SECONDS)
