"""
Requests whose body cannot be read: a Content-Type whose parameters Django
cannot parse (``charset*=BOGUS''v`` made Django 5.2 raise while building the
request, before any middleware), or a form body that does not decode in the
charset it names (``charset=utf-16`` on ASCII bytes). Both are the client's
mistake, so they answer 400 with the site's own page and one logged warning,
instead of a 500 (Django's CSRF failure view would read the body again and
fail a second time).
"""

from django.core.exceptions import BadRequest
from django.core.handlers.asgi import ASGIHandler, ASGIRequest
from django.core.handlers.wsgi import WSGIHandler, WSGIRequest
from django.http import HttpResponseBadRequest
from django.http.multipartparser import MultiPartParserError
from django.template.loader import render_to_string
from django.utils import translation

FORM_CONTENT_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


class KeepsUnparsableContentType:
    """Django's request, which keeps a Content-Type it cannot parse instead of raising while it is built."""

    content_type_error = None

    def _set_content_type_params(self, meta):
        try:
            super()._set_content_type_params(meta)
        except (LookupError, ValueError) as error:
            self.content_type, self.content_params = "", {}
            self.content_type_error = error


class NewsroomRequest(KeepsUnparsableContentType, WSGIRequest):
    pass


class NewsroomASGIRequest(KeepsUnparsableContentType, ASGIRequest):
    pass


class NewsroomWSGIHandler(WSGIHandler):
    request_class = NewsroomRequest


class NewsroomASGIHandler(ASGIHandler):
    request_class = NewsroomASGIRequest


class UnreadableBodyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        error = getattr(request, "content_type_error", None)
        if error is None and request.method == "POST" and request.content_type in FORM_CONTENT_TYPES:
            try:
                request.POST  # noqa: B018 - parsed here once; later readers get the same result
            except (BadRequest, ValueError, LookupError, MultiPartParserError) as unreadable:
                error = unreadable
        if error is None:
            return self.get_response(request)
        # Not Django's bad_request view: it checks the CSRF token, which reads
        # the body again. Django logs the 400 once, as a warning ("Bad Request").
        # The locale middleware has not run yet: answer in the language of the address.
        with translation.override(translation.get_language_from_path(request.path_info)):
            return HttpResponseBadRequest(render_to_string("400.html"))
