"""
The article admin's translation work: each article's status per language in
the list (with filters per language), a dashboard of the work to do, the
translator's form (the source language beside the language being written)
and marking a translation as up to date after checking it.

The statuses themselves are the model's (translation_status.py). Access is
asked of the admin: the dashboard lists only what ``get_queryset(request)``
gives this user and needs the change permission; the translator's form needs
``has_change_permission(request, article)``; marking as up to date needs that
and ``articles.confirm_translation`` too.
"""

import reversion
from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import construct_change_message, unquote
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.functional import lazy
from django.utils.html import format_html, format_html_join
from django.utils.translation import get_language_info, gettext_lazy, gettext_noop
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

from . import revisions
from .models import Article, site_languages
from .translation_status import TranslationStatus

# The dashboard's list of work shows this many articles; the filtered article list shows them all.
WORK_LIST_LENGTH = 100

STATUS_MARKS = {
    TranslationStatus.COMPLETE: "✓",
    TranslationStatus.MISSING: "✗",
    TranslationStatus.OUTDATED: "↻",
}


# Django's Armenian catalogue has no name for Armenian itself, and the admin
# names the language being translated; this catalogue gives it.
gettext_noop("Armenian")


def language_name(code: str) -> str:
    """The language's name in the reader's language ("Armenian", "հայերեն")."""
    return get_language_info(code)["name_translated"]


def translation_filter(language: str) -> type[admin.SimpleListFilter]:
    """A list filter for one site language: needs it, outdated in it, complete in it."""

    class TranslationFilter(admin.SimpleListFilter):
        parameter_name = f"translation_{language}"

        def __init__(self, *args, **kwargs):
            self.title = _("%(language)s translation") % {"language": language_name(language)}
            super().__init__(*args, **kwargs)

        def lookups(self, request, model_admin):
            name = language_name(language)
            return [
                (TranslationStatus.MISSING, _("needs %(language)s") % {"language": name}),
                (TranslationStatus.OUTDATED, _("%(language)s outdated") % {"language": name}),
                (TranslationStatus.COMPLETE, _("%(language)s complete") % {"language": name}),
            ]

        def queryset(self, request, queryset):
            return {
                TranslationStatus.MISSING: queryset.missing_in,
                TranslationStatus.OUTDATED: queryset.outdated_in,
                TranslationStatus.COMPLETE: queryset.complete_in,
            }.get(self.value(), lambda _language: queryset)(language)

    TranslationFilter.__name__ = f"TranslationFilter_{language}"
    return TranslationFilter


def mark_up_to_date_action(language: str):
    """An admin action marking the selected articles' translation into ``language`` as up to date."""

    def mark_up_to_date(modeladmin, request, queryset):
        marked = 0
        for article in queryset:
            if article.source_language_for(language) and article.is_written_in(language):
                article.mark_translation_up_to_date(language)
                marked += 1
        modeladmin.message_user(
            request,
            _("Marked the %(language)s translation of %(count)d articles as up to date.")
            % {"language": language_name(language), "count": marked},
        )

    mark_up_to_date.__name__ = f"mark_{language}_up_to_date"
    mark_up_to_date.allowed_permissions = ["confirm_translation"]
    # Translated when the list is shown, in the reader's language, not when the module loads.
    mark_up_to_date.short_description = lazy(_action_name, str)(language)
    return mark_up_to_date


def _action_name(language: str) -> str:
    return _("Mark the %(language)s translation as up to date") % {"language": language_name(language)}


class TranslatorForm(forms.ModelForm):
    """The target language's translated fields of an article, and nothing else."""

    class Meta:
        model = Article
        fields: list[str] = []

    def add_error(self, field, error):
        # The article's rules may name a field of another language, which this
        # form does not hold (an alt text left empty by an import): say it above the form.
        if field is None and hasattr(error, "error_dict"):
            regrouped: dict[str, list] = {}
            for name, errors in error.error_dict.items():
                regrouped.setdefault(name if name in self.fields else NON_FIELD_ERRORS, []).extend(errors)
            error = ValidationError(regrouped)
        super().add_error(field, error)


def translator_form_class(language: str) -> type[TranslatorForm]:
    fields = [build_localized_fieldname(field, language) for field in revisions.TEXT_FIELDS]
    return forms.modelform_factory(Article, form=TranslatorForm, fields=fields)


