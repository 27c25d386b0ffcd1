"""
manage.py generate_wxr OUTPUT.xml --megabytes N

Writes a WordPress export of about N megabytes (posts in English and
Armenian linked by Polylang, with categories, tags and threaded comments),
streamed to disk, so that the import's memory can be measured on a large file
(README, "Moving from WordPress"). Every text is made up here.
"""

import random

from django.core.management.base import BaseCommand

HEADER = """<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>Generated newsroom</title>
<language>en-US</language>
<wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>http://generated.example</wp:base_site_url>
<wp:base_blog_url>http://generated.example</wp:base_blog_url>
<wp:author><wp:author_login>reporter</wp:author_login><wp:author_display_name>Staff Reporter</wp:author_display_name></wp:author>
<wp:category><wp:category_nicename>news</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name>News</wp:cat_name></wp:category>
<wp:category><wp:category_nicename>lurer</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name>Լուրեր</wp:cat_name></wp:category>
"""
WORDS = "council budget river school market road bridge vote talks season harvest theatre museum".split()
ARMENIAN_WORDS = "խորհուրդ բյուջե գետ դպրոց շուկա ճանապարհ կամուրջ քվե բանակցություն".split()


class Command(BaseCommand):
    help = "Write a large generated WordPress export for measuring the import."

    def add_arguments(self, parser):
        parser.add_argument("output")
        parser.add_argument("--megabytes", type=float, default=10)
        parser.add_argument("--paragraphs", type=int, default=12, help="Paragraphs per post body.")
        parser.add_argument("--comments", type=int, default=3, help="Comments per post (each replies to the last).")
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, output, megabytes, paragraphs, comments, seed, **options):
        rng = random.Random(seed)
        # Drawn from a pool of made-up sentences: drawing every word would take longer than the import.
        self.pool = {
            id(words): [" ".join(rng.choice(words) for _ in range(60)) for _ in range(200)]
            for words in (WORDS, ARMENIAN_WORDS)
        }
        limit = int(megabytes * 1024 * 1024)
        pairs = 0
        with open(output, "w", encoding="utf-8") as out:
            out.write(HEADER)
            while out.tell() < limit:
                pairs += 1
                group = f"pll_{pairs:08x}"
                out.write(
                    f"<wp:term><wp:term_taxonomy>post_translations</wp:term_taxonomy><wp:term_slug>{group}</wp:term_slug>"
                )
                out.write(
                    f'<wp:term_description><![CDATA[a:2:{{s:2:"en";i:{pairs * 2};s:2:"hy";i:{pairs * 2 + 1};}}]]>'
                )
                out.write("</wp:term_description></wp:term>\n")
                for language, offset, words, category in (("en", 0, WORDS, "news"), ("hy", 1, ARMENIAN_WORDS, "lurer")):
                    post_id = pairs * 2 + offset
                    out.write(self.item(rng, post_id, language, group, words, category, paragraphs, comments))
            out.write("</channel>\n</rss>\n")
        self.stdout.write(f"{output}: {pairs * 2} posts, {pairs * 2 * comments} comments")

    def item(self, rng, post_id, language, group, words, category, paragraphs, comments) -> str:
        pool = self.pool[id(words)]
        title = " ".join(rng.choice(words) for _ in range(6))
        body = "\n\n".join(rng.choice(pool) for _ in range(paragraphs))
        day = 1 + post_id % 28
        parts = [
            f"<item><title>{title}</title><link>http://generated.example/{language}/post-{post_id}/</link>",
            "<dc:creator>reporter</dc:creator>",
            f"<content:encoded><![CDATA[{body}]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded>",
            f"<wp:post_id>{post_id}</wp:post_id><wp:post_date>2021-05-{day:02d} 10:00:00</wp:post_date>",
            f"<wp:post_date_gmt>2021-05-{day:02d} 06:00:00</wp:post_date_gmt><wp:comment_status>open</wp:comment_status>",
            f"<wp:post_name>post-{post_id}</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>",
            f'<category domain="category" nicename="{category}">{category}</category>',
            f'<category domain="language" nicename="{language}">{language}</category>',
            f'<category domain="post_translations" nicename="{group}">{group}</category>',
        ]
        for number in range(comments):
            comment_id = post_id * 100 + number
            parent = comment_id - 1 if number else 0
            text = f"{rng.choice(pool)[:150]} ({comment_id})"
            parts.append(
                f"<wp:comment><wp:comment_id>{comment_id}</wp:comment_id><wp:comment_author>Reader {number}</wp:comment_author>"
                f"<wp:comment_author_email>reader{number}@generated.example</wp:comment_author_email>"
                f"<wp:comment_author_IP>192.0.2.{number % 250}</wp:comment_author_IP>"
                f"<wp:comment_date_gmt>2021-05-{day:02d} 08:00:00</wp:comment_date_gmt>"
                f"<wp:comment_content><![CDATA[{text}]]></wp:comment_content><wp:comment_approved>1</wp:comment_approved>"
                f"<wp:comment_parent>{parent}</wp:comment_parent></wp:comment>"
            )
        parts.append("</item>\n")
        return "".join(parts)
