"""
A little content for a production-configured test site (tests/deploy/servers.py
runs it as `python -m tests.deploy.seed_site` with the site's environment):
a published article with a picture and an approved comment, two pending
comments and two drafts for tests to approve and publish, and a superuser.
Prints what the tests need as one JSON line.
"""

import json

import django


def main() -> None:
    django.setup()
    from django.contrib.auth.models import User

    from articles.models import Article
    from comments.models import Comment
    from tests.factories import jpeg_bytes, make_article, make_comment, upload

    article = make_article(
        title="Talks resume in the capital",
        image=upload(jpeg_bytes(size=(900, 600))),
        image_alt_en="Delegations at the table",
        image_alt_hy="Պատվիրակությունները սեղանի շուրջ",
    )
    approved = make_comment(article, text="An approved remark, on the page from the start.")
    pending = [
        make_comment(article, status=Comment.Status.PENDING, text=f"Remark {n} that a moderator approves in a test.")
        for n in (1, 2)
    ]
    drafts = [
        make_article(title=f"Draft {n} that an editor publishes in a test", status=Article.Status.DRAFT) for n in (1, 2)
    ]
    password = "a-long-password-for-the-chief"
    User.objects.create_superuser("chief", "chief@example.org", password)
    print(
        json.dumps(
            {
                "article_path": article.get_absolute_url("en"),
                "approved_text": approved.text,
                "pending_comments": [{"id": comment.pk, "text": comment.text} for comment in pending],
                "drafts": [{"id": draft.pk, "title": draft.title_en} for draft in drafts],
                "staff_username": "chief",
                "staff_password": password,
            }
        )
    )


if __name__ == "__main__":
    main()
