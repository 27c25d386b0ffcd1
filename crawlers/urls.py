from django.urls import path

from . import views

app_name = "crawlers"
urlpatterns = [
    path("robots.txt", views.robots_txt, name="robots"),
    path("sitemap.xml", views.sitemap_index, name="index"),
    path("sitemap-<slug:section>.xml", views.sitemap, name="sitemap"),
    path("news-sitemap.xml", views.news_sitemap, name="news"),
]
