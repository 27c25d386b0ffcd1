"""/robots.txt: both sitemaps by absolute address; the admin and the previews closed to crawlers."""

import pytest

pytestmark = pytest.mark.django_db


def test_robots_txt_names_both_sitemaps_and_keeps_crawlers_out_of_admin_and_previews(client, settings):
    settings.SITE_URL = "https://news.example.org"

    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode().splitlines() == [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /en/preview/",
        "Disallow: /hy/preview/",
        "",
        "Sitemap: https://news.example.org/sitemap.xml",
        "Sitemap: https://news.example.org/news-sitemap.xml",
    ]


def test_robots_txt_is_the_same_for_every_reader(client):
    english = client.get("/robots.txt", headers={"accept-language": "en"})
    armenian = client.get("/robots.txt", headers={"accept-language": "hy"}, cookies={"django_language": "hy"})

    assert armenian.content == english.content
    assert not english.cookies


def test_the_previews_robots_txt_closes_are_the_preview_addresses(client, article):
    from articles.models import Article

    preview = Article.objects.get().get_preview_url("hy")

    assert f"Disallow: {preview.removesuffix(f'{article.pk}/')}" in client.get("/robots.txt").content.decode()
