"""
``manage.py seed_bench``: fill an empty database with a newsroom-sized archive
for `make bench`: by default 10,000 articles in English and Armenian over 50
sections, and 200,000 readers' comments, in a few minutes.

Rows go in with ``bulk_create`` in batches, so no ``save()`` runs: the bodies
are written already in the form the sanitiser would store, every slug is
given explicitly (unique per language), and each comment's fingerprint and
depth are filled here as Comment.save() would.

It refuses a database that already holds articles or comments rather than
mixing its rows with real ones: seed a throwaway database.

Two articles are kept for the benchmark: one with exactly 200 approved
threaded comments, one with exactly 20 (``benchmark_paths()`` finds them).
"""

import collections
import datetime
import math
import random
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify

from articles.models import Article, Author, Byline, Section, Tag
from articles.transliteration import slug_from_title
from bench import vocabulary
from comments.models import Comment

BATCH = 2000
# English slugs of the two benchmark articles, keyed by their approved comments.
BENCHMARK_SLUGS = {200: "benchmark-two-hundred-comments", 20: "benchmark-twenty-comments"}
READERS = 5000
MAX_DEPTH = 5


class Command(BaseCommand):
    help = "Fill an empty database with a newsroom-sized archive for `make bench` (refuses a non-empty one)."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=10_000)
        parser.add_argument("--comments", type=int, default=200_000)
        parser.add_argument("--sections", type=int, default=50)
        parser.add_argument("--tags", type=int, default=50)
        parser.add_argument("--authors", type=int, default=50)
        parser.add_argument("--seed", type=int, default=1, help="Random seed: the same seed gives the same archive.")

    def handle(self, *args, **options):
        if set(settings.LANGUAGE_CODES[:2]) != {"en", "hy"}:
            raise CommandError("seed_bench writes English and Armenian: run it with LANGUAGES=en,hy.")
        if Article.objects.exists() or Comment.objects.exists():
            raise CommandError(
                "The database already holds articles or comments; seed_bench fills an empty one only. "
                "Point DATABASE_URL at a throwaway database."
            )
        if options["articles"] < 2 or options["comments"] < sum(BENCHMARK_SLUGS):
            raise CommandError(f"Needs at least 2 articles and {sum(BENCHMARK_SLUGS)} comments.")
        started = time.monotonic()
        writer = Writer(random.Random(options["seed"]), timezone.now())
        with transaction.atomic():
            sections = writer.sections(options["sections"])
            authors = writer.authors(options["authors"])
            tags = writer.tags(options["tags"])
            articles = writer.articles(options["articles"], sections, authors, tags)
            statuses = writer.comments(options["comments"], articles)
        if connection.vendor == "postgresql":
            # Bulk inserts leave the planner's statistics empty until autovacuum
            # comes by; without them it picks sequential scans for every page.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        public = sum(1 for article in articles if article.status == "published" and article.published_at <= writer.now)
        self.stdout.write(
            f"Seeded {len(articles)} articles ({public} public, "
            f"{sum(1 for a in articles if a.title_en)} in English, {sum(1 for a in articles if a.title_hy)} in Armenian), "
            f"{sum(statuses.values())} comments ({', '.join(f'{n} {s}' for s, n in sorted(statuses.items()))}), "
            f"{len(sections)} sections, {len(tags)} tags, {len(authors)} authors in {time.monotonic() - started:.0f} s."
        )
        paths = benchmark_paths()
        self.stdout.write(f"Benchmark article, 200 approved comments: {paths['article']}")
        self.stdout.write(f"Second article, 20 approved comments: {paths['comment_article']}")


def benchmark_paths(language: str = "en") -> dict:
    """The addresses `make bench` loads, found in a database that seed_bench filled."""
    articles = {
        count: Article.objects.select_related("section").get(slug_en=slug) for count, slug in BENCHMARK_SLUGS.items()
    }
    public = Article.objects.published().available_in(language)
    busiest = collections.Counter(public.values_list("section_id", flat=True)).most_common(1)[0]
    section = Section.objects.get(pk=busiest[0])
    pages = math.ceil(busiest[1] / settings.ARTICLES_PER_PAGE)
    return {
        "article": articles[200].get_absolute_url(language),
        "comment_article": articles[20].get_absolute_url(language),
        "comment_article_pk": articles[20].pk,
        "section": f"{section.get_absolute_url(language)}?page={max(1, pages * 9 // 10)}",
        "search_word": "parliament",
    }


