"""Posting a comment: where the reader lands, what they see, and what everyone else sees."""

import json
from html.parser import HTMLParser
from urllib.parse import unquote

import pytest
from django.test import Client

from articles.models import Article
from comments.cookies import COMMENTER_COOKIE, PENDING_COOKIE, reader_has_pending
from comments.models import Comment
from tests.factories import comment_form_data, make_article, make_comment, post_comment, post_url

pytestmark = pytest.mark.django_db

AWAITING = "Your comment is awaiting moderation."


def test_posting_redirects_to_the_new_comment_on_the_article_page(client):
    article = make_article()

    response = post_comment(client, article)

    comment = Comment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{article.get_absolute_url('en')}#comment-{comment.pk}"


def test_new_comment_waits_for_moderation_with_its_details_stored(client):
    article = make_article()

    post_comment(
        client,
        article,
        name="Ani",
        email="Ani@Example.org",
        website="https://ani.example/",
        headers={"user-agent": "TestBrowser/1.0"},
    )

    comment = Comment.objects.get()
    assert comment.status == Comment.Status.PENDING
    assert (comment.name, comment.email, comment.website) == ("Ani", "ani@example.org", "https://ani.example/")
    assert comment.ip_address == "127.0.0.1"
    assert comment.user_agent == "TestBrowser/1.0"
    assert comment.approved_at is None


def test_pending_comment_is_visible_only_to_its_author(client):
    article = make_article()
    post_comment(client, article, text="Only I can see this for now.")
    stranger = Client()

    own_view = client.get(article.get_absolute_url("en")).content.decode()
    stranger_view = stranger.get(article.get_absolute_url("en")).content.decode()

    assert "Only I can see this for now." in own_view and AWAITING in own_view
    assert "Only I can see this for now." not in stranger_view and AWAITING not in stranger_view


def test_reader_with_a_pending_comment_is_marked_for_a_fresh_render(client, rf):
    article = make_article()
    response = post_comment(client, article)

    request = rf.get("/", HTTP_COOKIE=f"{PENDING_COOKIE}={response.cookies[PENDING_COOKIE].value}")

    assert reader_has_pending(request)
    assert not reader_has_pending(rf.get("/"))
    assert not reader_has_pending(rf.get("/", HTTP_COOKIE=f"{PENDING_COOKIE}=1.2.3"))  # unsigned: ignored


def test_forged_pending_cookie_shows_nobody_elses_comment(client):
    article = make_article()
    make_comment(article, text="Published remark.")
    other = make_comment(article, status=Comment.Status.PENDING, text="Somebody else's draft remark.")
    client.cookies[PENDING_COOKIE] = str(other.pk)

    response = client.get(article.get_absolute_url("en"))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Published remark." in page  # the thread itself rendered
    assert "Somebody else's draft remark." not in page


def test_approved_comment_is_shown_to_everyone(client):
    article = make_article()
    make_comment(article, text="Published remark.")

    page = client.get(article.get_absolute_url("en")).content.decode()

    assert "Published remark." in page
    assert AWAITING not in page


def test_spam_and_trash_are_never_shown(client):
    article = make_article()
    make_comment(article, text="Published remark.")
    make_comment(article, status=Comment.Status.SPAM, text="Buy cheap things")
    make_comment(article, status=Comment.Status.TRASH, text="Removed remark")

    response = client.get(article.get_absolute_url("en"))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Published remark." in page  # the thread itself rendered
    assert "Buy cheap things" not in page and "Removed remark" not in page


def test_article_page_has_the_leave_a_reply_form_as_designed(client):
    article = make_article()

    page = client.get(article.get_absolute_url("en")).content.decode()

    for text in [
        "Leave a Reply",
        "Your email address will not be published.",
        "Required fields are marked",
        ">Comment<",
        'Name <span class="required" aria-hidden="true">*</span>',
        'Email <span class="required" aria-hidden="true">*</span>',
        ">Website<",
        "Save my name, email, and website in this browser for the next time I comment.",
        "Post Comment",
    ]:
        assert text in page, text


def test_form_page_holds_nothing_per_reader(client):
    """The page can be cached and shared: no CSRF token, no cookie set, same HTML for two readers."""
    article = make_article()
    url = article.get_absolute_url("en")

    first, second = Client().get(url), Client().get(url)

    assert "csrfmiddlewaretoken" not in first.content.decode()
    assert not first.cookies
    strip = lambda html: html.decode().split('name="timestamp"')[0]  # noqa: E731 -- the timestamp is per render
    assert strip(first.content) == strip(second.content)


