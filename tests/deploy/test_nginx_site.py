"""
deploy/nginx.conf in front of gunicorn running the site with production
settings: static files and uploads straight from disk with far-future caching,
anonymous pages from the microcache, and everything personal passed through.
"""

import json
import re

import pytest

from tests.deploy.servers import csrf_token, fetch, unique_path

pytestmark = pytest.mark.slow

# The cookies that mark a reader whose page is their own: Django's session
# (signed-in staff) and the list of the reader's comments awaiting moderation.
PERSONAL_COOKIES = {
    "session": "sessionid=4bq0x7k2c9",
    "pending comment": "comments_pending=WzEyXQ:1tFc2v:abc",
    "session among other cookies": "django_language=hy; comment_author=%7B%7D; sessionid=4bq0x7k2c9",
}


def test_hashed_static_file_is_served_from_disk_for_good(nginx_site):
    manifest = json.loads((nginx_site.static_root / "staticfiles.json").read_text())
    hashed = manifest["paths"]["css/site.css"]

    response = fetch(nginx_site.front, f"/static/{hashed}")

    assert response.status == 200
    assert response.headers["Content-Type"] == "text/css"
    assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert response.text == (nginx_site.static_root / hashed).read_text()


def test_unhashed_static_copy_is_kept_by_browsers_for_an_hour_only(nginx_site):
    response = fetch(nginx_site.front, "/static/css/site.css")

    assert response.status == 200
    assert response.headers["Cache-Control"] == "public, max-age=3600"


def test_uploaded_picture_is_served_from_media_for_good(nginx_site):
    page = fetch(nginx_site.front, nginx_site.content.article_path).text
    rendition = re.search(r"/media/(\S+?\.webp)\b", page).group(1)

    response = fetch(nginx_site.front, f"/media/{rendition}")

    assert response.status == 200
    assert response.headers["Content-Type"] == "image/webp"
    assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.body == (nginx_site.media_root / rendition).read_bytes()


def test_second_anonymous_read_within_the_window_is_a_microcache_hit(nginx_site):
    path = unique_path(nginx_site.content.article_path)

    first = fetch(nginx_site.front, path)
    second = fetch(nginx_site.front, path)

    assert (first.status, first.headers["X-Microcache"]) == (200, "MISS")
    assert (second.status, second.headers["X-Microcache"]) == (200, "HIT")
    assert second.text == first.text


@pytest.mark.parametrize("cookie", PERSONAL_COOKIES.values(), ids=PERSONAL_COOKIES.keys())
def test_reader_with_a_personal_cookie_is_never_served_from_the_microcache(nginx_site, cookie):
    path = unique_path(nginx_site.content.article_path)
    fetch(nginx_site.front, path)
    assert fetch(nginx_site.front, path).headers["X-Microcache"] == "HIT"

    personal = fetch(nginx_site.front, path, cookie=cookie)

    assert (personal.status, personal.headers["X-Microcache"]) == (200, "BYPASS")


@pytest.mark.parametrize("cookie", PERSONAL_COOKIES.values(), ids=PERSONAL_COOKIES.keys())
def test_page_rendered_for_a_personal_cookie_is_not_stored(nginx_site, cookie):
    path = unique_path(nginx_site.content.article_path)

    personal = fetch(nginx_site.front, path, cookie=cookie)
    anonymous = fetch(nginx_site.front, path)

    assert personal.headers["X-Microcache"] == "BYPASS"
    assert anonymous.headers["X-Microcache"] == "MISS"


def test_readers_with_only_impersonal_cookies_share_the_microcache(nginx_site):
    path = unique_path(nginx_site.content.article_path)
    fetch(nginx_site.front, path)

    response = fetch(nginx_site.front, path, cookie="django_language=hy; comment_author=%7B%22name%22%3A%22Ani%22%7D")

    assert response.headers["X-Microcache"] == "HIT"


def test_admin_is_never_cached(nginx_site):
    first = fetch(nginx_site.front, "/admin/login/")
    second = fetch(nginx_site.front, "/admin/login/")

    assert first.status == second.status == 200
    assert "X-Microcache" not in first.headers
    assert "X-Microcache" not in second.headers
    # Rendered twice: each form holds its own CSRF token.
    assert csrf_token(first.text) != csrf_token(second.text)


def test_comment_posted_through_nginx_reaches_the_app_and_its_author_sees_it_fresh(nginx_site):
    article_path = nginx_site.content.article_path
    page = fetch(nginx_site.front, unique_path(article_path)).text
    action = re.search(r'<form action="([^"]+)" method="post" id="commentform"', page).group(1)
    timestamp = re.search(r'name="timestamp" value="([^"]+)"', page).group(1)
    text = "Posted through nginx, straight to an app server."

    posted = fetch(
        nginx_site.front,
        action,
        method="POST",
        form={"text": text, "name": "Ani", "email": "ani@example.org", "timestamp": timestamp},
    )

    assert posted.status == 302
    assert "X-Microcache" not in posted.headers
    assert re.search(r"#comment-\d+$", posted.headers["Location"])
    cookies = "\n".join(posted.headers.get_all("Set-Cookie"))
    pending_cookie = re.search(r"comments_pending=[^;]+", cookies).group(0)
    own_view = fetch(nginx_site.front, article_path, cookie=pending_cookie)
    assert own_view.headers["X-Microcache"] == "BYPASS"
    assert own_view.headers["X-Cache"] == "bypass"  # the app's page cache, behind nginx
    assert text in own_view.text
    assert "Your comment is awaiting moderation." in own_view.text
    assert text not in fetch(nginx_site.front, unique_path(article_path)).text
