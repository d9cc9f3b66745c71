"""Pages: escaping, front matter that round-trips, the manifest's exact shape."""

from __future__ import annotations

import json

import frontmatter
import markdown
import pytest

from generator.cluster import cluster
from generator.merge import merge, ordered
from generator.models import Rejected
from generator.pages import md_escape, render, summary_line

EXTENSIONS = [
    "attr_list",
    "md_in_html",
    "tables",
    "admonition",
    "pymdownx.details",
    "pymdownx.superfences",
]

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    "# Not a heading",
    "| a | b |",
    "1. not a list",
    "- not a bullet",
    "> not a quote",
    "Footnote[^1] and {{ jinja }} and {% raw %}",
    "*not emphasis* and __not bold__ and `not code`",
    "{: .class onclick=x }",
    "&amp; stays literal",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_text_renders_as_the_same_literal_text(text):
    html = markdown.markdown(md_escape(text), extensions=EXTENSIONS)
    assert "<script" not in html and "<img" not in html and "<a " not in html
    assert "<h1" not in html and "<ol" not in html and "<ul" not in html
    assert "<blockquote" not in html and "<em" not in html and "<code" not in html
    import html as h

    visible = h.unescape(html.removeprefix("<p>").removesuffix("</p>"))
    assert visible == text


@pytest.fixture(scope="module")
def files(samples):
    from generator.config import validated

    stories = ordered(map(merge, cluster(list(samples.values()), validated({}))))
    return render(stories, [Rejected("bad.txt", "binary file")], "stories")


def test_every_generated_page_has_front_matter_that_parses(files):
    pages = {k: v for k, v in files.items() if k.endswith(".md")}
    assert len(pages) == 4  # briefing, two stories, rejected list
    for path, text in pages.items():
        post = frontmatter.loads(text)
        assert post.metadata["generator"] == "digest", path
        assert post.metadata["title"], path
        assert text.startswith("---\n"), path


def test_story_front_matter_carries_the_header_fields(files):
    post = frontmatter.loads(
        files["stories/kim-jong-un-arrives-in-russia-ahead-of-meeting-with-vladimir.md"]
    )
    meta = post.metadata
    assert meta["template"] == "story.html"
    assert meta["digest"]["dateline"] == "LONDON"
    assert meta["digest"]["summary"] == "3 sources · 1 original report · 1 copy · 1 rewrite"
    assert "## Sources" in post.content and "Secure Horizon Growth" in post.content


def test_manifest_has_the_interface_shape(files):
    data = json.loads(files["stories.json"])
    assert set(data) == {"stories", "rejected"}
    assert data["rejected"] == [{"source": "bad.txt", "reason": "binary file"}]
    for story in data["stories"]:
        assert set(story) == {"id", "slug", "title", "url", "published", "articles", "captions"}
        assert story["url"] == f"stories/{story['slug']}/"
        for article in story["articles"]:
            assert set(article) == {
                "source",
                "title",
                "outlet",
                "published",
                "relation",
                "similarity",
            }
        for caption in story["captions"]:
            assert set(caption) == {"caption", "credit", "wire", "sources"}


def test_summary_line_counts_relations(samples, config):
    stories = {
        s.canonical.source[:3]: s for s in map(merge, cluster(list(samples.values()), config))
    }
    assert summary_line(stories["004"]) == "2 sources · 2 original reports"
