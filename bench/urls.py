from django.conf.urls.i18n import i18n_patterns
from django.urls import path

from newsroom.urls import urlpatterns as site_urlpatterns

from .floor import floor_article, floor_handler

# The floors come first: the site's section pattern would take /en/bench-handler-floor/.
urlpatterns = [
    *i18n_patterns(
        path("bench-floor/<uslug:section_slug>/<uslug:slug>/", floor_article),
        path("bench-handler-floor/", floor_handler),
        prefix_default_language=True,
    ),
    *site_urlpatterns,
]