class TranslationsAdmin:
    """A ModelAdmin mixin for Article: the status column and filters, the dashboard, the translator's form."""

    def get_list_filter(self, request):
        return [*super().get_list_filter(request), *(translation_filter(code) for code in site_languages())]

    def get_actions(self, request):
        actions = super().get_actions(request)
        for code in site_languages():
            action = mark_up_to_date_action(code)
            if self.has_confirm_translation_permission(request):
                actions[action.__name__] = (action, action.__name__, action.short_description)
        return actions

    def has_confirm_translation_permission(self, request, article=None) -> bool:
        return request.user.has_perm("articles.confirm_translation") and self.has_change_permission(request, article)

    @admin.display(description=gettext_lazy("translations"))
    def translations(self, article):
        """Each language's status; each language but the original links to its translator's form."""
        parts = []
        for code, status in article.translation_statuses().items():
            label = _("%(language)s: %(status)s") % {"language": language_name(code), "status": status.label}
            text = f"{code.upper()} {STATUS_MARKS[status]}"
            if article.source_language_for(code):
                url = reverse("admin:articles_article_translate", args=[article.pk, code])
                parts.append(format_html('<a href="{}" title="{}">{}</a>', url, label, text))
            else:
                parts.append(format_html('<span title="{}">{}</span>', label, text))
        return format_html_join(" ", "{}", ((part,) for part in parts))

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        own = [
            path(
                "translations/",
                self.admin_site.admin_view(self.translations_dashboard_view),
                name="%s_%s_translations" % info,
            ),
            path(
                "<path:object_id>/translate/<str:language>/",
                self.admin_site.admin_view(self.translate_view),
                name="%s_%s_translate" % info,
            ),
            path(
                "<path:object_id>/translate/<str:language>/up-to-date/",
                self.admin_site.admin_view(self.mark_up_to_date_view),
                name="%s_%s_translation_up_to_date" % info,
            ),
        ]
        return own + super().get_urls()

    def translations_dashboard_view(self, request):
        """
        Counts per language and status, and the newest articles with a
        translation missing or outdated: three queries whatever the number of
        articles (the counts, the list, and how long it is).
        """
        if not self.has_change_permission(request):
            raise PermissionDenied
        articles = self.get_queryset(request)
        counts = articles.translation_counts()
        work = articles.needing_translation().with_translation_statuses().order_by("-updated_at", "-pk")
        titles = [build_localized_fieldname("title", code) for code in site_languages()]
        rows = [
            {
                "article": article,
                "change_url": reverse("admin:articles_article_change", args=[article.pk]),
                "languages": [
                    {
                        "code": code,
                        "name": language_name(code),
                        "status": TranslationStatus(getattr(article, f"translation_status_{code}")),
                        "url": reverse("admin:articles_article_translate", args=[article.pk, code]),
                    }
                    for code in site_languages()
                    if getattr(article, f"translation_status_{code}") != TranslationStatus.COMPLETE
                ],
            }
            for article in work.only("pk", "original_language", "updated_at", *titles)[:WORK_LIST_LENGTH]
        ]
        changelist = reverse("admin:articles_article_changelist")
        context = {
            **self.admin_site.each_context(request),
            "title": _("Translations"),
            "subtitle": None,
            "opts": self.opts,
            "counts": [
                {
                    "code": code,
                    "name": language_name(code),
                    "statuses": [
                        {
                            "status": status,
                            "count": counts[code][status],
                            "url": f"{changelist}?translation_{code}={status.value}",
                        }
                        for status in TranslationStatus
                    ],
                }
                for code in site_languages()
            ],
            "rows": rows,
            "more": work.count() - len(rows),
        }
        return TemplateResponse(request, "admin/articles/article/translations.html", context)

    def article_to_translate(self, request, object_id, language):
        if language not in site_languages():
            raise Http404(_("This site has no such language."))
        article = self.get_object(request, unquote(object_id))
        if article is None:
            raise Http404(_("No article has this number."))
        if not self.has_change_permission(request, article):
            raise PermissionDenied
        return article

    def translate_view(self, request, object_id, language):
        article = self.article_to_translate(request, object_id, language)
        source = article.source_language_for(language) or next(
            (code for code in site_languages() if code != language and article.is_written_in(code)), None
        )
        form_class = translator_form_class(language)
        form = form_class(request.POST or None, instance=article)
        if request.method == "POST" and form.is_valid():
            with reversion.create_revision(manage_manually=True):
                form.save()
                comment = construct_change_message(form, [], False)
                revisions.keep_version(article, request.user, revisions.json_comment(comment))
            messages.success(
                request, _("The %(language)s translation was saved.") % {"language": language_name(language)}
            )
            return HttpResponseRedirect(request.path)
        outdated = article.outdated_fields(language)
        rows = []
        for field in revisions.TEXT_FIELDS:
            target = form[build_localized_fieldname(field, language)]
            source_value = getattr(article, build_localized_fieldname(field, source)) if source else ""
            target_value = getattr(article, build_localized_fieldname(field, language))
            rows.append(
                {
                    "label": str(Article._meta.get_field(field).verbose_name).capitalize(),
                    "is_body": field == "body",
                    "source": source_value or "",
                    "target": target,
                    "missing": bool(source_value) and not target_value,
                    "outdated": field in outdated,
                }
            )
        status = article.translation_status(language)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Translate “%(article)s” into %(language)s")
            % {"article": article, "language": language_name(language)},
            "subtitle": None,
            "opts": self.opts,
            "original": article,
            "language": {"code": language, "name": language_name(language)},
            "source": {"code": source, "name": language_name(source)} if source else None,
            "status": status,
            "rows": rows,
            "form": form,
            "media": self.media + form.media,
            "other_languages": [
                {"code": code, "name": language_name(code)} for code in site_languages() if code != language
            ],
            "can_mark_up_to_date": status == TranslationStatus.OUTDATED
            and self.has_confirm_translation_permission(request, article),
        }
        return TemplateResponse(request, "admin/articles/article/translate.html", context)

    def mark_up_to_date_view(self, request, object_id, language):
        article = self.article_to_translate(request, object_id, language)
        if request.method != "POST":
            return HttpResponseRedirect(reverse("admin:articles_article_translate", args=[article.pk, language]))
        if not self.has_confirm_translation_permission(request, article):
            raise PermissionDenied
        if article.source_language_for(language) and article.is_written_in(language):
            article.mark_translation_up_to_date(language)
            messages.success(
                request,
                _("The %(language)s translation is marked as up to date.") % {"language": language_name(language)},
            )
        else:
            messages.error(request, _("Only a written translation can be marked as up to date."))
        return HttpResponseRedirect(reverse("admin:articles_article_translate", args=[article.pk, language]))
