"""Shared fixtures. The sample seeds and their gold file live in the repo; the
research-licensed dev data is read from ../shared/dev only by bench/."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from generator.config import DigestConfig, Paths, validated
from generator.models import Article, RawDocument
from generator.normalise import normalise
from generator.read import clean_text, read_seed

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


@pytest.fixture
def project(tmp_path: Path) -> Paths:
    """A scratch project: the sample seeds and an empty content folder."""
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    content = tmp_path / "content"
    content.mkdir()
    return Paths(seeds=seeds, content=content)


def article_from(text: str, name: str = "case.txt") -> Article:
    """Normalise a text given inline, with the read stage's text hygiene applied."""
    cleaned, repairs = clean_text(text)
    return normalise(RawDocument(name, cleaned, "utf-8", (), 1, repairs))
