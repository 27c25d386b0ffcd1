from django.contrib import admin
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin
from modeltranslation.utils import build_localized_fieldname

from .models import Article, Author, Byline, Section, Tag, site_languages


def in_every_language(*fields: str) -> list[str]:
    """
    Each field's column in every site language. A plain "title" would search
    only the admin's own language, so an Armenian title was not found from
    the English admin.
    """
    return [build_localized_fieldname(field, code) for field in fields for code in site_languages()]


class TransliteratingSlugs:
    """
    Armenian titles prefill a Latin slug (static/admin/js/transliterate.js).

    The admins use modeltranslation's plain TranslationAdmin, each language's
    field next to the other's: its tabbed variant loads jQuery UI from a CDN,
    and nothing on this site may load from outside it.
    """

    class Media:
        js = ["admin/js/urlify.js", "admin/js/transliterate.js"]


@admin.register(Section)
class SectionAdmin(TransliteratingSlugs, TranslationAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    search_fields = in_every_language("name", "slug")
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Author)
class AuthorAdmin(TransliteratingSlugs, TranslationAdmin):
    list_display = ["name", "slug"]
    search_fields = in_every_language("name", "bio")
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Tag)
class TagAdmin(TransliteratingSlugs, TranslationAdmin):
    list_display = ["name", "slug"]
    search_fields = in_every_language("name")
    prepopulated_fields = {"slug": ["name"]}


class BylineInline(admin.TabularInline):
    model = Byline
    extra = 0
    min_num = 1
    validate_min = True
    autocomplete_fields = ["author"]
    verbose_name_plural = _("authors, in byline order")


@admin.register(Article)
class ArticleAdmin(TransliteratingSlugs, TranslationAdmin):
    list_display = ["title", "status", "section", "published_at", "translations"]
    list_filter = ["status", "section", "tags", "allow_comments"]
    list_select_related = ["section"]
    search_fields = in_every_language("title", "summary", "body")
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["tags"]
    inlines = [BylineInline]
    readonly_fields = ["created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "body"]}),
        (_("Placement"), {"fields": ["section", "tags"]}),
        (_("Featured image"), {"fields": ["image", "image_caption", "image_alt", "image_credit"]}),
        (_("Publishing"), {"fields": ["status", "published_at", "allow_comments", "created_at", "updated_at"]}),
    ]
    actions = ["publish", "unpublish"]

    @admin.display(description=_("translations"))
    def translations(self, article):
        return format_html_join(
            " ",
            '<span title="{}">{} {}</span>',
            (
                (
                    _("complete") if article.is_available_in(code) else _("missing title, slug or body"),
                    code.upper(),
                    "✓" if article.is_available_in(code) else "✗",
                )
                for code in site_languages()
            ),
        )

    def get_readonly_fields(self, request, article=None):
        if request.user.has_perm("articles.publish_article"):
            return self.readonly_fields
        return [*self.readonly_fields, "status"]

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not request.user.has_perm("articles.publish_article"):
            actions.pop("publish", None)
            actions.pop("unpublish", None)
        return actions

    def view_on_site(self, article):
        """Public articles open on the site; drafts and scheduled ones in the preview."""
        language = next(iter(article.available_languages()), None)
        if language is None:
            return None
        return article.get_absolute_url(language) if article.is_public else article.get_preview_url(language)

    @admin.action(description=_("Publish selected articles"), permissions=["change"])
    def publish(self, request, queryset):
        for article in queryset:
            article.status = Article.Status.PUBLISHED
            article.save()
        self.message_user(request, _("Published %(count)d articles.") % {"count": queryset.count()})

    @admin.action(description=_("Return selected articles to draft"), permissions=["change"])
    def unpublish(self, request, queryset):
        for article in queryset:
            article.status = Article.Status.DRAFT
            article.save()
        self.message_user(request, _("Returned %(count)d articles to draft.") % {"count": queryset.count()})
