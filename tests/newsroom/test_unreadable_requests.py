"""
A POST whose body cannot be read (a charset it is not written in, or a
Content-Type Django cannot parse) answers 400 with the site's own page and one
warning, on any address, never a 500.
"""

import asyncio
import http.client
import logging

import pytest
from asgiref.testing import ApplicationCommunicator

# Imported here, not in the test: loading the entry point sets up logging
# again, which would detach caplog's handler.
from newsroom.asgi import application
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


async def asgi_post(application, path: str, content_type: str) -> tuple[int, bytes]:
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [
            (b"host", b"testserver"),
            (b"content-type", content_type.encode()),
            (b"cookie", b"csrftoken=" + b"a" * 32),
        ],
        "client": ("127.0.0.1", 40000),
        "server": ("testserver", 80),
    }
    communicator = ApplicationCommunicator(application, scope)
    await communicator.send_input({"type": "http.request", "body": b"--x\r\n"})
    start = await communicator.receive_output(10)
    body = await communicator.receive_output(10)
    await communicator.wait(10)
    return start["status"], body["body"]


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("content_type", [UTF16_FORM, BOGUS_MULTIPART])
@pytest.mark.parametrize("path", ["/admin/login/", "/en/comments/1/"])
def test_through_asgi_neither_unreadable_body_is_a_500(caplog, content_type, path):
    with caplog.at_level(logging.WARNING):
        status, body = asyncio.run(asgi_post(application, path, content_type))

    assert status == 400
    assert b"This request could not be read" in body
    assert [record.levelname for record in caplog.records] == ["WARNING"]
