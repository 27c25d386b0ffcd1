"""
Files in and out of storage. Everything goes through the Django storage the
field names (so S3 or any other backend is a STORAGES setting), and nothing
is deleted before the database change that dropped it is committed: a rolled
back save must never leave a row naming a file that is gone.
"""

import posixpath
import secrets

from django.core.files.base import ContentFile
from django.db import transaction

from .encoding import Encoded

EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}


def store_renditions(encoded: list[Encoded], storage, name: str) -> tuple[str, list[dict]]:
    """
    Save ``encoded`` through ``storage`` next to ``name``; return the master's
    stored name and the renditions' metadata for the database.
    """
    # A fresh token per save: a replaced image never reuses a cached URL, and
    # storages that overwrite (S3's default) never mix two uploads' files.
    stem = f"{posixpath.splitext(name)[0]}-{secrets.token_hex(4)}"
    master, *renditions = encoded
    master_name = storage.save(f"{stem}.{_extension(master.format)}", ContentFile(master.content))
    stem = posixpath.splitext(master_name)[0]
    stored = []
    for rendition in renditions:
        rendition_name = f"{stem}.{rendition.suffix}.{_extension(rendition.format)}"
        stored_name = storage.save(rendition_name, ContentFile(rendition.content))
        stored.append(
            {
                "name": stored_name,
                "width": rendition.width,
                "height": rendition.height,
                "format": rendition.format,
                "purpose": rendition.purpose,
                # Recorded so that feeds can give an enclosure's length without asking the storage.
                "size": len(rendition.content),
            }
        )
    return master_name, stored


def _extension(format: str) -> str:
    return EXTENSIONS[format.upper()]


def delete_files_on_commit(storage, names) -> None:
    """Remove ``names`` from ``storage`` once the database change that dropped them is committed."""
    names = [name for name in names if name]
    if names:
        transaction.on_commit(lambda: delete_files(storage, names))


def delete_files(storage, names) -> None:
    for name in names:
        storage.delete(name)
