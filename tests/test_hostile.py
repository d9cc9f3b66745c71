"""Bad and hostile input: every file is read within bounds or rejected with a reason,
never a crash, and never lost."""

from __future__ import annotations

import html
import json
import os
from pathlib import Path

import frontmatter
import pytest

from generator.pipeline import build
from generator.read import read_seed

ARTICLE = (
    "Harbour expansion approved\n"
    "HALIFAX -- The city council voted on Tuesday to expand the harbour, ending a long debate.\n"
    "Officials said construction would begin in the spring and last two years.\n"
)


def _manifest(project):
    return json.loads((project.content / "stories.json").read_text(encoding="utf-8"))


def _placed(project):
    data = _manifest(project)
    return sorted(
        [a["source"] for s in data["stories"] for a in s["articles"]]
        + [r["source"] for r in data["rejected"]]
    )


def test_huge_file_is_rejected_without_being_read(tmp_path):
    path = tmp_path / "big.txt"
    with path.open("wb") as handle:  # 200 MB, sparse: costs no disk
        handle.seek(200 * 1024 * 1024 - 1)
        handle.write(b"\n")
    result = read_seed(path, "big.txt", 20_000_000)
    assert "over the 20,000,000-byte limit" in result.reason


def test_one_five_megabyte_line_is_rejected_with_its_line_number(tmp_path):
    path = tmp_path / "line.txt"
    path.write_text("Title here\n" + "word " * 1_000_000 + "\n")
    result = read_seed(path, "line.txt", 20_000_000)
    assert "line 2 is 5,000,000 characters long" in result.reason


def test_a_million_short_lines_are_rejected(tmp_path):
    path = tmp_path / "lines.txt"
    path.write_text("a\n" * 1_000_000)
    result = read_seed(path, "lines.txt", 20_000_000)
    assert "1,000,001 lines" in result.reason


@pytest.mark.parametrize(
    "name", ["with space.txt", "ünïcödé – 新闻.txt", "-leading-dash.txt", "--.txt"]
)
def test_awkward_file_names_are_articles(project, config, name):
    (project.seeds / name).write_text(ARTICLE, encoding="utf-8")
    build(config, project)
    assert name in [a["source"] for s in _manifest(project)["stories"] for a in s["articles"]]


def test_two_files_with_the_same_bytes_both_land_in_one_story(project, config):
    (project.seeds / "a.txt").write_text(ARTICLE)
    (project.seeds / "b.txt").write_text(ARTICLE)
    build(config, project)
    (story,) = [
        s
        for s in _manifest(project)["stories"]
        if {a["source"] for a in s["articles"]} & {"a.txt", "b.txt"}
    ]
    assert {a["source"]: a["relation"] for a in story["articles"]} == {
        "a.txt": "canonical",
        "b.txt": "copy",
    }


def test_symlinks_loops_and_folder_links_are_reported_not_followed(project, config):
    (project.seeds / "real.txt").write_text(ARTICLE)
    os.symlink("real.txt", project.seeds / "alias.txt")
    os.symlink("loop.txt", project.seeds / "loop.txt")
    os.symlink("missing.txt", project.seeds / "broken.txt")
    os.symlink(".", project.seeds / "folder-link")
    result = build(config, project)
    reasons = {r.source: r.reason for r in result.rejected}
    assert "cannot read file" in reasons["loop.txt"]
    assert "cannot read file" in reasons["broken.txt"]
    assert "not followed" in reasons["folder-link"]
    seeds = sorted(p.name for p in project.seeds.iterdir())
    assert _placed(project) == seeds  # every entry, links included, lands exactly once


def test_seed_that_disappears_mid_build_is_rejected(project, config, monkeypatch):
    import generator.read as read

    victim = project.seeds / "000_769eb25042b505df.txt"
    original = read.load_seed

    def vanish(path, source, max_bytes):
        if path == victim:
            path.unlink()
        return original(path, source, max_bytes)

    monkeypatch.setattr(read, "load_seed", vanish)
    result = build(config, project)
    assert "cannot read file" in {r.source: r.reason for r in result.rejected}[victim.name]


HOSTILE_FRONT_MATTER = """---
title: "Title --- with: colons, 'quotes' and \\"doubles\\""
base: &anchor Outlet Anchor
outlet: *anchor
slug: ../../escape
source: /etc/passwd
url: https://example.com/a
---
The city council voted on Tuesday to expand the harbour, ending a long debate.
Officials said construction would begin in the spring and last two years.
"""


