"""
The comments section under an article, comment counts on listings, and the
filter that shows a comment's text.
"""

import re
import threading
from collections import defaultdict
from dataclasses import dataclass

import cachetools
from django import template
from django.conf import settings
from django.db.models import Count
from django.template.loader import render_to_string
from django.utils.html import Urlizer, format_html, linebreaks
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import template_localtime
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from articles.models import Article
from pagecache.fragments import cached_fragment

from ..cookies import reader_pending_ids
from ..forms import CommentForm
from ..models import Comment
from ..moderation import comments_open

register = template.Library()


@register.inclusion_tag("comments/section.html", takes_context=True)
def comment_section(context, article: Article, form: CommentForm | None = None):
    """
    The approved comments of the conversation in the page's language, threaded
    oldest first, plus the reader's own comments there awaiting moderation,
    and the "Leave a Reply" form: in one query.

    ``form`` is the bound form when comments.views shows the page again with
    errors; otherwise an unbound form that holds nothing about the reader, so
    the page can be cached and shared.
    """
    request = context.get("request")
    own_pending = reader_pending_ids(request) if request else []
    is_open = comments_open(article) and not context.get("preview")
    language = get_language()

    def render_thread() -> str:
        return thread_html(list(Comment.objects.for_reader(article, language, own_pending)), is_open)

    # The thread everyone sees is kept with the page cache's rules; a reader
    # with comments awaiting moderation sees their own among them, rendered fresh.
    if own_pending:
        thread = render_thread()
    else:
        thread = cached_fragment("comments", article.pk, language, is_open, render=render_thread)

    replying_to = None
    if not isinstance(form, CommentForm) or form.article.pk != article.pk:
        replying_to = _reply_target(request, article, language)
        form = CommentForm(article, initial={"parent": replying_to.pk if replying_to else None}, language=language)
    elif form.parent_comment is not None:
        replying_to = form.parent_comment
    return {
        "article": article,
        "thread": thread,
        "open": is_open,
        "preview": context.get("preview"),
        "form": form,
        "replying_to": replying_to,
        "max_depth": settings.COMMENTS_MAX_DEPTH,
        "article_url": article.get_absolute_url(),
    }


def thread_html(comments: list[Comment], is_open: bool) -> SafeString:
    """The "3 Responses" heading and the threaded list of ``comments`` (oldest first)."""
    max_depth = settings.COMMENTS_MAX_DEPTH
    context = {
        "comments": mark_safe(  # nosec B308  # each part is comment_html()'s, escaped by format_html
            "".join(comment_html(entry, is_open, max_depth) for entry in in_thread_order(comments))
        ),
        "count": sum(1 for comment in comments if comment.is_public),
    }
    return render_to_string("comments/thread.html", context)


def comment_html(entry: "ThreadEntry", is_open: bool, max_depth: int) -> SafeString:
    """
    One comment of the thread, then what opens its replies or closes its list
    item and the reply lists it ends. Written here rather than in a template:
    a long thread is the costliest part of an article page, and the
    template engine took ten times as long for the same markup.
    """
    comment = entry.comment
    moment = template_localtime(comment.created_at)
    author = (
        format_html('<a href="{}" rel="external nofollow ugc noopener">{}</a>', comment.website, comment.name)
        if comment.website
        else comment.name
    )
    parts = [
        format_html(
            '<li class="comment{}" id="comment-{}">\n<article class="comment__body">\n<footer class="comment__meta">\n'
            '<b class="comment__author">{}</b>\n'
            '<a class="comment__permalink" href="#comment-{}"><time datetime="{}">{}</time></a>\n</footer>\n',
            "" if comment.is_public else " comment--awaiting",
            comment.pk,
            author,
            comment.pk,
            moment.isoformat(timespec="seconds"),  # HTML's datetime takes at most three decimals of a second
            moment.strftime("%d / %m / %Y, %H:%M"),
        )
    ]
    if not comment.is_public:
        awaiting = _("Your comment is awaiting moderation.")
        parts.append(format_html('<p class="comment__awaiting" role="status">{}</p>\n', awaiting))
    language = text_language(comment.text)
    parts.append(
        format_html(
            '<div class="comment__text"{}>{}</div>\n',
            format_html(' lang="{}"', language) if language and language != get_language() else "",
            comment_text(comment.text),
        )
    )
    if is_open and comment.is_public and comment.depth < max_depth:
        parts.append(
            format_html(
                '<p class="comment__reply"><a class="comment-reply-link" href="?replytocom={}#respond"'
                ' data-comment="{}" rel="nofollow" aria-label="{}">{}</a></p>\n',
                comment.pk,
                comment.pk,
                _("Reply to %(name)s") % {"name": comment.name},
                _("Reply"),
            )
        )
    parts.append("</article>\n")
    if entry.has_replies:
        parts.append('<ol class="comment-list comment-list--replies">\n')
    else:
        parts.append("</li>\n" + "</ol></li>\n" * entry.closes)
    return mark_safe("".join(parts))  # nosec B308  # format_html's parts and fixed tags written here


