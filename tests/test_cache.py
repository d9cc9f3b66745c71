"""The per-article cache: used when it can be, never trusted when it cannot."""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import shutil
import sqlite3
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from conftest import png

from generator import cache as cache_module
from generator import cluster as cluster_module
from generator import merge as merge_module
from generator import navigation, pages, pipeline, similarity
from generator.cache import MAPPED_BYTES, TRACE_FILE, Cache
from generator.cluster import cluster
from generator.config import validated
from generator.models import Rejected, Table
from generator.pipeline import build
from generator.read import load_seed
from generator.trace import Trace


def _tree(folder):
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_second_build_uses_the_cache_and_writes_the_same_pages(project, config, tmp_path):
    cached = replace(project, cache=tmp_path / "cache")
    build(config, cached)
    first = _tree(project.content)
    store = Cache(cached.cache)
    docs = [load_seed(p, p.name, 10**7) for p in sorted(project.seeds.iterdir())]
    assert all(store.article(d, ()) is not None for d in docs)
    store.close()
    result = build(config, cached)
    assert result.written == () and _tree(project.content) == first


def test_articles_come_with_their_verdicts_only_when_asked(project, tmp_path):
    """prepare_all without `lines` (a build's): no article carries its line verdicts,
    whether normalised now or read from the cache; with `lines` (`digest explain`'s),
    each carries them either way."""
    docs = [load_seed(p, p.name, 10**7) for p in sorted(project.seeds.glob("*.txt"))]
    store = Cache(tmp_path / "cache")
    try:
        for _ in ("normalised now", "read from the cache"):
            without = pipeline.prepare_all(docs, (), store, lines=False).articles
            with_lines = pipeline.prepare_all(docs, (), store, lines=True).articles
            assert len(without) == len(with_lines) == 5
            assert all(a.lines == () for a in without)
            assert all(a.lines for a in with_lines)
            assert [replace(a, lines=()) for a in with_lines] == list(without)
        assert store.hits
    finally:
        store.close()


def test_cached_and_uncached_builds_agree(project, config, tmp_path):
    build(config, replace(project, cache=tmp_path / "cache"))
    with_cache = _tree(project.content)
    other = replace(project, content=tmp_path / "fresh", cache=None)
    build(config, other)
    assert _tree(other.content) == with_cache


def test_a_corrupt_cache_file_is_replaced_not_trusted(project, config, tmp_path):
    folder = tmp_path / "cache"
    folder.mkdir()
    (folder / "cache.sqlite").write_bytes(b"this is not a database" * 100)
    build(config, replace(project, cache=folder))
    assert Cache(folder).db is not None  # a working cache again
    assert (project.content / "stories.json").is_file()


def test_the_cache_is_written_ahead_and_synced_at_checkpoints(tmp_path):
    """WAL with synchronous NORMAL: a crash may lose the last build's entries (they are
    made again), never leave the database half-written, and a commit waits for no disk."""
    store = Cache(tmp_path / "cache")
    assert store.db is not None
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.db.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
    assert store.db.execute("PRAGMA mmap_size").fetchone()[0] == MAPPED_BYTES  # read mapped
    store.close()


def test_a_cache_damaged_in_the_middle_is_read_as_misses_through_the_map(project, config, tmp_path):
    """The database is read through a memory map: pages damaged after a build are
    refused as they were when read(), and the next build makes what they held again."""
    folder = tmp_path / "cache"
    build(config, replace(project, cache=folder))
    fresh = {p.name: p.read_bytes() for p in project.content.rglob("*.md")}
    database = folder / "cache.sqlite"
    with database.open("r+b") as file:  # past the schema: the tables' pages
        file.seek(4096 * 4)
        file.write(b"\xff" * (database.stat().st_size - 4096 * 5))
    (folder / "build.json").unlink()  # or the seeds would be trusted as unchanged
    build(config, replace(project, cache=folder))
    assert {p.name: p.read_bytes() for p in project.content.rglob("*.md")} == fresh


def test_a_cache_damaged_in_the_middle_is_made_afresh_not_met_again(
    project, config, tmp_path, caplog
):
    """A damaged page found mid-build replaces the database with an empty one, which the
    build fills: the next build reads every article from it. (Carrying on without a
    cache instead left the damage in place, and every later build read every seed anew.)"""
    folder = tmp_path / "cache"
    build(config, replace(project, cache=folder))
    database = folder / "cache.sqlite"
    with database.open("r+b") as file:
        file.seek(4096 * 4)
        file.write(b"\xff" * (database.stat().st_size - 4096 * 5))
    (folder / "build.json").unlink()
    caplog.clear()
    build(config, replace(project, cache=folder))
    assert any(
        r.levelname == "WARNING" and str(database) in r.getMessage() and "damaged" in r.getMessage()
        for r in caplog.records
    )
    check = sqlite3.connect(database)
    assert check.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    check.close()
    docs = [load_seed(p, p.name, 10**7) for p in sorted(project.seeds.glob("*.txt"))]
    store = Cache(folder)
    try:
        assert all(known is not None for known in store.prepared_all(docs, ()))
    finally:
        store.close()


