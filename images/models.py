"""
The image a row owns, as one abstract model: the uploaded file, its size and
the renditions made from it. Models that show an image (an article's featured
image, an image uploaded for an article body) inherit ResponsiveImage and may
override ``image`` for their own upload folder, label and help text.

Processing happens once, when a new image is saved, so that page views only
read ``image_renditions``. The files belong to the row: replacing, clearing or
deleting the image removes them once the transaction commits (deletion through
the post_delete receiver below, connected in ImagesConfig.ready for every
concrete subclass).
"""

import posixpath
from functools import cached_property

from django.apps import apps
from django.db import models
from django.utils.translation import gettext_lazy as _

from .encoding import encode_renditions
from .fields import ImageField
from .renditions import Renditions
from .storage import delete_files_on_commit, store_renditions


class ResponsiveImage(models.Model):
    """
    An ``image`` with its dimensions and renditions: the renditions are made
    when the image is new or replaced, and the files it no longer needs are
    deleted once the save is committed.
    """

    image = ImageField(
        _("image"),
        upload_to="images/%Y/%m/",
        width_field="image_width",
        height_field="image_height",
        help_text=_("JPEG, PNG, WebP or GIF."),
    )
    image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    # Made when the image is saved; pages read only this list.
    image_renditions = models.JSONField(default=list, blank=True, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        # Reaches storage: a new image's renditions are written before the row,
        # and the files it replaces are deleted once the save is committed.
        outdated_files = self.prepare_image()
        self.__dict__.pop("renditions", None)  # made from the image this save may have replaced
        super().save(*args, **kwargs)
        delete_files_on_commit(self.image.storage, outdated_files)

    @cached_property
    def renditions(self) -> Renditions | None:
        """The image's renditions, or None when there is nothing to show (read once per row: pages ask often)."""
        if not self.image:
            return None
        return Renditions(self.image_renditions, self.image.storage) or None

    def stored_files(self) -> list[str]:
        """Every file this row names in storage: the master and its renditions."""
        if not self.image:
            return []
        return [self.image.name, *(rendition["name"] for rendition in self.image_renditions or [])]

    def prepare_image(self) -> list[str]:
        """
        Call before saving: processes a new image and returns the names of the
        files (old master and renditions) to delete once the save is committed.
        """
        stored = None
        if self.pk:
            stored = type(self)._default_manager.filter(pk=self.pk).values("image", "image_renditions").first()
        old_files = []
        if stored and stored["image"]:
            old_files = [stored["image"], *(rendition["name"] for rendition in stored["image_renditions"] or [])]

        if not self.image:
            self.image_renditions, self.image_width, self.image_height = [], None, None
        elif not self.image._committed or stored is None or self.image.name != stored["image"]:
            # New to this row: uploaded now, or already written to storage by image.save(save=False).
            self._make_renditions()
        current = set(self.stored_files())
        return [name for name in old_files if name not in current]

    def _make_renditions(self) -> None:
        field_file = self.image
        storage = field_file.storage
        raw_committed = field_file.name if field_file._committed else None
        field_file.open("rb")
        try:
            encoded = encode_renditions(field_file)
        finally:
            if raw_committed:
                field_file.close()
        if raw_committed:
            # Saved straight to storage (image.save("x.jpg", file)): the raw file held the metadata.
            storage.delete(raw_committed)
            name = raw_committed
        else:
            name = field_file.field.generate_filename(self, posixpath.basename(field_file.name))
        master_name, self.image_renditions = store_renditions(encoded, storage, name)
        self.image = master_name
        self.image_width, self.image_height = encoded[0].width, encoded[0].height


def image_models() -> list[type[ResponsiveImage]]:
    """Every installed model that owns an image: the concrete subclasses of ResponsiveImage."""
    return [model for model in apps.get_models() if issubclass(model, ResponsiveImage) and not model._meta.proxy]


def delete_image_files(sender, instance: ResponsiveImage, **kwargs) -> None:
    """
    post_delete receiver: a deleted row's files go once the deletion is
    committed. Bulk deletes (the admin's "delete selected", querysets in the
    shell) call no Model.delete(), so only this signal sees every deleted image.
    """
    delete_files_on_commit(instance.image.storage, instance.stored_files())
