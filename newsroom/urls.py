from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path
from django.views.static import serve

from newsroom.admin_views import view_on_site


def favicon(request):
    """Browsers ask for /favicon.ico on pages that name no icon, the admin's included."""
    return redirect(static("favicon.svg"), permanent=True)


urlpatterns = [
    # Before the admin's own, which would tell any staff member where any object lives.
    path("admin/r/<path:content_type_id>/<path:object_id>/", admin.site.admin_view(view_on_site)),
    path("admin/", admin.site.urls),
    path("favicon.ico", favicon),
    # robots.txt and the sitemaps, at the root where crawlers look for them.
    path("", include("crawlers.urls")),
]

urlpatterns += i18n_patterns(
    # Under the language prefix, so a refused comment is answered in the reader's
    # language; "comments" is a reserved section slug (articles.models).
    path("comments/", include("comments.urls")),
    # Before articles.urls, whose section and article patterns would take "<section>/feed/".
    path("", include("feeds.urls")),
    # Before articles.urls, whose section pattern takes any first segment.
    path("", include("search.urls")),
    path("", include("articles.urls")),
    prefix_default_language=True,
)

if settings.DEBUG:
    urlpatterns += [path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT})]
