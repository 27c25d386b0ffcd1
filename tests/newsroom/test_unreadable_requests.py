"""
A POST whose body cannot be read (a charset it is not written in, or a
Content-Type Django cannot parse) answers 400 with the site's own page and one
warning, on any address, never a 500.
"""

import http.client
import logging

import pytest

from tests.factories import make_article, post_url
from tests.servers import AppServer, manage, production_environment

UTF16_FORM = "application/x-www-form-urlencoded; charset=utf-16"
BOGUS_MULTIPART = "multipart/form-data; boundary=x; charset*=BOGUS''v"


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/admin/login/", "/en/", "/hy/comments/1/"])
def test_a_form_body_not_in_its_charset_answers_400_with_one_warning(client, caplog, path):
    client.cookies["csrftoken"] = "a" * 32

    with caplog.at_level(logging.WARNING):
        response = client.generic("POST", path, b"username=ani&password=x", content_type=UTF16_FORM)

    assert response.status_code == 400
    assert '<main class="page error-page">' in response.content.decode()  # the site's page, in either language
    assert [record.levelname for record in caplog.records] == ["WARNING"]


@pytest.mark.django_db
def test_the_400_page_is_in_the_language_of_the_address(client):
    article = make_article()

    response = client.generic("POST", post_url(article, "hy"), b"text=x", content_type=UTF16_FORM)

    assert response.status_code == 400
    assert '<html lang="hy">' in response.content.decode()
    assert "Այս հարցումը հնարավոր չէր կարդալ" in response.content.decode()


@pytest.mark.slow
def test_through_gunicorn_neither_unreadable_body_is_a_500(tmp_path):
    env = production_environment(DATABASE_URL=f"sqlite:///{tmp_path}/db.sqlite3")
    manage(env, "migrate", "--no-input", "-v0")
    server = AppServer(env)
    server.start()
    answers = []
    try:
        for content_type in (UTF16_FORM, BOGUS_MULTIPART):
            for path in ("/admin/login/", "/en/comments/1/"):
                connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=20)
                headers = {"Content-Type": content_type, "Cookie": "csrftoken=" + "a" * 32}
                connection.request("POST", path, body=b"--x\r\n", headers=headers)
                response = connection.getresponse()
                answers.append((response.status, b"This request could not be read" in response.read()))
                connection.close()
    finally:
        log = server.stop()

    assert answers == [(400, True)] * 4
    assert log.count("Bad Request: ") == 4
    assert "Traceback" not in log
