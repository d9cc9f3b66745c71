"""The normaliser's working sheet: one entry per input line, filled in pass by pass.

It is private to the normalise stage; what leaves the stage are frozen LineVerdicts."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cached_property, lru_cache

from ..models import LineVerdict
from . import patterns as P


class Sheet:
    def __init__(self, text: str, first_line: int = 1) -> None:
        self.texts = [" ".join(t.split()) for t in text.split("\n")]
        self.first_line = first_line
        self.kinds: list[str | None] = [None if t else "blank" for t in self.texts]
        self.rules: list[str | None] = [None] * len(self.texts)

    @cached_property
    def casefolded(self) -> list[str]:
        """Each line's text casefolded (the texts never change once read)."""
        return [t.casefold() for t in self.texts]

    @cached_property
    def top_text(self) -> str:
        """The page's first line that is not blank: where a scraper saves its title."""
        return next((t for t in self.texts if t), "")

    def open(self) -> Iterator[int]:
        """Indexes of lines no pass has claimed yet, in order."""
        return (i for i, k in enumerate(self.kinds) if k is None)

    def claim(self, i: int, kind: str, rule: str | None = None) -> None:
        self.kinds[i] = kind
        self.rules[i] = rule

    def drop(self, i: int, rule: str) -> None:
        self.claim(i, "dropped", rule)

    def previous_open(self, i: int) -> int | None:
        for j in range(i - 1, -1, -1):
            if self.kinds[j] is None:
                return j
            if self.kinds[j] not in ("blank", "dropped"):
                return None
        return None

    def next_open(self, i: int) -> int | None:
        for j in range(i + 1, len(self.texts)):
            if self.kinds[j] is None:
                return j
        return None

    def nearest(self, i: int, step: int) -> int | None:
        """The nearest line from i in direction `step` (1 down, -1 up) that is not blank,
        whatever a pass made of it; None past the page's edge."""
        j = i + step
        while 0 <= j < len(self.texts):
            if self.kinds[j] != "blank":
                return j
            j += step
        return None

    def verdicts(self) -> tuple[LineVerdict, ...]:
        return tuple(
            LineVerdict(i + self.first_line, t, k or "paragraph", r)
            for i, (t, k, r) in enumerate(zip(self.texts, self.kinds, self.rules, strict=True))
        )


# The passes ask the same questions of the same lines many times (a line's word count is
# read by a dozen rules): the answers are pure functions of the text, so they are kept.
# The bound is per process and well above one page's lines.
_LINE_CACHE = 8192


@lru_cache(maxsize=_LINE_CACHE)
def words(text: str) -> int:
    return len(P.WORD.findall(text))


@lru_cache(maxsize=_LINE_CACHE)
def is_sentence(text: str) -> bool:
    return bool(P.SENTENCE_END.search(text))


@lru_cache(maxsize=_LINE_CACHE)
def is_prose(text: str) -> bool:
    """A line of running text: a sentence of some length, any long line, or an interview's
    question or answer."""
    n = words(text)
    if P.LIST_ITEM.match(text) and n < P.PROSE_LONG_WORDS:
        return False
    if n >= P.INTERVIEW_MIN_WORDS and P.INTERVIEW_LINE.match(text):
        return True
    return n >= P.PROSE_LONG_WORDS or (n >= P.PROSE_MIN_WORDS and is_sentence(text))


def sentence_case(text: str) -> bool:
    """At most P.TITLE_CASE_SHARE of the words are capitalised."""
    letters = [w for w in text.split() if w[:1].isalpha()]
    return sum(w[:1].isupper() for w in letters) <= P.TITLE_CASE_SHARE * len(letters)


def is_clip_link(text: str) -> bool:
    """A line bidding the reader watch, hear or see a clip (P.CLIP_LINK)."""
    return words(text) <= P.CLIP_LINK_MAX_WORDS and P.CLIP_LINK.match(text) is not None


_CONTENT_WORD = re.compile(r"[^\W\d_]{4,}")


def content_words(text: str) -> set[str]:
    """Words of four letters or more that are not function words, cut to five letters so
    'attack' meets 'attacks'."""
    found = (w.casefold() for w in _CONTENT_WORD.findall(text))
    return {w[:5] for w in found if w not in P.FUNCTION_WORDS}
