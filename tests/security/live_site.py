"""
A reader's side of a real app server for the abuse and fault tests: the article
page read, the comment form's timestamp taken from it, comments posted as a
browser posts them, and what the database kept, read through manage.py.
"""

import http.client
import json
import re
from urllib.parse import urlencode

from tests.servers import AppServer, manage

SEED = (
    "from tests.factories import make_article, post_url; a = make_article(); "
    "print(a.get_absolute_url('en'), post_url(a, 'en'), a.get_absolute_url('hy'), post_url(a, 'hy'))"
)
STORED = "import json; from comments.models import Comment; print(json.dumps(list(Comment.objects.values_list('text', flat=True))))"
TIMESTAMP = re.compile(r'name="timestamp" value="([^"]+)"')


def seed_article(env: dict) -> dict:
    """Migrates the server's database and adds one article in both languages; its pages and form addresses."""
    manage(env, "migrate", "--no-input", "-v0")
    en, post_en, hy, post_hy = manage(env, "shell", "--no-imports", "-c", SEED).strip().splitlines()[-1].split()
    return {"en": en, "post_en": post_en, "hy": hy, "post_hy": post_hy}


def form_timestamp(server: AppServer, path: str) -> str:
    """The signed timestamp of the comment form on the page at ``path``, as a browser would send it back."""
    status, _, body = server.get(path)
    assert status == 200, status
    return TIMESTAMP.search(body).group(1)


def post_comment(server: AppServer, path: str, fields: dict, forwarded_for: str | None = None):
    """(status, headers, body) of the comment form posted to ``server``; redirects are not followed."""
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    if forwarded_for:
        headers["X-Forwarded-For"] = forwarded_for
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
    try:
        connection.request("POST", path, urlencode(fields), headers)
        response = connection.getresponse()
        return response.status, response.headers, response.read().decode()
    finally:
        connection.close()


def stored_comments(env: dict) -> list[str]:
    """The text of every comment in the server's database."""
    return json.loads(manage(env, "shell", "--no-imports", "-c", STORED).strip().splitlines()[-1])
