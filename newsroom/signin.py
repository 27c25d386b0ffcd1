"""
The page a locked-out admin sign-in gets (django-axes calls locked_out through
AXES_LOCKOUT_CALLABLE): 429 in the site's style and the reader's language,
saying how long the wait is and who can lift it. It names neither the user
name nor the address, so it tells an attacker nothing they did not send.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string


def locked_out(request: HttpRequest, original_response=None, credentials=None) -> HttpResponse:
    minutes = settings.AXES_COOLOFF_MINUTES
    context = {"failure_limit": settings.AXES_FAILURE_LIMIT, "minutes": minutes}
    response = HttpResponse(render_to_string("admin/locked_out.html", context, request=request), status=429)
    if minutes:
        response["Retry-After"] = str(minutes * 60)
    return response
