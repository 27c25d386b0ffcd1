"""Every WordPress address of an imported post answers 301 to its new page in the post's own language."""

import pytest
from django.contrib.redirects.models import Redirect
from django.contrib.sites.models import Site

from .conftest import EXPORTS
from .test_import_posts import article_for

ARMENIAN_SLUG = "%D5%A5%D6%80%D5%AF%D5%AD%D5%B8%D5%BD%D5%B8%D6%82%D5%A9%D5%B5%D5%B8%D6%82%D5%B6"


def english():
    return article_for(101).get_absolute_url("en")


def armenian():
    return article_for(101).get_absolute_url("hy")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/2022/10/05/a-new-level-of-dialogue/", english),
        ("/a-new-level-of-dialogue/", english),
        ("/?p=101", english),
        (f"/hy/2022/10/05/{ARMENIAN_SLUG}/", armenian),
        (f"/hy/{ARMENIAN_SLUG}/", armenian),
        ("/?p=102", armenian),
        ("/category/news-explained/", lambda: "/en/news-explained/"),
        ("/hy/category/bacatrutyun/", lambda: "/hy/bacatrutyun/"),
        ("/category/politics/", lambda: "/en/tags/politics/"),
        ("/tag/elections/", lambda: "/en/tags/elections/"),
    ],
)
def test_each_old_link_answers_301_to_the_new_page_in_the_posts_language(polylang_site, client, old, new):
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == new()
    assert "Set-Cookie" not in response
    assert client.get(response["Location"]).status_code == 200


def test_an_unprefixed_old_link_is_not_taken_by_the_language_redirect(polylang_site, client):
    # LocaleMiddleware would send /a-new-level-of-dialogue/ to /hy/a-new-level-of-dialogue/ (302) for
    # an Armenian reader; the old link answers first, with the post's own language.
    response = client.get("/a-new-level-of-dialogue/", headers={"accept-language": "hy"})
    assert (response.status_code, response["Location"]) == (301, english())


def test_an_old_link_without_its_slash_still_arrives(polylang_site, client):
    response = client.get("/a-new-level-of-dialogue", follow=True)
    assert response.redirect_chain[-1] == (english(), 301)
    assert response.status_code == 200


def test_the_old_link_of_a_sub_category_leads_to_its_tag(db, run_import, client):
    run_import(EXPORTS / "single.xml", "--language", "hy")
    assert client.get("/category/town/council/")["Location"] == "/hy/tags/council/"
    assert client.get("/the-council-passes-the-budget/")["Location"] == "/hy/town/the-council-passes-the-budget/"


def test_drafts_get_no_old_links(db, run_import):
    run_import(EXPORTS / "single.xml", "--language", "hy")
    assert not Redirect.objects.filter(old_path="/?p=302").exists()


def test_newsrooms_own_pages_win_over_an_old_link_to_the_same_address(polylang_site, client):
    section_page = "/en/news-explained/"
    Redirect.objects.create(site=Site.objects.get_current(), old_path=section_page, new_path="/elsewhere/")
    assert client.get(section_page).status_code == 200


def test_an_unknown_old_link_is_still_a_404_and_the_root_still_chooses_a_language(polylang_site, client):
    assert client.get("/2022/10/05/never-written/").status_code == 404
    assert client.get("/")["Location"] == "/en/"


def test_editors_see_the_old_links_in_the_admin(polylang_site, admin_client):
    page = admin_client.get("/admin/redirects/redirect/?q=dialogue").content.decode()
    assert "/2022/10/05/a-new-level-of-dialogue/" in page


def test_editors_can_look_up_where_a_wordpress_id_went(polylang_site, admin_client):
    response = admin_client.get("/admin/wordpress/importedobject/?kind=post&q=101")
    assert response.status_code == 200
    assert "http://old.example.org" in response.content.decode()
    assert admin_client.get("/admin/wordpress/importedobject/add/").status_code == 403
