from django.core.management.base import BaseCommand

from comments.models import Comment


class Command(BaseCommand):
    help = (
        "Erases the IP address and user agent of comments older than COMMENTS_RETENTION_DAYS. "
        "Run it daily, e.g. from cron."
    )

    def handle(self, *args, **options):
        stale = Comment.objects.older_than_retention().exclude(ip_address__isnull=True, user_agent="")
        erased = stale.update(ip_address=None, user_agent="")
        self.stdout.write(f"Erased the IP address and user agent of {erased} comment(s).")
