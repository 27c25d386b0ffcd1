"""
Who is asking: the one rule for a request's client address, used by comment
flood control and rate limits (comments/) and by the admin sign-in lockout
(django-axes, AXES_CLIENT_IP_CALLABLE in settings).

X-Forwarded-For is anyone's to write, so it is believed only when the request
comes from an address in TRUSTED_PROXIES.
"""

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str | None:
    """
    The reader's address. X-Forwarded-For is believed only when the request
    comes from an address in TRUSTED_PROXIES; then the right-most address not
    itself a trusted proxy is the client (earlier entries are the client's word).
    """
    remote = request.META.get("REMOTE_ADDR") or None
    trusted = set(settings.TRUSTED_PROXIES)
    if remote not in trusted:
        return _valid_ip(remote)
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    for address in reversed(forwarded):
        if address not in trusted:
            return _valid_ip(address) or _valid_ip(remote)
    return _valid_ip(remote)


def _valid_ip(value: str | None) -> str | None:
    try:
        return str(ipaddress.ip_address(value)) if value else None
    except ValueError:
        return None
