from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CrawlersConfig(AppConfig):
    name = "crawlers"

    def ready(self):
        from django.apps import apps

        from .site import follow_site_url

        # Sent for apps with models only, so on the sites app's behalf; after its
        # own receiver has made the default row (it is ready before this app).
        sites = apps.get_app_config("sites")
        post_migrate.connect(follow_site_url, sender=sites, dispatch_uid="crawlers-follow-site-url")
