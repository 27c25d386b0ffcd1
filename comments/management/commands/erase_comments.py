from django.core.management.base import BaseCommand, CommandError

from comments.models import Comment


class Command(BaseCommand):
    help = (
        "Deletes every comment written with one email address (a commenter's erasure request), "
        "replies to them included. Export them first with export_comments if the commenter asked for a copy."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--no-input", action="store_false", dest="interactive", help="Do not ask to confirm.")

    def handle(self, *args, email, interactive=True, **options):
        comments = Comment.objects.by_email(email)
        count = comments.count()
        if count == 0:
            self.stdout.write("No comments with that email address.")
            return
        if interactive:
            answer = input(f"Delete {count} comment(s) written with {email}? Type 'yes' to continue: ")
            if answer != "yes":
                raise CommandError("Nothing deleted.")
        deleted, _by_model = comments.delete()
        self.stdout.write(f"Deleted {deleted} comment(s), replies to them included.")
