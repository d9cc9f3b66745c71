"""Pages: escaping, front matter that round-trips, the manifest's exact shape."""

from __future__ import annotations

import json
import re
from dataclasses import replace

import frontmatter
import markdown
import pytest

from generator.cluster import cluster
from generator.merge import merge, ordered
from generator.models import Rejected, Table
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
    # briefing, two stories, rejected list; archive index and its two days (one dated, one
    # undated); topics index and two topics (Kim Jong Un, North Korea); outlets index and 3
    assert len(pages) == 4 + 3 + 3 + 4
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
    assert meta["digest"]["summary"] == "3 sources · 1 original · 1 copy · 1 rewrite"
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
                "encoding",
                "repairs",
                "relation",
                "similarity",
            }
        for caption in story["captions"]:
            assert set(caption) == {"caption", "credit", "wire", "sources"}


def test_summary_line_counts_relations(samples, config):
    stories = {
        s.canonical.source[:3]: s for s in map(merge, cluster(list(samples.values()), config))
    }
    # each relation by the name the sources table gives it: the lead, then own reporting
    assert summary_line(stories["004"]) == "2 sources · 1 original · 1 own report"


RUSSIA = "stories/kim-jong-un-arrives-in-russia-ahead-of-meeting-with-vladimir.md"
HANOI = "this-is-the-scenic-route-kim-jong-un-is-taking-to-meet-trump"


def _html_of(text: str) -> str:
    return markdown.markdown(frontmatter.loads(text).content, extensions=EXTENSIONS)


def test_uncredited_rewrite_is_flagged_with_the_paragraphs_side_by_side(files, samples):
    html = _html_of(files[RUSSIA])
    rows = re.findall(r"<tr>\s*<td>(.*?)</td>\s*<td>(.*?)</td>\s*<td>(.*?)</td>", html, re.S)
    relation = {r[0]: r[2] for r in rows}
    assert 'rewrite <span class="digest-flag"' in relation["Cnews Live"]
    assert relation["Secure Horizon Growth"] == "copy"  # credits ABC's reporters
    evidence = re.search(r'<details class="warning digest-evidence">(.*?)</details>', html, re.S)
    assert evidence, "the evidence sits in a disclosure under the sources table"
    block = evidence[1]
    assert "Cnews Live (rewrite) does not credit ABC News" in block
    pairs = re.findall(r"<tr>\s*<td>(.*?)</td>\s*<td>(.*?)</td>\s*<td>(.*?)</td>", block, re.S)
    rewrite = samples["001_d287f615382e4c94.txt"].paragraphs
    original = samples["000_769eb25042b505df.txt"].paragraphs
    assert len(pairs) >= 5
    import html as h

    for left, right, match in pairs:
        assert h.unescape(left) in original and h.unescape(right) in rewrite
        assert re.fullmatch(r"(verbatim|reworded) [01]\.\d\d", match)
    assert html.index("digest-evidence") > html.index("<h2>Sources")


def test_credits_section_lists_roles_and_the_byline_only_reporters(files):
    post = frontmatter.loads(files[RUSSIA])
    # "ABC News' Ellie Kaufman and Joohee Cho contributed to this report": contributors,
    # so no "By" line above the story
    assert post.metadata["digest"]["credits"] == []
    html = _html_of(files[RUSSIA])
    assert re.search(
        r"<li><strong>Contributors:</strong> Ellie Kaufman \(ABC News, Secure Horizon Growth\)",
        html,
    )
    hanoi = _html_of(
        files["stories/this-is-the-scenic-route-kim-jong-un-is-taking-to-meet-trump.md"]
    )
    photos = re.search(r"<li><strong>Photos:</strong> (.*?)</li>", hanoi)
    assert photos and "Reuters/Andrew Harnik/Pool" in photos[1]
    assert html.index("<h2>Credits") > html.index("<h2>Sources")


def test_headings_on_a_story_page_go_down_one_level_at_a_time(files):
    for path, text in files.items():
        if not path.startswith("stories/") or not path.endswith(".md"):
            continue
        levels = [int(n) for n in re.findall(r"<h([1-6])", _html_of(text))]
        previous = 1  # the page's h1 is the headline in the theme's masthead
        for level in levels:
            assert level <= previous + 1, (path, levels)
            previous = level