def test_only_a_damaged_cache_file_is_deleted(tmp_path, monkeypatch):
    """A file SQLite calls damaged, or no database, is made afresh; on any other error
    (the disk full, the file locked by another build) the file is left for later."""
    folder = tmp_path / "cache"
    folder.mkdir()
    (folder / "cache.sqlite").write_bytes(b"not a database " * 500)
    assert Cache(folder).db is not None
    kept = folder / "cache.sqlite"
    kept.write_bytes(b"not a database " * 500)
    real = sqlite3.connect

    def locked(*args, **kwargs):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(cache_module.sqlite3, "connect", locked)
    assert Cache(folder).db is None
    monkeypatch.setattr(cache_module.sqlite3, "connect", real)
    assert kept.read_bytes() == b"not a database " * 500


def test_kept_entries_wait_for_the_close_and_are_read_back_meanwhile(
    project, tmp_path, monkeypatch
):
    """What a build keeps is written in batches of PENDING_BYTES and at the close (on a
    daily rebuild, all of it at the close, beside the writing of the pages); until then
    it is read back from memory as from the database."""
    docs = [load_seed(p, p.name, 10**7) for p in sorted(project.seeds.glob("*.txt"))]
    store = Cache(tmp_path / "cache")
    corpus = pipeline.prepare_all(docs, (), store)
    assert store.db is not None
    stored = store.db.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert stored == 0 and len(store.pending["articles"]) == 5
    assert store.absent(store.keys(docs, ())) == []
    again = store.prepared_all(docs, ())
    assert [known and known[0] for known in again] == list(corpus.articles)
    store.keep_text("page", "k", "some text")
    assert store.texts("page", ["k"]) == {"k": "some text"}
    store.close()
    reopened = Cache(tmp_path / "cache")
    assert reopened.texts("page", ["k"]) == {"k": "some text"}
    assert all(reopened.article(d, ()) == a for d, a in zip(docs, corpus.articles, strict=True))
    reopened.close()

    monkeypatch.setattr(cache_module, "PENDING_BYTES", 1)
    small = Cache(tmp_path / "small")
    small.keep_text("page", "k", "some text")
    assert small.pending == {} and small.db is not None
    assert small.db.execute("SELECT count(*) FROM texts").fetchone()[0] == 1
    small.close()


def test_the_grouping_pass_is_a_file_beside_the_database_written_whole_at_the_close(
    project, config, tmp_path
):
    """The trace (7 MB at 5,000 articles) is kept out of SQLite, whose log it pushed past
    a checkpoint on every build: written at the close, staged and renamed, read back by
    the next build's replay; a damaged or unwritable file only means a full pass."""
    store = Cache(tmp_path / "cache")
    store.keep_grouping(b"a pass")
    assert store.grouping() == b"a pass"  # meanwhile, from memory
    assert not (tmp_path / "cache" / TRACE_FILE).exists()
    store.close()
    assert (tmp_path / "cache" / TRACE_FILE).read_bytes() == b"a pass"
    assert [p.name for p in (tmp_path / "cache").iterdir() if p.suffix == ".tmp"] == []
    assert Cache(tmp_path / "cache").grouping() == b"a pass"
    assert Cache(None).grouping() is None

    cached = replace(project, cache=tmp_path / "built")
    build(config, cached)
    kept = Trace.from_bytes((cached.cache / TRACE_FILE).read_bytes())
    assert kept is not None and len(kept.sources) == 5
    with sqlite3.connect(cached.cache / "cache.sqlite") as db:
        assert all(len(body) < len(kept.to_bytes()) for (body,) in db.execute(
            "SELECT body FROM stories"))  # fmt: skip
    (cached.cache / TRACE_FILE).write_bytes(b"damaged")
    (project.seeds / "zz-new.txt").write_text(f"{BAKERY}\nOne more line.\n", encoding="utf-8")
    build(config, cached)  # a full pass, and a new trace
    assert Trace.from_bytes((cached.cache / TRACE_FILE).read_bytes()) is not None

    blocked = Cache(tmp_path / "blocked")
    (tmp_path / "blocked" / TRACE_FILE).mkdir()  # cannot be replaced by a file
    blocked.keep_grouping(b"a pass")
    blocked.close()
    assert [p.name for p in (tmp_path / "blocked").iterdir() if p.suffix == ".tmp"] == []


