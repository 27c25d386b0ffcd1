"""
The policies every response states: one static Content Security Policy with
nothing inline on public pages, kept and replayed by the page cache; the
admin's few hashes; frame-ancestors, Permissions-Policy, Referrer-Policy and
Cross-Origin-Opener-Policy.
"""

import os
import re
import subprocess
import sys

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from newsroom.policies import editor_core_stylesheet, source_hash
from pagecache import store
from tests.factories import make_article, make_comment, make_tag

pytestmark = pytest.mark.django_db

EXPECTED_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
# Set inside the page cache, so stored with each page; SecurityMiddleware, outside it, adds the others to every answer.
STORED_HEADERS = ["Content-Security-Policy", "Permissions-Policy", "X-Frame-Options"]
POLICY_HEADERS = [
    "Content-Security-Policy",
    "Permissions-Policy",
    "X-Frame-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
]


def directives(policy: str) -> dict[str, list[str]]:
    return {name: sources for name, *sources in (part.split() for part in policy.split(";") if part.strip())}


def public_paths(article) -> dict[str, str]:
    month = timezone.localtime(article.published_at)
    with translation.override("en"):
        month_path = reverse("articles:month", kwargs={"year": month.year, "month": month.month})
    return {
        "home": "/en/",
        "section": article.section.get_absolute_url("en"),
        "article": article.get_absolute_url("en"),
        "article in Armenian": article.get_absolute_url("hy"),
        "tag": article.tags.first().get_absolute_url("en"),
        "author": article.bylines.first().author.get_absolute_url("en"),
        "month": month_path,
        "feed": "/en/feed/",
        "sitemap index": "/sitemap.xml",
        "robots.txt": "/robots.txt",
        "404": "/en/no-such-section/no-such-article/",
    }


@pytest.fixture
def article():
    article = make_article(tags=[make_tag()])
    make_comment(article)
    return article


def test_every_public_page_carries_the_sites_static_policy_and_headers(client, article):
    found = {}
    for name, path in public_paths(article).items():
        response = client.get(path)
        found[name] = {header: response.get(header) for header in POLICY_HEADERS}
        found[name]["Content-Security-Policy"] = directives(found[name]["Content-Security-Policy"] or "")

    expected = {
        "Content-Security-Policy": EXPECTED_POLICY,
        "Permissions-Policy": found["home"]["Permissions-Policy"],
        "X-Frame-Options": "DENY",
        "Referrer-Policy": "same-origin",
        "Cross-Origin-Opener-Policy": "same-origin",
    }
    assert {name: headers for name, headers in found.items() if headers != expected} == {}


def test_an_unreadable_request_is_answered_under_the_same_policy(client):
    response = client.generic(
        "POST", "/en/", b"text=x", content_type="application/x-www-form-urlencoded; charset=utf-16"
    )

    assert response.status_code == 400
    assert directives(response["Content-Security-Policy"]) == EXPECTED_POLICY
    assert "camera=()" in response["Permissions-Policy"]


def test_the_policy_allows_nothing_inline_and_no_framing():
    policy = EXPECTED_POLICY

    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    assert not [source for sources in policy.values() for source in sources if "unsafe" in source or "-" in source]


def test_permissions_policy_turns_off_camera_microphone_geolocation_and_payment(client):
    header = client.get("/en/")["Permissions-Policy"]

    features = dict(part.split("=") for part in header.split(", "))
    assert {features[name] for name in ("camera", "microphone", "geolocation", "payment", "usb")} == {"()"}


def test_the_policy_is_the_same_on_every_request(client, article, uncached):
    responses = [client.get(article.get_absolute_url("en")) for _ in range(3)]

    assert len({response["Content-Security-Policy"] for response in responses}) == 1
    assert "nonce-" not in responses[0]["Content-Security-Policy"]


def test_the_page_cache_stores_the_headers_and_a_hit_replays_them(client, article):
    path = article.get_absolute_url("en")

    miss = client.get(path)
    _, (status, stored_headers, _) = store.lookup(store.page_key(f"http://testserver{path}?"))
    hit = client.get(path)

    assert (miss["X-Cache"], hit["X-Cache"]) == ("miss", "hit")
    assert {header: value for header, value in stored_headers if header in POLICY_HEADERS} == {
        header: miss[header] for header in STORED_HEADERS
    }
    assert {header: hit[header] for header in POLICY_HEADERS} == {header: miss[header] for header in POLICY_HEADERS}


def test_the_admin_allows_exactly_the_editors_import_map_and_stylesheet(editor_client):
    response = editor_client.get("/admin/articles/article/add/")

    import_map = re.search(r'<script type="importmap">(.*?)</script>', response.content.decode(), re.DOTALL).group(1)
    policy = directives(response["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'", source_hash(import_map)]
    assert policy["style-src"] == ["'self'", source_hash(editor_core_stylesheet())]
    assert policy["frame-ancestors"] == ["'none'"]


def test_the_editors_stylesheet_is_read_from_its_bundle():
    stylesheet = editor_core_stylesheet()

    assert stylesheet.startswith(".ProseMirror {")
    assert "white-space" in stylesheet


def test_admin_pages_refuse_framing_too(client):
    response = client.get("/admin/login/")

    assert response["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


def test_media_origins_from_the_environment_join_the_image_sources():
    # The settings module read afresh, as a server starting with MEDIA_ORIGINS set reads it.
    program = (
        "from newsroom import settings; print(' '.join(settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src']))"
    )
    environment = {**os.environ, "MEDIA_ORIGINS": "https://media.news.example.org"}

    result = subprocess.run(
        [sys.executable, "-c", program], env=environment, capture_output=True, text=True, check=True
    )

    assert result.stdout.split() == ["'self'", "https://media.news.example.org"]
