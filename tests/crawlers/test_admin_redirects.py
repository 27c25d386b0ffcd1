"""
Redirects editors add in the admin (django.contrib.redirects): any old address,
query string included, answers 301 where the site itself has no page.
"""

import pytest
from django.conf import settings
from django.contrib.redirects.models import Redirect
from django.contrib.sites.models import Site

from crawlers.site import follow_site_url

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/redirects/redirect/add/"


def add_in_admin(editor_client, old_path: str, new_path: str):
    data = {"site": str(settings.SITE_ID), "old_path": old_path, "new_path": new_path, "_save": "Save"}
    return editor_client.post(ADD_URL, data)


def test_editor_adds_a_redirect_in_the_admin_and_its_old_address_answers_301(editor_client, client, article):
    response = add_in_admin(editor_client, "/2022/10/05/old-post/", article.get_absolute_url("en"))

    assert response.status_code == 302
    old = client.get("/2022/10/05/old-post/")
    assert old.status_code == 301
    assert old["Location"] == article.get_absolute_url("en")


def test_a_redirect_with_a_query_string_answers_301_from_the_site_root(editor_client, client, article):
    add_in_admin(editor_client, "/?p=123", article.get_absolute_url("hy"))

    response = client.get("/?p=123")

    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url("hy")


def test_the_root_without_a_matching_redirect_still_chooses_the_readers_language(client, article):
    Redirect.objects.create(site_id=settings.SITE_ID, old_path="/?p=123", new_path=article.get_absolute_url("en"))

    response = client.get("/?p=124")

    assert response.status_code == 302
    assert response["Location"] == "/en/?p=124"


def test_the_sites_own_pages_win_over_a_redirect(client, article):
    Redirect.objects.create(site_id=settings.SITE_ID, old_path=article.get_absolute_url("en"), new_path="/hy/")

    assert client.get(article.get_absolute_url("en")).status_code == 200


def test_a_redirect_added_after_a_404_was_cached_answers_at_once(client, article):
    assert client.get("/en/old-section/")["X-Cache"] == "miss"
    assert client.get("/en/old-section/").status_code == 404

    Redirect.objects.create(site_id=settings.SITE_ID, old_path="/en/old-section/", new_path="/en/")

    response = client.get("/en/old-section/")
    assert (response.status_code, response["Location"]) == (301, "/en/")


def test_a_redirect_removed_stops_answering(client, article):
    redirect = Redirect.objects.create(site_id=settings.SITE_ID, old_path="/en/gone-section/", new_path="/en/")
    assert client.get("/en/gone-section/").status_code == 301

    redirect.delete()

    assert client.get("/en/gone-section/").status_code == 404


def test_a_redirect_to_nothing_answers_410_gone(client):
    Redirect.objects.create(site_id=settings.SITE_ID, old_path="/retired-page/", new_path="")

    assert client.get("/retired-page/").status_code == 410


def test_moderators_cannot_manage_redirects(moderator_client):
    assert moderator_client.get(ADD_URL).status_code == 403


def test_the_site_takes_its_domain_from_site_url_when_migrations_run(settings):
    assert Site.objects.get_current().domain == "127.0.0.1:8000"  # tests' SITE_URL when their database was made

    settings.SITE_URL = "https://news.example.org/"
    follow_site_url()

    assert Site.objects.get_current().domain == "news.example.org"
