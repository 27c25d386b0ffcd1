"""Comments come over as they were: status, threads, details, dates, and exactly as many; no mail."""

import datetime

from django.core import mail
from django_tasks_db.models import DBTaskResult

from comments.models import Comment
from tests.factories import make_moderator
from wordpress.models import ImportedObject

from .conftest import EXPORTS, post_xml


def comment_for(comment_id: int) -> Comment:
    return ImportedObject.objects.get(kind="comment", wordpress_id=str(comment_id)).current_target()


def test_exactly_as_many_comments_as_the_export_holds(polylang_site):
    assert Comment.objects.count() == 7
    assert "comment: 7 created, 0 updated, 0 unchanged" in polylang_site


def test_each_wordpress_status_maps_to_its_newsroom_status(polylang_site):
    assert comment_for(11).status == Comment.Status.APPROVED
    assert comment_for(12).status == Comment.Status.PENDING
    assert comment_for(13).status == Comment.Status.SPAM
    assert comment_for(16).status == Comment.Status.TRASH
    assert comment_for(11).approved_at == comment_for(11).created_at


def test_three_levels_of_replies_keep_their_thread(polylang_site):
    first, reply, reply_to_reply = comment_for(11), comment_for(14), comment_for(15)
    assert (first.parent, reply.parent, reply_to_reply.parent) == (None, first, reply)
    assert [first.depth, reply.depth, reply_to_reply.depth] == [1, 2, 3]


def test_replies_deeper_than_the_limit_are_flattened_to_it(db, settings, uploads, run_import):
    settings.COMMENTS_MAX_DEPTH = 2
    run_import(EXPORTS / "polylang.xml", "--uploads", str(uploads))
    assert comment_for(15).depth == 2
    assert comment_for(15).parent == comment_for(11)


def test_name_email_website_ip_and_gmt_date_are_kept(polylang_site):
    comment = comment_for(11)
    assert comment.name == "Gayane"
    assert comment.email == "gayane@reader.example"  # stored as every email is: lower case
    assert comment.website == "https://gayane.example/"
    assert comment.ip_address == "192.0.2.10"
    assert comment.created_at == datetime.datetime(2022, 10, 5, 11, 0, tzinfo=datetime.UTC)
    assert comment_for(21).ip_address == "2001:db8::7"


def test_comment_html_becomes_plain_text_and_unsafe_details_are_dropped(polylang_site):
    assert comment_for(13).text == "Buy watches at our shop."
    trashed = comment_for(16)
    assert trashed.website == ""  # javascript: is not a website
    assert trashed.ip_address is None  # "not an address"


def test_importing_comments_sends_no_mail_and_queues_none(db, uploads, run_import, run_tasks):
    make_moderator()  # who would be mailed about a new pending comment
    run_import(EXPORTS / "polylang.xml", "--uploads", str(uploads))
    assert DBTaskResult.objects.count() == 0
    assert run_tasks() == 0
    assert mail.outbox == []


def test_each_comment_of_a_translation_pair_stays_with_its_language(polylang_site):
    english, armenian = comment_for(11), comment_for(21)
    assert english.article == armenian.article
    records = ImportedObject.objects.filter(kind="comment")
    assert records.get(wordpress_id="11").language == "en"
    assert records.get(wordpress_id="21").language == "hy"
    # Every comment takes its post's language, replies included.
    assert sorted(Comment.objects.values_list("language", flat=True)) == ["en"] * 6 + ["hy"]
    assert armenian.get_absolute_url().startswith("/hy/")
    assert english.get_absolute_url("hy").startswith("/en/")


def test_approved_comments_show_on_their_own_languages_page_only(polylang_site, client):
    article = comment_for(11).article
    english = client.get(article.get_absolute_url("en")).content.decode()
    armenian = client.get(article.get_absolute_url("hy")).content.decode()
    assert "Finally some good news." in english
    assert "For everyone who has to cross that border." in english
    assert "Waiting for a moderator" not in english and "watches" not in english
    assert "Շնորհակալություն բացատրության համար։" not in english
    assert "Շնորհակալություն բացատրության համար։" in armenian
    assert "Finally some good news." not in armenian and "cross that border" not in armenian


def test_comments_of_a_post_without_language_data_join_the_language_it_is_imported_in(db, run_import, write_export):
    comment = """<wp:comment><wp:comment_id>31</wp:comment_id><wp:comment_author>Lilit</wp:comment_author>
<wp:comment_author_email>lilit@reader.example</wp:comment_author_email>
<wp:comment_date_gmt>2022-05-02 08:00:00</wp:comment_date_gmt>
<wp:comment_content>Լավ գրված է։</wp:comment_content><wp:comment_approved>1</wp:comment_approved>
<wp:comment_parent>0</wp:comment_parent></wp:comment>"""
    run_import(write_export(post_xml(30, extra=comment)), "--language", "hy")

    assert comment_for(31).language == "hy"
