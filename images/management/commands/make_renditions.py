"""
Makes renditions for images that have none: those uploaded before renditions
existed, or whose renditions were lost. With --all, remakes every image's
(after RENDITION_WIDTHS changes, say). Every model that owns an image is
covered (images.models.image_models). Each image goes through the same path
as a new upload, so its old files are removed once the new ones are saved.
"""

import posixpath

from django.core.files import File
from django.core.management.base import BaseCommand
from django.db import transaction

from images.models import image_models


class Command(BaseCommand):
    help = "Make renditions for images that have none (or, with --all, for every image)."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Remake the renditions of every image.")

    def handle(self, *args, all=False, **options):
        made = 0
        for model in image_models():
            owners = model._default_manager.exclude(image="")
            if not all:
                owners = owners.filter(image_renditions=[])
            for owner in owners.iterator():
                with transaction.atomic(), owner.image.storage.open(owner.image.name, "rb") as current:
                    # Handed over as a new upload, it is decoded, stripped and stored like one.
                    owner.image = File(current, name=posixpath.basename(owner.image.name))
                    owner.save()
                made += 1
        self.stdout.write(f"Made renditions for {made} images.")
