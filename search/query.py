"""
What a reader typed into the search box, made safe to hand to a database.

Anything may arrive in ``?q=``: megabytes of text, NUL bytes, quotes, FTS5 or
tsquery operators, SQL. None of it reaches a query as syntax. The text is cut
to MAX_QUERY_CHARACTERS, and only its words (runs of letters and digits, in
any script) are kept, at most MAX_QUERY_WORDS of them; every punctuation mark
or operator is a word boundary and nothing more. A search therefore costs at
most a few index look-ups, whatever was sent.
"""

import re
from dataclasses import dataclass

# Long enough for any real question or headline pasted into the box.
MAX_QUERY_CHARACTERS = 200
# Each word is one more index look-up; a reader's query rarely has more.
MAX_QUERY_WORDS = 10
# Words shorter than this are matched exactly, never as the start of a longer
# word: a one- or two-letter prefix would match a large part of the archive.
MIN_PREFIX_LENGTH = 3

# Letters and digits of every script; the underscore is a separator, as it is
# for both databases' tokenizers.
WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class SearchTerms:
    """The reader's query as shown back to them (``text``) and as searched for (``words``)."""

    text: str
    words: tuple[str, ...]
    # True when the reader's query was longer than the limits and only its start was searched.
    cut: bool = False

    @classmethod
    def parse(cls, raw: str) -> "SearchTerms":
        cut = raw[:MAX_QUERY_CHARACTERS]
        # Control characters (NUL included) and private-use ones neither print nor search.
        printable = "".join(character if character.isprintable() else " " for character in cut)
        words = WORD.findall(printable)
        cut = len(raw) > MAX_QUERY_CHARACTERS or len(words) > MAX_QUERY_WORDS
        return cls(text=" ".join(printable.split()), words=tuple(words[:MAX_QUERY_WORDS]), cut=cut)

    def __bool__(self) -> bool:
        return bool(self.words)

    def fts5(self, *, prefix: bool) -> str:
        """
        A SQLite FTS5 query: every word, quoted (no word holds a quote), all
        required; with ``prefix``, words of MIN_PREFIX_LENGTH letters or more
        also match longer words starting with them.
        """
        return " ".join(
            f'"{word}"*' if prefix and len(word) >= MIN_PREFIX_LENGTH else f'"{word}"' for word in self.words
        )

    def tsquery(self, *, prefix: bool) -> str:
        """
        A PostgreSQL ``to_tsquery`` expression, with the same meaning as
        ``fts5()``. Words hold no tsquery operator (they are letters and
        digits only), and each is quoted besides.
        """
        return " & ".join(
            f"'{word}':*" if prefix and len(word) >= MIN_PREFIX_LENGTH else f"'{word}'" for word in self.words
        )
