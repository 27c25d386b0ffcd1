"""
Script payloads in every field a page shows, each with a marker of its own,
read back the way a browser or a feed reader reads them: the HTML parsed
(lxml), the JSON-LD and JSON blocks loaded, the feeds and sitemaps parsed as
XML and their HTML parts parsed again. A payload is harmless when no element,
attribute, event handler, script or javascript: address came out of it; its
marker must still be on the page as text (or the test would prove nothing).
"""

import itertools
import json
import re
from urllib.parse import quote, unquote

import lxml.etree
import lxml.html
import pytest
import reversion
from django.apps import apps
from django.contrib.admin.models import CHANGE, LogEntry
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from articles import workflow
from articles.models import Article, Correction, InlineImage
from comments.cookies import COMMENTER_COOKIE
from comments.models import Comment
from tests.factories import (
    comment_form_data,
    jpeg_bytes,
    make_article,
    make_author,
    make_comment,
    make_section,
    make_staff_author,
    make_tag,
    post_comment,
    post_url,
    upload,
)

_markers = itertools.count(1)

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset"}
JSON_SCRIPT_TYPES = {"application/ld+json", "application/json"}


def payload(field: str, registry: dict) -> str:
    """
    The attacks in one value under 100 characters (the shortest field's limit):
    an attribute breaker with an event handler, a </script> that would end a
    JSON-LD block, a ]]> that would end a CDATA section, a tag of its own.
    """
    marker = f"xss{next(_markers):03d}"
    registry[marker] = field
    return f"{marker} \"'><img src=x onerror={marker}()></script><script>{marker}()</script>]]><b id={marker}>"


def url_payload(field: str, registry: dict) -> str:
    marker = f"xss{next(_markers):03d}"
    registry[marker] = field
    return f'javascript:{marker}()//"><svg onload={marker}()>'


def executable_forms(tree, markers) -> list[str]:
    """Every place in a parsed HTML tree where a marker is more than text: what a browser would run or build."""
    found = []
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        for name, value in element.attrib.items():
            hit = [m for m in markers if m in name or m in value]
            if not hit:
                continue
            if any(m in name for m in markers) or name.lower().startswith("on") or name == "id":
                found.append(f"<{element.tag} {name}={value!r}>")
            elif name in URL_ATTRIBUTES and value.strip().lower().startswith(("javascript:", "data:", "vbscript:")):
                found.append(f"<{element.tag} {name}={value!r}>")
        if element.tag == "script":
            text = element.text or ""
            if any(m in text for m in markers):
                if element.get("type") not in JSON_SCRIPT_TYPES:
                    found.append(f"<script>{text[:80]!r}")
                else:
                    try:
                        json.loads(text)
                    except ValueError:
                        found.append(f"broken JSON block {text[:80]!r}")
    return found


def visible_markers(tree, markers) -> set[str]:
    """Markers shown as text or inside a plain attribute (alt, title, value, content)."""
    text = tree.text_content() + " ".join(" ".join(e.attrib.values()) for e in tree.iter() if isinstance(e.tag, str))
    for script in tree.iter("script"):
        text += script.text or ""
    return {m for m in markers if m in text}


def assert_inert_html(html: str, markers: dict, where: str, expect=()):
    tree = lxml.html.document_fromstring(html)
    found = executable_forms(tree, markers)
    assert not found, (
        f"{where}: payload became markup: {found} (fields {[markers[m] for m in markers if any(m in f for f in found)]})"
    )
    shown = visible_markers(tree, markers)
    missing = [field for field in expect if not any(markers[m] == field for m in shown)]
    assert not missing, f"{where} does not show {missing}: the test would prove nothing there"


def is_html_part(element) -> bool:
    """
    The parts of a feed a reader renders as HTML: an RSS item's description
    and content:encoded, Atom's summary and content of type html. (RSS's
    channel description and Atom's subtitle without a type are plain text.)
    """
    local = lxml.etree.QName(element).localname
    parent = element.getparent()
    if local == "description":
        return parent is not None and lxml.etree.QName(parent).localname == "item"
    if local == "encoded":
        return True
    return local in ("summary", "content", "subtitle", "title") and element.get("type") in ("html", "xhtml")


