"""An article's comments feed: its approved comments only, escaped, naming commenters and never their email."""

import datetime
import hashlib
from xml.etree import ElementTree

import pytest

from comments.models import Comment
from tests.factories import make_article, make_comment

from .conftest import FORMATS, feed_address, parse

pytestmark = pytest.mark.django_db

ATOM = {"atom": "http://www.w3.org/2005/Atom"}
SECRET_EMAIL = "Only.Moderators.Know-7f3a@Example.NET"


def comments_feed(article, language="en") -> str:
    return f"{article.get_absolute_url(language)}comments/feed/"


def hours_ago(hours: float) -> datetime.datetime:
    return datetime.datetime.now(datetime.UTC) - datetime.timedelta(hours=hours)


@pytest.mark.parametrize("format", FORMATS)
def test_only_approved_comments_on_that_article_newest_first(client, format):
    article, other = make_article(), make_article()
    first = make_comment(article, text="The first approved remark.", created_at=hours_ago(3))
    reply = make_comment(article, parent=first, text="An approved reply.", created_at=hours_ago(2))
    for status in (Comment.Status.PENDING, Comment.Status.SPAM, Comment.Status.TRASH):
        make_comment(article, status=status, text=f"A {status} remark nobody may read.")
    make_comment(other, text="A remark on another article.")

    feed = parse(client.get(feed_address(comments_feed(article), format)))

    page = f"http://testserver{article.get_absolute_url('en')}"
    assert [entry.link for entry in feed.entries] == [f"{page}#comment-{reply.pk}", f"{page}#comment-{first.pk}"]
    assert [entry.summary for entry in feed.entries] == [
        "<p>An approved reply.</p>",
        "<p>The first approved remark.</p>",
    ]
    assert [entry.author for entry in feed.entries] == [reply.name, first.name]
    assert feed.feed.title == f"Comments on “{article.title_en}”"
    assert feed.feed.link == page


def test_the_armenian_feed_links_the_armenian_page(client):
    article = make_article()
    comment = make_comment(article)

    feed = parse(client.get(comments_feed(article, "hy")))

    assert feed.feed.language == "hy"
    assert feed.feed.title == f"Մեկնաբանություններ «{article.title_hy}» հոդվածի վերաբերյալ"
    assert feed.entries[0].title == f"Մեկնաբանության հեղինակ՝ {comment.name}"
    assert [entry.link for entry in feed.entries] == [
        f"http://testserver{article.get_absolute_url('hy')}#comment-{comment.pk}"
    ]


@pytest.mark.parametrize("format", FORMATS)
def test_comment_text_is_escaped_as_on_the_page(client, format):
    article = make_article()
    make_comment(article, text='<script>alert("x")</script> <b>bold?</b>\n\nSee https://example.org/a for more.')

    response = client.get(feed_address(comments_feed(article), format))
    [entry] = parse(response).entries

    assert "<script" not in entry.summary and "<b>" not in entry.summary
    assert "&lt;script&gt;" in entry.summary and "&lt;b&gt;bold?&lt;/b&gt;" in entry.summary
    assert '<a href="https://example.org/a" rel="nofollow ugc noopener">' in entry.summary
    # In the XML itself the markup is text twice over: never an element a reader could run.
    assert b"<script" not in response.content and b"&lt;script" not in response.content


def email_forms(email: str) -> list[bytes]:
    """The address as typed, as stored, and every common hash of either (Gravatar's md5 among them)."""
    forms = {email, email.lower(), email.strip().lower()}
    hashes = {hashlib.new(name, form.encode()).hexdigest() for form in forms for name in ("md5", "sha1", "sha256")}
    return [form.encode() for form in forms | hashes]


@pytest.mark.parametrize("format", FORMATS)
@pytest.mark.parametrize("language", ["en", "hy"])
def test_no_commenters_email_appears_in_any_form(client, format, language):
    article = make_article()
    make_comment(article, email=SECRET_EMAIL, name="Careful Reader", website="https://reader.example/")

    response = client.get(feed_address(comments_feed(article, language), format))

    assert parse(response).entries[0].author == "Careful Reader"
    raw = response.content + b"".join(f"{name}: {value}".encode() for name, value in response.headers.items())
    for form in email_forms(SECRET_EMAIL):
        assert form not in raw


def test_an_article_without_approved_comments_has_an_empty_feed(client):
    article = make_article()
    make_comment(article, status=Comment.Status.PENDING)

    assert parse(client.get(comments_feed(article))).entries == []


def test_the_number_of_comments_is_the_feeds_setting(client, settings):
    settings.FEEDS_ITEMS = 3
    article = make_article()
    comments = [make_comment(article, created_at=hours_ago(10 - n)) for n in range(5)]

    feed = parse(client.get(comments_feed(article)))

    assert [entry.link.rsplit("-", 1)[1] for entry in feed.entries] == [str(c.pk) for c in comments[::-1][:3]]


def test_atom_entries_carry_every_element_rfc_4287_requires(client):
    article = make_article()
    make_comment(article)

    for address in ("/en/feed/atom/", f"{comments_feed(article)}atom/"):
        # Read from the XML itself: feedparser fills a missing <updated> from <published>.
        feed = ElementTree.fromstring(client.get(address).content)
        for element in ("id", "title", "updated", "author/name"):
            assert feed.find(f"atom:{element}".replace("/", "/atom:"), ATOM) is not None, (address, element)
        [entry] = feed.findall("atom:entry", ATOM)
        for element in ("id", "title", "updated", "link"):
            assert entry.find(f"atom:{element}", ATOM) is not None, (address, element)


@pytest.mark.parametrize("format", FORMATS)
def test_each_languages_feed_holds_that_languages_conversation_and_the_older_comments(client, format):
    article = make_article()
    older = make_comment(article, text="From before conversations were per language.", created_at=hours_ago(3))
    english = make_comment(article, language="en", text="An English remark.", created_at=hours_ago(2))
    armenian = make_comment(article, language="hy", text="Հայերեն դիտողություն։", created_at=hours_ago(1))

    feeds = {
        language: parse(client.get(feed_address(comments_feed(article, language), format))) for language in ("en", "hy")
    }

    for language, newest in (("en", english), ("hy", armenian)):
        page = f"http://testserver{article.get_absolute_url(language)}"
        assert [entry.link for entry in feeds[language].entries] == [
            f"{page}#comment-{newest.pk}",
            f"{page}#comment-{older.pk}",
        ]
    assert "Հայերեն" not in feeds["en"].entries[0].summary
    assert "English" not in feeds["hy"].entries[0].summary
