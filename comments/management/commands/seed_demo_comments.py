"""
`manage.py seed_demo_comments`: a few approved conversations, and one comment
waiting in the moderators' queue, on the demo articles (run by `make run`
after seed_demo). Idempotent: a comment already there is left as it is.
"""

from django.core.management.base import BaseCommand
from django.utils import timezone

from articles.models import Article
from comments.models import Comment

# (article's English slug, [comment, ...]); a comment is (name, email, text,
# status, replies). Every name, address and word is invented for the demo.
CONVERSATIONS = [
    (
        "a-new-level-of-dialogue-on-the-valleys-water",
        [
            (
                "Armen K.",
                "armen.k@example.org",
                "We farm near the end of the canal. The hourly schedule is the first one that reaches us on time.\n\n"
                "The dashboard will tell whether that lasts into July.",
                Comment.Status.APPROVED,
                [
                    (
                        "Lilit S.",
                        "lilit.s@example.org",
                        "Same in our village. The weekly rotation of the evening turns matters more than it looks.",
                        Comment.Status.APPROVED,
                        [],
                    ),
                ],
            ),
            (
                "Նարեկ Հ.",
                "narek.h@example.org",
                "Լավ է, որ վերջապես բոլորը մեկ սեղանի շուրջ են։ Բայց առանց երկրորդական ջրանցքների "
                "վերանորոգման ջուրը նորից ճանապարհին կկորչի։",
                Comment.Status.APPROVED,
                [],
            ),
            (
                "Visitor",
                "visitor@example.org",
                "Does the schedule cover the fish farms’ wells too, or only the canal?",
                Comment.Status.PENDING,
                [],
            ),
        ],
    ),
    (
        "why-your-electricity-bill-changed-this-winter",
        [
            (
                "Gayane M.",
                "gayane.m@example.org",
                "Thank you for explaining the standing charge. Our bill finally makes sense.",
                Comment.Status.APPROVED,
                [],
            ),
        ],
    ),
]


class Command(BaseCommand):
    help = "Adds the demo's comments to the demo articles (safe to run again)."

    def handle(self, *args, **options):
        created = 0
        for slug, comments in CONVERSATIONS:
            article = Article.objects.filter(slug_en=slug).first()
            if article is None:
                continue
            for comment in comments:
                created += self.add(article, None, *comment)
        total = Comment.objects.filter(email__endswith="@example.org").count()
        self.stdout.write(f"Demo comments: {created} added, {total} in all.")

    def add(self, article, parent, name, email, text, status, replies) -> int:
        comment = Comment(article=article, parent=parent, name=name, email=email, text=text, status=status)
        existing = Comment.objects.filter(fingerprint=comment.compute_fingerprint()).first()
        created = 0
        if existing is None:
            if status == Comment.Status.APPROVED:
                comment.approved_at = timezone.now()
            comment.save()
            existing, created = comment, 1
        for reply in replies:
            created += self.add(article, existing, *reply)
        return created
