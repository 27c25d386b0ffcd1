"""
A conversation per language: a comment belongs to the language page it was
posted from and is shown there only; comments from before conversations were
per language (no language) are shown on every language's page.
"""

import json

import pytest
from django.core.management import call_command
from django.test import Client

from comments.models import Comment
from tests.factories import make_article, make_comment, post_comment

pytestmark = pytest.mark.django_db

ARMENIAN_BAD_PARENT = "Կարող եք պատասխանել միայն այս հոդվածի հրապարակված մեկնաբանությանը։"
ENGLISH_BAD_PARENT = "You can only reply to a published comment on this article."


def page(client, article, language) -> str:
    response = client.get(article.get_absolute_url(language))
    assert response.status_code == 200
    return response.content.decode()


def test_a_new_comment_takes_the_language_of_the_page_it_is_posted_from(client):
    article = make_article()

    post_comment(client, article, "en", text="Posted from the English page.")
    post_comment(client, article, "hy", text="Հայերեն էջից գրված։", remote_addr="127.0.0.2")

    assert Comment.objects.get(text="Posted from the English page.").language == "en"
    assert Comment.objects.get(text="Հայերեն էջից գրված։").language == "hy"


def test_an_english_comment_is_not_on_the_armenian_page_and_an_armenian_one_not_on_the_english(client):
    article = make_article()
    make_comment(article, language="en", text="Said in English.")
    make_comment(article, language="hy", text="Ասված է հայերեն։")

    english, armenian = page(client, article, "en"), page(client, article, "hy")

    assert "Said in English." in english and "Ասված է հայերեն։" not in english
    assert "Ասված է հայերեն։" in armenian and "Said in English." not in armenian
    assert "One Response" in english
    assert "1 պատասխան" in armenian


def test_a_comment_from_before_conversations_were_per_language_shows_on_every_page(client):
    article = make_article()
    older = make_comment(article, text="Written before languages were told apart.")
    make_comment(article, language="hy", text="Միայն հայերեն։")

    assert older.language == ""
    assert "Written before languages were told apart." in page(client, article, "en")
    armenian = page(client, article, "hy")
    assert "Written before languages were told apart." in armenian and "2 պատասխան" in armenian


def test_a_commenter_sees_their_own_waiting_comment_on_its_own_language_page_only(client):
    article = make_article()
    post_comment(client, article, "en", text="Mine, waiting, in English.")

    assert "Mine, waiting, in English." in page(client, article, "en")
    assert "Mine, waiting, in English." not in page(client, article, "hy")


def test_listing_counts_are_those_of_the_listings_language(client):
    article = make_article()
    for _ in range(3):
        make_comment(article, language="en")
    make_comment(article, language="hy")
    make_comment(article)  # from before: counted on both
    make_comment(article, language="hy", status=Comment.Status.PENDING)  # not counted anywhere

    for path_of in (lambda language: f"/{language}/", article.section.get_absolute_url):
        english, armenian = client.get(path_of("en")).content.decode(), client.get(path_of("hy")).content.decode()
        assert "4 Responses" in english
        assert "2 պատասխան" in armenian


def test_a_reply_across_languages_is_refused_in_the_readers_language_and_nothing_is_saved(client):
    article = make_article()
    english = make_comment(article, language="en", text="An English remark.")

    response = post_comment(client, article, "hy", parent=str(english.pk), text="Պատասխան այլ լեզվով։")

    assert response.status_code == 400
    assert ARMENIAN_BAD_PARENT in response.content.decode()
    assert not Comment.objects.filter(text="Պատասխան այլ լեզվով։").exists()


def test_a_reply_from_the_english_page_to_an_armenian_comment_is_refused_in_english(client):
    article = make_article()
    armenian = make_comment(article, language="hy")

    response = post_comment(client, article, "en", parent=str(armenian.pk), text="Crossing over.")

    assert response.status_code == 400
    assert ENGLISH_BAD_PARENT in response.content.decode()
    assert Comment.objects.count() == 1


def test_the_no_javascript_reply_link_offers_no_comment_of_another_language(client):
    article = make_article()
    english = make_comment(article, language="en", name="Aram")

    armenian_page = client.get(f"{article.get_absolute_url('hy')}?replytocom={english.pk}").content.decode()
    english_page = client.get(f"{article.get_absolute_url('en')}?replytocom={english.pk}").content.decode()

    assert f'name="parent" value="{english.pk}"' not in armenian_page
    assert f'name="parent" value="{english.pk}"' in english_page


def test_a_reply_takes_its_parents_language(client):
    article = make_article()
    armenian = make_comment(article, language="hy")

    response = post_comment(client, article, "hy", parent=str(armenian.pk), text="Համաձայն եմ։")

    reply = Comment.objects.get(text="Համաձայն եմ։")
    assert response.status_code == 302
    assert (reply.parent, reply.language) == (armenian, "hy")
    # The model keeps the rule whoever saves: a reply to an Armenian comment is in Armenian.
    assert make_comment(article, parent=armenian, language="en").language == "hy"


def test_a_reply_to_a_comment_from_before_joins_the_conversation_it_is_posted_in(client):
    article = make_article()
    older = make_comment(article)

    post_comment(client, article, "hy", parent=str(older.pk), text="Պատասխան հին մեկնաբանությանը։")
    post_comment(client, article, "en", parent=str(older.pk), text="An English reply.", remote_addr="127.0.0.2")

    assert Comment.objects.get(text="Պատասխան հին մեկնաբանությանը։").language == "hy"
    assert Comment.objects.get(text="An English reply.").language == "en"
    for reply in Comment.objects.filter(status=Comment.Status.PENDING):
        reply.approve()
        reply.save()
    english = page(client, article, "en")
    assert "An English reply." in english and "Պատասխան հին մեկնաբանությանը։" not in english


def test_a_comments_address_is_on_its_own_languages_page():
    article = make_article()
    armenian, older = make_comment(article, language="hy"), make_comment(article)

    assert armenian.get_absolute_url() == f"{article.get_absolute_url('hy')}#comment-{armenian.pk}"
    assert armenian.get_absolute_url("en") == f"{article.get_absolute_url('hy')}#comment-{armenian.pk}"
    assert older.get_absolute_url("hy") == f"{article.get_absolute_url('hy')}#comment-{older.pk}"


def test_approving_an_armenian_comment_freshens_the_cached_armenian_page_only_it_shows_on(moderator_client):
    reader = Client()
    article = make_article()
    waiting = make_comment(article, language="hy", status=Comment.Status.PENDING, text="Սպասում է։")
    page(reader, article, "hy"), page(reader, article, "en")
    assert reader.get(article.get_absolute_url("hy"))["X-Cache"] == "hit"

    moderator_client.post("/admin/comments/comment/", {"action": "approve", "_selected_action": [waiting.pk]})

    assert "Սպասում է։" in page(reader, article, "hy")
    assert "Սպասում է։" not in page(reader, article, "en")


def test_the_privacy_export_gives_each_comments_language(tmp_path):
    article = make_article()
    make_comment(article, email="ani@example.org", language="hy")
    make_comment(article, email="ani@example.org")
    output = tmp_path / "ani.json"

    call_command("export_comments", "ani@example.org", "--output", str(output))

    exported = json.loads(output.read_text())["comments"]
    assert sorted(comment["language"] for comment in exported) == ["", "hy"]