def test_a_page_key_ignores_exactly_what_no_page_prints(samples, config):
    """page_key(story) is the key of the story page's remembered text: the same for the
    story and its page_view (which blanks line verdicts, alignment and joins), and
    different when anything a page prints differs."""
    from dataclasses import replace

    from generator.pages import page_key, page_view, story_page

    story = max(map(merge, cluster(list(samples.values()), config)), key=lambda s: len(s.members))
    assert story.joins and story.members[0].article.lines and story.members[1].alignment
    assert page_key(story) == page_key(page_view(story))
    first = story.members[0]
    printed = [
        replace(story, title=story.title + "!"),
        replace(story, members=(replace(first, similarity=0.5), *story.members[1:])),
        replace(
            story,
            members=(
                replace(first, article=replace(first.article, outlet="Other")),
                *story.members[1:],
            ),
        ),
        replace(story, paragraphs=story.paragraphs[1:]),
        replace(story, highlights=("A point the story makes",)),
        replace(story, tables=(Table("Scores", ("Team", "Points"), (("Reds", "3"),)),)),
    ]
    for changed in printed:
        assert page_key(changed) != page_key(story)
        assert story_page(changed) != story_page(story)


def _wire_story(*texts: tuple[str, str]):
    from conftest import article_from

    from generator.models import Cluster, Member, Relation
    from generator.pages import story_page

    articles = [replace(article_from(t, name=f"{o}.txt"), outlet=o) for o, t in texts]
    relations = [Relation.CANONICAL] + [Relation.COVERAGE] * (len(articles) - 1)
    story = merge(
        Cluster(tuple(Member(a, r, 0.5) for a, r in zip(articles, relations, strict=True)))
    )
    return story_page(story)


QUAKE = (
    "Quake shakes the coast\n"
    "TOKYO (AP) -- A strong earthquake shook the coast on Monday, officials said.\n"
    "Trains were halted for hours while engineers checked the tracks for damage.\n"
)


def test_the_rights_holder_is_in_front_matter_and_credits_not_the_legal_text():
    page = _wire_story(
        ("Daily Planet", QUAKE + "Copyright 2008 The Associated Press. All rights reserved. "
         "This material may not be published, broadcast, rewritten or redistributed.\n"),
        ("Gazette", QUAKE.replace("Trains", "Ferries") + "© Reuters 2008\n"),
    )  # fmt: skip
    meta = frontmatter.loads(page).metadata
    assert meta["digest"]["rights"] == ["© 2008 The Associated Press", "© 2008 Reuters"]
    html = _html_of(page)
    rights = re.search(r"<li><strong>Rights:</strong> (.*?)</li>", html)
    assert rights and rights[1] == (
        "© 2008 The Associated Press (Daily Planet), © 2008 Reuters (Gazette)"
    )
    assert "may not be published" not in page


def test_a_story_without_a_copyright_line_has_no_rights():
    page = _wire_story(("Daily Planet", QUAKE))
    assert frontmatter.loads(page).metadata["digest"]["rights"] == []
    assert "Rights:" not in page


def test_the_sources_tag_lists_are_the_pages_tags():
    page = _wire_story(
        ("Daily Planet", QUAKE + "Tags: Japan, earthquakes\n"),
        ("Gazette", QUAKE.replace("Trains", "Ferries") + "Tags: earthquakes; Tokyo\n"),
    )
    assert frontmatter.loads(page).metadata["tags"] == ["Japan", "earthquakes", "Tokyo"]
    assert "tags" not in frontmatter.loads(_wire_story(("Daily Planet", QUAKE))).metadata


def test_the_lead_articles_highlights_open_the_story_as_a_list():
    page = _wire_story(
        (
            "Daily Planet",
            "Quake shakes the coast\n"
            "- A strong earthquake shook the coast on Monday morning\n"
            "- Trains halted for hours while engineers checked the tracks\n"
            + QUAKE.partition("\n")[2],
        )
    )
    assert frontmatter.loads(page).content.startswith(
        "- A strong earthquake shook the coast on Monday morning\n"
        "- Trains halted for hours while engineers checked the tracks\n\n"
        "A strong earthquake shook the coast on Monday, officials said.\n"
    )
    assert "<li>Trains halted for hours" in _html_of(page)
    assert not frontmatter.loads(_wire_story(("Daily Planet", QUAKE))).content.startswith("-")


def test_a_source_without_an_outlet_is_named_by_its_seed_file_said_to_be_one():
    from conftest import article_from

    from generator.models import Cluster, Member, Relation
    from generator.pages import story_page

    known = replace(article_from(QUAKE, name="planet.txt"), outlet="Daily Planet")
    unknown = article_from(
        QUAKE.replace("Trains", "Ferries") + "© Reuters 2008\n", name="a1b2c3.txt"
    )
    assert unknown.outlet is None
    story = merge(
        Cluster((Member(known, Relation.CANONICAL, 1.0), Member(unknown, Relation.COPY, 0.9)))
    )
    html = _html_of(story_page(story))
    cells = re.findall(r"<tr>\s*<td>(.*?)</td>", html)
    assert cells[:2] == ["Daily Planet", "a1b2c3.txt (outlet unknown)"]
    # in the credits, already in brackets, the file alone (no brackets inside brackets)
    rights = re.search(r"<li><strong>Rights:</strong> (.*?)</li>", html)
    assert rights and rights[1] == "© 2008 Reuters (a1b2c3.txt)"