def test_entries_of_another_version_or_shape_are_misses(project, config, tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    build(config, replace(project, cache=folder))
    doc = load_seed(project.seeds / "000_769eb25042b505df.txt", "000_769eb25042b505df.txt", 10**7)
    monkeypatch.setattr(cache_module, "VERSION", "0.0.0-other")
    assert Cache(folder).article(doc, ()) is None
    monkeypatch.undo()
    db = sqlite3.connect(folder / "cache.sqlite")
    db.execute("UPDATE articles SET body = '{\"source\": 1}'")
    db.commit()
    db.close()
    store = Cache(folder)
    assert store.article(doc, ()) is None and store.misses == 1
    result = build(config, replace(project, cache=folder))
    assert result.story_count == 2


def test_embedding_cache_returns_what_the_model_returned(tmp_path):
    calls = []

    def fake(texts):
        calls.append(list(texts))
        return np.array([[len(t), 1.0] for t in texts], dtype=np.float32)

    store = Cache(tmp_path)
    embed = store.embedder(fake)
    first = embed(["a", "bb"])
    again = embed(["bb", "a", "ccc"])
    assert calls == [["a", "bb"], ["ccc"]]
    assert np.array_equal(again, np.array([[2, 1], [1, 1], [3, 1]], dtype=np.float32))
    assert np.array_equal(first, fake(["a", "bb"]))


def test_an_unchanged_build_stops_early_and_a_changed_one_does_not(project, config, tmp_path):
    cached = replace(project, cache=tmp_path / "cache")
    first = build(config, cached)
    again = build(config, cached)
    assert again.unchanged and again.written == () and again.story_count == first.story_count
    page = next((project.content / "stories").glob("*.md"))
    page.write_text("edited by hand")  # the pages are not as written: build again
    repaired = build(config, cached)
    assert not repaired.unchanged and repaired.written == (
        page.relative_to(project.content).as_posix(),
    )
    seed = project.seeds / "003_5b900e03b5c10ba5.txt"
    seed.write_text(seed.read_text() + "\nA reporter in Hanoi said crowds gathered at dawn.\n")
    assert not build(config, cached).unchanged
    assert not build(validated({"same_meaning": 0.9}), cached).unchanged  # config counts too


BAKERY = (
    "Bakery wins national bread prize\n"
    "A family bakery in the old town won the national bread prize on Sunday, its owners said.\n"
)


def _merges(monkeypatch):
    """The sources of each story merged from now on (merge.merge, counted)."""
    merged: list[list[str]] = []
    real = merge_module.merge

    def counted(cluster, images=None):
        merged.append(sorted(m.article.source for m in cluster.members))
        return real(cluster, images)

    monkeypatch.setattr(merge_module, "merge", counted)
    return merged


def test_remembered_stories_are_not_merged_again_and_give_the_pages_of_a_fresh_build(
    project, config, tmp_path, monkeypatch
):
    cached = replace(project, cache=tmp_path / "cache")
    build(config, cached)
    (project.seeds / "extra.txt").write_text(BAKERY)
    merged = _merges(monkeypatch)
    build(config, cached)
    assert merged == [["extra.txt"]]  # the two stories of the samples are read back
    fresh = replace(project, content=tmp_path / "fresh", cache=None)
    build(config, fresh)
    assert _tree(fresh.content) == _tree(project.content)


def test_a_story_remade_from_known_articles_reads_their_paragraph_vectors(
    project, config, tmp_path, monkeypatch
):
    """A build reads the articles' features without their paragraph vectors, and reads
    those of a story it makes again from the cache: the model embeds no paragraph it
    has embedded before. A damaged row of them is embedded again, and the pages are a
    fresh build's either way."""
    cached = replace(project, cache=tmp_path / "cache")
    build(config, cached)
    db = sqlite3.connect(cached.cache / "cache.sqlite")
    assert db.execute("SELECT count(*) FROM paragraphs").fetchone()[0] == 5
    db.close()
    (project.seeds / "003_5b900e03b5c10ba5.png").write_bytes(png(2, 2, (10, 20, 30)))
    embedded: list[str] = []
    model = similarity.embed

    def spy(texts):
        embedded.extend(texts)
        return model(texts)

    monkeypatch.setattr(similarity, "embed", spy)
    merged = _merges(monkeypatch)
    build(config, cached)
    assert merged == [["003_5b900e03b5c10ba5.txt", "004_509b700b257930df.txt"]]
    assert embedded == []  # their paragraphs' vectors came from the cache
    fresh = replace(project, content=tmp_path / "fresh", cache=None)
    build(config, fresh)
    assert _tree(fresh.content) == _tree(project.content)
    db = sqlite3.connect(cached.cache / "cache.sqlite")
    for key, body in db.execute("SELECT key, body FROM paragraphs").fetchall():
        db.execute("UPDATE paragraphs SET body = ? WHERE key = ?", (body[:-4], key))
    db.commit()
    db.close()
    (project.seeds / "003_5b900e03b5c10ba5.png").write_bytes(png(3, 3, (40, 50, 60)))
    embedded.clear()
    build(config, cached)
    assert embedded  # damaged rows: those paragraphs were embedded again
    build(config, replace(project, content=tmp_path / "fresh2", cache=None))
    assert _tree(tmp_path / "fresh2") == _tree(project.content)


def test_paragraph_vectors_are_kept_apart_and_read_back_whole(tmp_path):
    rows = np.arange(12, dtype=np.float32).reshape(3, 4)
    blob = cache_module._rows_to_bytes(rows)
    back = cache_module._rows_from_bytes(blob)
    assert back is not None and back.dtype == np.float32 and np.array_equal(back, rows)
    for damaged in (blob[:-1], blob + b"\0", blob[:5], b""):
        assert cache_module._rows_from_bytes(damaged) is None


def test_paragraph_vectors_fill_in_only_features_without_them_and_row_for_row(samples):
    article = next(a for a in samples.values() if len(a.paragraphs) > 2)
    found = cluster_module.article_features(article)
    doc = cluster_module._Doc(article, np.ones(4, np.float32), cluster_module.NO_SHINGLES, found)
    n = len(article.paragraphs)
    stories = [([doc], ())]
    assert cluster_module.without_paragraph_vectors(stories) == [article.source]
    rows = np.ones((n, 4), np.float32)
    ((filled, _),) = cluster_module.with_paragraph_vectors(stories, {article.source: rows})
    assert filled[0].features.paragraph_vectors is rows
    assert cluster_module.without_paragraph_vectors([(filled, ())]) == []
    for wrong in (rows[:-1], np.ones((n + 1, 4), np.float32)):  # not one row per paragraph
        ((kept, _),) = cluster_module.with_paragraph_vectors(stories, {article.source: wrong})
        assert kept[0] is doc
    ((other, _),) = cluster_module.with_paragraph_vectors(stories, {"elsewhere.txt": rows})
    assert other[0] is doc


def test_a_story_whose_seed_gains_a_photo_is_made_again(project, config, tmp_path, monkeypatch):
    cached = replace(project, cache=tmp_path / "cache")
    build(config, cached)
    (project.seeds / "003_5b900e03b5c10ba5.png").write_bytes(png(2, 2, (10, 20, 30)))
    merged = _merges(monkeypatch)
    build(config, cached)
    assert merged == [["003_5b900e03b5c10ba5.txt", "004_509b700b257930df.txt"]]
    fresh = replace(project, content=tmp_path / "fresh", cache=None)
    build(config, fresh)
    assert _tree(fresh.content) == _tree(project.content)


def test_a_damaged_remembered_story_is_made_again_not_trusted(
    project, config, tmp_path, monkeypatch
):
    cached = replace(project, cache=tmp_path / "cache")
    build(config, cached)
    db = sqlite3.connect(cached.cache / "cache.sqlite")
    rows = db.execute("SELECT key, body FROM stories").fetchall()
    assert len(rows) == 2  # the two stories of the samples
    for key, body in rows:
        damaged = body.replace(b" the ", b" thE ", 1)  # loads, says something else
        assert damaged != body
        db.execute("UPDATE stories SET body = ? WHERE key = ?", (damaged, key))
    db.commit()
    db.close()
    (project.seeds / "extra.txt").write_text(BAKERY)
    merged = _merges(monkeypatch)
    build(config, cached)
    assert len(merged) == 3  # both samples stories made again, and the new one
    fresh = replace(project, content=tmp_path / "fresh", cache=None)
    build(config, fresh)
    assert _tree(fresh.content) == _tree(project.content)


CALLED: list[str] = []


def _called(what: str) -> None:
    CALLED.append(what)


class _Calls:
    def __reduce__(self):
        return (_called, ("unpickled",))


def test_a_kept_story_loads_back_only_when_whole_and_made_of_stories_types(samples, config):
    story = merge_module.merge(cluster(list(samples.values()), config)[0])
    articles = {m.article.source: m.article for m in story.members}
    kept = cache_module.story_to_bytes(story)
    assert b"Article" in pickle.dumps(story) and b"Article" not in kept  # each only named
    assert cache_module.story_from_bytes(kept, articles) == story
    for damaged in (kept.replace(b" the ", b" thE ", 1), kept[:-1], b""):  # the hash tells
        assert cache_module.story_from_bytes(damaged, articles) is None
    lead = story.members[0].article.source
    assert cache_module.story_from_bytes(kept, {**articles, lead: None}) is None  # not given
    hostile = pickle.dumps(_Calls(), protocol=5)  # loading it would call _called()
    assert cache_module.story_from_bytes(hashlib.sha256(hostile).digest() + hostile, {}) is None
    assert CALLED == []
    other = pickle.dumps(story.members[0].relation, protocol=5)  # a story's type, not a story
    assert cache_module.story_from_bytes(hashlib.sha256(other).digest() + other, {}) is None


def test_stories_read_back_together_share_their_recurring_parts(project, config, tmp_path):
    """Cache.stories makes each equal paragraph match (and relation) once, for every
    story it reads back; each story still equals the one kept."""
    cached = replace(project, cache=tmp_path / "cache")
    build(config, cached)
    store = Cache(cached.cache)
    assert store.db is not None
    rows = dict(store.db.execute("SELECT key, body FROM stories"))
    docs = [load_seed(p, p.name, 10**7) for p in sorted(project.seeds.glob("*.txt"))]
    articles = {k[0].source: k[0] for k in store.prepared_all(docs, ()) if k is not None}
    alone = {k: cache_module.story_from_bytes(body, articles) for k, body in rows.items()}
    together = store.stories(list(rows), articles)
    assert together == alone and len(together) >= 2
    matches = [a for s in together.values() for m in s.members for a in m.alignment]
    assert len(matches) > len(set(matches))  # some recur
    assert len({id(a) for a in matches}) == len(set(matches))  # one object per value
    assert len({id(a) for s in alone.values() for m in s.members for a in m.alignment}) > len(
        set(matches)
    )
    store.close()


def test_an_unchanged_build_still_warns_about_rejected_seeds(project, config, tmp_path, caplog):
    cached = replace(project, cache=tmp_path / "cache")
    (project.seeds / "empty.txt").write_text("")
    build(config, cached)
    caplog.clear()
    again = build(config, cached)
    assert again.unchanged
    assert any("empty.txt" in r.getMessage() and r.levelname == "WARNING" for r in caplog.records)


def test_warm_rebuilds_after_add_edit_remove_equal_cold_builds(project, config, tmp_path):
    """Whatever the cache holds, the same seeds give the same bytes: after each change a
    warm build's content equals a build with no cache from the same previous pages, and
    a build with no cache and no history at all."""
    cached = replace(project, cache=tmp_path / "cache")
    build(config, cached)
    seeds = project.seeds
    original = (seeds / "000_769eb25042b505df.txt").read_text(encoding="utf-8").split("\n")
    copy = "\n".join(line for k, line in enumerate(original) if k % 4 != 3)

    def add():
        (seeds / "zz-copy.txt").write_text(copy, encoding="utf-8")

    def edit():
        seed = seeds / "003_5b900e03b5c10ba5.txt"
        seed.write_text(seed.read_text() + "\nA reporter said crowds gathered at dawn.\n")

    def remove():
        (seeds / "002_6e10a5f34e632333.txt").unlink()

    for n, change in enumerate((add, edit, remove)):
        history = tmp_path / f"history-{n}"
        shutil.copytree(project.content, history)
        change()
        result = build(config, cached)
        assert not result.unchanged
        no_cache = replace(project, content=history, cache=None)
        build(config, no_cache)
        assert _tree(history) == _tree(project.content)
        fresh = replace(project, content=tmp_path / f"fresh-{n}", cache=None)
        build(config, fresh)
        assert _tree(fresh.content) == _tree(project.content)
    stories = json.loads((project.content / "stories.json").read_text(encoding="utf-8"))
    joined = [
        s for s in stories["stories"] if "zz-copy.txt" in {a["source"] for a in s["articles"]}
    ]
    assert {a["source"] for a in joined[0]["articles"]} >= {"000_769eb25042b505df.txt"}


def test_new_seeds_are_normalised_in_a_worker_while_known_ones_load(
    project, config, tmp_path, monkeypatch
):
    """A rebuild sends the seeds the cache lacks to a worker before reading the others
    back; one whose cached article is damaged is redone here. Either way the pages are
    those of a build with no cache."""
    monkeypatch.setattr(pipeline, "OVERLAP_MIN", 1)  # five samples stand for thousands
    pools: list[object] = []
    real = pipeline._pool
    monkeypatch.setattr(pipeline, "_pool", lambda *a: pools.append(real(*a)) or pools[-1])
    cached = replace(project, cache=tmp_path / "cache")
    build(config, cached)
    original = (project.seeds / "000_769eb25042b505df.txt").read_text(encoding="utf-8")
    (project.seeds / "zz-copy.txt").write_text(original.replace("\n\n", "\n"), "utf-8")
    db = sqlite3.connect(cached.cache / "cache.sqlite")
    (damaged,) = db.execute("SELECT key FROM articles LIMIT 1").fetchone()
    db.execute("UPDATE articles SET body = '[]' WHERE key = ?", (damaged,))
    db.commit()
    db.close()
    store = Cache(cached.cache)
    docs = [load_seed(p, p.name, 10**7) for p in sorted(project.seeds.iterdir())]
    keys = store.keys(docs, ())
    assert [docs[i].source for i in store.absent(keys)] == ["zz-copy.txt"]
    assert store.article(docs[keys.index(damaged)], ()) is None
    store.close()
    build(config, cached)
    assert [p is not None for p in pools] == [False, True]  # cold: nothing known to read
    fresh = replace(project, content=tmp_path / "fresh", cache=None)
    build(config, fresh)
    assert _tree(fresh.content) == _tree(project.content)
    assert Cache(cached.cache).article(docs[keys.index(damaged)], ()) is not None  # redone


def _texts(folder):
    db = sqlite3.connect(folder / "cache.sqlite")
    rows = db.execute("SELECT key, body FROM texts").fetchall()
    db.close()
    return rows


def test_story_pages_and_entities_are_remembered_and_redone_only_when_their_story_changes(
    project, config, tmp_path, monkeypatch
):
    cached = replace(project, cache=tmp_path / "cache")
    build(config, cached)
    kinds = {key.split(":")[0] for key, _body in _texts(cached.cache)}
    assert kinds == {"story page", "entities"}
    made: list[str] = []
    found: list[str] = []
    story_text, story_entities = pages._story_text, navigation._story_entities
    monkeypatch.setattr(pages, "_story_text", lambda s: made.append(s.id) or story_text(s))
    monkeypatch.setattr(
        navigation, "_story_entities", lambda *a: found.append(a[1]) or story_entities(*a)
    )
    seed = project.seeds / "003_5b900e03b5c10ba5.txt"
    text = seed.read_text(encoding="utf-8")
    seed.write_text(text.replace("second summit", "second summit meeting", 1), encoding="utf-8")
    before = _tree(project.content)
    build(config, cached)
    after = _tree(project.content)
    stories = json.loads(after["stories.json"])["stories"]
    edited = [s for s in stories if seed.name in {a["source"] for a in s["articles"]}]
    assert len(stories) > 1 and len(edited) == 1
    page = f"stories/{edited[0]['slug']}.md"
    assert "second summit meeting" in after[page].decode() != before[page].decode()
    assert [s["id"] for s in edited] == made  # only the edited story's page is made again
    assert set(found) <= {edited[0]["title"]}  # its text may be another article's


def test_a_kept_story_whose_slug_changes_gets_a_new_page(project, config, tmp_path):
    """A new story with the same headline slug as a story of the last build gets its id
    appended, and the story that was there stays. With no last build to ask (its
    stories.json gone), both slugs carry their ids: the unchanged story, read back from
    the cache, is written under its new slug (and the old page removed), exactly as a
    build with no cache writes it."""
    cached = replace(project, cache=tmp_path / "cache")
    build(config, cached)
    first = json.loads((project.content / "stories.json").read_text())["stories"]
    title = f"{first[0]['title'].upper()}: a bakery's prize"  # the same first 60 in a slug
    (project.seeds / "zz-same-slug.txt").write_text(f"{title}\n{BAKERY.split(chr(10))[1]}\n")
    build(config, cached)
    stayed = json.loads(_tree(project.content)["stories.json"])["stories"]
    again = {s["id"]: s["slug"] for s in stayed}
    assert again[first[0]["id"]] == first[0]["slug"]
    new = next(s for s in stayed if "zz-same-slug.txt" in {a["source"] for a in s["articles"]})
    assert new["slug"] == f"{first[0]['slug']}-{new['id'][:6]}"
    (project.content / "stories.json").unlink()  # the last build forgotten
    build(config, cached)
    again = {
        s["id"]: s["slug"] for s in json.loads(_tree(project.content)["stories.json"])["stories"]
    }
    assert again[first[0]["id"]] == f"{first[0]['slug']}-{first[0]['id'][:6]}"
    fresh = replace(project, content=tmp_path / "fresh", cache=None)
    build(config, fresh)
    assert _tree(fresh.content) == _tree(project.content)


def test_a_kept_story_whose_id_changes_gets_a_new_page(project, config, tmp_path):
    """A story keeps the id of the last build's story it shares most sources with; when
    there is no last build to ask, the same story read back from the cache gets its own
    id again, and its page (whose front matter has the id) is made again."""
    cached = replace(project, cache=tmp_path / "cache")
    build(config, cached)
    (project.seeds / "000_769eb25042b505df.txt").unlink()  # the lead: its id stays on
    build(config, cached)
    inherited = json.loads((project.content / "stories.json").read_text())["stories"]
    shutil.rmtree(project.content)  # no last build to inherit from
    (project.seeds / "extra.txt").write_text(BAKERY)
    build(config, cached)
    fresh = replace(project, content=tmp_path / "fresh", cache=None)
    build(config, fresh)
    assert _tree(fresh.content) == _tree(project.content)
    own = json.loads((project.content / "stories.json").read_text())["stories"]
    assert {s["id"] for s in inherited} - {s["id"] for s in own}  # an id did change


def test_a_damaged_remembered_page_or_entity_list_is_redone_not_trusted(project, config, tmp_path):
    cached = replace(project, cache=tmp_path / "cache")
    build(config, cached)
    first = _tree(project.content)
    db = sqlite3.connect(cached.cache / "cache.sqlite")
    rows = db.execute("SELECT key, body FROM texts").fetchall()
    assert rows
    for key, body in rows:
        if key.startswith("story page"):  # a changed byte behind an intact check line
            damaged = body.replace("\n", "\nTAMPERED ", 2)
        else:  # a whole entry of the right hash that does not parse back as entities
            text = '[["person", 3]]'
            damaged = f"{hashlib.sha256(text.encode()).hexdigest()}\n{text}"
        db.execute("UPDATE texts SET body = ? WHERE key = ?", (damaged, key))
    db.commit()
    db.close()
    shutil.rmtree(project.content)
    (cached.cache / "build.json").unlink()
    build(config, cached)
    assert _tree(project.content) == first
    assert "TAMPERED" not in "".join(body for _key, body in _texts(cached.cache))


def _keys(folder):
    db = sqlite3.connect(folder / "cache.sqlite")
    found = {t: {k for (k,) in db.execute(f"SELECT key FROM {t}")} for t in cache_module.TABLES}
    db.close()
    return found


def test_rows_no_seed_or_story_uses_any_more_are_pruned(project, config, tmp_path, monkeypatch):
    """With pruning made eager, after each change the cache holds what a build with an
    empty cache would write for the same seeds (and the paragraph embeddings of current
    articles), nothing of removed or edited seeds, stories or other versions; and the
    pages still equal a build with no cache at all."""
    monkeypatch.setattr(cache_module, "PRUNE_SHARE", 0.0)
    monkeypatch.setattr(cache_module, "PRUNE_SLACK", 0)
    cached = replace(project, cache=tmp_path / "cache")
    build(config, cached)
    db = sqlite3.connect(cached.cache / "cache.sqlite")
    db.execute("INSERT INTO texts VALUES ('left over', '0.0.0-other', 'x')")
    db.commit()
    db.close()
    seeds = project.seeds
    lead = (seeds / "000_769eb25042b505df.txt").read_text(encoding="utf-8").split("\n")

    def add():
        (seeds / "zz-copy.txt").write_text("\n".join(lead[:-3]), encoding="utf-8")

    def edit():
        seed = seeds / "003_5b900e03b5c10ba5.txt"
        seed.write_text(seed.read_text() + "\nA reporter said crowds gathered at dawn.\n")

    def remove():
        (seeds / "zz-copy.txt").unlink()
        (seeds / "002_6e10a5f34e632333.txt").unlink()

    for n, change in enumerate((add, edit, remove)):
        before = _keys(cached.cache)
        change()
        build(config, cached)
        warm = _keys(cached.cache)
        cold = replace(project, content=tmp_path / f"cold-{n}", cache=tmp_path / f"cold-{n}-cache")
        build(config, cold)
        assert _tree(cold.content) == _tree(project.content)
        fresh = _keys(cold.cache)
        for table in ("articles", "features", "stories", "texts"):
            assert warm[table] == fresh[table], table
        assert fresh["vectors"] <= warm["vectors"]
        assert warm != before  # something was added and something removed each time
    assert all("left over" not in keys for keys in warm.values())


def test_a_small_change_sweeps_nothing(project, config, tmp_path):
    """With the default margin, adding one article removes no row: pruning waits until
    rows no build uses are a real share of the cache."""
    cached = replace(project, cache=tmp_path / "cache")
    build(config, cached)
    before = _keys(cached.cache)
    (project.seeds / "003_5b900e03b5c10ba5.txt").unlink()
    build(config, cached)
    after = _keys(cached.cache)
    assert all(before[t] <= after[t] for t in cache_module.TABLES)


def test_stored_articles_read_back_equal_and_damage_is_refused(samples):
    """The cache's article form gives back an equal Article, with or without its line
    verdicts (those that repeat a paragraph are stored as its index); a damaged entry,
    or one that would load anything but digest's own types, raises, so it is a miss."""
    assert samples
    table = Table("Final stats", ("Category", "Total"), (("Birdies", "17"), ("Pars", "50")))
    first = next(iter(samples.values()))
    where = ((6700, "wabash"), (100, "3rd"))
    for article in [*samples.values(), replace(first, tables=(table,), addresses=where)]:
        body = cache_module.article_to_bytes(article)
        assert cache_module.article_from_bytes(body) == article
        without = cache_module.article_from_bytes(body, lines=False)
        assert without == replace(article, lines=()) and article.lines
    assert any(a.credited for a in samples.values())  # stored too, checked equal above
    no_text = replace(first, paragraphs=(), lines=first.lines[:3])
    assert cache_module.article_from_bytes(cache_module.article_to_bytes(no_text), False) == no_text
    body = cache_module.article_to_bytes(first)
    size = int.from_bytes(body[32:36], "little")
    head, lines = body[36 : 36 + size], pickle.loads(body[36 + size :])
    assert any(type(v[1]) is int for v in lines) and len(lines) == len(first.lines)

    def kept(head: bytes, lines: object) -> bytes:  # a well-formed entry of other contents
        rest = len(head).to_bytes(4, "little") + head + pickle.dumps(lines)
        return hashlib.sha256(rest).digest() + rest

    at = body.index(first.paragraphs[0][:40].encode()) + 1  # a letter in a paragraph
    damaged = [
        body[:at] + bytes([body[at] ^ 0x20]) + body[at + 1 :],  # upper or lower case
        body[:-1] + bytes([body[-1] ^ 1]),
        body[:100],
        b"",
        body.decode("latin-1"),
        kept(pickle.dumps(first.captions), lines),  # not an article
        kept(pickle.dumps(Path("seeds/a.txt")), lines),  # any type but digest's own
        kept(pickle.dumps(_Calls()), lines),  # a pickle that calls a function as it loads
        kept(head, (_Calls(),)),
        kept(head, ((1, 10_000, "kept", None),)),  # no such paragraph
        kept(head, (("1", "text", "kept", None),)),
        kept(head, [(1, "text", "kept", None)]),
        kept(head, ((1, "text", "kept"),)),
    ]
    for entry in damaged:
        with pytest.raises(ValueError):
            cache_module.article_from_bytes(entry)
    assert not CALLED  # refused before anything was called


def test_templates_are_kept_compiled_and_loaded_without_compiling(
    project, config, tmp_path, monkeypatch
):
    """A build keeps its templates compiled in the cache folder; another process (a fresh
    environment) loads them from there without compiling them again, and compiles a
    template whose source changed."""
    import jinja2

    pages._env.cache_clear()  # as in a new process: no template loaded yet
    cached = replace(project, cache=tmp_path / "cache")
    build(config, cached)
    folder = cached.cache / "templates"
    assert len(list(folder.iterdir())) >= len(("story.md", "index.md", "story_nav.md"))
    compiled: list[str] = []
    original = jinja2.Environment.compile

    def counting(self, source, name=None, filename=None, raw=False, defer_init=False):
        compiled.append(name)
        return original(self, source, name, filename, raw, defer_init)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    fresh = jinja2.Environment(
        loader=jinja2.PackageLoader("generator", "templates"),
        bytecode_cache=jinja2.FileSystemBytecodeCache(str(folder)),
    )
    fresh.get_template("story.md")
    assert compiled == []
    changed = jinja2.Environment(
        loader=jinja2.DictLoader({"story.md": "changed"}),
        bytecode_cache=jinja2.FileSystemBytecodeCache(str(folder)),
    )
    assert changed.get_template("story.md").render() == "changed"
    assert compiled == ["story.md"]


def test_a_template_cache_that_cannot_be_written_fails_no_build(tmp_path):
    rejected = [Rejected("empty.txt", "empty file")]
    expected = pages.rejected_page(rejected)
    folder = tmp_path / "templates"
    pages.keep_compiled_templates(folder)
    folder.rmdir()  # gone: nothing can be kept there
    try:
        pages._env().cache.clear()  # every template loaded afresh, and kept nowhere
        assert pages.rejected_page(rejected) == expected
        blocked = tmp_path / "a file"
        blocked.write_text("not a folder")
        pages.keep_compiled_templates(blocked / "templates")  # cannot be made: no error
        pages._env().cache.clear()
        assert pages.rejected_page(rejected) == expected
    finally:
        pages._env().bytecode_cache = None


def _reads(monkeypatch):
    """The seeds each build reads from disk (read.load_seed), build by build."""
    from generator import read

    reads: list[str] = []
    real = read.load_seed
    monkeypatch.setattr(read, "load_seed", lambda p, s, m: reads.append(s) or real(p, s, m))
    return reads


def test_a_seed_left_as_the_last_build_read_it_is_not_read_again(
    project, config, tmp_path, monkeypatch
):
    """A rebuild reads only the seeds whose stamp (size, times, inode) moved since the last
    build read them, and its pages are those of a build that read every seed."""
    monkeypatch.setattr(cache_module, "RACY_NS", 0)  # the seeds were written just now
    cached = replace(project, cache=tmp_path / "cache")
    reads = _reads(monkeypatch)
    build(config, cached)
    assert len(reads) == 5
    reads.clear()
    assert build(config, cached).unchanged and reads == []
    edited = project.seeds / "003_5b900e03b5c10ba5.txt"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nA line added.\n", "utf-8")
    result = build(config, cached)
    assert reads == [edited.name] and not result.unchanged
    fresh = replace(project, content=tmp_path / "fresh", cache=None)
    build(config, fresh)
    assert _tree(fresh.content) == _tree(project.content)


def test_a_seed_rewritten_to_its_old_size_and_times_is_still_read(
    project, config, tmp_path, monkeypatch
):
    """Writing a file moves its change time, which no tool sets back: new bytes of the
    same length with the old modification time are read, and make the new page."""
    monkeypatch.setattr(cache_module, "RACY_NS", 0)
    cached = replace(project, cache=tmp_path / "cache")
    build(config, cached)
    seed = project.seeds / "000_769eb25042b505df.txt"
    before = seed.stat()
    text = seed.read_text(encoding="utf-8")
    changed = text.replace("the", "thE", 1)
    assert changed != text and len(changed.encode()) == before.st_size
    seed.write_text(changed, encoding="utf-8")
    os.utime(seed, ns=(before.st_atime_ns, before.st_mtime_ns))
    reads = _reads(monkeypatch)
    build(config, cached)
    assert reads == [seed.name]
    fresh = replace(project, content=tmp_path / "fresh", cache=None)
    build(config, fresh)
    assert _tree(fresh.content) == _tree(project.content)


def test_a_seed_changed_just_before_a_build_read_it_is_read_by_the_next(
    project, config, tmp_path, monkeypatch
):
    """A change within RACY_NS before a build's reading could share its clock tick with a
    later one: such a seed is not known by its stamp next time, until a build has read it
    well after its change (a build that finds nothing changed records that too)."""
    cached = replace(project, cache=tmp_path / "cache")
    build(config, cached)  # every seed was written moments ago
    reads = _reads(monkeypatch)
    assert build(config, cached).unchanged and len(reads) == 5
    state = json.loads((cached.cache / "build.json").read_text(encoding="utf-8"))
    state["read_at"] += cache_module.RACY_NS + 1  # as if this build had read them later
    (cached.cache / "build.json").write_text(json.dumps(state), encoding="utf-8")
    reads.clear()
    assert build(config, cached).unchanged and reads == []


def test_a_seed_known_by_its_stamp_but_not_in_the_cache_is_read(
    project, config, tmp_path, monkeypatch
):
    """The cache's articles are gone but the state that names the seeds' stamps is not:
    the build reads every seed after all, and makes the pages a fresh build makes."""
    monkeypatch.setattr(cache_module, "RACY_NS", 0)
    cached = replace(project, cache=tmp_path / "cache")
    build(config, cached)
    (cached.cache / "cache.sqlite").unlink()
    (project.seeds / "zz-copy.txt").write_text(
        (project.seeds / "000_769eb25042b505df.txt").read_text(encoding="utf-8"), "utf-8"
    )
    reads = _reads(monkeypatch)
    build(config, cached)
    assert sorted(set(reads)) == sorted(p.name for p in project.seeds.iterdir())
    fresh = replace(project, content=tmp_path / "fresh", cache=None)
    build(config, fresh)
    assert _tree(fresh.content) == _tree(project.content)


def test_an_upgraded_library_makes_the_cache_stale(tmp_path, monkeypatch):
    """The version every entry is kept under names the installed libraries whose results
    the cache keeps, found as Python's import would (the first folder that has one)."""
    first, second = tmp_path / "a", tmp_path / "b"
    (first / "numpy-2.4.6.dist-info").mkdir(parents=True)
    (second / "numpy-1.0.0.dist-info").mkdir(parents=True)
    (second / "PyYAML-6.0.1.dist-info").mkdir()
    (second / "unrelated-1.0.dist-info").mkdir()
    versions = cache_module.library_versions([str(first), str(second)])
    found = dict(zip(cache_module.LIBRARIES, versions, strict=True))
    assert found["numpy"] == "numpy-2.4.6.dist-info"
    assert found["pyyaml"] == "PyYAML-6.0.1.dist-info"
    assert found["wordllama"] == "wordllama absent"
    assert all(v.endswith(".dist-info") for v in cache_module.library_versions())  # this install
    before = cache_module._code_version()
    assert before == cache_module.VERSION
    monkeypatch.setattr(cache_module, "library_versions", lambda: ["numpy-2.4.7.dist-info"])
    assert cache_module._code_version() != before


def test_progress_says_each_stage_once_when_planning_starts_again(
    project, config, tmp_path, monkeypatch
):
    """A registry changed after a build: the seeds known by their stamps, not read, are
    wanted after all (their articles, read with the old registry, are not in the cache),
    and planning starts again over every seed read; each stage is said once."""
    monkeypatch.setattr(cache_module, "RACY_NS", 0)  # the seeds were written just now
    cached = replace(project, cache=tmp_path / "cache")
    build(config, cached)
    (project.seeds / "outlets.yml").write_text(
        "- name: Harbour Herald\n  domains: [harbourherald.example]\n"
    )
    said: list[str] = []
    build(config, cached, said.append)
    assert [m for m in said if m.startswith("normalising")] == ["normalising 5 articles"], said
    assert len(said) == len(set(said)), said
