from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationAdmin
from modeltranslation.utils import build_localized_fieldname

from images.admin import ImageThumbnails

from .models import Article, Author, Byline, InlineImage, Section, Tag, site_languages
from .revisions_admin import RevisionsAdmin
from .translations_admin import TranslationsAdmin
from .workflow_admin import WorkflowAdmin


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

    Sections, authors and tags use modeltranslation's plain TranslationAdmin,
    each language's field next to the other's; articles, the long form, group
    the fields by language in tabs (TabbedTranslationAdmin, whose jQuery UI
    is replaced by the site's own static/admin/js/language_tabs.js).
    """

    class Media:
        js = ["admin/js/urlify.js", "admin/js/transliteration_table.js", "admin/js/transliterate.js"]


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
    autocomplete_fields = ["author"]
    verbose_name_plural = _("authors, in byline order")

    def get_formset(self, request, obj=None, **kwargs):
        # The admin passes min_num on but not validate_min, which alone refuses
        # a byline list emptied by deleting rows or by sending none at all.
        return super().get_formset(request, obj, validate_min=True, **kwargs)


@admin.register(Article)
class ArticleAdmin(
    WorkflowAdmin, RevisionsAdmin, TranslationsAdmin, ImageThumbnails, TransliteratingSlugs, TabbedTranslationAdmin
):
    list_display = ["thumbnail", "title", "publication_state", "section", "published_at", "translations"]
    list_display_links = ["thumbnail", "title"]
    list_filter = ["status", "section", "tags", "allow_comments"]
    list_select_related = ["section"]
    search_fields = in_every_language("title", "summary", "body")
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["tags"]
    inlines = [BylineInline]
    readonly_fields = ["created_at", "updated_at", "image_preview"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "body"]}),
        (_("Placement"), {"fields": ["section", "tags"]}),
        (_("Featured image"), {"fields": ["image_preview", "image", "image_caption", "image_alt", "image_credit"]}),
        (
            _("Publishing"),
            {"fields": ["status", "published_at", "allow_comments", "original_language", "created_at", "updated_at"]},
        ),
    ]


class InlineImageUploadForm(forms.ModelForm):
    class Meta:
        model = InlineImage
        fields = ["image", "alt_text"]


@admin.register(InlineImage)
class InlineImageAdmin(ImageThumbnails, admin.ModelAdmin):
    """
    Images for article bodies. The body editor's "Browse..." button opens
    the picker below, which uploads through the same checks and renditions as
    featured images and hands the chosen image back to the editor.
    """

    list_display = ["thumbnail", "__str__", "image_width", "image_height", "created_at"]
    search_fields = ["alt_text", "image"]
    date_hierarchy = "created_at"
    fields = ["image_preview", "image", "alt_text", "articles"]
    readonly_fields = ["image_preview", "articles"]

    @admin.display(description=_("shown in"))
    def articles(self, inline_image):
        used_in = inline_image.used_in() if inline_image and inline_image.pk else []
        if not used_in:
            return _("No article shows this image.")
        return format_html_join(
            ", ", '<a href="{}">{}</a>', ((reverse("admin:articles_article_change", args=[a.pk]), a) for a in used_in)
        )

    def has_delete_permission(self, request, inline_image=None):
        # An image still shown in an article body stays: deleting it would leave a hole in the article.
        if inline_image is not None and inline_image.used_in().exists():
            return False
        return super().has_delete_permission(request, inline_image)

    def get_actions(self, request):
        # Bulk deletion cannot check each image's articles; images are deleted one at a time.
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def get_urls(self):
        picker = path("picker/", self.admin_site.admin_view(self.picker_view), name="articles_inlineimage_picker")
        return [picker, *super().get_urls()]

    def picker_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        callback = request.GET.get("CKEditorFuncNum", "")
        can_upload = self.has_add_permission(request)
        form = InlineImageUploadForm()
        if request.method == "POST":
            if not can_upload:
                raise PermissionDenied
            form = InlineImageUploadForm(request.POST, request.FILES)
            if form.is_valid():
                inline_image = form.save()
                return redirect(f"{request.path}?CKEditorFuncNum={callback}&chosen={inline_image.pk}")
        context = {
            **self.admin_site.each_context(request),
            "title": _("Insert an image"),
            "opts": self.opts,
            "form": form,
            "can_upload": can_upload,
            "callback": callback,
            "chosen": request.GET.get("chosen", ""),
            "inline_images": [i for i in InlineImage.objects.all()[:48] if i.renditions],
            "media": self.media + form.media,
        }
        return TemplateResponse(request, "admin/articles/inlineimage/picker.html", context)
