"""Property-based tests for the normaliser: it never crashes, never invents text, and
normalising its own output changes nothing."""

from __future__ import annotations

from conftest import article_from
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.read import clean_text

VOCABULARY = (
    "the council voted on Tuesday to expand harbour officials said construction would "
    "begin spring and last two years residents Kim train Russia summit minister reported "
    "police city water market prices rose fell percent"
)
WORDS = st.sampled_from(VOCABULARY.split())
SENTENCE = st.lists(WORDS, min_size=6, max_size=30).map(lambda w: " ".join(w).capitalize() + ".")
PARAGRAPH = st.lists(SENTENCE, min_size=1, max_size=4).map(" ".join)
HEADLINE = st.lists(WORDS, min_size=3, max_size=10).map(lambda w: " ".join(w).title())
FURNITURE = st.sampled_from(
    [
        "Home",
        "- News",
        "Share",
        "Advertisement",
        "veryGood! (96)",
        "Related",
        "- Sports",
        "Sign up for our newsletter",
        "Comments (3)",
        "Image: Reuters/Stringer",
        "Print | Email",
    ]
)
LINE = st.one_of(PARAGRAPH, HEADLINE, FURNITURE)
PAGE = st.tuples(
    st.lists(FURNITURE, max_size=6),
    HEADLINE,
    st.lists(PARAGRAPH, min_size=1, max_size=8),
    st.lists(LINE, max_size=8),
).map(lambda t: "\n".join([*t[0], t[1], *t[2], *t[3]]))

# Derandomized: the same examples on every run, so CI is reproducible; explore with
# `pytest tests/test_properties.py --hypothesis-seed=N`.
FAST = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)


def _fold(text: str) -> str:
    return " ".join(text.split())


@FAST
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=3000))
def test_never_crashes_on_any_text(text):
    article = article_from(text)
    assert len(article.lines) == clean_text(text)[0].count("\n") + 1


@FAST
@given(st.one_of(PAGE, st.lists(LINE, max_size=20).map("\n".join)))
def test_never_invents_text(text):
    cleaned = [_fold(line) for line in clean_text(text)[0].split("\n")]
    article = article_from(text)
    for paragraph in article.paragraphs:
        assert any(_fold(paragraph) in line for line in cleaned), paragraph
    for caption in article.captions:
        assert any(_fold(caption.caption) in line for line in cleaned), caption


@FAST
@given(PAGE)
def test_normalising_its_own_output_changes_nothing(text):
    first = article_from(text)
    head = [] if first.title_derived else [first.title]
    again = article_from("\n".join([*head, *first.paragraphs]))
    assert again.paragraphs == first.paragraphs
    assert again.title == first.title