def assert_inert_xml(body: bytes, markers: dict, where: str, expect=()):
    """A feed or sitemap: well-formed, no element from a payload, and its HTML parts (description, content) inert."""
    root = lxml.etree.fromstring(body)
    shown = set()
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        local = lxml.etree.QName(element).localname
        for name, value in element.attrib.items():
            assert not any(m in name for m in markers), f"{where}: attribute from a payload: {name}"
            shown |= {m for m in markers if m in value}
        assert not (element.get("id") or "").startswith("xss"), f"{where}: <{local}> made by a payload"
        assert local not in ("script", "img", "b", "svg") or not any(
            m in lxml.etree.tostring(element).decode() for m in markers
        ), f"{where}: <{local}> made by a payload"
        text = element.text or ""
        shown |= {m for m in markers if m in text}
        if is_html_part(element) and any(m in text for m in markers):
            fragment = lxml.html.document_fromstring(f"<div>{text}</div>")
            found = executable_forms(fragment, markers)
            assert not found, f"{where}: the HTML in <{local}> runs a payload: {found}"
    missing = [field for field in expect if not any(markers[m] == field for m in shown)]
    assert not missing, f"{where} does not show {missing}: the test would prove nothing there"


@pytest.fixture
def hostile_site(db, settings):
    """Every field a page shows, in both languages, carrying a payload with its own marker."""
    settings.COMMENTS_FLOOD_SECONDS = 0
    markers: dict[str, str] = {}

    def both(field):
        return {f"{field}_en": payload(f"{field}_en", markers), f"{field}_hy": payload(f"{field}_hy", markers)}

    section = make_section(**both("name"), **both("description"))
    tag = make_tag(**both("name"))
    author = make_author(**both("name"), **both("bio"))
    fields = {}
    for field in ("title", "summary", "image_caption", "image_alt", "image_credit"):
        fields |= both(field)
    article = make_article(
        section=section,
        authors=[author],
        tags=[tag],
        image=upload(jpeg_bytes(size=(800, 500))),
        body_en=f'<p>{payload("body_en", markers)}</p><p><a href="javascript:alert(1)">x</a></p>',
        body_hy=f"<p>{payload('body_hy', markers)}</p>",
        **fields,
    )
    Correction.objects.create(article=article, **both("text"))
    comment = make_comment(
        article,
        name=payload("comment name", markers),
        website="https://reader.example/" + quote(payload("comment website", markers), safe="\"'<>=()/"),
        text=payload("comment text", markers),
    )
    pending = make_comment(
        article,
        status=Comment.Status.PENDING,
        name=payload("pending name", markers),
        website=url_payload("pending website", markers),
        text=payload("pending text", markers),
    )
    inline = InlineImage.objects.create(
        image=upload(jpeg_bytes(size=(300, 200))), alt_text=payload("inline alt", markers)
    )
    return {
        "markers": markers,
        "section": section,
        "tag": tag,
        "author": author,
        "article": article,
        "comment": comment,
        "pending": pending,
        "inline": inline,
    }


# Which fields each public page shows, per language.
def public_pages(site, language):
    article, section, tag, author = site["article"], site["section"], site["tag"], site["author"]
    published = timezone.localtime(article.published_at)
    card = [f"title_{language}", f"summary_{language}"]
    return {
        f"/{language}/": card,
        section.get_absolute_url(language): [f"name_{language}", f"description_{language}", *card],
        tag.get_absolute_url(language): [*card],
        author.get_absolute_url(language): [f"bio_{language}", *card],
        f"/{language}/{published:%Y}/{published:%m}/": card,
        article.get_absolute_url(language): [
            f"title_{language}",
            f"summary_{language}",
            f"body_{language}",
            f"image_caption_{language}",
            f"image_alt_{language}",
            f"image_credit_{language}",
            f"text_{language}",
            "comment name",
            "comment website",
            "comment text",
        ],
    }


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "hy"])
def test_every_public_page_shows_each_payload_as_text(client, hostile_site, language, uncached):
    for url, expect in public_pages(hostile_site, language).items():
        response = client.get(url)
        assert response.status_code == 200, url
        assert_inert_html(response.content.decode(), hostile_site["markers"], url, expect)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "hy"])
