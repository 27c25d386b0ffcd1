"""
Generated hostile input (Hypothesis) against everything an anonymous visitor
can send: the comment endpoint's fields, body encodings, Content-Types and
sizes; ?page= on every paginated page; every parameter of every public URL
(slugs, year and month, feed and sitemap names, preview ids and tokens); and
odd headers. The answer is never a 500, and a refused comment saves no row.

Example counts are kept small so the suite stays fast; HOSTILE_EXAMPLES in the
environment raises them for a longer hunt (docs/hostile-input.md).
"""

import os
import string
from urllib.parse import quote, quote_from_bytes, urlencode

import pytest
from django.urls import reverse
from django.utils import translation
from django_tasks_db.models import DBTaskResult
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from comments.models import Comment
from newsroom.requests import NewsroomRequest
from tests.factories import comment_form_data, make_article, make_author, make_comment, make_tag, post_url

pytestmark = pytest.mark.django_db

EXAMPLES = int(os.environ.get("HOSTILE_EXAMPLES", "25"))

# Function-scoped fixtures (the database, the client) are shared by every
# example of a test on purpose: rows accumulate, and each example checks the
# count it started from.
hostile = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)

# Text a person or a script may send: any code point, lone surrogates and
# control characters included, with the markup and quoting characters often.
hostile_text = st.one_of(
    st.text(),
    st.text(alphabet=st.sampled_from(list("<>\"'&;%/\\\x00\r\n\t ") + ["\u202e", "\ufeff", "Ա", "😀"])),
    st.text(alphabet=st.characters(categories=["Cs", "Cc", "Co", "Cn", "Zs"])),
    st.sampled_from(["", " ", "0", "-1", "1e999", "NaN", "null", "[]", "{}", "%00", "../../etc/passwd"]),
)
hostile_bytes = st.binary(max_size=300)

CHARSETS = ["utf-8", "UTF-8", "latin-1", "utf-16", "utf-32", "ascii", "cp1251", "bogus", "", "utf-8; charset=utf-16"]
CONTENT_TYPES = [
    "application/x-www-form-urlencoded",
    "multipart/form-data",
    "multipart/form-data; boundary=",
    "multipart/form-data; boundary=x",
    "multipart/form-data; boundary=x; charset*=BOGUS''v",
    "multipart/form-data; boundary=" + "b" * 300,
    "application/json",
    "text/plain",
    "text/html",
    "application/octet-stream",
    "",
    ";;;",
    "x-www-form-urlencoded/garbage; charset",
]


def count_rows() -> tuple[int, int]:
    """Comments, and queued tasks (a stored pending comment queues the moderators' email with it)."""
    return Comment.objects.count(), DBTaskResult.objects.count()


def assert_no_half_saved_row(response, before: int):
    """A 302 (the comment stored) adds exactly one row; any refusal adds none; nothing is a 500."""
    assert response.status_code < 500, response.status_code
    after = count_rows()
    if response.status_code == 302:
        assert after[0] == before[0] + 1
    else:
        assert response.status_code in (400, 403, 404, 405, 413, 429), response.status_code
        assert after == before


@pytest.fixture
def open_article(settings, moderator):
    # Flood control and the hourly limit would refuse every example after the
    # first stored ones; these tests want as many as possible to reach the
    # form's own rules. The moderator makes every stored pending comment queue
    # an email as well.
    settings.COMMENTS_FLOOD_SECONDS = 0
    settings.COMMENTS_PER_HOUR = 0
    article = make_article()
    make_comment(article)  # a published comment, so parent= may name a real one
    return article


# The comment endpoint


@hostile
@given(
    field=st.sampled_from(["text", "name", "email", "website", "homepage", "parent", "timestamp", "remember"]),
    value=hostile_text,
    language=st.sampled_from(["en", "hy"]),
)
@example(field="text", value="x" * (Comment.TEXT_MAX_LENGTH + 1), language="en")
@example(field="name", value="n" * 5000, language="hy")
@example(field="email", value='"<script>alert(1)</script>"@example.org', language="en")
@example(field="website", value="javascript:alert(1)", language="en")
@example(field="parent", value="99999999999999999999999999", language="en")
@example(field="text", value="ok\x00text", language="en")
def test_any_value_in_any_comment_field_is_stored_whole_or_refused(client, open_article, field, value, language):
    data = comment_form_data(open_article, **{field: value})
    before = count_rows()

    body = urlencode(data, encoding="utf-8", errors="surrogatepass").encode("ascii")
    response = client.generic(
        "POST", post_url(open_article, language), body, content_type="application/x-www-form-urlencoded"
    )

    assert_no_half_saved_row(response, before)


