"""
The admin's "view on site" redirect (/admin/r/<content type>/<id>/), with the
rule every staff-only view keeps: only someone who may view the object in the
admin is told where it lives. Django's own shortcut asks only for staff, so a
moderator could learn the address, and so the slug, of any unpublished draft.
"""

from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.views import shortcut
from django.core.exceptions import PermissionDenied
from django.http import Http404


def view_on_site(request, content_type_id, object_id):
    try:
        model = ContentType.objects.get_for_id(int(content_type_id)).model_class()
    except (ValueError, ContentType.DoesNotExist):
        raise Http404 from None
    model_admin = admin.site._registry.get(model)
    if model_admin is None:
        raise Http404
    obj = model_admin.get_object(request, object_id)
    if obj is None:
        raise Http404
    if not model_admin.has_view_permission(request, obj):
        raise PermissionDenied
    return shortcut(request, content_type_id, object_id)