def test_the_json_ld_carries_each_payload_whole_as_a_string(client, hostile_site, language):
    article = hostile_site["article"]
    html = client.get(article.get_absolute_url(language)).content.decode()
    tree = lxml.html.document_fromstring(html)

    blocks = [json.loads(s.text) for s in tree.iter("script") if s.get("type") == "application/ld+json"]

    assert blocks
    # The value came through whole, as one string, not cut at its </script>.
    assert getattr(article, f"title_{language}") in set(json_strings(blocks))


def json_strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from json_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from json_strings(item)


@pytest.mark.django_db
def test_the_pending_commenters_own_view_shows_their_payload_as_text(client, hostile_site):
    article = hostile_site["article"]
    markers = hostile_site["markers"]
    response = post_comment(
        client, article, name=payload("own name", markers), text=payload("own text", markers), email="own@example.org"
    )
    assert response.status_code == 302

    page = client.get(response["Location"])

    assert_inert_html(page.content.decode(), markers, "the commenter's own view", ["own name", "own text"])


@pytest.mark.django_db
def test_a_refused_form_shows_the_readers_payload_back_as_text(client, hostile_site):
    article = hostile_site["article"]
    markers = hostile_site["markers"]
    data = comment_form_data(article, name=payload("refused name", markers), text=payload("refused text", markers))
    data |= {"email": "not an address", "website": url_payload("refused website", markers)}

    response = client.post(post_url(article, "hy"), data)

    assert response.status_code == 400
    assert_inert_html(response.content.decode(), markers, "the refused form", ["refused name", "refused text"])


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "hy"])
def test_every_feed_keeps_each_payload_as_text(client, hostile_site, language):
    site = hostile_site
    feeds = {
        f"/{language}/feed/": [f"title_{language}"],
        f"/{language}/feed/atom/": [f"title_{language}"],
        f"{site['section'].get_absolute_url(language)}feed/": [f"name_{language}", f"title_{language}"],
        f"{site['tag'].get_absolute_url(language)}feed/atom/": [f"title_{language}"],
        f"{site['author'].get_absolute_url(language)}feed/": [f"title_{language}"],
        f"{site['article'].get_absolute_url(language)}comments/feed/": ["comment name", "comment text"],
        f"{site['article'].get_absolute_url(language)}comments/feed/atom/": ["comment name", "comment text"],
    }
    for url, expect in feeds.items():
        response = client.get(url)
        assert response.status_code == 200, url
        assert_inert_xml(response.content, site["markers"], url, expect)
        pending = [m for m, field in site["markers"].items() if field.startswith("pending")]
        assert not any(m in response.content.decode() for m in pending), f"{url} shows a pending comment"


