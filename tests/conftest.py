"""Shared fixtures. The sample seeds and their gold file live in the repo; the
research-licensed dev data is read from ../shared/dev only by bench/."""

from __future__ import annotations

import json
import random
import shutil
from collections.abc import Sequence
from pathlib import Path

import pytest
import yaml

from generator.config import DigestConfig, Paths, validated
from generator.models import Article, Outlet, RawDocument
from generator.normalise import normalise
from generator.read import clean_text, read_seed, seed_files

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
GOLD = yaml.safe_load((ROOT / "tests" / "cases" / "seeds-gold.yaml").read_text(encoding="utf-8"))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        help="rewrite tests/goldens/ from the current output (review the diff)",
    )


@pytest.fixture
def config() -> DigestConfig:
    return validated({})


@pytest.fixture(scope="session")
def samples():
    """The five sample articles, normalised, keyed by file name."""
    return {p.name: normalise(read_seed(p, p.name, 10**7)) for p in sorted(SEEDS.glob("*.txt"))}


@pytest.fixture(autouse=True)
def every_build_places_every_seed(monkeypatch):
    """Every build a test makes in this process (by build(), the CLI or the plugin) must
    account for each seed exactly once in the stories.json it wrote: an article of one
    story, or rejected with its reason."""
    from generator import pipeline

    real = pipeline._build

    def checked(config, paths, progress):
        result = real(config, paths, progress)
        manifest = paths.content / "stories.json"
        if manifest.is_file() and paths.seeds.is_dir():
            assert_every_seed_placed_once(paths.seeds, json.loads(manifest.read_text("utf-8")))
        return result

    monkeypatch.setattr(pipeline, "_build", checked)


@pytest.fixture
def project(tmp_path: Path):
    """A scratch project: the sample seeds and an empty content folder. After the test,
    whatever it built must account for every seed exactly once (a story or rejected), as
    after each build (every_build_places_every_seed)."""
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    content = tmp_path / "content"
    content.mkdir()
    (tmp_path / "bare.yml").write_text("{}\n")  # for -f: a config with no options at all
    paths = Paths(seeds=seeds, content=content)
    yield paths
    manifest = content / "stories.json"
    if manifest.is_file() and seeds.is_dir():
        assert_every_seed_placed_once(seeds, json.loads(manifest.read_text(encoding="utf-8")))


def assert_every_seed_placed_once(seeds: Path, manifest: dict) -> None:
    in_stories = [a["source"] for s in manifest["stories"] for a in s["articles"]]
    rejected = [r["source"] for r in manifest["rejected"]]
    placed = in_stories + rejected
    assert len(placed) == len(set(placed)), "a seed landed in two places"
    present = {source for source, _path in seed_files(seeds)}
    assert present <= set(placed), f"seeds lost: {sorted(present - set(placed))}"
    assert set(in_stories) <= present, "a story cites a seed that is not there"


def article_from(
    text: str,
    name: str = "case.txt",
    meta: dict[str, str] | None = None,
    outlets: Sequence[Outlet] = (),
) -> Article:
    """Normalise a text given inline (with front-matter keys as `meta` and the outlets
    registry as `outlets`), with the read stage's text hygiene applied."""
    cleaned, repairs = clean_text(text)
    keys = tuple(sorted((meta or {}).items()))
    return normalise(RawDocument(name, cleaned, "utf-8", keys, 1, repairs), outlets)


def png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A valid PNG of one colour, made without an imaging library."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    rows = (b"\x00" + bytes(rgb) * width) * height
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


PLAIN = (
    "council", "budget", "river", "bridge", "school", "market", "harvest", "weather",
    "museum", "railway", "garden", "library", "festival", "harbour", "stadium",
    "orchestra", "hospital", "factory", "airport", "village",
)  # fmt: skip


def follow_up_texts(shared: int, events: int = 1, where: str = "") -> list[tuple[str, str]]:
    """`events` events of four reports each: the event's twenty words in every report,
    and ten of each report's own. Then a follow-up told in other (plain) words that uses
    `shared` of each event's twenty: as close to every report of one event, by design."""
    rng = random.Random(5)
    syllables = ("ka", "lo", "mi", "ne", "ru", "ta", "vo", "zi", "pe", "da", "gu", "ho", "fe",
                 "ly", "sa", "wo", "bi")  # fmt: skip

    def word() -> str:
        return "".join(rng.sample(syllables, 3))

    def text(title: str, words: list[str]) -> str:
        lines = [" ".join(words[k : k + 10]).capitalize() + "." for k in range(0, len(words), 10)]
        return "\n".join([title, *lines])

    cores = [[word() for _ in range(20)] for _ in range(events)]
    docs = [
        (f"s{e}{r}.txt", text(f"{core[0].capitalize()} {core[1]} report", [*core] +
                              [word() for _ in range(10)]))
        for e, core in enumerate(cores)
        for r in range(4)
    ]  # fmt: skip
    words = [w for core in cores for w in core[:shared]] + list(PLAIN)
    follow_up = text("Follow up", words) + (f"\nIt happened {where}." if where else "")
    return [*docs, ("lone.txt", follow_up)]
