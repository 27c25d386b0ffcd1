"""
Posting a comment: the form's rules live in forms.py and moderation.py, the
reader's cookies in cookies.py; this view only decides where to go next.
"""

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied
from django.db import IntegrityError, transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from articles.models import Article
from articles.views import render_article
from newsroom.client_address import client_ip

from .cookies import remember_commenter, remember_pending
from .forms import RATE_LIMITED, CommentForm
from .models import DUPLICATE_MESSAGE
from .moderation import comments_open
from .notifications import notify_moderators
from .rate_limit import seconds_until_next_window


def user_agent(request: HttpRequest) -> str:
    """The browser's own description, bounded, without the null bytes PostgreSQL cannot store."""
    return request.META.get("HTTP_USER_AGENT", "")[:1000].replace("\x00", "")


@csrf_exempt
@require_POST
def post_comment(request, article_pk):
    """
    Stores a reader's comment and sends them to it (Post/Redirect/Get), or
    shows the article again with the form's errors.

    Exempt from CSRF on purpose: a token would be per reader and so could not
    live in a shared cached page, and the view uses no session, login or other
    ambient authority, so a post forged from another site can do nothing a
    script could not do directly. The form's own defences (forms.py) and the
    moderation queue guard it instead.
    """
    language = get_language()
    article = get_object_or_404(Article.objects.published().select_related("section"), pk=article_pk)
    if not article.is_available_in(language):
        raise Http404
    if not comments_open(article):
        raise PermissionDenied(_("Comments are closed on this article."))

    form = CommentForm(article, request.POST, ip_address=client_ip(request), language=language)
    if form.is_valid():
        try:
            with transaction.atomic():
                comment = form.save(user_agent=user_agent(request))
                if comment.status == comment.Status.PENDING:
                    notify_moderators(comment)
        except IntegrityError:
            # Only the fingerprint is unique: the same comment arrived twice at once.
            form.add_error(None, DUPLICATE_MESSAGE)
        else:
            response = redirect(comment.get_absolute_url(language))
            remember_commenter(response, request, form.cleaned_data)
            if not comment.is_public:
                remember_pending(response, request, comment)
            return response
    return article_with_errors(request, article, language, form)


def article_with_errors(request, article, language, form) -> HttpResponse:
    """
    The article page again, the reader's input kept and the errors beside their
    fields: 429 with Retry-After when the hourly limit refused it, else 400.
    """
    response = render_article(request, article, language, extra_context={"comment_form": form})
    if form.has_error(NON_FIELD_ERRORS, RATE_LIMITED):
        response.status_code = 429
        response["Retry-After"] = str(seconds_until_next_window())
    else:
        response.status_code = 400
    return response
