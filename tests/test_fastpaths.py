"""Speed-ups decide nothing: each skips work only where the slow path would give the
same answer: the normaliser's and reader's (bench/samenorm.py checks whole Articles), and
the grouping replay's story numbers."""

from __future__ import annotations

import re
import string
import sys
import unicodedata

import ftfy
import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.cluster import components
from generator.normalise import captions
from generator.normalise import patterns as P
from generator.read import _suffix, clean_text, mend_text


def test_folded_turns_every_case_blind_match_of_an_ascii_letter_into_that_letter():
    any_letter = re.compile("[a-z]", re.IGNORECASE)
    found = 0
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if 0xD800 <= code <= 0xDFFF or not any_letter.fullmatch(char):
            continue
        letter = next(a for a in string.ascii_lowercase if re.fullmatch(a, char, re.IGNORECASE))
        assert P.folded(char) == letter, hex(code)
        found += 1
    assert found > 52  # the ASCII letters and the few others ("ſ", "K", ...)


# Pieces of the furniture rules' own words, in any case and with look-alike letters.
FURNITURE_BITS = [
    "comments", "are", "is", "not", "from", "posted", "endorsed", "refrain from", "12",
    "join the conversation", "join the discussion", "leave a reply", "leave a comment",
    "show comments", "view comments", "sign up", "subscribe", "get our", "join our",
    "newsletter", "briefing", "free", "to", "for", "our", "the", "may earn a commission",
    "might receive a small commission", "affiliate links", "we use cookies", "accept all cookies",
    "cookie policy", "log in to continue", "login to comment", "already a subscriber",
    "create a free account", "|", "Tags:", "topics :", "keywords:", "filed under:",
    "tagged with", "Telephone:", "tel:", "phone:", "fax:", "E-mail:", "email:", "©",
    "(c)", "copyright", "2024", "All rights reserved", "Acme", ".", ":", "!", "(3)",
]  # fmt: skip
LOOKALIKES = str.maketrans({"i": "ı", "s": "ſ", "k": "K", "I": "İ"})


@st.composite
def furniture_lines(draw: st.DrawFn) -> str:
    parts = []
    for bit in draw(st.lists(st.sampled_from(FURNITURE_BITS), max_size=8)):
        case = draw(st.sampled_from([str, str.upper, str.lower, str.title]))
        bit = case(bit)
        if draw(st.booleans()):
            bit = bit.translate(LOOKALIKES)
        parts.append(bit)
    return draw(st.sampled_from([" ", "", "  "])).join(parts)


@settings(max_examples=400, deadline=None)
@given(furniture_lines())
def test_furniture_needs_never_skip_a_line_the_pattern_matches(text):
    key = P.folded(text)
    for rule in P.FURNITURE:
        assert rule.search(text, key) == bool(rule.pattern.search(text)), rule.name
    guarded = any(n in key for n in P.FURNITURE_NEEDS)
    if not guarded:
        assert not any(r.pattern.search(text) for r in P.FURNITURE if r.needs)


WIRE_BITS = [
    "(AP Photo/Jane Doe)", "(Reuters)", "REUTERS/Stringer", "Reuters/Kim", "AFP", "EPA",
    "Getty Images", "(NASA via AP, File)", "(Jane Doe/AP)", "AP Photo", "MANDATORY CREDIT",
    "NO SALES IN UK", "OUT.", "- RC1234567890AB", "Picture taken January 8, 2012.", "ap",
    "reuters", "A man waves.", "Getty", "(", ")", "/",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WIRE_BITS), max_size=6), st.sampled_from([" ", ""]))
def test_wire_credit_check_finds_what_the_pattern_finds(bits, glue):
    text = glue.join(bits)
    fast, slow = captions._wire_credit(text), P.WIRE_CREDIT.search(text)
    assert (fast and fast.span()) == (slow and slow.span())


