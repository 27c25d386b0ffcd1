"""Which fields are written once per site language (django-modeltranslation)."""

from django.conf import settings
from modeltranslation.translator import TranslationOptions, register

from .models import Article, Author, Correction, Section, Tag


class TranslatedWithSlug(TranslationOptions):
    # An empty slug is stored as NULL so that many rows may lack one language
    # while slugs stay unique within each language.
    empty_values = {"slug": None}


@register(Section)
class SectionTranslationOptions(TranslatedWithSlug):
    fields = ("name", "slug", "description")
    required_languages = {settings.LANGUAGE_CODE: ("name",)}


@register(Author)
class AuthorTranslationOptions(TranslatedWithSlug):
    fields = ("name", "slug", "bio")
    required_languages = {settings.LANGUAGE_CODE: ("name",)}


@register(Tag)
class TagTranslationOptions(TranslatedWithSlug):
    fields = ("name", "slug")
    required_languages = {settings.LANGUAGE_CODE: ("name",)}


@register(Article)
class ArticleTranslationOptions(TranslatedWithSlug):
    fields = ("title", "slug", "summary", "body", "image_caption", "image_alt", "image_credit", "text_edited_at")


@register(Correction)
class CorrectionTranslationOptions(TranslationOptions):
    fields = ("text",)