def test_remembered_details_are_set_in_a_cookie_only_when_ticked(client):
    article = make_article()

    unticked = post_comment(client, article, remote_addr="192.0.2.1")
    ticked = post_comment(
        client,
        article,
        remote_addr="192.0.2.2",
        name="Lilit",
        email="lilit@example.org",
        website="https://lilit.example/",
        remember="on",
    )

    assert unticked.cookies[COMMENTER_COOKIE].value == ""  # deleted
    saved = json.loads(unquote(ticked.cookies[COMMENTER_COOKIE].value))
    assert saved == {"name": "Lilit", "email": "lilit@example.org", "website": "https://lilit.example/"}


def test_remembered_details_are_never_written_into_the_page(client):
    article = make_article()
    post_comment(client, article, email="lilit@example.org", remember="on")
    Comment.objects.update(status=Comment.Status.APPROVED)

    page = client.get(article.get_absolute_url("en")).content.decode()

    assert "lilit@example.org" not in page


def test_comment_text_is_escaped_with_paragraphs_and_nofollow_links(client):
    article = make_article()
    make_comment(
        article, text="<script>alert('x')</script> first line\nsecond line\n\nSee https://example.com/page now."
    )

    page = client.get(article.get_absolute_url("en")).content.decode()

    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; first line<br>second line</p>" in page
    assert '<a href="https://example.com/page" rel="nofollow ugc noopener">https://example.com/page</a>' in page


def test_html_in_name_and_website_is_shown_escaped(client):
    article = make_article()
    make_comment(article, name='<img src=x onerror="alert(1)">', website='https://example.com/"><script>')

    page = client.get(article.get_absolute_url("en")).content.decode()

    assert "<img src=x" not in page and '"><script>' not in page
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in page


def test_replies_are_threaded_under_their_parent_oldest_first(client):
    article = make_article()
    first = make_comment(article, text="First top-level remark.")
    reply = make_comment(article, parent=first, text="A reply to the first.")
    make_comment(article, text="Second top-level remark.")

    page = client.get(article.get_absolute_url("en")).content.decode()

    assert page.index("First top-level remark.") < page.index("A reply to the first.") < page.index("Second top-level")
    replies_list = page[page.index(f'id="comment-{first.pk}"') : page.index("Second top-level")]
    assert 'class="comment-list comment-list--replies"' in replies_list and f'id="comment-{reply.pk}"' in replies_list


class CommentTree(HTMLParser):
    """Each comment's enclosing comments, read from the page's nested <li> elements; fails on a misnested tag."""

    def __init__(self):
        super().__init__()
        self.stack, self.ancestors = [], {}

    def handle_starttag(self, tag, attrs):
        if tag in ("li", "ol"):
            element_id = dict(attrs).get("id", "")
            if element_id.startswith("comment-"):
                self.ancestors[element_id] = [i for t, i in self.stack if t == "li" and i.startswith("comment-")]
            self.stack.append((tag, element_id))

    def handle_endtag(self, tag):
        if tag in ("li", "ol"):
            assert self.stack and self.stack[-1][0] == tag, f"</{tag}> closes {self.stack[-1:]}"
            self.stack.pop()


def test_a_deep_thread_is_nested_exactly_as_it_was_written(client):
    article = make_article()
    a = make_comment(article, text="A")
    a1 = make_comment(article, parent=a, text="A1")
    a1x = make_comment(article, parent=a1, text="A1x")
    a1y = make_comment(article, parent=a1, text="A1y")
    a2 = make_comment(article, parent=a, text="A2")
    b = make_comment(article, text="B")
    b1 = make_comment(article, parent=b, text="B1")
    tree = CommentTree()

    tree.feed(client.get(article.get_absolute_url("en")).content.decode())

    assert tree.stack == []
    ids = {comment: f"comment-{comment.pk}" for comment in (a, a1, a1x, a1y, a2, b, b1)}
    assert tree.ancestors == {
        ids[a]: [],
        ids[a1]: [ids[a]],
        ids[a1x]: [ids[a], ids[a1]],
        ids[a1y]: [ids[a], ids[a1]],
        ids[a2]: [ids[a]],
        ids[b]: [],
        ids[b1]: [ids[b]],
    }


def test_count_is_shown_with_plurals(client):
    one, three = make_article(), make_article()
    make_comment(one)
    for _ in range(3):
        make_comment(three)

    assert '<h2 class="comments__title">One Response</h2>' in client.get(one.get_absolute_url("en")).content.decode()
    assert '<h2 class="comments__title">3 Responses</h2>' in client.get(three.get_absolute_url("en")).content.decode()


