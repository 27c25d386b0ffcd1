"""
The article admin's versions: every save from the admin keeps one, and the
history page lists them, compares any two and restores one.

Who may do what is asked of the admin itself, so that any rule the article
admin states about a user and an article applies here too: the history and
the comparisons need ``has_change_permission(request, article)`` (the
``articles.change_article`` permission and whatever the admin adds for that
article), and restoring needs that and ``articles.restore_article`` as well.
"""

import reversion
from django.contrib import messages
from django.contrib.admin.utils import construct_change_message, unquote
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from reversion.errors import RevertError

from . import revisions

VERSIONS_PER_PAGE = 50
# A version stored by an older form of the article that the current code cannot read.
UNREADABLE = gettext_lazy("This version can no longer be read.")


class RevisionsAdmin:
    """A ModelAdmin mixin for Article: versions kept on save, the history page, comparison and restore."""

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method != "POST":
            return super().changeform_view(request, object_id, form_url, extra_context)
        # The version is added by save_related(), once bylines and tags are saved too.
        with reversion.create_revision(manage_manually=True):
            return super().changeform_view(request, object_id, form_url, extra_context)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        comment = construct_change_message(form, formsets, not change)
        revisions.keep_version(form.instance, request.user, revisions.json_comment(comment))

    def changelist_view(self, request, extra_context=None):
        if request.method != "POST":
            return super().changelist_view(request, extra_context)
        # Actions save articles too; each saved article is kept as it is then.
        with reversion.create_revision():
            if request.user.is_authenticated:
                reversion.set_user(request.user)
            status = str(self.opts.get_field("status").verbose_name)
            reversion.set_comment(revisions.json_comment([{"changed": {"fields": [status]}}]))
            return super().changelist_view(request, extra_context)

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        own = [
            path(
                "<path:object_id>/history/compare/",
                self.admin_site.admin_view(self.compare_view),
                name="%s_%s_compare" % info,
            ),
            path(
                "<path:object_id>/history/<int:version_id>/restore/",
                self.admin_site.admin_view(self.restore_view),
                name="%s_%s_restore" % info,
            ),
        ]
        return own + super().get_urls()

    def article_for_history(self, request, object_id):
        """The article, if this user may edit it; else 404 (unknown) or 403."""
        article = self.get_object(request, unquote(object_id))
        if article is None:
            raise Http404(_("No article has this number."))
        if not self.has_change_permission(request, article):
            raise PermissionDenied
        return article

    def can_restore(self, request, article) -> bool:
        return request.user.has_perm("articles.restore_article") and self.has_change_permission(request, article)

    def history_view(self, request, object_id, extra_context=None):
        article = self.article_for_history(request, object_id)
        versions = revisions.versions_of(article)
        page = Paginator(versions, VERSIONS_PER_PAGE).get_page(request.GET.get("page"))
        total = page.paginator.count
        start = total - (page.number - 1) * VERSIONS_PER_PAGE
        rows = [
            {
                "version": version,
                "number": start - offset,
                "date": revisions.version_date(version),
                "user": version.revision.user,
                "comment": revisions.describe(version),
            }
            for offset, version in enumerate(page.object_list)
        ]
        context = {
            **self.admin_site.each_context(request),
            "title": _("History of “%(article)s”") % {"article": article},
            "subtitle": None,
            "opts": self.opts,
            "original": article,
            "object": article,
            "rows": rows,
            "page": page,
            "can_restore": self.can_restore(request, article),
            **(extra_context or {}),
        }
        return TemplateResponse(request, "admin/articles/article/history.html", context)

    def compare_view(self, request, object_id):
        article = self.article_for_history(request, object_id)
        history_url = reverse("admin:articles_article_history", args=[article.pk])
        wanted = {_version_id(request.GET.get("from")), _version_id(request.GET.get("to"))}
        if None in wanted:
            messages.error(request, _("Choose two versions to compare."))
            return HttpResponseRedirect(history_url)
        if len(wanted) != 2:
            messages.error(request, _("Choose two different versions to compare."))
            return HttpResponseRedirect(history_url)
        versions = list(revisions.versions_of(article).filter(pk__in=wanted).order_by("pk"))
        if len(versions) != 2:
            raise Http404(_("This article has no such version."))
        numbers = _numbers(article, versions)
        older, newer = versions
        try:
            comparison = revisions.compare(revisions.snapshot_of_version(older), revisions.snapshot_of_version(newer))
        except RevertError:
            messages.error(request, UNREADABLE)
            return HttpResponseRedirect(history_url)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Changes to “%(article)s”") % {"article": article},
            "subtitle": None,
            "opts": self.opts,
            "original": article,
            "older": {"version": older, "number": numbers[older.pk], "date": revisions.version_date(older)},
            "newer": {"version": newer, "number": numbers[newer.pk], "date": revisions.version_date(newer)},
            "comparison": comparison,
            "can_restore": self.can_restore(request, article),
        }
        return TemplateResponse(request, "admin/articles/article/compare.html", context)

    def restore_view(self, request, object_id, version_id):
        article = self.article_for_history(request, object_id)
        if not self.can_restore(request, article):
            raise PermissionDenied
        version = get_object_or_404(revisions.versions_of(article), pk=version_id)
        number = _numbers(article, [version])[version.pk]
        history_url = reverse("admin:articles_article_history", args=[article.pk])
        try:
            comparison = revisions.compare(
                revisions.snapshot_of_article(article), revisions.snapshot_of_version(version)
            )
        except RevertError:
            messages.error(request, UNREADABLE)
            return HttpResponseRedirect(history_url)
        if request.method == "POST":
            try:
                revisions.restore(article, version, request.user, number)
            except revisions.RestoreError as error:
                messages.error(
                    request,
                    _("Version %(number)s was not restored: %(reasons)s")
                    % {"number": number, "reasons": " ".join(error.messages)},
                )
            else:
                messages.success(request, _("Version %(number)s was restored.") % {"number": number})
                return HttpResponseRedirect(reverse("admin:articles_article_change", args=[article.pk]))
        context = {
            **self.admin_site.each_context(request),
            "title": _("Restore version %(number)s of “%(article)s”?") % {"number": number, "article": article},
            "subtitle": None,
            "opts": self.opts,
            "original": article,
            "version": version,
            "number": number,
            "date": revisions.version_date(version),
            "comparison": comparison,
        }
        return TemplateResponse(request, "admin/articles/article/restore.html", context)


def _version_id(value: str | None) -> int | None:
    """A version number as sent in a query string, or None when it cannot be one."""
    if value is None or not value.isascii() or not value.isdigit() or len(value) > 18:
        return None
    return int(value)


def _numbers(article, versions) -> dict[int, int]:
    """Each version's number in the article's history, 1 being the first: one query for all of them."""
    counts = revisions.versions_of(article).aggregate(
        **{f"v{version.pk}": Count("pk", filter=Q(pk__lte=version.pk)) for version in versions}
    )
    return {version.pk: counts[f"v{version.pk}"] for version in versions}