@hostile
@given(
    fields=st.dictionaries(
        st.sampled_from(["text", "name", "email", "website", "homepage", "parent", "timestamp", "remember", "x"]),
        st.one_of(hostile_text, st.lists(hostile_text, max_size=4)),
        max_size=9,
    )
)
def test_missing_repeated_and_wrongly_typed_fields_save_nothing_half(client, open_article, fields):
    data = comment_form_data(open_article) | fields
    before = count_rows()

    body = urlencode(data, doseq=True, encoding="utf-8", errors="surrogatepass").encode("ascii")
    response = client.generic("POST", post_url(open_article), body, content_type="application/x-www-form-urlencoded")

    assert_no_half_saved_row(response, before)


@hostile
@given(
    body=st.one_of(
        hostile_bytes,
        st.builds(lambda d: urlencode(d).encode(), st.dictionaries(hostile_text, hostile_text, max_size=5)),
        st.just(b'--x\r\nContent-Disposition: form-data; name="text"\r\n\r\nhello\r\n--x--\r\n'),
        st.just(b'--x\r\nContent-Disposition: form-data; name="text"; filename="a.txt"\r\n\r\nhi\r\n'),
        st.just(b'{"text": "hello", "name": "x", "email": "x@example.org"}'),
    ),
    content_type=st.sampled_from(CONTENT_TYPES),
    charset=st.sampled_from(CHARSETS),
)
def test_any_body_in_any_encoding_and_content_type_is_never_a_500(
    client, open_article, monkeypatch, body, content_type, charset
):
    # The test client builds requests with the request class newsroom/wsgi.py's
    # handler uses, which keeps a Content-Type Django cannot parse (the
    # gunicorn test in tests/newsroom/test_unreadable_requests.py covers the rest).
    monkeypatch.setattr("django.test.client.WSGIRequest", NewsroomRequest)
    if charset:
        content_type = f"{content_type}; charset={charset}"
    client.cookies["csrftoken"] = "a" * 32  # what made Django's error views re-read the body
    before = count_rows()

    response = client.generic("POST", post_url(open_article), body, content_type=content_type)

    assert_no_half_saved_row(response, before)


def test_a_body_over_the_upload_limit_is_refused_and_saves_nothing(client, open_article, settings):
    data = comment_form_data(open_article, text="y" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 10))
    before = count_rows()

    response = client.post(post_url(open_article), data)

    assert_no_half_saved_row(response, before)
    assert response.status_code == 400


def test_more_fields_than_django_accepts_is_a_400(client, open_article):
    body = "&".join(f"f{n}=1" for n in range(1100)).encode()
    before = count_rows()

    response = client.generic("POST", post_url(open_article), body, content_type="application/x-www-form-urlencoded")

    assert_no_half_saved_row(response, before)
    assert response.status_code == 400


@hostile
@given(
    header=st.sampled_from(["User-Agent", "X-Forwarded-For", "Accept-Language", "Cookie", "Referer", "Accept"]),
    value=st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0xFF), max_size=2000),
)
@example(header="Cookie", value='comment_author="%7B%22name%22%3A; comments_pending=1.2.3:bad:sig')
@example(header="X-Forwarded-For", value="999.1.1.1, <script>, ::ffff:1.2.3.4")
def test_odd_headers_on_a_post_and_a_page_are_never_a_500(client, open_article, settings, header, value):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    before = count_rows()
    headers = {header: value}

    response = client.post(post_url(open_article), comment_form_data(open_article), headers=headers)
    assert_no_half_saved_row(response, before)
    for path in ("/", "/en/", open_article.get_absolute_url("hy")):
        assert client.get(path, headers=headers).status_code < 500


# Every URL parameter of every public URL


def url_part(value) -> str:
    return (
        quote_from_bytes(value, safe="") if isinstance(value, bytes) else quote(value, safe="", errors="surrogatepass")
    )


url_text = st.one_of(hostile_text, hostile_bytes, st.text(alphabet=string.digits, min_size=1, max_size=40))


@pytest.fixture
def public_site():
    tag, author = make_tag(), make_author()
    article = make_article(tags=[tag], authors=[author])
    return {"article": article, "section": article.section, "tag": tag, "author": author}


