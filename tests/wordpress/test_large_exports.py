"""generate_wxr's exports import whole, and reading one costs memory by the item, not by the file."""

import tracemalloc

from django.core.management import call_command

from articles.models import Article
from comments.models import Comment
from wordpress import wxr


def generate(path, megabytes: float) -> None:
    call_command("generate_wxr", str(path), "--megabytes", str(megabytes), stdout=open("/dev/null", "w"))


def test_a_generated_export_imports_every_post_and_comment(db, tmp_path, run_import):
    path = tmp_path / "generated.xml"
    generate(path, 0.05)
    posts = sum(1 for record in wxr.read(path) if isinstance(record, wxr.Item))
    output = run_import(path)
    # Each English post and its Armenian translation make one article.
    assert Article.objects.count() == posts // 2
    assert Comment.objects.count() == posts * 3
    assert f"translation joined to its article: {posts // 2} created" in output


def peak_while_reading(path) -> int:
    tracemalloc.start()
    try:
        for _record in wxr.read(path):
            pass
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_reading_an_export_four_times_larger_needs_no_more_memory(tmp_path):
    small, large = tmp_path / "small.xml", tmp_path / "large.xml"
    generate(small, 1)
    generate(large, 4)
    small_peak, large_peak = peak_while_reading(small), peak_while_reading(large)
    # Everything read is dropped as soon as it has been yielded: four times the file, the same peak.
    assert large_peak < small_peak * 1.5
    assert large_peak < 2 * 1024 * 1024


def test_a_post_costs_the_same_queries_however_many_were_imported_before(db, run_import, write_export):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from .conftest import post_xml

    def queries_for_one_more(post_id: int) -> int:
        path = write_export(post_xml(post_id, extra='<category domain="post_tag" nicename="t">T</category>'))
        with CaptureQueriesContext(connection) as captured:
            run_import(path)
        return len(captured)

    run_import(write_export("".join(post_xml(n) for n in range(1, 6)), name="five.xml"))
    queries_for_one_more(100)  # the first makes the tag, the author and the section's records
    after_six = queries_for_one_more(101)
    run_import(write_export("".join(post_xml(n) for n in range(6, 51)), name="fifty.xml"))
    assert queries_for_one_more(102) == after_six