def test_reply_is_stored_under_an_approved_parent(client):
    article = make_article()
    parent = make_comment(article)

    response = post_comment(client, article, parent=str(parent.pk))

    reply = Comment.objects.get(parent=parent)
    assert response.status_code == 302 and reply.depth == 2


def test_reply_link_works_without_javascript(client):
    article = make_article()
    parent = make_comment(article, name="Narek")

    page = client.get(article.get_absolute_url("en"), {"replytocom": parent.pk}).content.decode()

    assert f'<input type="hidden" name="parent" value="{parent.pk}"' in page
    assert "Replying to Narek" in page


@pytest.mark.parametrize(
    "on_another_article, status",
    [
        (False, Comment.Status.PENDING),
        (False, Comment.Status.SPAM),
        (False, Comment.Status.TRASH),
        (True, Comment.Status.APPROVED),
    ],
    ids=["pending", "spam", "trash", "on-another-article"],
)
def test_reply_to_a_comment_not_published_on_this_article_is_refused(client, on_another_article, status):
    article = make_article()
    parent = make_comment(make_article() if on_another_article else article, status=status)

    response = post_comment(client, article, parent=str(parent.pk))

    assert response.status_code == 400
    assert "You can only reply to a published comment on this article." in response.content.decode()
    assert list(Comment.objects.all()) == [parent]


@pytest.mark.parametrize("parent", ["abc", "999999", "-1", "1.5", "99999999999999999999999"])
def test_reply_to_a_garbled_or_unknown_parent_is_a_form_error(client, parent):
    article = make_article()

    response = post_comment(client, article, parent=parent)

    assert response.status_code == 400
    assert Comment.objects.count() == 0


def test_replies_nest_down_to_the_depth_limit_and_no_further(client, settings):
    settings.COMMENTS_FLOOD_SECONDS = 0
    article = make_article()
    parent = make_comment(article)
    for _level in range(2, settings.COMMENTS_MAX_DEPTH + 1):
        parent = make_comment(article, parent=parent)
    assert parent.depth == 5

    response = post_comment(client, article, parent=str(parent.pk))

    assert response.status_code == 400
    assert "This conversation cannot be nested any deeper." in response.content.decode()
    assert f'href="?replytocom={parent.pk}' not in client.get(article.get_absolute_url("en")).content.decode()


def test_invalid_form_rerenders_the_article_with_errors_and_input_kept(client):
    article = make_article()

    response = post_comment(client, article, text="My carefully written thoughts.", name="Ani", email="not-an-email")

    page = response.content.decode()
    assert response.status_code == 400
    assert article.title_en in page  # the article page itself
    assert "Enter a valid email address." in page
    assert "My carefully written thoughts.</textarea>" in page
    assert 'value="Ani"' in page and 'value="not-an-email"' in page
    assert Comment.objects.count() == 0


@pytest.mark.parametrize("field", ["text", "name", "email"])
def test_missing_required_field_is_a_form_error(client, field):
    article = make_article()

    response = post_comment(client, article, **{field: ""})

    assert response.status_code == 400
    assert "This field is required." in response.content.decode()


@pytest.mark.parametrize(
    "field, length",
    [("text", 65525), ("name", 245), ("email", 100), ("website", 200)],
)
def test_fields_accept_wordpress_limits_and_refuse_one_more(client, settings, field, length):
    settings.COMMENTS_FLOOD_SECONDS = 0
    article = make_article()

    def value(size):
        if field == "email":
            return "a" * (size - len("@example.org")) + "@example.org"
        if field == "website":
            return "https://example.org/" + "a" * (size - len("https://example.org/"))
        return "x" * size

    at_limit = post_comment(client, article, **{field: value(length)})
    over_limit = post_comment(client, article, **{field: value(length + 1)})

    assert at_limit.status_code == 302
    assert over_limit.status_code == 400
    assert Comment.objects.count() == 1


@pytest.mark.parametrize(
    "website", ["ftp://example.org/", "javascript:alert(1)", "data:text/html,<b>x</b>", "mailto:a@example.org"]
)
def test_website_must_be_http_or_https(client, website):
    article = make_article()

    response = post_comment(client, article, website=website)

    assert response.status_code == 400
    assert "Enter a valid URL." in response.content.decode()


def test_website_without_scheme_is_taken_as_https(client):
    article = make_article()

    post_comment(client, article, website="example.org")

    assert Comment.objects.get().website == "https://example.org"


@pytest.mark.parametrize("field", ["text", "name", "email", "website", "parent", "timestamp", "homepage"])
def test_null_byte_in_any_field_is_a_form_error(client, field):
    article = make_article()

    response = post_comment(client, article, **{field: "abc\x00def"})

    assert response.status_code == 400
    assert Comment.objects.count() == 0


