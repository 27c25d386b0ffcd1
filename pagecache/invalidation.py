"""
What makes cached pages stale: any saved or deleted row that a public page
shows. Signals are the one hook that sees every path (admin, shell, commands,
the importer), so the page cache listens to them rather than asking each
caller to remember it.

A new comment waiting for moderation changes no public page, so it leaves the
cache alone; one that is approved, or moved out of public view, does not.
"""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from . import store


def pages_changed(**kwargs) -> None:
    store.new_generation()
    # Again after the commit: a page rendered between the change and its commit
    # shows the old rows and may have been stored under the first new generation.
    transaction.on_commit(store.new_generation)


def comment_saved(sender, instance, created, update_fields=None, **kwargs) -> None:
    if created and not instance.is_public:
        return
    pages_changed()


def connect() -> None:
    from django.contrib.redirects.models import Redirect

    from articles.models import Article, Author, Byline, Correction, FormerSlug, Section, Tag
    from comments.models import Comment

    # A redirect replaces a cached 404 (or a removed one a cached 301) at its address.
    for model in (Article, Section, Author, Tag, Byline, FormerSlug, Correction, Redirect):
        post_save.connect(pages_changed, sender=model, dispatch_uid=f"pagecache-save-{model.__name__}")
        post_delete.connect(pages_changed, sender=model, dispatch_uid=f"pagecache-delete-{model.__name__}")
    m2m_changed.connect(pages_changed, sender=Article.tags.through, dispatch_uid="pagecache-article-tags")
    post_save.connect(comment_saved, sender=Comment, dispatch_uid="pagecache-save-comment")
    post_delete.connect(pages_changed, sender=Comment, dispatch_uid="pagecache-delete-comment")