def test_front_matter_that_fights_back_stays_inside_the_content_folder(project, config, tmp_path):
    (project.seeds / "fm.md").write_text(HOSTILE_FRONT_MATTER)
    build(config, project)
    story = next(
        s
        for s in _manifest(project)["stories"]
        if any(a["source"] == "fm.md" for a in s["articles"])
    )
    assert story["title"] == "Title --- with: colons, 'quotes' and \"doubles\""
    assert story["articles"][0]["outlet"] == "Outlet Anchor"
    page = project.content / "stories" / f"{story['slug']}.md"
    assert html.unescape(frontmatter.loads(page.read_text())["title"]) == story["title"]
    outside = (
        {p for p in tmp_path.rglob("*") if p.is_file()}
        - set(project.content.rglob("*"))
        - set(project.seeds.rglob("*"))
        - {tmp_path / "bare.yml"}  # the project fixture's config file for -f
    )
    assert not outside
    assert not Path("/etc/passwd").read_text().count("digest")


BILLION_LAUGHS = "".join(
    f"{k}: &{k} [{', '.join([f'*{p}'] * 9)}]\n" for p, k in zip("abcdefgh", "bcdefghi", strict=True)
)
BODY = (
    "The city council voted on Tuesday to expand the harbour, ending a long debate.\n"
    "Officials said construction would begin in the spring and last two years.\n"
)


@pytest.mark.parametrize(
    ("front", "title"),
    [
        (  # aliases nine deep: a billion strings if anything expanded them
            'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n'
            + BILLION_LAUGHS
            + "title: *i\ncredits: *i\noutlet: *i\n",
            "The city council voted on Tuesday to expand the harbour, ending a long debate",
        ),
        ('title: "../../../../tmp/escape/../x"\nurl: file:///etc/passwd\n', None),
        ('title: "/etc/cron.d/evil"\nslug: /etc/cron.d/evil\n', None),
        ("title: https://example.com/../../x\nsource: ../../../x.md\n", None),
    ],
)
def test_front_matter_paths_and_alias_bombs_write_only_in_the_content_folder(
    project, config, tmp_path, front, title
):
    (project.seeds / "fm.md").write_text(f"---\n{front}---\n{BODY}")
    before = {p for p in tmp_path.rglob("*")}
    build(config, project)
    story = next(
        s
        for s in _manifest(project)["stories"]
        if any(a["source"] == "fm.md" for a in s["articles"])
    )
    if title:
        assert story["title"] == title  # a title that is no string is no title
    assert story["articles"][0]["outlet"] is None or len(story["articles"][0]["outlet"]) < 100
    assert (project.content / "stories" / f"{story['slug']}.md").is_file()
    assert "/" not in story["slug"] and ".." not in story["slug"]
    made = {p for p in tmp_path.rglob("*")} - before
    assert all(project.content in p.parents or p.name.startswith(".") for p in made), made


MARKUP = (
    "Markup in the text stays text\n"
    "The page said <script>alert('x')</script> and <img src=x onerror=alert(1)> in its body.\n"
    "It also had [a link](javascript:alert(1)) and {{ config.site_name }} and {% raw %} inside.\n"
    "# Not a heading, | not | a table |, and a footnote[^1] that is not one.\n"
)


def test_markup_in_articles_is_escaped_in_the_generated_markdown(project, config):
    (project.seeds / "markup.txt").write_text(MARKUP)
    build(config, project)
    text = "\n".join(p.read_text() for p in (project.content / "stories").glob("*.md"))
    assert "<script>" not in text and "<img" not in text
    assert "&lt;script&gt;" in text
    assert "\\[a link\\]\\(javascript" in text


def test_a_markup_headline_is_escaped_in_the_archive_and_topic_lists(project, config):
    """The lists of stories on archive and topic pages print each headline as text."""
    headline = "Mayor <b>Lena Vasquez</b> opens *new* [bridge](javascript:alert(1)) in Oakvale"
    body = " ".join(["Mayor Lena Vasquez of Oakvale opened the bridge on Monday."] * 3)
    (project.seeds / "markup.txt").write_text(f"{headline}\n\n{body}\n\n{body}\n")
    build(config, project)
    lists = [*(project.content / "stories" / "archive").glob("*.md")]
    lists += [*(project.content / "stories" / "topics").glob("*.md")]
    line = next(line for p in lists for line in p.read_text().splitlines() if "Oakvale" in line)
    assert line.startswith("- [Mayor &lt;b&gt;Lena Vasquez&lt;/b&gt; opens \\*new\\* \\[bridge\\]")
    assert "<b>" not in line and "](javascript" not in line