@pytest.mark.parametrize("character", ["\x01", "\x1b", "\x7f", "\ufffe"])
def test_control_characters_are_a_form_error(client, character):
    article = make_article()

    response = post_comment(client, article, text=f"Looks fine{character} but is not.")

    assert response.status_code == 400
    assert "This field contains characters that cannot be shown." in response.content.decode()


def test_armenian_text_and_names_are_welcome(client):
    article = make_article()

    response = post_comment(client, article, language="hy", name="Արամ", text="Շնորհակալություն հոդվածի համար։")

    assert response.status_code == 302
    assert response["Location"].startswith(article.get_absolute_url("hy"))
    assert Comment.objects.get().name == "Արամ"


def deleted_article():
    article = make_article()
    address = post_url(article), comment_form_data(article)
    article.delete()
    return address


def draft():
    article = make_article(status=Article.Status.DRAFT)
    return post_url(article), comment_form_data(article)


def armenian_address_of_an_english_only_article():
    article = make_article(languages=("en",))
    return post_url(article, "hy"), comment_form_data(article)


def absurd_article_number():
    article = make_article()
    return post_url(article).replace(f"/{article.pk}/", "/99999999999999999999999/"), comment_form_data(article)


@pytest.mark.parametrize(
    "address", [deleted_article, draft, armenian_address_of_an_english_only_article, absurd_article_number]
)
def test_posting_to_an_article_readers_cannot_see_answers_404(client, address):
    url, data = address()

    response = client.post(url, data)

    assert response.status_code == 404
    assert "404.html" in [template.name for template in response.templates]
    assert Comment.objects.count() == 0


def test_posting_to_a_closed_article_answers_403_in_the_readers_language(client):
    closed = make_article(allow_comments=False)

    english = post_comment(client, closed)
    armenian = Client().post(post_url(closed, "hy"), comment_form_data(closed))

    assert english.status_code == 403
    assert "Comments are closed on this article." in english.content.decode()
    assert armenian.status_code == 403
    assert '<html lang="hy">' in armenian.content.decode()
    assert Comment.objects.count() == 0


def test_closed_article_shows_no_form(client):
    closed = make_article(allow_comments=False)

    page = client.get(closed.get_absolute_url("en")).content.decode()

    assert "Leave a Reply" not in page
    assert "Comments are closed." in page


def test_comments_close_by_themselves_after_the_set_number_of_days(client, settings):
    import datetime

    from django.utils import timezone

    settings.COMMENTS_CLOSE_AFTER_DAYS = 30
    old = make_article(published_at=timezone.now() - datetime.timedelta(days=31))
    recent = make_article(published_at=timezone.now() - datetime.timedelta(days=29))

    assert post_comment(client, old, remote_addr="192.0.2.1").status_code == 403
    assert post_comment(client, recent, remote_addr="192.0.2.2").status_code == 302


def test_comments_stay_open_on_old_articles_by_default(client):
    import datetime

    from django.utils import timezone

    ancient = make_article(published_at=timezone.now() - datetime.timedelta(days=4000))

    assert post_comment(client, ancient).status_code == 302


def test_get_on_the_posting_address_is_refused_politely(client):
    article = make_article()

    response = client.get(post_url(article))

    assert response.status_code == 405


def test_oversized_request_is_refused_without_a_server_error(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 100_000
    article = make_article()

    response = post_comment(client, article, text="x" * 200_000)

    assert response.status_code == 400
    assert Comment.objects.count() == 0


def test_body_that_is_not_utf8_is_answered_without_a_server_error(client):
    article = make_article()
    body = b"text=caf\xe9+\xff\xfe&name=N\xe4me&email=a%40example.org&timestamp=x"

    response = client.post(post_url(article), body, content_type="application/x-www-form-urlencoded")

    assert response.status_code == 400


def test_editors_preview_of_a_draft_offers_no_comment_form(admin_client):
    draft = make_article(status=Article.Status.DRAFT)

    response = admin_client.get(draft.get_preview_url("en"))

    page = response.content.decode()
    assert response.status_code == 200
    assert f"<h1>{draft.title_en}</h1>" in page and '<section id="comments" class="comments">' in page
    assert "Leave a Reply" not in page and "Comments are closed." not in page


def test_null_byte_in_the_user_agent_is_dropped_not_a_server_error(client):
    article = make_article()

    response = post_comment(client, article, headers={"user-agent": "Bot\x00/1.0"})

    assert response.status_code == 302
    assert Comment.objects.get().user_agent == "Bot/1.0"
