"""
The feeds' addresses, under the language prefix like the pages they follow.
newsroom/urls.py includes these before articles.urls, whose section and
article patterns would otherwise take "<section>/feed/" for an article.
"""

from django.urls import path

import articles.urls  # noqa: F401  (registers the "uslug" path converter used below)

from . import feeds

app_name = "feeds"
urlpatterns = [
    path("feed/", feeds.SiteFeed(), name="site"),
    path("feed/atom/", feeds.SiteAtomFeed(), name="site_atom"),
    path("tags/<uslug:slug>/feed/", feeds.TagFeed(), name="tag"),
    path("tags/<uslug:slug>/feed/atom/", feeds.TagAtomFeed(), name="tag_atom"),
    path("authors/<uslug:slug>/feed/", feeds.AuthorFeed(), name="author"),
    path("authors/<uslug:slug>/feed/atom/", feeds.AuthorAtomFeed(), name="author_atom"),
    path("<uslug:section_slug>/feed/", feeds.SectionFeed(), name="section"),
    path("<uslug:section_slug>/feed/atom/", feeds.SectionAtomFeed(), name="section_atom"),
    path("<uslug:section_slug>/<uslug:slug>/comments/feed/", feeds.CommentsFeed(), name="comments"),
    path("<uslug:section_slug>/<uslug:slug>/comments/feed/atom/", feeds.CommentsAtomFeed(), name="comments_atom"),
]