class Writer:
    """Makes the rows; ``rng`` decides everything, so a seed gives the same archive."""

    def __init__(self, rng: random.Random, now: datetime.datetime):
        self.rng = rng
        self.now = now

    # Text ---------------------------------------------------------------

    def sentence(self, language: str, low: int = 8, high: int = 20) -> str:
        words = self.rng.choices(
            vocabulary.ENGLISH_WORDS if language == "en" else vocabulary.ARMENIAN_WORDS, k=self.rng.randint(low, high)
        )
        if self.rng.random() < 0.3:
            place = self.rng.choice(vocabulary.PLACES)[0 if language == "en" else 1]
            words.insert(self.rng.randrange(len(words)), place)
        text = " ".join(words)
        return text[0].upper() + text[1:] + ("." if language == "en" else "։")

    def paragraph(self, language: str) -> str:
        sentences = [self.sentence(language) for _ in range(self.rng.randint(3, 6))]
        if self.rng.random() < 0.25:
            link = vocabulary.ENGLISH_LINK if language == "en" else vocabulary.ARMENIAN_LINK
            words = " ".join(self.sentence(language, 2, 4)[:-1].split()[:3])
            sentences.insert(1, link.format(n=self.rng.randint(1, 9999), words=words))
        if self.rng.random() < 0.2:
            sentences[0] = f"<strong>{sentences[0]}</strong>"
        return f"<p>{' '.join(sentences)}</p>"

    def body(self, language: str) -> str:
        """Several paragraphs, a subheading and a quotation: stored as the sanitiser would leave them."""
        parts = [self.paragraph(language) for _ in range(self.rng.randint(4, 8))]
        parts.insert(2, f"<h2>{self.sentence(language, 3, 6)[:-1]}</h2>")
        quote = self.sentence(language, 10, 18)
        quote = f"“{quote}”" if language == "en" else f"«{quote}»"
        parts.insert(self.rng.randint(3, len(parts)), f"<blockquote><p>{quote}</p></blockquote>")
        return "".join(parts)

    def title(self, language: str) -> str:
        return self.sentence(language, 4, 9)[:-1]

    # Names --------------------------------------------------------------

    @staticmethod
    def numbered(pair: tuple[str, str], round_: int) -> tuple[str, str]:
        """The same topic again, told apart by a number: 50 sections from 25 topics."""
        if not round_:
            return pair
        return f"{pair[0]} {round_ + 1}", f"{pair[1]} {round_ + 1}"

    def sections(self, count: int) -> list[Section]:
        rows = []
        for n in range(count):
            english, armenian = self.numbered(
                vocabulary.TOPICS[n % len(vocabulary.TOPICS)], n // len(vocabulary.TOPICS)
            )
            rows.append(
                Section(
                    name_en=english,
                    slug_en=slugify(english),
                    name_hy=armenian,
                    slug_hy=slug_from_title(armenian),
                    description_en=self.sentence("en"),
                    description_hy=self.sentence("hy"),
                    position=n,
                )
            )
        return Section.objects.bulk_create(rows)

    def tags(self, count: int) -> list[Tag]:
        rows = []
        for n in range(count):
            topic = vocabulary.TOPICS[(n * 7) % len(vocabulary.TOPICS)]
            place = vocabulary.PLACES[n % len(vocabulary.PLACES)]
            english, armenian = f"{topic[0]} in {place[0]}", f"{topic[1]} {place[1]}ում"
            if n >= len(vocabulary.TOPICS) * len(vocabulary.PLACES):
                english, armenian = f"{english} {n}", f"{armenian} {n}"
            rows.append(
                Tag(name_en=english, slug_en=slugify(english), name_hy=armenian, slug_hy=slug_from_title(armenian))
            )
        return Tag.objects.bulk_create(rows)

    def authors(self, count: int) -> list[Author]:
        rows = []
        for n in range(count):
            first = vocabulary.FIRST_NAMES[n % len(vocabulary.FIRST_NAMES)]
            last = vocabulary.SURNAMES[(n // len(vocabulary.FIRST_NAMES) + n) % len(vocabulary.SURNAMES)]
            english, armenian = f"{first[0]} {last[0]}", f"{first[1]} {last[1]}"
            rows.append(
                Author(
                    name_en=english,
                    slug_en=f"{slugify(english)}-{n + 1}",
                    bio_en=self.sentence("en"),
                    name_hy=armenian,
                    slug_hy=f"{slug_from_title(armenian)}-{n + 1}",
                    bio_hy=self.sentence("hy"),
                )
            )
        return Author.objects.bulk_create(rows)

    # Articles -----------------------------------------------------------

    def article(self, n: int, section: Section, languages: tuple[str, ...]) -> Article:
        """Article number ``n``, written in ``languages``; the number keeps its slugs unique."""
        fields = {}
        for language in ("en", "hy"):
            if language in languages:
                title = self.title(language)
                slug = slugify(title) if language == "en" else slug_from_title(title)
                fields |= {
                    f"title_{language}": title,
                    f"slug_{language}": f"{slug[:150].strip('-')}-{n}",
                    f"summary_{language}": " ".join(self.sentence(language) for _ in range(2)),
                    f"body_{language}": self.body(language),
                }
            else:
                # NULL, not "": slugs are unique per language and many articles lack one.
                fields |= {f"title_{language}": "", f"slug_{language}": None, f"summary_{language}": ""}
                fields |= {f"body_{language}": ""}
        # Articles 3 and 4 are always a draft and a scheduled one, however small the archive.
        roll = {3: 0.0, 4: 0.012}.get(n, self.rng.random())
        if roll < 0.01:
            status, published_at = Article.Status.DRAFT, self.now - datetime.timedelta(days=self.rng.uniform(0, 60))
        elif roll < 0.015:
            status, published_at = Article.Status.PUBLISHED, self.now + datetime.timedelta(days=self.rng.uniform(1, 30))
        else:
            status, published_at = (
                Article.Status.PUBLISHED,
                self.now - datetime.timedelta(days=self.rng.uniform(0.2, 5 * 365)),
            )
        return Article(section=section, status=status, published_at=published_at, **fields)

    def benchmark_article(self, n: int, section: Section, comments: int) -> Article:
        article = self.article(n, section, ("en", "hy"))
        article.slug_en = BENCHMARK_SLUGS[comments]
        article.slug_hy = f"{BENCHMARK_SLUGS[comments]}-hy"
        article.status = Article.Status.PUBLISHED
        article.published_at = self.now - datetime.timedelta(days=2 if comments == 200 else 3)
        return article

    def articles(self, count: int, sections: list[Section], authors: list[Author], tags: list[Tag]) -> list[Article]:
        # Sections are not all alike: the first ones (news) fill faster than the last.
        weights = [1 / (position + 3) for position in range(len(sections))]
        rows = [
            self.benchmark_article(1, sections[0], 200),
            self.benchmark_article(2, sections[0], 20),
        ]
        for n in range(3, count + 1):
            roll = self.rng.random()
            languages = ("en", "hy") if roll < 0.85 else ("en",) if roll < 0.95 else ("hy",)
            rows.append(self.article(n, self.rng.choices(sections, weights)[0], languages))
        articles = Article.objects.bulk_create(rows, batch_size=BATCH)

        bylines, tagged = [], []
        for article in articles:
            for position, author in enumerate(self.rng.sample(authors, self.rng.choice([1, 1, 1, 2, 2, 3]))):
                bylines.append(Byline(article=article, author=author, position=position))
            for tag in self.rng.sample(tags, min(len(tags), self.rng.choice([0, 1, 2, 2, 3, 4]))):
                tagged.append(Article.tags.through(article=article, tag=tag))
        Byline.objects.bulk_create(bylines, batch_size=BATCH)
        Article.tags.through.objects.bulk_create(tagged, batch_size=BATCH)
        return articles

    # Comments -----------------------------------------------------------

    def comments(self, count: int, articles: list[Article]) -> collections.Counter:
        """
        ``count`` comments: exactly 200 and 20 approved ones on the two
        benchmark articles, the rest over the public articles, a few of which
        draw most of the conversation, as on a real site.
        """
        statuses = collections.Counter()
        benchmark = {article.slug_en: article for article in articles[:2]}
        public = [a for a in articles[2:] if a.status == Article.Status.PUBLISHED and a.published_at <= self.now]
        per_article = collections.Counter()
        if public:
            weights = [self.rng.paretovariate(1.2) for _ in public]
            per_article.update(self.rng.choices(range(len(public)), weights, k=count - sum(BENCHMARK_SLUGS)))
        plan = [(benchmark[slug], n, True) for n, slug in BENCHMARK_SLUGS.items()]
        plan += [(public[index], n, False) for index, n in sorted(per_article.items())]
        fingerprints: set[str] = set()
        # A few hundred articles at a time: their comments are built, then stored depth by
        # depth so that every reply's parent already has its id.
        for start in range(0, len(plan), 500):
            by_depth = collections.defaultdict(list)
            for article, n, approved_only in plan[start : start + 500]:
                for comment in self.thread(article, n, approved_only, fingerprints):
                    by_depth[comment.depth].append(comment)
                    statuses[comment.status] += 1
            for depth in sorted(by_depth):
                Comment.objects.bulk_create(by_depth[depth], batch_size=BATCH)
        return statuses

    def thread(self, article: Article, count: int, approved_only: bool, fingerprints: set) -> list[Comment]:
        """``count`` comments on ``article``, oldest first, some replying to earlier approved ones."""
        span = min((self.now - article.published_at).total_seconds(), 30 * 86400)
        times = sorted(
            article.published_at + datetime.timedelta(seconds=self.rng.uniform(0, span)) for _ in range(count)
        )
        comments, approved = [], []
        for created_at in times:
            if approved_only:
                status = Comment.Status.APPROVED
            else:
                status = self.rng.choices(
                    [Comment.Status.APPROVED, Comment.Status.PENDING, Comment.Status.SPAM], [85, 10, 5]
                )[0]
            parent = None
            if approved and self.rng.random() < 0.45:
                candidate = self.rng.choice(approved[-12:])
                parent = candidate if candidate.depth < MAX_DEPTH else None
            comment = self.comment(article, created_at, status, parent)
            while comment.fingerprint in fingerprints:
                comment.text += " " + self.sentence("en", 1, 3)
                comment.fingerprint = comment.compute_fingerprint()
            fingerprints.add(comment.fingerprint)
            comments.append(comment)
            if status == Comment.Status.APPROVED:
                approved.append(comment)
        return comments

    def comment(self, article: Article, created_at, status: str, parent: Comment | None) -> Comment:
        reader = self.rng.randrange(READERS)
        first = vocabulary.FIRST_NAMES[reader % len(vocabulary.FIRST_NAMES)]
        last = vocabulary.SURNAMES[reader // len(vocabulary.FIRST_NAMES) % len(vocabulary.SURNAMES)]
        script = reader % 2  # half the readers sign in Armenian script
        language = self.rng.choice(["en", "hy"])
        recent = self.now - created_at < datetime.timedelta(days=settings.COMMENTS_RETENTION_DAYS)
        comment = Comment(
            article_id=article.pk,
            parent=parent,
            depth=parent.depth + 1 if parent else 1,
            name=f"{first[script]} {last[script]}",
            email=f"{first[0]}.{last[0]}.{reader}@example.net".lower(),
            website=f"https://example.org/~reader{reader}" if reader % 7 == 0 else "",
            text="\n\n".join(self.sentence(language, 6, 24) for _ in range(self.rng.choice([1, 1, 2, 3]))),
            status=status,
            hold_reason=Comment.HoldReason.BLOCKLIST if status == Comment.Status.SPAM else "",
            created_at=created_at,
            approved_at=min(created_at + datetime.timedelta(hours=1), self.now)
            if status == Comment.Status.APPROVED
            else None,
            # Addresses older than the retention period have been erased, as erase_comment_addresses does.
            ip_address=f"198.51.100.{reader % 250 + 1}" if recent else None,
            user_agent=vocabulary.USER_AGENTS[reader % len(vocabulary.USER_AGENTS)] if recent else "",
        )
        comment.fingerprint = comment.compute_fingerprint()
        return comment