@pytest.mark.django_db
def test_every_sitemap_keeps_each_payload_as_text(client, hostile_site):
    urls = ["/sitemap.xml", "/news-sitemap.xml"] + [
        f"/sitemap-{name}.xml" for name in ("home", "sections", "tags", "authors", "articles")
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_inert_xml(response.content, hostile_site["markers"], url)
    news = client.get("/news-sitemap.xml").content
    assert_inert_xml(news, hostile_site["markers"], "the news sitemap", ["title_en", "title_hy"])


@pytest.mark.django_db
def test_search_results_show_each_payload_as_text(client, hostile_site):
    if not apps.is_installed("search"):
        pytest.skip("the search app is not installed on this branch")
    markers = hostile_site["markers"]
    for language in ("en", "hy"):
        with translation.override(language):
            url = reverse("search:results")
        query = payload("search query", markers)
        article_marker = next(m for m, f in markers.items() if f == f"title_{language}")
        for q in (query, article_marker):
            response = client.get(url, {"q": q})
            assert response.status_code == 200
            assert_inert_html(response.content.decode(), markers, f"{url}?q={q}")


# The admin


@pytest.fixture
def with_history(hostile_site, admin_user):
    """Two versions of the article (an admin save each) and an admin log entry naming each object."""
    article = hostile_site["article"]
    markers = hostile_site["markers"]
    for title in (payload("older title", markers), article.title_en):
        with reversion.create_revision():
            article.title_en = title
            article.save()
            reversion.set_user(admin_user)
    # Logged as the admin logs them, under its default language (an earlier test may leave another active).
    with translation.override("en"):
        for obj in (
            article,
            hostile_site["section"],
            hostile_site["tag"],
            hostile_site["author"],
            hostile_site["comment"],
        ):
            LogEntry.objects.log_actions(admin_user.pk, [obj], CHANGE, change_message="edited", single_object=True)
    return hostile_site


def admin_pages(site):
    article, comment, pending = site["article"], site["comment"], site["pending"]
    versions = list(reversion.models.Version.objects.get_for_object(article).order_by("pk"))
    pages = {
        "/admin/": ["title_en"],
        "/admin/articles/article/": ["title_en", "name_en"],
        "/admin/articles/article/?status=in_review&q=xss": [],
        f"/admin/articles/article/{article.pk}/change/": ["title_en", "title_hy", "body_en", "image_alt_hy", "text_hy"],
        f"/admin/articles/article/{article.pk}/history/": [],
        f"/admin/articles/article/{article.pk}/history/compare/?from={versions[0].pk}&to={versions[-1].pk}": [
            "older title"
        ],
        "/admin/articles/article/translations/": [],
        f"/admin/articles/article/{article.pk}/translate/hy/": ["title_en", "title_hy", "summary_hy"],
        f"/admin/articles/article/{article.pk}/delete/": ["title_en"],
        "/admin/articles/section/": ["name_en"],
        f"/admin/articles/section/{site['section'].pk}/change/": ["name_en", "description_hy"],
        f"/admin/articles/section/{site['section'].pk}/delete/": ["name_en", "title_en"],
        "/admin/articles/tag/": ["name_en"],
        f"/admin/articles/tag/{site['tag'].pk}/change/": ["name_hy"],
        "/admin/articles/author/": ["name_en"],
        f"/admin/articles/author/{site['author'].pk}/change/": ["name_en", "bio_hy"],
        "/admin/articles/inlineimage/": ["inline alt"],
        f"/admin/articles/inlineimage/{site['inline'].pk}/change/": ["inline alt"],
        reverse("admin:articles_inlineimage_picker"): ["inline alt"],
        "/admin/comments/comment/": ["comment name", "pending name", "pending text"],
        "/admin/comments/comment/?status__exact=pending": ["pending name"],
        f"/admin/comments/comment/{pending.pk}/change/": ["pending name", "pending text", "pending website"],
        f"/admin/comments/comment/{comment.pk}/change/": ["comment name", "comment website"],
        f"/admin/comments/comment/{comment.pk}/history/": ["comment text"],
        f"/admin/comments/comment/{comment.pk}/delete/": ["comment text"],
        "/admin/admin/logentry/": [],
    }
    return pages


@pytest.mark.django_db
def test_every_admin_page_shows_each_payload_as_text(admin_client, with_history):
    for url, expect in admin_pages(with_history).items():
        response = admin_client.get(url)
        if url == "/admin/admin/logentry/" and response.status_code == 404:
            continue  # the log has no admin of its own
        assert response.status_code == 200, url
        assert_inert_html(response.content.decode(), with_history["markers"], url, expect)


# Email


@pytest.mark.django_db
def test_the_moderators_email_gives_the_payload_as_plain_text(client, hostile_site, moderator, run_tasks):
    article = hostile_site["article"]
    markers = hostile_site["markers"]
    name, text = payload("mail name", markers), payload("mail text", markers)
    assert post_comment(client, article, name=name, text=text, email="mail@example.org").status_code == 302

    run_tasks()

    [message] = [m for m in mail.outbox if moderator.email in m.to]
    # Plain text only: no HTML part a mail client would render, and the values exactly as written.
    assert message.content_subtype == "plain" and not getattr(message, "alternatives", None)
    assert name in message.body and text in message.body
    assert "&lt;" not in message.body and "&quot;" not in message.body
    assert "\n" not in message.subject and "\r" not in message.subject
    assert article.title_en in message.subject


@pytest.mark.django_db
def test_the_review_email_gives_a_hostile_title_as_plain_text(hostile_site, editor, run_tasks):
    writer = make_staff_author()
    article = make_article(
        status=Article.Status.DRAFT, title_en='Line one\r\nBcc: x@example.org "><script>review()</script>'
    )
    article.created_by = writer
    article.save()

    workflow.move(article, Article.Status.IN_REVIEW, by=writer)
    run_tasks()

    [message] = [m for m in mail.outbox if editor.email in m.to]
    assert message.content_subtype == "plain" and not getattr(message, "alternatives", None)
    assert "\n" not in message.subject and "\r" not in message.subject
    assert "<script>review()</script>" in message.body
    assert message.bcc == [] and message.message()["Bcc"] is None


# The remembered-commenter cookie, read by the page's script


# Quoted local parts may hold < > / = ( ) but not a bare space (RFC 5322), so the tags are written without one.
QUOTED_EMAIL = '"<script>window.pwned=1</script><img/src=x/onerror=window.pwned=2>"@example.org'
HOSTILE_NAME = "</script><img src=x onerror=window.pwned=3>'\";alert(1)//"
HOSTILE_WEBSITE = 'https://reader.example/?a="><svg/onload=window.pwned=4>'


@pytest.mark.django_db
def test_a_quoted_script_email_is_a_valid_address_and_is_stored_as_typed(client, hostile_site):
    article = hostile_site["article"]

    response = post_comment(
        client, article, email=QUOTED_EMAIL, name=HOSTILE_NAME, website=HOSTILE_WEBSITE, remember="on"
    )

    assert response.status_code == 302
    assert Comment.objects.filter(email=QUOTED_EMAIL.lower()).exists()
    cookie = response.cookies[COMMENTER_COOKIE]
    # A bare token: a value Django had to wrap in double quotes is one the page's script cannot read.
    assert re.fullmatch(r"[A-Za-z0-9%._-]+", cookie.value)
    assert f"{COMMENTER_COOKIE}={cookie.value};" in cookie.output()
    saved = json.loads(unquote(cookie.value))
    assert saved == {"name": HOSTILE_NAME, "email": QUOTED_EMAIL.lower(), "website": HOSTILE_WEBSITE}


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_filling_the_form_from_a_hostile_cookie_runs_no_script(browser_page, live_server):
    article, other = make_article(), make_article()
    page = browser_page
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(live_server.url + article.get_absolute_url("en"))

    # Posted from the page's own browser context, so the cookie the server sets is the browser's.
    form = comment_form_data(article, email=QUOTED_EMAIL, name=HOSTILE_NAME, website=HOSTILE_WEBSITE, remember="on")
    answer = page.request.post(live_server.url + post_url(article), form=form, max_redirects=0)
    assert answer.status == 302
    assert any(c["name"] == COMMENTER_COOKIE for c in page.context.cookies())

    page.goto(live_server.url + other.get_absolute_url("en"))
    page.wait_for_function("document.getElementById('id_remember').checked")

    assert page.input_value("#id_email") == QUOTED_EMAIL.lower()
    assert page.input_value("#id_name") == HOSTILE_NAME
    assert page.input_value("#id_website") == HOSTILE_WEBSITE
    assert page.evaluate("() => window.pwned") is None
    assert page.evaluate("() => document.querySelectorAll('[onerror], [onload], #respond script').length") == 0
    assert dialogs == []


def test_the_checks_find_every_attack_when_it_is_not_escaped():
    markers: dict[str, str] = {}
    raw, url = payload("raw", markers), url_payload("raw url", markers)

    in_text = executable_forms(lxml.html.document_fromstring(f"<p>{raw}</p>"), markers)
    in_attribute = executable_forms(lxml.html.document_fromstring(f'<img alt="{raw}">'), markers)
    in_json_ld = executable_forms(
        lxml.html.document_fromstring(f'<script type="application/ld+json">{{"a": "{raw}"}}</script>'), markers
    )
    in_link = executable_forms(lxml.html.document_fromstring(f'<a href="{url}">x</a>'), markers)

    assert len(in_text) >= 3 and in_attribute and in_json_ld and in_link
    # Unescaped in XML, the payload leaves a feed unreadable, or builds an element of its own.
    with pytest.raises(lxml.etree.XMLSyntaxError):
        assert_inert_xml(f"<rss><item><description><![CDATA[{raw}]]></description></item></rss>".encode(), markers, "x")
    with pytest.raises(AssertionError, match="made by a payload"):
        assert_inert_xml(f"<rss><item><b id='{next(iter(markers))}'>x</b></item></rss>".encode(), markers, "x")
