from django.apps import AppConfig
from django.db.models.signals import post_delete
from django.utils.translation import gettext_lazy as _


class ImagesConfig(AppConfig):
    name = "images"
    verbose_name = _("Images")

    def ready(self):
        from .models import delete_image_files, image_models

        # Every app's models are loaded before any ready(), so each subclass is found here.
        for model in image_models():
            post_delete.connect(
                delete_image_files, sender=model, dispatch_uid=f"delete_image_files_{model._meta.label}"
            )
