"""
``manage.py seed_demo``: load the demo newsroom, articles and conversations
(demo/seeding.py states what a second run leaves alone). `make run` calls it
on every start.
"""

from django.core.management.base import BaseCommand

from demo.seeding import seed_demo


class Command(BaseCommand):
    help = "Load the demo sections, authors, tags, articles and comments (safe to run again)."

    def handle(self, *args, **options):
        seeded = seed_demo(report=self.stdout.write if options["verbosity"] >= 2 else None)
        self.stdout.write(
            f"Demo content: {seeded.sections} sections, {seeded.authors} authors, {seeded.tags} tags, "
            f"{seeded.articles} articles."
        )
        self.stdout.write(f"Demo comments: {seeded.comments_added} added, {seeded.comments} in all.")
