from django.contrib import admin

from .models import ImportedObject


@admin.register(ImportedObject)
class ImportedObjectAdmin(admin.ModelAdmin):
    """Read-only: the import writes these; editors look up where a WordPress id went."""

    list_display = ["wordpress_id", "kind", "language", "site", "content_type", "object_id", "updated_at"]
    list_filter = ["kind", "site", "language"]
    search_fields = ["wordpress_id"]
    list_select_related = ["content_type"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