def test_pipes_and_devices_among_the_seeds_are_rejected_not_read(project, config, caplog):
    """A named pipe would block the build until something wrote to it, and a link to
    /dev/zero has no size to check and no end: neither is a file to read."""
    os.mkfifo(project.seeds / "pipe.txt")
    os.symlink("/dev/zero", project.seeds / "zero.txt")
    os.mkfifo(project.seeds / "pipe.jpg")  # a photo is read the same way
    result = build(config, project)
    reasons = {r.source: r.reason for r in result.rejected}
    assert "not a regular file" in reasons["pipe.txt"]
    assert "not a regular file" in reasons["zero.txt"]
    assert "image 'pipe.jpg' left out: not a regular file" in caplog.text


def test_a_file_that_grows_while_it_is_read_is_read_no_further_than_the_limit(
    tmp_path, monkeypatch
):
    import generator.read as read

    path = tmp_path / "growing.txt"
    path.write_bytes(b"Title\n" + b"x" * 994)
    real = os.fstat

    def smaller(fd):  # the size at the moment of the check, before the file grew
        status = real(fd)
        return os.stat_result((*status[:6], 10, *status[7:]))

    monkeypatch.setattr(read.os, "fstat", smaller)
    result = read_seed(path, "growing.txt", 500)
    assert "grew past the 500-byte limit" in result.reason
    assert read_seed(path, "growing.txt", 1000).text.startswith("Title")  # at the limit: read


def test_the_decoding_and_repairs_of_each_seed_are_recorded_in_the_manifest(project, config):
    """How each seed's bytes were read is kept with its article: the encoding chosen and
    what was repaired (mojibake undone, line breaks), in stories.json."""
    (project.seeds / "windows.txt").write_bytes(ARTICLE.replace("--", "\u2013").encode("cp1252"))
    mojibake = ARTICLE.replace("city", "city\u2019s").encode().decode("cp1252")
    (project.seeds / "mojibake.txt").write_text(mojibake, encoding="utf-8")
    build(config, project)
    read = {a["source"]: a for s in _manifest(project)["stories"] for a in s["articles"]}
    assert read["windows.txt"]["encoding"] == "cp1252"
    assert read["windows.txt"]["repairs"] == []
    assert read["mojibake.txt"]["encoding"] == "utf-8"
    assert "sloppy-windows-1252" in read["mojibake.txt"]["repairs"]
    assert read["000_769eb25042b505df.txt"]["repairs"] == []


def test_hostile_files_in_a_real_build_are_rejected_named_and_in_bounded_memory(project):
    """A `digest build` process over the samples and six files no article can be: each is
    a warning naming it and a reason in stories.json, the samples are built, and the
    process's peak memory stays far below what reading the 200 MB file would take (its
    bytes and its text alone are 400 MB)."""
    import subprocess
    import sys

    hostile = {
        "empty.txt": "empty file",
        "nul.txt": "binary file (contains NUL bytes)",
        "binary.txt": "binary file (contains NUL bytes)",
        "big.txt": "file is 209,715,200 bytes, over the 20,000,000-byte limit",
        "line.txt": "line 2 is 5,000,000 characters long, over the 100,000-character limit",
        "lines.txt": "1,000,001 lines, over the 50,000-line limit for one article",
    }
    seeds = project.seeds
    (seeds / "empty.txt").write_bytes(b"")
    (seeds / "nul.txt").write_bytes(b"Title\x00body")
    (seeds / "binary.txt").write_bytes(bytes(range(256)) * 64)
    with (seeds / "big.txt").open("wb") as handle:  # sparse: costs no disk
        handle.seek(200 * 1024 * 1024 - 1)
        handle.write(b"\n")
    (seeds / "line.txt").write_text("Title here\n" + "word " * 1_000_000 + "\n")
    (seeds / "lines.txt").write_text("a\n" * 1_000_000)
    code = "import sys; from generator.cli import run; sys.argv[0] = 'digest'; run()"
    args = ["build", "--quiet", "--seeds", str(seeds), "--content", str(project.content)]
    child = subprocess.Popen(
        [sys.executable, "-c", code, *args, "-f", str(seeds.parent / "bare.yml")],
        stderr=subprocess.PIPE,
        text=True,
    )
    with child.stderr:
        stderr = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)  # the child's own peak memory, as wait() has not
    child.returncode = os.waitstatus_to_exitcode(status)
    assert child.returncode == 0, stderr
    for name, reason in hostile.items():
        assert f"warning: {name}: {reason}" in stderr
    rejected = {r["source"]: r["reason"] for r in _manifest(project)["rejected"]}
    assert set(rejected) == set(hostile)
    assert all(rejected[name].startswith(reason) for name, reason in hostile.items())
    assert len(_manifest(project)["stories"]) == 2  # the samples' two stories, as without them
    assert usage.ru_maxrss < 350 * 1024  # KB: a build of the samples alone peaks near 100 MB
