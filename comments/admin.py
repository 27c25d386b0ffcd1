"""
The moderation queue, the blocklist, and comment counts on the article list.
The articles app knows nothing of comments: its admin is extended from here.
"""

from django.conf import settings
from django.contrib import admin
from django.db import models
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from articles.admin import ArticleAdmin
from articles.models import Article

from .models import QUEUE_ORDER, BlockedWord, Comment, language_name


class StatusFilter(admin.SimpleListFilter):
    """Statuses with how many comments each holds: the queue's counts at a glance."""

    title = _("status")
    parameter_name = "status__exact"

    def lookups(self, request, model_admin):
        counts = dict(Comment.objects.order_by().values_list("status").annotate(n=Count("pk")))
        return [(value, f"{label} ({counts.get(value, 0)})") for value, label in Comment.Status.choices]

    def queryset(self, request, queryset):
        return queryset.filter(status=self.value()) if self.value() else queryset


class LanguageFilter(admin.SimpleListFilter):
    """The conversations of one language page. Offered from the settings, so the sidebar costs no query."""

    title = _("language")
    parameter_name = "language__exact"
    BLANK = "none"

    def lookups(self, request, model_admin):
        return [(code, language_name(code)) for code, _name in settings.LANGUAGES] + [(self.BLANK, language_name(""))]

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset
        return queryset.filter(language="" if self.value() == self.BLANK else self.value())


class ArticleFilter(admin.SimpleListFilter):
    """
    The article a moderator came from (the article list links here). Only the
    chosen article is offered, so the sidebar does not list every article that
    ever had a comment.
    """

    title = _("article")
    parameter_name = "article__id__exact"

    def lookups(self, request, model_admin):
        chosen = Article.objects.filter(pk=self.value()).first() if str(self.value()).isdigit() else None
        return [(str(chosen.pk), str(chosen))] if chosen else []

    def queryset(self, request, queryset):
        return queryset.filter(article_id=self.value()) if str(self.value()).isdigit() else queryset


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = [
        "excerpt",
        "article",
        "in_language",
        "name",
        "email",
        "website",
        "ip_address",
        "created_at",
        "status",
        "on_site",
    ]
    list_display_links = ["excerpt"]
    list_filter = [StatusFilter, LanguageFilter, "hold_reason", "created_at", ArticleFilter]
    list_select_related = ["article__section"]
    search_fields = ["text", "name", "email", "website", "ip_address"]
    date_hierarchy = "created_at"
    actions = ["approve", "unapprove", "mark_spam", "move_to_trash"]
    list_per_page = 50
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fields = [
        "article",
        "in_language",
        "parent",
        "name",
        "email",
        "website",
        "text",
        "status",
        "hold_reason",
        "created_at",
        "approved_at",
        "approved_by",
        "ip_address",
        "user_agent",
    ]
    # Moderators correct what a reader wrote and decide its status; the rest is the record.
    readonly_fields = [field for field in fields if field not in ("name", "email", "website", "text", "status")]

    # The queue: pending comments first, newest first within each group; the
    # comment_queue index (models.py) holds exactly this order.
    ordering = QUEUE_ORDER

    def has_add_permission(self, request):
        # Comments come from readers, through the site's form.
        return False

    @admin.display(description=_("comment"))
    def excerpt(self, comment):
        return Truncator(comment.text).chars(80)

    @admin.display(description=_("language"), ordering="language")
    def in_language(self, comment):
        return comment.get_language_display()

    @admin.display(description=_("on the site"))
    def on_site(self, comment):
        if not comment.is_public:
            return "—"
        return format_html('<a href="{}">{}</a>', comment.get_absolute_url(), _("view"))

    def view_on_site(self, comment):
        return comment.get_absolute_url() if comment.is_public else None

    def save_model(self, request, comment, form, change):
        if "status" in form.changed_data:
            if comment.status == Comment.Status.APPROVED:
                comment.approve(by=request.user)
            else:
                comment.approved_at = comment.approved_by = None
        super().save_model(request, comment, form, change)

    @admin.action(description=_("Approve selected comments"), permissions=["change"])
    def approve(self, request, queryset):
        self._report(request, queryset.approve(by=request.user), _("approved"))

    @admin.action(description=_("Unapprove selected comments"), permissions=["change"])
    def unapprove(self, request, queryset):
        self._report(request, queryset.set_status(Comment.Status.PENDING), _("returned to the queue"))

    @admin.action(description=_("Mark selected comments as spam"), permissions=["change"])
    def mark_spam(self, request, queryset):
        self._report(request, queryset.set_status(Comment.Status.SPAM), _("marked as spam"))

    @admin.action(description=_("Move selected comments to the trash"), permissions=["change"])
    def move_to_trash(self, request, queryset):
        self._report(request, queryset.set_status(Comment.Status.TRASH), _("moved to the trash"))

    def _report(self, request, count, what):
        message = ngettext("%(count)d comment %(what)s.", "%(count)d comments %(what)s.", count)
        self.message_user(request, message % {"count": count, "what": what})


@admin.register(BlockedWord)
class BlockedWordAdmin(admin.ModelAdmin):
    list_display = ["word", "created_at"]
    search_fields = ["word"]


def comment_count(condition: Q) -> Coalesce:
    """How many of the row's comments meet ``condition``, as a correlated subquery."""
    matching = (
        Comment.objects.filter(condition, article=OuterRef("pk")).order_by().values("article").annotate(n=Count("pk"))
    )
    return Coalesce(Subquery(matching.values("n")), 0)


class ArticleWithCommentsAdmin(ArticleAdmin):
    """The editors' article list, with each article's comments counted and linked."""

    list_display = [*ArticleAdmin.list_display, "comments"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                # Subqueries rather than a join and GROUP BY: counted for the page's rows only.
                approved_comments=comment_count(Comment.public_q()),
                pending_comments=comment_count(Q(status=Comment.Status.PENDING)),
            )
        )

    @admin.display(description=_("comments"))
    def comments(self, article):
        changelist = reverse("admin:comments_comment_changelist")
        return format_html(
            '<a href="{}?article__id__exact={}&amp;status__exact=approved">{}</a> · '
            '<a href="{}?article__id__exact={}&amp;status__exact=pending">{}</a>',
            changelist,
            article.pk,
            _("%(count)d approved") % {"count": article.approved_comments},
            changelist,
            article.pk,
            _("%(count)d pending") % {"count": article.pending_comments},
        )


admin.site.unregister(Article)
admin.site.register(Article, ArticleWithCommentsAdmin)
