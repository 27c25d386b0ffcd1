"""
Makes renditions for pictures that have none: those uploaded before renditions
existed, or whose renditions were lost. With --all, remakes every picture's
(after RENDITION_WIDTHS changes, say). Each picture goes through the same
path as a new upload, so its old files are removed once the new ones are saved.
"""

import posixpath

from django.core.files import File
from django.core.management.base import BaseCommand
from django.db import transaction

from articles.models import Article, InlineImage


class Command(BaseCommand):
    help = "Make renditions for pictures that have none (or, with --all, for every picture)."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Remake the renditions of every picture.")

    def handle(self, *args, all=False, **options):
        made = 0
        for model in (Article, InlineImage):
            pictures = model.objects.exclude(image="")
            if not all:
                pictures = pictures.filter(image_renditions=[])
            for picture in pictures.iterator():
                with transaction.atomic(), picture.image.storage.open(picture.image.name, "rb") as current:
                    # Handed over as a new upload, it is decoded, stripped and stored like one.
                    picture.image = File(current, name=posixpath.basename(picture.image.name))
                    picture.save()
                made += 1
        self.stdout.write(f"Made renditions for {made} pictures.")
