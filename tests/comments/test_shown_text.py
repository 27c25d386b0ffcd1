"""
What each worker remembers of the comment texts it has shown is bounded by
size, not by count: long comments cannot grow a worker without limit, while
the texts of a busy page are still found again rather than re-linked.
"""

import gc
import tracemalloc

from comments.templatetags.comments import SHOWN_TEXT_BUDGET, comment_text, shown_text, text_language


def long_comment(n: int) -> str:
    # 60,000 characters, near the 65,525 a comment may hold, each text its own.
    return f"Comment {n}: " + ("a long paragraph about the budget, see https://example.org/report " * 900)


def test_long_comments_shown_once_each_leave_the_worker_no_larger_than_the_budget():
    shown_text.cache.clear()
    gc.collect()
    tracemalloc.start()
    try:
        before, _ = tracemalloc.get_traced_memory()
        for n in range(200):  # 200 × 60,000 characters and their HTML: about 30 MB shown in all
            comment_text(long_comment(n))
        gc.collect()
        after, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    retained = after - before
    # ASCII text is a byte per character; allow the entries' own overhead on top.
    assert retained < SHOWN_TEXT_BUDGET * 1.5, f"{retained:,} bytes kept after showing 200 long comments"


def test_a_text_shown_again_is_not_linked_again():
    shown_text.cache.clear()
    text = "Read https://example.org/budget first."

    first = comment_text(text)
    again = comment_text(text)

    assert again is first
    assert '<a href="https://example.org/budget" rel="nofollow ugc noopener">' in first


def test_a_text_larger_than_the_whole_budget_is_shown_but_not_remembered():
    shown_text.cache.clear()
    text = "x" * SHOWN_TEXT_BUDGET

    assert comment_text(text) == f"<p>{text}</p>"
    assert shown_text.cache.currsize == 0


def test_the_language_of_a_text_comes_from_its_letters():
    assert text_language("Շատ լավ հոդված է, շնորհակալություն") == "hy"
    assert text_language("A fine article, thank you") is None
    assert text_language("12345 !!!") is None