def test_an_articles_table_is_printed_under_its_text_every_cell_escaped():
    page = _wire_story(
        (
            "Daily Planet",
            "Quake shakes the coast\n"
            "TOKYO (AP) -- A strong earthquake shook the coast on Monday, officials said, and "
            "trains were halted for hours while engineers checked the tracks for damage.\n"
            "Inside the numbers\n"
            "Town\nMagnitude\nDamage\n"
            "Port Ellen\n6.1\n12%\n"
            "Harbour | Town\n5.8\n3%\n"
            "Kil*more <b>\n5.2\nN/A\n"
            "The first trains ran again on Tuesday morning, the rail company said, after "
            "engineers found no damage on the line along the coast or on its bridges.\n",
        )
    )
    html = _html_of(page)
    assert "<strong>Inside the numbers</strong>" in html
    assert re.search(r"<th>Town</th>\s*<th>Magnitude</th>\s*<th>Damage</th>", html)
    cells = re.findall(r"<td>(.*?)</td>", html)
    assert cells[cells.index("Harbour | Town") :][:3] == ["Harbour | Town", "5.8", "3%"]
    assert "Kil*more &lt;b&gt;" in cells  # Markdown and HTML in a cell stay literal


def test_the_lead_articles_kicker_is_in_front_matter_and_printed_over_the_headline():
    import jinja2
    from conftest import ROOT

    headline = "Strong quake shakes the coast and halts the trains"
    body = QUAKE.partition("\n")[2]
    page = _wire_story(("Daily Planet", f"Coast <Quake> Watch\n{headline}\n{body}"))
    meta = frontmatter.loads(page).metadata
    assert meta["digest"]["kicker"] == "Coast &lt;Quake&gt; Watch"  # escaped, as every field
    assert meta["title"] == headline
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(ROOT / "theme"), autoescape=False)
    header = env.get_template("partials/story-header.html").render(
        page={"meta": meta, "title": meta["title"]}, nav=None
    )
    assert re.search(
        rf'<p class="digest-label">Coast &lt;Quake&gt; Watch</p>\s*<h1>{headline}</h1>',
        header,
    )
    plain = frontmatter.loads(_wire_story(("Daily Planet", QUAKE))).metadata
    assert plain["digest"]["kicker"] is None
    assert "digest-label" not in env.get_template("partials/story-header.html").render(
        page={"meta": plain, "title": plain["title"]}, nav=None
    )


def test_a_story_page_is_remembered_with_its_links_and_made_again_when_they_change(samples, config):
    """The memo keys each story page by the story and by what its links print: a page
    whose related story's headline or topics change is made again, the others read."""
    from generator.navigation import Related, Topic, plan
    from generator.pages import story_pages

    class Memo:
        def __init__(self) -> None:
            self.kept: dict[tuple[str, str], str] = {}

        def texts(self, kind, keys):
            return {k: self.kept[kind, k] for k in keys if (kind, k) in self.kept}

        def keep_text(self, kind, key, body):
            self.kept[kind, key] = body

    stories = ordered(map(merge, cluster(list(samples.values()), config)))
    assert len(stories) >= 2
    first, other = stories[0], stories[1]
    nav = plan(stories, 7, 30, 99)
    linked = replace(
        nav,
        related={first.id: (Related(other, ("Hanoi",)),)},
        filed={first.id: (Topic("place", "Hanoi", "hanoi", (first, other)),)},
    )
    memo = Memo()
    pages = story_pages(stories, linked, memo)
    assert f"]({other.slug}.md)" in pages[0] and "](topics/hanoi.md)" in pages[0]
    assert story_pages(stories, linked, memo) == pages  # read back whole
    renamed = replace(other, title="A new headline")
    relinked = replace(linked, related={first.id: (Related(renamed, ("Hanoi",)),)})
    again = story_pages(stories, relinked, memo)
    assert "A new headline" in again[0] and again[1:] == pages[1:]
    unfiled = replace(relinked, filed={})
    assert "topics/hanoi.md" not in story_pages(stories, unfiled, memo)[0]
