from django.urls import path, register_converter

from . import views


class UnicodeSlugConverter:
    """Slugs in any script: Armenian-script slugs are as valid as Latin ones."""

    regex = r"[-\w]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(UnicodeSlugConverter, "uslug")

app_name = "articles"
urlpatterns = [
    path("", views.home, name="home"),
    path("tags/<uslug:slug>/", views.tag_detail, name="tag"),
    path("authors/<uslug:slug>/", views.author_detail, name="author"),
    path("preview/<int:pk>/", views.article_preview, name="preview"),
    path("preview/shared/<str:token>/", views.shared_preview, name="shared_preview"),
    path("<int:year>/<int:month>/", views.month_archive, name="month"),
    path("<uslug:section_slug>/", views.section_detail, name="section"),
    path("<uslug:section_slug>/<uslug:slug>/", views.article_detail, name="article"),
]