@dataclass
class ThreadEntry:
    """
    One comment of a thread laid out flat, in reading order: the template
    opens a reply list after a comment that has replies, and otherwise closes
    its item and ``closes`` enclosing reply lists. One loop, no recursive include.
    """

    comment: Comment
    has_replies: bool
    closes: int


def in_thread_order(comments: list[Comment]) -> list[ThreadEntry]:
    """``comments`` (oldest first) as threads: each followed by its replies, depth first."""
    replies = defaultdict(list)
    for comment in comments:
        replies[comment.parent_id].append(comment)
    entries = []

    def walk(comment: Comment, open_lists: int) -> None:
        # open_lists: the reply lists this comment's subtree is the last of.
        children = replies.get(comment.pk, [])
        entries.append(ThreadEntry(comment, bool(children), 0 if children else open_lists))
        for position, child in enumerate(children):
            last = position == len(children) - 1
            walk(child, open_lists + 1 if last else 0)

    for top in replies[None]:
        walk(top, 0)
    return entries


def _reply_target(request, article, language: str) -> Comment | None:
    """The comment named by ``?replytocom=``, the no-JavaScript way to reply, when one may answer it on this page."""
    wanted = request.GET.get("replytocom", "") if request else ""
    if not wanted.isdigit():
        return None
    replies_allowed = (
        Comment.objects.public().for_language(language).filter(article=article, depth__lt=settings.COMMENTS_MAX_DEPTH)
    )
    return replies_allowed.filter(pk=wanted).first()


@register.simple_tag
def comment_counts(*articles) -> dict[int, int]:
    """
    ``{% comment_counts lead latest as counts %}``: the approved comments of
    every article named (single articles or lists of them) in the
    conversations of the listing's language, in one grouped query, for
    ``{% comment_count article counts %}`` on each card.
    """
    wanted = set()
    for value in articles:
        if isinstance(value, Article):
            wanted.add(value.pk)
        elif value:
            wanted.update(article.pk for article in value)
    if not wanted:
        return {}
    in_view = Comment.objects.public().for_language(get_language()).filter(article__in=wanted)
    grouped = in_view.values_list("article").annotate(n=Count("pk"))
    return dict(grouped.order_by())


@register.simple_tag
def comment_count(article: Article, counts: dict[int, int]) -> SafeString:
    """ "3 Responses" for a listed article, linked to its comments, from the counts its list asked for."""
    count = (counts or {}).get(article.pk, 0)
    text = ngettext("One Response", "%(counter)s Responses", count) % {"counter": count}
    return format_html('<a class="comment-count" href="{}#comments">{}</a>', article.get_absolute_url(), text)


ARMENIAN_LETTER = re.compile(r"[\u0531-\u0556\u0561-\u0587\ufb13-\ufb17]")
LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")


def text_language(text: str) -> str | None:
    """
    "hy" for a comment written mostly in Armenian letters, so that a page in
    another language marks it (``lang``) and screen readers voice it as
    Armenian; None when the script does not tell the language.
    """
    return shown_text(text).language


class CommentUrlizer(Urlizer):
    """Web addresses become links that pass no ranking and no window access; email addresses stay text."""

    url_template = '<a href="{href}" rel="nofollow ugc noopener">{url}</a>'

    @staticmethod
    def is_email_simple(value):
        return False


urlize_comment = CommentUrlizer()


@register.filter
def comment_text(text: str) -> SafeString:
    """
    A comment as escaped plain text: paragraphs and line breaks kept, web
    addresses linked.
    """
    return shown_text(text).html


@dataclass(frozen=True)
class ShownText:
    html: SafeString
    language: str | None
    size: int  # characters held: the text (the cache's key) and its HTML


# Finding links is the costliest step of an article page and a comment's text
# rarely changes, so each worker remembers what it showed. The bound is in
# characters, not entries: a comment may hold 65,525 characters, and a few
# thousand such texts would grow every worker by hundreds of megabytes. The
# budget holds a few hundred ordinary comments, a busy article's thread; the
# whole thread is also kept, in the shared cache, as a fragment. A text larger
# than the whole budget is shown but not remembered.
SHOWN_TEXT_BUDGET = 250_000


@cachetools.cached(
    cachetools.LRUCache(maxsize=SHOWN_TEXT_BUDGET, getsizeof=lambda shown: shown.size), lock=threading.Lock()
)
def shown_text(text: str) -> ShownText:
    html = mark_safe(linebreaks(urlize_comment(text, trim_url_limit=80, autoescape=True), autoescape=False))  # nosec B308  # urlize escaped it; linebreaks adds only <p> and <br>
    armenian = len(ARMENIAN_LETTER.findall(text))
    language = "hy" if armenian and armenian >= len(LATIN_LETTER.findall(text)) else None
    return ShownText(html, language, len(text) + len(html))
