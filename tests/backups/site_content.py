"""
A site worth backing up, and what must come back from a backup of it.

`python -m tests.backups.site_content seed` (with the site's environment)
writes articles in English and Armenian with featured and body images, an
English-only and an Armenian-only article, comments with a reply, a pending
and a spam one, former slugs and article versions, then prints the site's
inventory as JSON. `... inventory` prints the inventory alone: run on the
restored site, it must print the same.
"""

import hashlib
import json
import sys
from pathlib import Path

import django


def seed() -> None:
    from django.contrib.auth.models import User

    from articles.models import Article, InlineImage
    from articles.revisions import keep_version
    from comments.models import Comment
    from tests.factories import jpeg_bytes, make_article, make_comment, png_bytes, upload

    chief = User.objects.create_superuser("chief", "chief@example.org", "a-long-password-for-the-chief")
    street = InlineImage.objects.create(
        image=upload(png_bytes((700, 420)), "street.png", "image/png"), alt_text="A street"
    )
    bilingual = make_article(
        title="Bridges reopen after the flood",
        image=upload(jpeg_bytes(size=(1200, 800))),
        image_alt_en="The old bridge at dawn",
        image_alt_hy="Հին կամուրջը արշալույսին",
        image_caption_en="Traffic returned on Monday.",
        image_caption_hy="Երթևեկությունը վերսկսվեց երկուշաբթի։",
        body_en=f'<p>Engineers signed off the repairs.</p><img data-file="{street.pk}" alt="A street">',
        body_hy="<p>Ինժեներները հաստատեցին նորոգումը։</p>",
    )
    keep_version(bilingual, chief)
    # A new slug keeps the old one as a former slug, and the edit is a second version.
    bilingual.slug_en = "bridges-reopen"
    bilingual.title_en = "Bridges reopen a week after the flood"
    bilingual.save()
    keep_version(bilingual, chief)
    english = make_article(title="Council votes on the budget", languages=("en",))
    armenian = make_article(title="Unused", languages=("hy",), image=upload(jpeg_bytes(size=(640, 480), color="tan")))
    armenian.image_alt_hy = "Շուկայի հրապարակը"
    armenian.save()
    make_article(title="A draft still being written", status=Article.Status.DRAFT)
    parent = make_comment(bilingual, text="The bridge was closed for too long.", name="Gohar")
    make_comment(bilingual, parent=parent, text="It had to be checked first.", name="Aram")
    make_comment(english, status=Comment.Status.PENDING, text="Who voted against?")
    make_comment(armenian, text="Շատ լավ հոդված է։", name="Անի")
    make_comment(english, status=Comment.Status.SPAM, text="Cheap watches here")


def file_digests(media_root: Path) -> dict[str, str]:
    return {
        str(path.relative_to(media_root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(media_root.rglob("*"))
        if path.is_file()
    }


def inventory() -> dict:
    """Every row a reader or an editor would miss, and every media file with its digest."""
    from django.conf import settings
    from reversion.models import Version

    from articles.models import Article, FormerSlug, InlineImage
    from comments.models import Comment

    files = file_digests(Path(settings.MEDIA_ROOT))
    articles = [
        {
            "id": a.pk,
            "status": a.status,
            **{
                f"{field}_{lang}": getattr(a, f"{field}_{lang}")
                for field in ("title", "slug", "body")
                for lang in "en hy".split()
            },
            "image_alt_hy": a.image_alt_hy,
            "files": a.stored_files(),
            "bylines": [b.author.name_en for b in a.bylines.all()],
        }
        for a in Article.objects.order_by("pk")
    ]
    inline_images = [
        {"id": i.pk, "alt": i.alt_text, "files": i.stored_files()} for i in InlineImage.objects.order_by("pk")
    ]
    named_files = [name for row in articles + inline_images for name in row["files"]]
    return {
        "articles": articles,
        "inline_images": inline_images,
        "comments": list(
            Comment.objects.order_by("pk").values("id", "article_id", "parent_id", "name", "email", "text", "status")
        ),
        "former_slugs": list(FormerSlug.objects.order_by("pk").values("language", "slug", "object_id")),
        "versions": list(Version.objects.order_by("pk").values_list("object_id", "serialized_data")),
        "files": files,
        # Every file a row names must be in the media folder: a restore that lost one shows it here.
        "missing_files": sorted(set(named_files) - set(files)),
    }


def main(command: str) -> None:
    django.setup()
    if command == "seed":
        seed()
    print(json.dumps(inventory(), ensure_ascii=False, sort_keys=True))


if __name__ == "__main__":
    main(sys.argv[1])
