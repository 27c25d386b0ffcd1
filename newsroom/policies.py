"""
The policies every response states to the browser: a Content Security Policy
(django-csp builds it from ``CONTENT_SECURITY_POLICY``) and a
Permissions-Policy (``PERMISSIONS_POLICY``). Django's SecurityMiddleware and
XFrameOptionsMiddleware add Referrer-Policy, Cross-Origin-Opener-Policy,
X-Content-Type-Options and X-Frame-Options from their settings.

Both middlewares sit inside the page cache, so a stored page keeps the headers
and every hit replays them; nothing in them differs between requests, which
is what lets one cached page serve every reader.

Public pages hold no inline script or style, so the policy allows none. The
admin's body editor (django-prose-editor) needs two fixed inline blocks: an
import map that tells the browser where its modules are, and the stylesheet
that its Tiptap core writes into the page. Rather than allowing any inline
code there, admin pages allow exactly those blocks by their SHA-256 hashes,
computed once from what the editor renders (see ``admin_allowances``).
"""

import base64
import functools
import hashlib
import logging
import re
from pathlib import Path

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.contrib.staticfiles import finders
from django.urls import reverse
from django_prose_editor.widgets import AdminProseEditorWidget

logger = logging.getLogger(__name__)


def source_hash(text: str) -> str:
    """The CSP source that allows an inline block whose content is exactly ``text``."""
    digest = hashlib.sha256(text.encode()).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


@functools.cache
def admin_allowances() -> dict[str, list[str]]:
    """
    What admin pages allow on top of the site's policy. The import map names
    static files, whose addresses are fixed for a deployment (the manifest's
    hashed names in production), so its hash is computed once per process.
    """
    rendered = str(AdminProseEditorWidget(preset="configurable").media["importmap"])
    import_map = re.fullmatch(r"<script[^>]*>(.*)</script>", rendered, re.DOTALL).group(1)
    styles = [source_hash(stylesheet)] if (stylesheet := editor_core_stylesheet()) else []
    # django-csp adds these to the site's sources for each directive.
    return {"script-src": [source_hash(import_map)], "style-src": styles}


def editor_core_stylesheet() -> str | None:
    """
    The stylesheet Tiptap's core writes into a ``<style>`` element when an
    editor starts: one template literal in django-prose-editor's bundle,
    taken from the file the browser loads so that it follows every upgrade.
    """
    path = finders.find("django_prose_editor/editor.js")
    found = re.findall(r"`(\.ProseMirror \{[^`$\\]*)`", Path(path).read_text()) if path else []
    if len(found) != 1:
        logger.warning("The body editor's stylesheet was not found in its bundle; the admin's policy will block it.")
        return None
    return found[0]


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's allowances added on admin pages."""

    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith(reverse("admin:index")):
            parts.update = {**admin_allowances(), **(parts.update or {})}
        return parts


class PermissionsPolicyMiddleware:
    """Sets ``Permissions-Policy`` from ``PERMISSIONS_POLICY``: feature name → allowed origins (empty: none)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(
            f"{feature}=({' '.join(origins)})" for feature, origins in settings.PERMISSIONS_POLICY.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", self.header)
        return response
