"""A story's tags: the sources' own tag lists, read by generator/tags.py."""

from __future__ import annotations

from conftest import article_from as article

from generator.tags import article_tags, story_tags

BODY = (
    "Hollywood's striking writers are set to go back to work at the studio under the terms "
    "of a new agreement.\n"
    "The studio said the deal would let its films and television shows resume production.\n"
)


def test_tag_items_are_split_by_commas_or_else_by_words():
    a = article(
        "Studio strikes deal with writers\n" + BODY + "Tags: Weinstein , WGA; writers strike\n"
    )
    assert article_tags(a) == ["Weinstein", "WGA", "writers strike"]
    b = article("Studio strikes deal with writers\nTopics: film strike\n" + BODY)
    assert article_tags(b) == ["film", "strike"]


def test_a_story_lists_each_tag_once_lead_first():
    a = article("Studio strikes deal with writers\n" + BODY + "Tags: WGA, Film\n", name="a.txt")
    b = article("Studio strikes deal with writers\n" + BODY + "Tags: film, Strike\n", name="b.txt")
    assert story_tags([a, b]) == ("WGA", "Film", "Strike")


def test_an_article_without_a_tag_list_has_no_tags():
    assert article_tags(article("Studio strikes deal with writers\n" + BODY)) == []
