"""
Removes image files that no row refers to any more: renditions left by a
save whose transaction was rolled back, files of rows deleted outside Django,
uploads from before renditions existed. Only the folders the image fields of
every image-owning model (images.models.image_models) upload into are
searched, so other media is never touched.
"""

import datetime
import posixpath

from django.core.management.base import BaseCommand
from django.utils import timezone

from images.models import image_models


def referenced_files() -> set[str]:
    names = set()
    for model in image_models():
        owners = model._default_manager.exclude(image="")
        for image, renditions in owners.values_list("image", "image_renditions"):
            names.add(image)
            names.update(rendition["name"] for rendition in renditions or [])
    return names


def image_folders() -> dict[str, object]:
    """
    The top folder each image field uploads into ("articles" for
    "articles/%Y/%m/"), with the storage that field writes to.
    """
    fields = [model._meta.get_field("image") for model in image_models()]
    return {field.upload_to.split("/")[0]: field.storage for field in fields}


def walk(storage, folder: str):
    """Every file under ``folder``, through the storage API (so S3 works too)."""
    if not storage.exists(folder):
        return
    directories, files = storage.listdir(folder)
    for name in files:
        yield posixpath.join(folder, name)
    for directory in directories:
        yield from walk(storage, posixpath.join(folder, directory))


def find_orphans(min_age: datetime.timedelta = datetime.timedelta(hours=1)) -> list[tuple[object, str]]:
    """
    Files under the image folders that no row names, older than ``min_age``
    (a younger file may belong to a save whose transaction is still open),
    each with the storage that holds it.
    """
    referenced = referenced_files()
    cutoff = timezone.now() - min_age
    orphans = []
    for folder, storage in sorted(image_folders().items(), key=lambda item: item[0]):
        for name in walk(storage, folder):
            if name not in referenced and storage.get_modified_time(name) <= cutoff:
                orphans.append((storage, name))
    return orphans


class Command(BaseCommand):
    help = "Delete image files under the image upload folders that no row refers to."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="List the orphaned files without deleting them.")
        parser.add_argument(
            "--min-age",
            type=int,
            default=60,
            metavar="MINUTES",
            help="Leave files younger than this alone (default 60): they may belong to a save in progress.",
        )

    def handle(self, *args, dry_run=False, min_age=60, verbosity=1, **options):
        orphans = find_orphans(datetime.timedelta(minutes=min_age))
        for storage, name in orphans:
            if not dry_run:
                storage.delete(name)
            if verbosity > 1 or dry_run:
                self.stdout.write(name)
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(f"{verb} {len(orphans)} orphaned image files.")
