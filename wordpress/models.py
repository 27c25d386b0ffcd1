"""
What the WordPress import made of each thing it read. Articles, comments and
images know nothing of WordPress; this table remembers, per WordPress site,
which row each post, comment, attachment, term and author became, and a
fingerprint of what was read, so that running the import again updates what
changed, leaves the rest alone and duplicates nothing.
"""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportedObjectQuerySet(models.QuerySet):
    def find(self, site: str, kind: str, wordpress_id):
        """The record for one WordPress thing, or None."""
        return self.filter(site=site, kind=kind, wordpress_id=str(wordpress_id)).first()


class ImportedObject(models.Model):
    class Kind(models.TextChoices):
        POST = "post", _("post")
        COMMENT = "comment", _("comment")
        FEATURED_IMAGE = "featured", _("featured image")
        ATTACHMENT = "attachment", _("attachment")
        UPLOAD = "upload", _("uploaded file")
        CATEGORY = "category", _("category")
        TAG = "tag", _("tag")
        AUTHOR = "author", _("author")

    # The export's <wp:base_site_url>: two WordPress sites' post 12 are two posts.
    site = models.CharField(_("WordPress site"), max_length=200)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind)
    # A post, comment or attachment id; a term's taxonomy and slug; an author's login; a file's path.
    wordpress_id = models.CharField(_("WordPress id"), max_length=500)
    language = models.CharField(_("language"), max_length=15, blank=True)
    content_type = models.ForeignKey(ContentType, models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    # sha256 of what was read (or of the file's bytes): equal means unchanged.
    fingerprint = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(_("imported"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ImportedObjectQuerySet.as_manager()

    class Meta:
        verbose_name = _("imported WordPress object")
        verbose_name_plural = _("imported WordPress objects")
        constraints = [
            models.UniqueConstraint(fields=["site", "kind", "wordpress_id"], name="unique_imported_object"),
        ]
        indexes = [models.Index(fields=["content_type", "object_id"], name="imported_object_target")]

    def __str__(self):
        return f"{self.get_kind_display()} {self.wordpress_id} ({self.site})"

    def current_target(self):
        """The row this became, or None if it has been deleted since."""
        # get_for_id is cached: no query per record for its content type.
        model = ContentType.objects.get_for_id(self.content_type_id).model_class()
        return model._default_manager.filter(pk=self.object_id).first() if model else None