def _clean_text_with_ftfy(text: str) -> tuple[str, tuple[str, ...]]:
    """clean_text as it was: ftfy on every text, and str.translate for the spaces."""
    config = ftfy.TextFixerConfig(uncurl_quotes=False, fix_character_width=False, explain=True)
    fixed, explanation = ftfy.fix_and_explain(text, config=config)
    repairs = tuple(sorted({step[1] for step in explanation or ()}))
    fixed = unicodedata.normalize("NFC", fixed).replace("\r\n", "\n").replace("\r", "\n")
    spaces = {"\u00a0": " ", "\u2007": " ", "\u202f": " ", "\t": " ", "\u200b": ""}
    folded = fixed.translate(str.maketrans(spaces))
    mended, mends = mend_text(folded)  # the same mending after either path
    return mended, repairs + (("whitespace",) if folded != fixed else ()) + mends


TEXT_BITS = st.sampled_from(
    ["&amp;", "&eacute;", "&", "\r\n", "\r", "\t", "\x1b[31m", "\x00", "\x0c", "\x7f", "\n",
     "\u00a0", "\u200b", "caf\u00e9", "cafe\u0301", "\u00c3\u00a9", "\u2019", "<b>", "plain",
     "\u2018", "\u201c", "\u201d", "\u2013", "\u2014", "\u2026", "\u00e2\u20ac", "\u00c2",
     "\u00c3", "\u20ac", "\u2122", "\u00a3", "\u00b0", "\u00e9", "\u0080", "\u00ae", "\u00bd"]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(TEXT_BITS, st.text(alphabet=st.characters(max_codepoint=127)))))
def test_clean_text_gives_what_ftfy_gives(bits):
    text = "".join(bits)
    assert clean_text(text) == _clean_text_with_ftfy(text)


TYPOGRAPHIC = "\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u00a0"  # what skips ftfy beside ASCII


def test_ascii_and_typographic_text_is_what_ftfy_leaves_as_it_is():
    """Every pair and triple of the characters that skip ftfy, and each beside every
    printable ASCII character, on either side: ftfy changes and explains nothing."""
    config = ftfy.TextFixerConfig(uncurl_quotes=False, fix_character_width=False, explain=True)
    pieces = [a + b for a in TYPOGRAPHIC for b in TYPOGRAPHIC]
    pieces += [a + b + c for a in TYPOGRAPHIC for b in TYPOGRAPHIC for c in TYPOGRAPHIC]
    pieces += [t + a for t in TYPOGRAPHIC for a in string.printable if a != "&"]
    pieces += [a + t for t in TYPOGRAPHIC for a in string.printable if a != "&"]
    for piece in pieces:
        text = piece.replace("\r", "").replace("\x0b", "").replace("\x0c", "")
        fixed = ftfy.fix_and_explain(text, config=config)
        assert (fixed.text, fixed.explanation) == (text, []), repr(text)
        assert clean_text(text) == _clean_text_with_ftfy(text)


@settings(max_examples=300, deadline=None)
@given(
    st.integers(1, 40).flatmap(
        lambda n: st.tuples(
            st.just(n), st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)))
        )
    )
)
def test_components_are_scipys_connected_components(graph: tuple[int, list]) -> None:
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import connected_components

    count, pairs = graph
    links = np.array(pairs, dtype=np.int64).reshape(-1, 2)
    label = components(count, links)
    matrix = csr_matrix((np.ones(len(links)), (links[:, 0], links[:, 1])), (count, count))
    theirs = connected_components(matrix, directed=False)[1]
    same_ours = label[:, None] == label[None, :]
    assert (same_ours == (theirs[:, None] == theirs[None, :])).all()
    assert all(label[i] == min(np.flatnonzero(label == label[i])) for i in range(count))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", ".", "/", "TXT", "md", "é", " ", "..", "x.y"]), max_size=8))
def test_a_listed_files_suffix_is_the_one_pathlib_reads(bits):
    """read._suffix (the listing's, on the seed-relative path) is Path.suffix, lower-cased."""
    from pathlib import PurePosixPath

    source = "".join(bits)
    parts = source.split("/")  # a listing's: no empty part, and never "." or ".."
    if all(part not in ("", ".", "..") for part in parts):
        assert _suffix(source) == PurePosixPath(source).suffix.lower()
