"""Shared helpers for the benches: where the development data lives, bag-of-words
scoring, optional packages and table output.

The development data is research-licensed and never copied into this repository:
it is read in place from ``../shared/dev`` next to the checkout, or from the folder
named by the ``DIGEST_DEV_DATA`` environment variable."""

from __future__ import annotations

import os
import re
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from types import ModuleType

from rich.console import Console

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DEV = REPO.parent / "shared" / "dev"
MAX_BYTES = 20_000_000  # the generator's default max_file_bytes
TOKEN = re.compile(r"\w+")

# Piped output (a log, a report) gets wide tables instead of rich's 80-column default.
console = Console(highlight=False, width=None if sys.stdout.isatty() else 200)


def dev_data(*parts: str) -> Path:
    """The dev-data folder (or a sub-folder); prints why and exits 0 when it is absent."""
    root = Path(os.environ.get("DIGEST_DEV_DATA") or DEFAULT_DEV)
    folder = root.joinpath(*parts)
    if not folder.is_dir():
        where = "DIGEST_DEV_DATA" if os.environ.get("DIGEST_DEV_DATA") else "default location"
        console.print(
            f"skipped: development data not found at {folder} ({where}). The benches read the "
            "research-licensed dev data in place from ../shared/dev next to the checkout; "
            "set DIGEST_DEV_DATA=/path/to/dev to point elsewhere."
        )
        sys.exit(0)
    return folder


def optional(module: str, pip_names: str) -> ModuleType | None:
    """Import an optional package, or say which one to install and return None."""
    try:
        return import_module(module)
    except ImportError:
        console.print(f"[yellow]skipped: pip install {pip_names}[/]")
        return None


# --- bag-of-words scoring -------------------------------------------------------------------
def tokens(text: str) -> list[str]:
    return TOKEN.findall(text.lower())


def bag(texts: Iterable[str | None]) -> Counter[str]:
    out: Counter[str] = Counter()
    for t in texts:
        if t:
            out.update(tokens(t))
    return out


def prf(kept: Counter[str], gold: Counter[str]) -> tuple[float, float, float]:
    """Bag (multiset) precision, recall and F1. An empty side scores 1 when both are empty."""
    overlap = sum((kept & gold).values())
    n_kept, n_gold = sum(kept.values()), sum(gold.values())
    p = overlap / n_kept if n_kept else float(n_gold == 0)
    r = overlap / n_gold if n_gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def carried(line: str, text: Carried) -> bool:
    """Does `text` carry this dump line? Its words must occur in order and adjacent;
    a line of one or two words must match a whole line of `text` (so "Home" in a menu
    is not found in every page that says "home"). Used where no line labels exist."""
    words = tokens(line)
    if not words:
        return False
    joined = " ".join(words)
    if len(words) < 3:
        return joined in text.lines
    return f" {joined} " in text.flat


@dataclass(frozen=True, slots=True)
class Carried:
    flat: str  # all tokens, space-joined and space-padded
    lines: frozenset[str]  # each line's tokens, space-joined


def carrier(text: str) -> Carried:
    return Carried(
        f" {' '.join(tokens(text))} ",
        frozenset(" ".join(tokens(line)) for line in text.splitlines()),
    )


# --- output ---------------------------------------------------------------------------------
def pct(x: float | None) -> str:
    return "–" if x is None else f"{100 * x:.1f}%"


def num(x: float | None, digits: int = 3) -> str:
    return "–" if x is None else f"{x:.{digits}f}"


def mark(value: float | None, target: float, at_least: bool = True) -> str:
    """A value with a pass/fail mark against its target."""
    if value is None:
        return "–"
    ok = value >= target if at_least else value <= target
    return "[green]✓[/]" if ok else "[red]✗[/]"
