import json

from django.core.management.base import BaseCommand

from comments.models import Comment, normalize_email


class Command(BaseCommand):
    help = "Exports, as JSON, every comment written with one email address (a commenter's data access request)."

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--output", help="File to write; standard output when left out.")

    def handle(self, *args, email, output=None, **options):
        comments = Comment.objects.by_email(email).select_related("article").order_by("created_at")
        export = {
            "email": normalize_email(email),
            "comments": [
                {
                    "id": comment.pk,
                    "article": str(comment.article),
                    "url": comment.get_absolute_url(),
                    "in_reply_to": comment.parent_id,
                    # Blank: from before conversations were per language, shown on every language's page.
                    "language": comment.language,
                    "name": comment.name,
                    "email": comment.email,
                    "website": comment.website,
                    "text": comment.text,
                    "status": comment.status,
                    "created_at": comment.created_at.isoformat(),
                    "ip_address": comment.ip_address,
                    "user_agent": comment.user_agent,
                }
                for comment in comments
            ],
        }
        text = json.dumps(export, ensure_ascii=False, indent=2)
        if output:
            with open(output, "w", encoding="utf-8") as file:
                file.write(text + "\n")
            self.stderr.write(f"Wrote {len(export['comments'])} comment(s) to {output}.")
        else:
            self.stdout.write(text)
