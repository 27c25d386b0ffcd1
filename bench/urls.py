from django.conf.urls.i18n import i18n_patterns
from django.urls import path

from newsroom.urls import urlpatterns as site_urlpatterns

from .floor import floor_article

urlpatterns = [
    *site_urlpatterns,
    *i18n_patterns(path("bench-floor/<uslug:section_slug>/<uslug:slug>/", floor_article), prefix_default_language=True),
]
