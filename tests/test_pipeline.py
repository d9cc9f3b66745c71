"""The whole pipeline on the samples: gold stories, nothing lost, byte-identical reruns."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import pytest
from conftest import GOLD, follow_up_texts

from generator.credits import photo_credit
from generator.errors import ConfigError
from generator.pipeline import build


def _manifest(paths):
    return json.loads((paths.content / "stories.json").read_text(encoding="utf-8"))


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_samples_build_the_gold_stories(project, config):
    build(config, project)
    data = _manifest(project)
    got = [{a["source"]: a["relation"] for a in s["articles"]} for s in data["stories"]]
    assert sorted(got, key=sorted) == sorted((s["articles"] for s in GOLD["stories"]), key=sorted)
    captions = [(c["caption"], c["credit"]) for s in data["stories"] for c in s["captions"]]
    gold = [  # the story pages spell photo credits in wire style
        (c["caption"], c["credit"] and photo_credit(c["credit"]))
        for a in GOLD["articles"].values()
        for c in a["captions"]
    ]
    assert sorted(captions) == sorted(gold) and len(captions) == 19


def test_no_furniture_reaches_any_page(project, config):
    build(config, project)
    pages = "\n".join(p.read_text(encoding="utf-8") for p in project.content.rglob("*.md"))
    # a dropped repeat of a headline or caption is still shown once as headline or caption
    shown = {c["caption"] for a in GOLD["articles"].values() for c in a["captions"]}
    shown |= {a["title"] for a in GOLD["articles"].values() if a["title"]}
    for article in GOLD["articles"].values():
        for line in article["drop"]:
            if line in shown:
                assert f"\n{line}\n" not in pages and f"\n{line} <sup" not in pages, line
            else:
                assert line not in pages, line


def test_every_seed_lands_exactly_once(project, config):
    (project.seeds / "broken.txt").write_bytes(b"\x00\x00")
    (project.seeds / "nested").mkdir()
    (project.seeds / "nested" / "menu.txt").write_text("Home\nNews\nSport\n")
    headline = "Killer showed signs of trouble long before the mass shooting at a Hialeah apartment"
    (project.seeds / "headline.txt").write_text(f"{headline}\n")
    result = build(config, project)
    data = _manifest(project)
    placed = [a["source"] for s in data["stories"] for a in s["articles"]]
    placed += [r["source"] for r in data["rejected"]]
    seeds = sorted(
        p.relative_to(project.seeds).as_posix() for p in project.seeds.rglob("*") if p.is_file()
    )
    assert sorted(placed) == seeds
    assert {r.source for r in result.rejected} == {"broken.txt", "nested/menu.txt", "headline.txt"}
    reasons = dict((r.source, r.reason) for r in result.rejected)
    assert reasons["nested/menu.txt"] == (
        'no article text found (3 lines, dropped as outside_article; first "Home")'
    )
    # a headline alone is quoted, cut at a word before REJECTED_LINE_CHARS
    assert reasons["headline.txt"].endswith(
        '; first "Killer showed signs of trouble long before the mass shooting at a Hialeah …")'
    )
    assert (project.content / "stories" / "rejected.md").is_file()


def test_rebuild_is_byte_identical_and_writes_nothing(project, config):
    first = build(config, project)
    tree = _tree(project.content)
    second = build(config, project)
    assert first.written and second.written == () and second.removed == ()
    assert _tree(project.content) == tree


def test_output_does_not_depend_on_file_order_or_location(project, config, tmp_path):
    build(config, project)
    other_seeds = tmp_path / "elsewhere" / "seeds"
    other_seeds.mkdir(parents=True)
    names = sorted(p.name for p in project.seeds.iterdir())
    random.Random(7).shuffle(names)
    for name in names:  # created in another order, in another folder
        shutil.copy(project.seeds / name, other_seeds / name)
    other = type(project)(seeds=other_seeds, content=tmp_path / "elsewhere" / "content")
    build(config, other)
    assert _tree(other.content) == _tree(project.content)


def test_removed_seed_prunes_its_story_and_keeps_the_other_slug(project, config):
    build(config, project)
    before = {s["slug"] for s in _manifest(project)["stories"]}
    for name in ("003_5b900e03b5c10ba5.txt", "004_509b700b257930df.txt"):
        (project.seeds / name).unlink()
    result = build(config, project)
    after = {s["slug"] for s in _manifest(project)["stories"]}
    assert after < before and len(after) == 1
    assert [r for r in result.removed if r.startswith("stories/")]


def test_story_keeps_its_slug_when_it_gains_a_source(project, config):
    hanoi = project.seeds / "004_509b700b257930df.txt"
    held = hanoi.read_bytes()
    hanoi.unlink()
    build(config, project)
    before = {
        s["slug"]: {a["source"] for a in s["articles"]} for s in _manifest(project)["stories"]
    }
    hanoi.write_bytes(held)  # 004 joins 003's story and becomes its canonical article
    build(config, project)
    after = {s["slug"]: {a["source"] for a in s["articles"]} for s in _manifest(project)["stories"]}
    assert set(after) == set(before)
    assert any(hanoi.name in sources for sources in after.values())


def test_an_added_article_rewrites_only_its_story_page_and_the_indexes(project, config):
    """A daily run adds an article to many: the pages of the other stories are not
    touched (their bytes are the same, so they are not written), only the page of the
    story it joins and the pages that list stories."""
    texts = dict(follow_up_texts(shared=0, events=6))
    held = "s32.txt"  # the third report of the fourth event
    for name, text in texts.items():
        if name not in (held, "lone.txt"):
            (project.seeds / name).write_text(text, encoding="utf-8")
    build(config, project)
    stories = _manifest(project)["stories"]
    assert len(stories) >= 8  # the samples' stories and the six events'
    (project.seeds / held).write_text(texts[held], encoding="utf-8")
    result = build(config, project)
    joined, sources = next(
        (s["slug"], {a["source"] for a in s["articles"]})
        for s in _manifest(project)["stories"]
        if held in {a["source"] for a in s["articles"]}
    )
    assert {"s30.txt", "s31.txt", "s33.txt"} <= sources  # it joined its event's story
    pages = {f"stories/{s['slug']}.md" for s in stories} | {f"stories/{joined}.md"}
    assert result.removed == ()
    assert {w for w in result.written if w in pages} == {f"stories/{joined}.md"}
    assert "stories.json" in result.written


def test_editor_overrides_in_stories_yml(project, config):
    (project.seeds / "stories.yml").write_text(
        "apart:\n  - [000_769eb25042b505df.txt, 001_d287f615382e4c94.txt]\n"
    )
    build(config, project)
    groups = [{a["source"] for a in s["articles"]} for s in _manifest(project)["stories"]]
    assert len(groups) == 3
    assert not any({"000_769eb25042b505df.txt", "001_d287f615382e4c94.txt"} <= g for g in groups)
    assert "stories.yml" not in {r["source"] for r in _manifest(project)["rejected"]}


def test_outlets_yml_names_outlets_by_alias_and_domain(project, config):
    (project.seeds / "outlets.yml").write_text(
        "- name: ABC News (US)\n  aliases: [ABC News]\n- name: The Quartz\n  domains: [qz.com]\n"
    )
    (project.seeds / "004_509b700b257930df.txt").write_text(
        "---\nurl: https://www.qz.com/1557000/kim-train\n---\n"
        + (project.seeds / "004_509b700b257930df.txt").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    build(config, project)
    outlets = {
        a["source"]: a["outlet"] for s in _manifest(project)["stories"] for a in s["articles"]
    }
    assert outlets["000_769eb25042b505df.txt"] == "ABC News (US)"
    assert outlets["004_509b700b257930df.txt"] == "The Quartz"
    assert outlets["002_6e10a5f34e632333.txt"] == "Secure Horizon Growth"


@pytest.mark.parametrize(
    ("name", "text", "message", "line"),
    [
        ("stories.yml", "together: [a.txt]\n", "list of lists", 1),
        ("stories.yml", "# editors\napart:\n  - [a.txt, b.txt]\ntogether:\n  - a.txt\n",
         "`together` must be a list of lists", 5),
        ("stories.yml", "together:\n  - [a.txt, b.txt\n", "not valid YAML", 3),
        ("outlets.yml", "name: x\n", "expected a list of outlets", 1),
        ("outlets.yml", "- name: A\n  domains: [a.com]\n- domains: [b.com]\n",
         "outlet #2 needs a `name`", 3),
    ],
)  # fmt: skip
def test_bad_registry_is_an_error_naming_the_file_and_line(
    project, config, name, text, message, line
):
    (project.seeds / name).write_text(text)
    with pytest.raises(ConfigError, match=message) as info:
        build(config, project)
    assert info.value.path.name == name
    assert info.value.line == line
    assert f"{name}:{line}: " in str(info.value)


def test_a_build_runs_without_the_garbage_collector_and_puts_it_back(project, config, monkeypatch):
    """The build runs with the collector off, and a process that goes on (mkdocs serve)
    gets it back; one that had it off keeps it off."""
    import gc

    from generator import pipeline

    seen = []
    original = pipeline.plan
    monkeypatch.setattr(
        pipeline, "plan", lambda *a, **k: seen.append(gc.isenabled()) or original(*a, **k)
    )
    assert gc.isenabled()
    build(config, project)
    assert seen == [False]
    assert gc.isenabled()
    gc.disable()
    try:
        build(config, project)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_worker_collects_garbage_at_the_build_thresholds(monkeypatch):
    import gc

    from generator import pipeline

    monkeypatch.setenv("TOKENIZERS_PARALLELISM", "true")  # put back after the test
    before = gc.get_threshold()
    gc.disable()
    try:
        pipeline._one_thread_each()
        assert gc.isenabled() and gc.get_threshold() == pipeline.GC_THRESHOLDS
    finally:
        gc.set_threshold(*before)
        gc.enable()


def test_the_cache_closes_beside_the_writing_and_its_errors_fail_the_build(
    project, config, monkeypatch, tmp_path
):
    """The cache's last commit runs on a thread while the pages are written
    (pipeline._build). It is over when the build returns: the write-ahead log is moved
    into the database and removed. An error in it fails the build; so does an error
    before it, and the cache is closed all the same."""
    import sqlite3
    from dataclasses import replace

    from generator import pages
    from generator.cache import Cache

    paths = replace(project, cache=tmp_path / "cache")
    build(config, paths)
    assert (paths.cache / "cache.sqlite").is_file()
    assert not (paths.cache / "cache.sqlite-wal").exists()

    closed = []
    original = Cache.close

    def failing(self):
        closed.append(self.db is not None)
        original(self)
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(Cache, "close", failing)
    (paths.seeds / "new.txt").write_text("A new article.\n\n" + "Word after word. " * 40)
    with pytest.raises(sqlite3.OperationalError, match="disk I/O error"):
        build(config, paths)
    assert closed == [True]

    monkeypatch.setattr(Cache, "close", lambda self: closed.append(self.db) or original(self))
    monkeypatch.setattr(pages, "render", lambda *a, **k: 1 / 0)
    (paths.seeds / "new.txt").write_text("Another article.\n\n" + "Words again. " * 40)
    with pytest.raises(ZeroDivisionError):
        build(config, paths)
    assert len(closed) == 2 and closed[1] is not None


def _identities(paths) -> list[tuple[str, str]]:
    """(id, slug) of every story in the manifest; each story's page exists."""
    stories = _manifest(paths)["stories"]
    for s in stories:
        assert (paths.content / "stories" / f"{s['slug']}.md").is_file(), s["slug"]
    return [(s["id"], s["slug"]) for s in stories]


