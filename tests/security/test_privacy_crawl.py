"""
The privacy crawl, extended (tests/comments/test_privacy.py holds the first
one and the helpers): comments with unique emails in every status, then every
public URL in both languages, feeds, comments feeds, sitemaps, the news
sitemap, robots.txt, searches for the commenters' names, error pages and a
shareable preview, bodies and headers alike: no email, and no MD5, SHA-1 or
SHA-256 of one (hex or base64, as typed or normalized), anywhere.
"""

import base64
import hashlib
import itertools

import pytest
from django.apps import apps
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from articles import workflow
from articles.models import Article
from comments.models import Comment
from tests.comments.test_privacy import crawl, email_forms
from tests.factories import (
    comment_form_data,
    make_article,
    make_author,
    make_comment,
    make_tag,
    post_comment,
    post_url,
)

pytestmark = pytest.mark.django_db

# Unique addresses, mixed case as people type them; each kind of comment has its own.
SEEDED = {
    Comment.Status.APPROVED: ["Approved.Reader+news@Example.ORG", "ani.h@xn--y9a3aq.example"],
    Comment.Status.PENDING: ["Waiting.Writer@Example.net"],
    Comment.Status.SPAM: ["Spam.Bot.77@Example.com"],
    Comment.Status.TRASH: ["Trashed.One@example.org"],
}
POSTED = "Posted.Through.Form@Example.org"
NAMES = ["Marianna Commenter", "Waiting Writer", "Spammy McSpam"]


def every_form() -> list[tuple[str, str]]:
    return [(form, email) for email in [*itertools.chain(*SEEDED.values()), POSTED] for form in email_forms(email)]


FORMS = every_form()


def assert_private(response, where):
    text = response.content.decode(errors="replace") + "\n".join(f"{k}: {v}" for k, v in response.headers.items())
    text += "\n".join(f"{morsel.key}={morsel.value}" for morsel in response.cookies.values())
    leaked = [(form, email) for form, email in FORMS if form in text]
    assert not leaked, f"{where} shows {leaked[:3]}"


@pytest.fixture
def seeded(settings):
    settings.SITE_URL = "http://testserver"  # absolute links in sitemaps and feeds are followed too
    settings.COMMENTS_FLOOD_SECONDS = 0
    tag, author = make_tag(), make_author()
    articles = [make_article(tags=[tag], authors=[author]) for _ in range(2)]
    names = itertools.cycle(NAMES)
    for status, emails in SEEDED.items():
        for email in emails:
            for article in articles:
                make_comment(article, status=status, email=email.lower(), name=next(names))
    draft = make_article(status=Article.Status.DRAFT)
    make_comment(draft, email=SEEDED[Comment.Status.APPROVED][0].lower(), name=NAMES[0])
    return {"articles": articles, "tag": tag, "author": author, "draft": draft}


def test_crawling_every_public_url_finds_no_email_nor_a_hash_of_one(client, seeded):
    # One more, posted through the form as typed (the model stores it normalized).
    assert post_comment(client, seeded["articles"][0], email=POSTED, name=NAMES[0]).status_code == 302
    client.cookies.clear()  # a fresh reader: the poster's own pending view is tested below
    starts = ["/", "/en/", "/hy/", "/robots.txt", "/sitemap.xml", "/news-sitemap.xml"]
    for language in ("en", "hy"):
        starts += [f"/{language}/feed/", f"/{language}/feed/atom/"]
        for article in seeded["articles"]:
            starts += [f"{article.get_absolute_url(language)}comments/feed/"]
            starts += [f"{article.get_absolute_url(language)}comments/feed/atom/"]
        published = timezone.localtime(seeded["articles"][0].published_at)
        starts += [f"/{language}/{published:%Y}/{published:%m}/"]  # month archives have no link to them
        starts += [f"{seeded['tag'].get_absolute_url(language)}feed/"]
        starts += [f"{seeded['author'].get_absolute_url(language)}feed/atom/"]

    pages = dict(crawl(client, starts))

    reached = set(pages)
    for article in seeded["articles"]:
        for language in ("en", "hy"):
            assert article.get_absolute_url(language) in reached
    assert any(url.startswith("/sitemap-articles.xml") for url in reached)
    assert len(reached) > 40
    for url, response in pages.items():
        assert response.status_code < 500, url
        assert_private(response, url)


def test_the_posters_own_pending_view_and_its_cookies_show_no_email(client, seeded):
    response = post_comment(client, seeded["articles"][1], email=POSTED, text="Mine, waiting.", remember="")

    assert_private(response, "the redirect after posting")
    own = client.get(response["Location"])
    assert "Mine, waiting." in own.content.decode()
    assert_private(own, "the poster's own view")


def test_searching_for_commenters_names_shows_no_email(client, seeded):
    if not apps.is_installed("search"):
        pytest.skip("the search app is not installed on this branch")
    for language in ("en", "hy"):
        with translation.override(language):
            url = reverse("search:results")
        for name in [*NAMES, "example", "Example.ORG", "@"]:
            response = client.get(url, {"q": name})
            assert response.status_code == 200
            assert_private(response, f"{url}?q={name}")


def test_error_pages_and_the_shared_preview_show_no_email(client, seeded):
    article = seeded["articles"][0]
    closed = make_article(allow_comments=False)
    make_comment(closed, email=SEEDED[Comment.Status.PENDING][0].lower(), status=Comment.Status.PENDING)
    draft = seeded["draft"]
    client.cookies["csrftoken"] = "b" * 32
    answers = {
        "400 unreadable body": client.generic(
            "POST", post_url(article, "hy"), b"x=1", content_type="application/x-www-form-urlencoded; charset=utf-16"
        ),
        # (Not a seeded address: a refused form rightly gives the reader back what they typed.)
        "400 refused form": client.post(post_url(article), comment_form_data(article, email="x@y", website="bad")),
        "400 bad host": client.get("/en/", HTTP_HOST="evil.example"),
        "403 comments closed": client.post(post_url(closed), comment_form_data(closed, email=POSTED)),
        "404": client.get("/hy/no-such-section/no-such-article/"),
        "404 draft": client.get(draft.get_absolute_url("en")),
        "405": client.get(post_url(article)),
        "302 preview sign-in": client.get(f"/en/preview/{draft.pk}/"),
        "shared preview": client.get(workflow.shared_preview_url(draft, "en")),
        "shared preview, altered": client.get(workflow.shared_preview_url(draft, "hy") + "x/"),
    }
    assert answers["shared preview"].status_code == 200
    for where, response in answers.items():
        assert response.status_code < 500, where
        assert_private(response, where)
    # The 503 page is rendered without the request or any row (newsroom/unavailable.py).
    for language in ("en", "hy"):
        with translation.override(language):
            page = render_to_string("503.html")
        assert not [form for form, _email in FORMS if form in page]


def test_the_forms_checked_include_every_hash_as_typed_and_normalized():
    forms = email_forms(POSTED)

    for spelling in (POSTED, POSTED.lower()):
        assert spelling in forms
        for algorithm in ("md5", "sha1", "sha256"):
            digest = hashlib.new(algorithm, spelling.encode()).digest()
            assert digest.hex() in forms
            assert base64.b64encode(digest).decode() in forms
            assert base64.urlsafe_b64encode(digest).decode().rstrip("=") in forms