PATTERNS = [
    "/{lang}/{a}/",
    "/{lang}/{a}/{b}/",
    "/{lang}/tags/{a}/",
    "/{lang}/authors/{a}/",
    "/{lang}/{a}/{b}/comments/feed/",
    "/{lang}/{a}/{b}/comments/feed/atom/",
    "/{lang}/{a}/feed/",
    "/{lang}/{a}/feed/atom/",
    "/{lang}/tags/{a}/feed/",
    "/{lang}/authors/{a}/feed/atom/",
    "/{lang}/preview/{a}/",
    "/{lang}/preview/shared/{a}/",
    "/{lang}/comments/{a}/",
    "/sitemap-{a}.xml",
    "/{a}",
    "/{a}/{b}/",
    "/{a}/{b}/{b}/{a}/",
]


@hostile
@given(
    pattern=st.sampled_from(PATTERNS),
    a=url_text,
    b=url_text,
    lang=st.sampled_from(["en", "hy", "ru", "EN", "x" * 100]),
)
@example(pattern="/{lang}/{a}/{b}/", a="9999999999999999", b="99", lang="en")
@example(pattern="/{lang}/{a}/{b}/", a="0000", b="00", lang="en")
@example(pattern="/{lang}/{a}/{b}/", a="2024", b="13", lang="hy")
@example(pattern="/{lang}/preview/{a}/", a="99999999999999999999999", b="", lang="en")
@example(pattern="/{lang}/comments/{a}/", a="99999999999999999999999", b="", lang="en")
@example(pattern="/{lang}/preview/shared/{a}/", a="1.abc:1x2y3z:bad", b="", lang="en")
def test_every_url_parameter_of_every_public_url_is_never_a_500(client, public_site, pattern, a, b, lang):
    path = pattern.format(lang=lang, a=url_part(a), b=url_part(b))

    assert client.get(path).status_code < 500, path
    assert client.head(path).status_code < 500, path


@hostile
@given(year=st.integers(min_value=-(10**20), max_value=10**20), month=st.integers(min_value=-100, max_value=10**12))
@example(year=9999, month=12)
@example(year=10000, month=1)
@example(year=1, month=1)
@example(year=0, month=0)
def test_any_year_and_month_is_never_a_500(client, public_site, year, month):
    for language in ("en", "hy"):
        response = client.get(f"/{language}/{abs(year)}/{abs(month):02d}/")
        assert response.status_code in (200, 301, 302, 404), (year, month, response.status_code)


@hostile
@given(page=url_text, extra=st.dictionaries(hostile_text, hostile_text, max_size=3))
@example(page="99999999999999999999999999999", extra={})
@example(page="-1", extra={})
@example(page="1e9", extra={})
@example(page="last", extra={"page": "2"})
def test_any_page_and_query_on_every_list_and_feed_is_never_a_500(client, public_site, page, extra):
    paths = [
        "/en/",
        public_site["section"].get_absolute_url("en"),
        public_site["tag"].get_absolute_url("hy"),
        public_site["author"].get_absolute_url("en"),
        "/en/2024/01/",
        "/hy/feed/",
        "/sitemap.xml",
        "/sitemap-articles.xml",
        "/news-sitemap.xml",
        "/robots.txt",
        public_site["article"].get_absolute_url("en"),
    ]
    query = "page=" + url_part(page) + "&p=" + url_part(page) + "&replytocom=" + url_part(page)
    query += "".join(f"&{url_part(k)}={url_part(v)}" for k, v in extra.items())

    for path in paths:
        response = client.get(f"{path}?{query}")
        assert response.status_code < 500, (path, query)


@pytest.mark.parametrize("pk", ["0", "1", "2147483648", "9223372036854775808", "9" * 40])
def test_a_signed_in_editor_asking_for_any_preview_id_gets_no_500(editor_client, public_site, pk):
    response = editor_client.get(f"/en/preview/{pk}/")

    assert response.status_code in (200, 404)


# Search


@pytest.fixture
def search_url():
    with translation.override("hy"):
        return reverse("search:results")


@hostile
@given(q=url_text, page=url_text)
@example(q="<script>alert(1)</script>", page="1")
@example(q='"' * 500, page="99999999999999999999")
@example(q="x" * 20000, page="-1")
@example(q='AND OR NOT NEAR * ( ) " ^ : -', page="")
@example(q="%", page="0")
def test_any_search_is_never_a_500(client, public_site, search_url, q, page):
    response = client.get(f"{search_url}?q={url_part(q)}&page={url_part(page)}")

    assert response.status_code in (200, 301, 302, 400), response.status_code