def _assert_distinct(pairs: list[tuple[str, str]]) -> None:
    ids, slugs = [i for i, _ in pairs], [s for _, s in pairs]
    assert len(set(ids)) == len(ids), ids
    assert len(set(slugs)) == len(slugs), slugs


def test_undoing_a_split_never_gives_two_stories_one_id_or_url(project, config):
    """Splitting a story apart in stories.yml, splitting it further, then undoing the
    second split: the story that kept the old id keeps it alone."""
    apart = "  - [000_769eb25042b505df.txt, 002_6e10a5f34e632333.txt]\n"
    further = "  - [000_769eb25042b505df.txt, 001_d287f615382e4c94.txt]\n"
    for rules in (apart, apart + further, apart):
        (project.seeds / "stories.yml").write_text("apart:\n" + rules)
        build(config, project)
        _assert_distinct(_identities(project))


def test_a_rescraped_seed_never_takes_a_kept_story_id(project, config):
    """A seed left out, added back, then overwritten with another story's text: the new
    story gets an id and a URL of its own."""
    lead = project.seeds / "000_769eb25042b505df.txt"
    held = lead.read_bytes()
    lead.unlink()
    build(config, project)
    lead.write_bytes(held)
    build(config, project)
    before = dict(_identities(project))
    (project.seeds / "002_6e10a5f34e632333.txt").write_text(
        "City library to stay open until 9 p.m. on weekdays\n"
        "MILLBROOK -- The Millbrook Public Library will extend its weekday opening hours to "
        "9 p.m. from next month, the city council announced on Tuesday.\n"
        "The change follows a survey in which more than 2,000 residents said they could not "
        "visit the library before it closed at 6 p.m. because of work.\n"
        '"People told us loud and clear that the old hours did not work for them," said '
        "library director Kevin Osei.\n",
        encoding="utf-8",
    )
    build(config, project)
    after = _identities(project)
    _assert_distinct(after)
    assert len(after) == len(before) + 1
    assert all(before.get(sid) == slug for sid, slug in after if sid in before)


def test_pages_left_by_another_output_folder_are_warned_about(project, config, caplog):
    """Changing `output` leaves the old folder's pages, which MkDocs would still publish:
    every build names the folder until it is removed; hand-written pages are not named."""
    from dataclasses import replace

    build(config, project)
    old = project.content / "stories"
    pages = len(list(old.rglob("*.md")))
    (project.content / "mine").mkdir()
    (project.content / "mine" / "notes.md").write_text("# My notes\n")
    moved = replace(config, output="news")
    for _ in range(2):
        caplog.clear()
        build(moved, project)
        said = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
        assert [m for m in said if "outside its output folder" in m] == [
            f"{old}: {pages} page(s) digest generated, outside its output folder 'news' "
            "(left by a build with another output): no build updates or prunes them; remove them"
        ]
    shutil.rmtree(old)
    caplog.clear()
    build(moved, project)
    assert not [r for r in caplog.records if "outside its output folder" in r.getMessage()]
