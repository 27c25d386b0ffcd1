"""A commenter's email stays private, and their data can be exported, erased and expired."""

import base64
import datetime
import hashlib
import io
import json
import re
from urllib.parse import urljoin, urlsplit

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone

from comments.models import Comment
from tests.factories import comment_form_data, make_article, make_comment, make_tag, post_comment, post_url

pytestmark = pytest.mark.django_db

EMAILS = ["Secret.Reader@Example.ORG", "pending.person@example.net", "spam.sender@example.com"]
# Links in pages (href, src, action) and in feeds and sitemaps (<loc>, <link>, <id>).
LINK = re.compile(r'(?:href|src|action)="([^"]+)"|<(?:loc|link|id)>\s*([^<\s]+)\s*</')


def email_forms(email: str) -> list[str]:
    """
    The address as typed, lowercased, and every common hash of it (Gravatar
    uses md5, others sha256), in hex and in base64 (standard and URL-safe,
    with and without padding).
    """
    forms = {email, email.lower(), email.upper()}
    for value in list(forms):
        for algorithm in ("md5", "sha1", "sha256"):
            digest = hashlib.new(algorithm, value.strip().encode()).digest()
            forms |= {digest.hex(), base64.b64encode(digest).decode(), base64.urlsafe_b64encode(digest).decode()}
            forms |= {encoded.rstrip("=") for encoded in list(forms) if encoded.endswith("=")}
    return sorted(forms)


def assert_private(response, where):
    text = response.content.decode(errors="replace") + "\n".join(f"{k}: {v}" for k, v in response.headers.items())
    for email in EMAILS:
        for form in email_forms(email):
            assert form not in text, f"{form!r} (from {email}) appears in {where}"


def crawl(client, start_urls):
    """Every page reachable by GET from ``start_urls`` through links on the site, admin and static files aside."""
    seen, queue = set(), list(start_urls)
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        yield url, response
        if response.status_code in (301, 302):
            queue.append(urljoin(url, response["Location"]))
            continue
        if "html" not in response.get("Content-Type", "") and "xml" not in response.get("Content-Type", ""):
            continue
        for quoted, bare in LINK.findall(response.content.decode()):
            link = urljoin(url, (quoted or bare).replace("&amp;", "&"))
            parts = urlsplit(link)
            if (
                parts.scheme not in ("", "http", "https")
                or parts.netloc not in ("", "testserver")
                or parts.path.startswith(("/admin/", "/static/", "/media/"))
            ):
                continue
            queue.append(parts.path + (f"?{parts.query}" if parts.query else ""))


@pytest.fixture
def commented_site():
    tag = make_tag()
    articles = [make_article(tags=[tag]) for _ in range(3)]
    first = make_comment(articles[0], email=EMAILS[0], name="Secret Reader", website="https://reader.example/")
    make_comment(articles[0], parent=first, email=EMAILS[0], text="Replying to myself.")
    make_comment(articles[1], email=EMAILS[1], status=Comment.Status.PENDING)
    make_comment(articles[2], email=EMAILS[2], status=Comment.Status.SPAM)
    make_comment(articles[2], email=EMAILS[0])
    return articles


def test_no_public_page_contains_a_commenters_email(client, commented_site):
    pages = list(crawl(client, ["/", "/en/", "/hy/", "/robots.txt", "/sitemap.xml", "/en/feed/", "/hy/feed/"]))

    article_pages = [url for url, response in pages if response.status_code == 200 and "#" not in url]
    assert any(commented_site[0].get_absolute_url("en") in url for url in article_pages)  # the crawl reached them
    assert any("replytocom=" in url for url, _response in pages)
    for url, response in pages:
        assert response.status_code < 500, url
        assert_private(response, url)


def test_error_pages_contain_no_commenters_email(client, commented_site):
    closed = make_article(allow_comments=False)
    article = commented_site[0]

    responses = {
        "404": client.get("/en/no-such-section/no-such-article/"),
        "403 closed": client.post(post_url(closed), comment_form_data(closed)),
        "400 invalid": client.post(post_url(article), comment_form_data(article, email="broken")),
        "400 bad reply": client.post(post_url(article), comment_form_data(article, parent="999999")),
        "405 wrong method": client.get(post_url(article)),
    }

    for where, response in responses.items():
        assert response.status_code in (400, 403, 404, 405), where
        assert_private(response, where)


def test_a_commenters_own_pending_view_shows_no_email(client):
    article = make_article()
    response = post_comment(client, article, email=EMAILS[1], text="A thought the moderators have not seen yet.")

    own_view = client.get(response["Location"])

    assert own_view.status_code == 200
    page = own_view.content.decode()
    assert "A thought the moderators have not seen yet." in page
    assert "Your comment is awaiting moderation." in page
    assert_private(own_view, "the commenter's own view")


def test_erase_addresses_clears_ip_and_user_agent_after_sixty_days():
    article = make_article()
    old = make_comment(article, ip_address="198.51.100.1", user_agent="OldBrowser")
    recent = make_comment(article, ip_address="198.51.100.2", user_agent="NewBrowser")
    Comment.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=61))
    Comment.objects.filter(pk=recent.pk).update(created_at=timezone.now() - datetime.timedelta(days=59))

    call_command("erase_comment_addresses", stdout=io.StringIO())

    old.refresh_from_db(), recent.refresh_from_db()
    assert (old.ip_address, old.user_agent) == (None, "")
    assert (recent.ip_address, recent.user_agent) == ("198.51.100.2", "NewBrowser")
    assert old.text and old.email  # only the addresses go


def test_retention_period_is_a_setting(settings):
    settings.COMMENTS_RETENTION_DAYS = 7
    comment = make_comment(make_article(), ip_address="198.51.100.1")
    Comment.objects.filter(pk=comment.pk).update(created_at=timezone.now() - datetime.timedelta(days=8))

    call_command("erase_comment_addresses", stdout=io.StringIO())

    comment.refresh_from_db()
    assert comment.ip_address is None


def test_export_gives_every_comment_of_one_email_as_json():
    article = make_article()
    mine = [make_comment(article, email="me@example.org", text=f"Mine {n}") for n in range(2)]
    make_comment(article, email="someone.else@example.org")
    out = io.StringIO()

    call_command("export_comments", "ME@example.org", stdout=out)

    export = json.loads(out.getvalue())
    assert [c["id"] for c in export["comments"]] == [c.pk for c in mine]
    assert {c["email"] for c in export["comments"]} == {"me@example.org"}
    assert export["comments"][0]["url"].endswith(f"#comment-{mine[0].pk}")


def test_erase_deletes_every_comment_of_one_email_and_nothing_else():
    article = make_article()
    for _ in range(3):
        make_comment(article, email="leave.me@example.org")
    kept = make_comment(article, email="stay@example.org")

    call_command("erase_comments", "Leave.Me@example.org", "--no-input", stdout=io.StringIO())

    assert list(Comment.objects.all()) == [kept]


def test_erase_asks_before_deleting(monkeypatch):
    comment = make_comment(make_article(), email="careful@example.org")
    monkeypatch.setattr("builtins.input", lambda prompt: "no")

    with pytest.raises(CommandError, match="^Nothing deleted\\.$"):
        call_command("erase_comments", "careful@example.org", stdout=io.StringIO())

    assert list(Comment.objects.all()) == [comment]


def test_no_public_page_contains_a_commenters_email_in_armenian(client, commented_site):
    page = Client().get(commented_site[0].get_absolute_url("hy"))

    assert page.status_code == 200
    assert "Secret Reader" in page.content.decode()
    assert_private(page, "the Armenian article page")
