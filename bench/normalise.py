"""Normalisation bench: how much of each scraped page the normaliser keeps, and is it
the article?

Runs the real pipeline (``read_seed`` -> ``normalise``) on every page dump in the
development set ``normalise/textdump/pages/*.txt`` and prints, for all pages and per
source (``manifest.tsv``):

- bag-of-words precision / recall / F1 of the kept text against ``gold/`` (macro over
  pages; lower-cased ``\\w+`` tokens; multiset overlap). Kept text = title (unless it
  was derived from the lede) + kicker + dek + dateline + highlights + paragraphs + tables + captions
  (caption and wire text) + credit text. Credit text is the multiset *union*
  (per-token maximum, not sum) of the extracted names (article credits, caption credits) and the raw
  lines the normaliser classed as credit / caption_credit / date, so a byline's
  names are not counted twice when both the line and the names are kept;
- the same for the paragraphs alone against ``gold_body/``;
- on L3S-GN1 pages (``labels/ID.tsv``: one row per dump line, ``label<TAB>purity``)
  the share of headline, body and caption/byline/dateline lines kept (verdict kind
  is neither ``dropped`` nor ``blank``) and of related-link and comment lines let
  through, pooled over lines. Label row *n* is line *n* of the dump file; the bench
  checks that every labels file has exactly one row per line of its dump (the
  L3S dumps contain no blank lines) and skips a page's labels otherwise.

Reference rows measured in the same run: *keep everything* (every non-blank line)
and *trafilatura* on the original page ``html/ID.html.gz`` (``trafilatura.extract``,
``include_comments=False``; needs ``pip install trafilatura lxml_html_clean``). For
trafilatura the per-label shares are approximate (≈): a dump line counts as kept
when its words appear contiguously in trafilatura's output.

Run:
    .venv/bin/python bench/normalise.py                # the tables
    .venv/bin/python bench/normalise.py --worst 10     # ten lowest-F1 pages, diagnosed
    .venv/bin/python bench/normalise.py --show gn-...  # each line: gold label vs verdict
    .venv/bin/python bench/normalise.py --half A       # only half A (design) or B (check)
    .venv/bin/python bench/normalise.py --misses 1 3   # every headline/byline line dropped

``--half`` splits the pages in two by a stable hash of the page id (first byte of its
SHA-256 even: A, odd: B), so a rule can be designed on one half and checked on the other.

The data is read in place from ../shared/dev (or $DIGEST_DEV_DATA) and never copied;
when it is absent the bench says so and exits 0.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import re
import statistics
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from common import (
    MAX_BYTES,
    Carried,
    bag,
    carried,
    carrier,
    console,
    dev_data,
    mark,
    num,
    optional,
    pct,
    prf,
)
from rich.markup import escape
from rich.table import Table

from generator.models import Article, Rejected
from generator.normalise import normalise
from generator.read import read_seed

LABELS = {
    0: "furniture",
    1: "headline",
    2: "body",
    3: "caption/byline/dateline",
    4: "related links",
    5: "comments",
}
SHORT = {0: "furniture", 1: "headline", 2: "body", 3: "byline etc", 4: "related", 5: "comment"}
CONTENT = (1, 2, 3)  # labels a reader wants kept
LEAKS = (4, 5)  # labels reported as "let through"
SHARE_COLUMNS = (  # (label, column heading, target, at_least)
    (1, "headline", 0.95, True),
    (2, "body", 0.97, True),
    (3, "capt/byline/date", 0.85, True),
    (4, "related links", 0.10, False),
    (5, "comments", 0.10, False),
)
F1_TARGET = {"all": 0.94, "scrapinghub": 0.90}
SOURCE_PREFIX = {"gn": "l3s-gn1", "sh": "scrapinghub"}
CREDIT_KINDS = frozenset({"credit", "caption_credit", "date"})
DROPPED = frozenset({"dropped", "blank"})


# --- data -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Page:
    id: str
    source: str
    path: Path
    lines: tuple[str, ...]  # the dump's lines, as in the file
    gold: str
    gold_body: str
    labels: tuple[tuple[int, float], ...] | None  # one (label, purity) per line, L3S only
    html: Path


def half_of(page_id: str) -> str:
    """'A' or 'B', stable across runs and machines: the parity of the id's SHA-256."""
    return "AB"[hashlib.sha256(page_id.encode()).digest()[0] % 2]


def load_pages(root: Path) -> list[Page]:
    manifest = (root / "manifest.tsv").read_text(encoding="utf-8").splitlines()
    pages = []
    for row in manifest[1:]:
        if not row.strip():
            continue
        page_id, source = row.split("\t")[:2]
        path = root / "pages" / f"{page_id}.txt"
        text = path.read_text(encoding="utf-8")
        lines = tuple(text.split("\n")[:-1] if text.endswith("\n") else text.split("\n"))
        label_file = root / "labels" / f"{page_id}.tsv"
        labels = None
        if label_file.is_file():
            rows = [r.split("\t") for r in label_file.read_text(encoding="utf-8").splitlines()]
            labels = tuple((int(r[0]), float(r[1])) for r in rows if r and r[0])
        pages.append(
            Page(
                page_id,
                source,
                path,
                lines,
                (root / "gold" / f"{page_id}.txt").read_text(encoding="utf-8"),
                (root / "gold_body" / f"{page_id}.txt").read_text(encoding="utf-8"),
                labels,
                root / "html" / f"{page_id}.html.gz",
            )
        )
    return pages


# --- systems --------------------------------------------------------------------------------
@dataclass
class Output:
    """What one system kept of one page."""

    kept: Counter[str]
    body: Counter[str]
    line_kept: list[bool]  # per dump line
    verdicts: list[tuple[str, str | None]] = field(default_factory=list)  # (kind, rule)
    note: str | None = None


def kept_bag(article: Article) -> Counter[str]:
    fields = bag(
        [
            None if article.title_derived else article.title,
            article.kicker,
            article.dek,
            article.dateline,
            *article.highlights,
            *article.paragraphs,
            *(c.caption for c in article.captions),
            *(c.wire for c in article.captions),
            *(t.title for t in article.tables),
            *(cell for t in article.tables for row in (t.header, *t.rows) for cell in row),
        ]
    )
    names = bag([*article.credits, *(c.credit for c in article.captions)])
    raw = bag(v.text for v in article.lines if v.kind in CREDIT_KINDS)
    return fields + (names | raw)


def run_digest(page: Page) -> Output:
    doc = read_seed(page.path, page.path.name, MAX_BYTES)
    n = len(page.lines)
    if isinstance(doc, Rejected):
        return Output(Counter(), Counter(), [False] * n, [("rejected", None)] * n, doc.reason)
    article = normalise(doc)
    line_kept = [False] * n
    verdicts: list[tuple[str, str | None]] = [("missing", None)] * n
    for v in article.lines:
        if 1 <= v.line <= n:
            line_kept[v.line - 1] = v.kind not in DROPPED
            verdicts[v.line - 1] = (v.kind, v.rule)
    return Output(kept_bag(article), bag(article.paragraphs), line_kept, verdicts)


def run_keep_all(page: Page) -> Output:
    kept = bag(page.lines)
    return Output(kept, kept, [bool(line.strip()) for line in page.lines])


def trafilatura_runner() -> Callable[[Page], Output] | None:
    trafilatura = optional("trafilatura", "trafilatura lxml_html_clean")
    if trafilatura is None:
        return None
    try:
        import lxml_html_clean  # noqa: F401  (trafilatura needs it with lxml >= 5.2)
    except ImportError:
        console.print("[yellow]skipped trafilatura: pip install lxml_html_clean[/]")
        return None

    def run(page: Page) -> Output:
        html = gzip.decompress(page.html.read_bytes())
        text = trafilatura.extract(html, include_comments=False) or ""
        kept = bag([text])
        found = carrier(text)
        return Output(kept, kept, [carried(line, found) for line in page.lines])

    return run


# --- scoring --------------------------------------------------------------------------------
@dataclass
class Score:
    page: Page
    out: Output
    prf: tuple[float, float, float]
    body: tuple[float, float, float]
    label_total: Counter[int] = field(default_factory=Counter)
    label_kept: Counter[int] = field(default_factory=Counter)


def score(page: Page, out: Output) -> Score:
    s = Score(page, out, prf(out.kept, bag([page.gold])), prf(out.body, bag([page.gold_body])))
    if page.labels is not None and len(page.labels) == len(page.lines):
        for (label, _purity), kept in zip(page.labels, out.line_kept, strict=True):
            s.label_total[label] += 1
            s.label_kept[label] += kept
    return s


@dataclass
class Summary:
    pages: int
    p: float
    r: float
    f1: float
    body: tuple[float, float, float]
    shares: dict[int, float | None]


def summarise(scores: Sequence[Score]) -> Summary:
    def mean(xs: list[float]) -> float:
        return statistics.fmean(xs) if xs else 0.0

    total: Counter[int] = Counter()
    kept: Counter[int] = Counter()
    for s in scores:
        total += s.label_total
        kept += s.label_kept
    shares = {k: (kept[k] / total[k] if total[k] else None) for k in LABELS}
    return Summary(
        len(scores),
        mean([s.prf[0] for s in scores]),
        mean([s.prf[1] for s in scores]),
        mean([s.prf[2] for s in scores]),
        (
            mean([s.body[0] for s in scores]),
            mean([s.body[1] for s in scores]),
            mean([s.body[2] for s in scores]),
        ),
        shares,
    )


# --- reports --------------------------------------------------------------------------------
def groups(scores: Sequence[Score]) -> list[tuple[str, list[Score]]]:
    sources = sorted({s.page.source for s in scores})
    return [("all", list(scores))] + [
        (src, [s for s in scores if s.page.source == src]) for src in sources
    ]


def bound(target: float, at_least: bool) -> str:
    return f"{'≥' if at_least else '≤'}{pct(target)}"


def main_table(results: dict[str, list[Score]], timings: dict[str, float]) -> Table:
    table = Table(
        title="Normalisation vs gold (token P/R/F1 macro over pages; label shares "
        "pooled over L3S-GN1 lines; ✓/✗ against the targets)",
        title_justify="left",
    )
    for heading in ("system · pages", "n", "P", "R", "F1", "body P", "body R", "body F1"):
        table.add_column(heading, justify="left" if heading.startswith("system") else "right")
    for _label, heading, target, at_least in SHARE_COLUMNS:
        table.add_column(f"{heading}\n{bound(target, at_least)}", justify="right")
    table.add_column("time", justify="right")
    for system, scores in results.items():
        judged = system == "digest"
        approx = "≈" if system.startswith("trafilatura") else ""
        rows = groups(scores)
        for i, (group, members) in enumerate(rows):
            summary = summarise(members)
            f1 = num(summary.f1)
            if judged and group in F1_TARGET:
                f1 += f" {mark(summary.f1, F1_TARGET[group])}"
            shares = []
            for label, _heading, target, at_least in SHARE_COLUMNS:
                value = summary.shares[label]
                cell = "–" if value is None else approx + pct(value)
                if judged and value is not None:
                    cell += f" {mark(value, target, at_least)}"
                shares.append(cell)
            table.add_row(
                f"{system} · {group}",
                str(summary.pages),
                num(summary.p),
                num(summary.r),
                f1,
                *(num(x) for x in summary.body),
                *shares,
                f"{timings[system]:.1f}s" if i == 0 else "",
                end_section=i == len(rows) - 1,
            )
    blank = [""] * 3
    for group, target in F1_TARGET.items():
        shares = [bound(t, a) for _l, _h, t, a in SHARE_COLUMNS] if group == "all" else [""] * 5
        table.add_row(f"target · {group}", *blank, f"≥{target:.3f}", *blank, *shares, "")
    return table


def diagnose(page: Page, out: Output) -> tuple[Counter[str], Counter[str]]:
    """Digest's misses and leaks on one page: (rules that dropped article lines, kinds
    under which other lines were kept).

    Article lines: L3S labels 1-3; for pages without labels, lines whose words appear
    contiguously in the gold text (approximate)."""
    gold = carrier(page.gold)
    missed: Counter[str] = Counter()
    leaked: Counter[str] = Counter()
    for i, line in enumerate(page.lines):
        if not line.strip():
            continue
        content = is_content(page, i, gold)
        kind, rule = out.verdicts[i]
        if content and not out.line_kept[i]:
            missed[f"{what(page, i)}{rule or kind}"] += 1
        elif not content and out.line_kept[i]:
            leaked[f"{what(page, i)}{kind}"] += 1
    return missed, leaked


def what(page: Page, i: int) -> str:
    """'comments→' for a labelled line (the label, before the verdict), '' otherwise."""
    if page.labels is not None and len(page.labels) == len(page.lines):
        return f"{SHORT[page.labels[i][0]]}→"
    return ""


def is_content(page: Page, i: int, gold: Carried) -> bool:
    if page.labels is not None and len(page.labels) == len(page.lines):
        return page.labels[i][0] in CONTENT
    return carried(page.lines[i], gold)


def summary_of(counter: Counter[str]) -> str:
    if not counter:
        return "0"
    top = ", ".join(f"{k} {v}" for k, v in counter.most_common(4))
    return f"{sum(counter.values())} ({top})"


def worst_table(scores: Sequence[Score], n: int) -> Table:
    table = Table(title=f"The {n} pages with the lowest token F1 (digest)", title_justify="left")
    for heading in (
        "page",
        "source",
        "P",
        "R",
        "F1",
        "body F1",
        "kept/gold tokens",
        "article lines dropped (label→rule)",
        "other lines kept (label→kind)",
    ):
        table.add_column(heading, justify="right" if heading in "P R F1 body F1" else "left")
    for s in sorted(scores, key=lambda s: (s.prf[2], s.page.id))[:n]:
        missed, leaked = diagnose(s.page, s.out)
        table.add_row(
            s.page.id,
            s.page.source,
            *(num(x) for x in s.prf),
            num(s.body[2]),
            f"{sum(s.out.kept.values())}/{sum(bag([s.page.gold]).values())}",
            summary_of(missed),
            summary_of(leaked),
        )
    return table


def title_line(scores: Sequence[Score]) -> str:
    """How often the line digest took as the title is one the labels call a headline."""
    judged = right = 0
    for s in scores:
        labels = s.page.labels
        if labels is None or len(labels) != len(s.page.lines) or 1 not in (x for x, _ in labels):
            continue
        judged += 1
        at = next((i for i, (kind, _r) in enumerate(s.out.verdicts) if kind == "title"), None)
        right += at is not None and labels[at][0] == 1
    return (
        f"title taken from a line labelled headline: {right}/{judged} L3S-GN1 pages that "
        f"label a headline ({pct(right / judged) if judged else '–'})"
    )


# Shapes of missed lines, for counting misses by kind (a rough grouping for the report,
# first match wins; not rules of the normaliser).
SHAPES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("copyright line", re.compile(r"©|\(c\)|copyright|all rights reserved", re.I)),
    (
        "tag or keyword list",
        re.compile(r"^(?:tags?|topics?|keywords|filed under)\s*:|tagged", re.I),
    ),
    (
        "date or time stamp",
        re.compile(
            r"^(?=.{0,60}$).*(?:\d{1,2}:\d{2}|\b(?:19|20)\d\d\b|\d{1,2}/\d{1,2}|AP-[A-Z]{2}-)"
        ),
    ),
    (
        "credit form (By, Source:, Name/Agency, e-mail, site name)",
        re.compile(
            r"(?i:^(?:by|article from|source|courtesy|photo by|submitted by)\b|with files from)|"
            r"/|@|\.com\b|^[A-Z][A-Z .'-]+$|^[A-Z]\w+ [A-Z]\w+ in [A-Z]"
        ),
    ),
    (
        "two or three capitalised words (a name or a section)",
        re.compile(r"^(?:[A-Z][\w.'-]* ?){2,3}$"),
    ),
    ("bulleted line", re.compile(r"^[-*•] ")),
    ("sentence-like line of 6+ words (caption, dek, headline)", re.compile(r"^(?:\S+\s+){5,}")),
    ("other short line (label, section, interface)", re.compile(r".")),
)


def shape(text: str) -> str:
    return next(name for name, pattern in SHAPES if pattern.search(" ".join(text.split())))


def misses(scores: Sequence[Score], labels: Sequence[int], width: int) -> None:
    """Every labelled line of `labels` that digest dropped, by page, then counted by rule
    and by shape."""
    by_rule: Counter[str] = Counter()
    by_shape: Counter[str] = Counter()
    table = Table(show_edge=False, pad_edge=False, box=None)
    for heading in ("page", "#", "label", "rule", "text"):
        table.add_column(heading, no_wrap=True, overflow="ellipsis", max_width=width)
    for s in scores:
        page = s.page
        if page.labels is None or len(page.labels) != len(page.lines):
            continue
        rows = zip(page.labels, s.out.line_kept, s.out.verdicts, strict=True)
        for i, ((label, _purity), kept, (kind, rule)) in enumerate(rows):
            if label in labels and not kept:
                by_rule[f"{SHORT[label]}→{rule or kind}"] += 1
                by_shape[f"{SHORT[label]}: {shape(page.lines[i])}"] += 1
                why = rule or kind
                table.add_row(page.id, str(i + 1), SHORT[label], why, escape(page.lines[i]))
    console.print(table)
    console.print("by the rule that dropped them:")
    for key, n in by_rule.most_common():
        console.print(f"{n:5d}  {key}")
    console.print("by shape:")
    for key, n in sorted(by_shape.items()):
        console.print(f"{n:5d}  {key}")
    console.print(f"{sum(by_rule.values()):5d}  missed in all")


def show(page: Page, width: int) -> None:
    out = run_digest(page)
    s = score(page, out)
    labelled = page.labels is not None and len(page.labels) == len(page.lines)
    console.print(
        f"[bold]{page.id}[/] ({page.source})  token P {num(s.prf[0])} R {num(s.prf[1])} "
        f"F1 {num(s.prf[2])}  body F1 {num(s.body[2])}"
        + ("" if labelled else "  [dim](no labels: 'gold≈' = words found in gold/)[/]")
    )
    if out.note:
        console.print(f"[red]rejected: {escape(out.note)}[/]")
    gold = carrier(page.gold)
    table = Table(show_edge=False, pad_edge=False, box=None)
    for heading in ("#", "gold", "ours", "", "text"):
        table.add_column(
            heading,
            no_wrap=True,
            overflow="ellipsis",
            max_width=width if heading == "text" else None,
        )
    for i, line in enumerate(page.lines):
        kind, rule = out.verdicts[i]
        ours = kind + (f"/{rule}" if rule else "")
        if labelled:
            label, purity = page.labels[i]  # type: ignore[index]
            gold_cell = f"{label} {LABELS[label]}" + (f" {purity:.2f}" if purity < 1 else "")
        else:
            gold_cell = "gold≈" if line.strip() and carried(line, gold) else ""
        content = line.strip() and is_content(page, i, gold)
        flag = ""
        if content and not out.line_kept[i]:
            flag = "[red]MISS[/]"
        elif line.strip() and not content and out.line_kept[i]:
            flag = "[yellow]LEAK[/]"
        style = "dim" if not out.line_kept[i] else None
        table.add_row(str(i + 1), gold_cell, ours, flag, escape(line), style=style)
    console.print(table)


# --- main -----------------------------------------------------------------------------------
def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--worst",
        type=int,
        metavar="N",
        default=0,
        help="list the N pages with the lowest token F1, with a diagnosis",
    )
    parser.add_argument("--show", metavar="ID", help="print one page line by line: gold vs ours")
    parser.add_argument(
        "--no-trafilatura", action="store_true", help="skip the trafilatura reference row (faster)"
    )
    parser.add_argument("--width", type=int, default=110, help="text column width for --show")
    parser.add_argument(
        "--half",
        choices=("A", "B"),
        help="score only one half of the pages (split by a stable hash of the page id)",
    )
    parser.add_argument(
        "--misses",
        type=int,
        nargs="+",
        metavar="LABEL",
        help="list every line with these labels (1 headline, 2 body, 3 caption/byline/"
        "dateline) that digest dropped, and count them by rule",
    )
    args = parser.parse_args(argv)

    root = dev_data("normalise", "textdump")
    pages = load_pages(root)
    if args.half:
        pages = [p for p in pages if half_of(p.id) == args.half]
    if args.show:
        match = [p for p in pages if p.id == args.show or p.id.startswith(args.show)]
        if len(match) != 1:
            raise SystemExit(f"--show {args.show}: {len(match)} pages match")
        show(match[0], args.width)
        return

    labelled = [p for p in pages if p.labels is not None]
    aligned = [p for p in labelled if len(p.labels or ()) == len(p.lines)]
    blanks = sum(1 for p in labelled for line in p.lines if not line.strip())
    console.print(
        f"{len(pages)} pages from {root}"
        + (f" (half {args.half})" if args.half else "")
        + f"; {len(labelled)} with line labels, "
        f"{len(aligned)} of them with exactly one label row per dump line "
        f"({blanks} blank lines in the labelled dumps, so no blank-line question arises)."
    )
    if len(aligned) < len(labelled):
        bad = ", ".join(p.id for p in labelled if p not in aligned)
        console.print(f"[red]labels do not line up with the dump (labels skipped): {bad}[/]")

    systems: dict[str, Callable[[Page], Output]] = {
        "digest": run_digest,
        "keep everything": run_keep_all,
    }
    if not args.no_trafilatura and (runner := trafilatura_runner()) is not None:
        systems["trafilatura (HTML)"] = runner
    results: dict[str, list[Score]] = {}
    timings: dict[str, float] = {}
    if args.misses:
        misses([score(p, run_digest(p)) for p in pages], args.misses, args.width)
        return
    for name, run in systems.items():
        start = time.perf_counter()
        outputs = [run(p) for p in pages]
        timings[name] = time.perf_counter() - start
        results[name] = [score(p, o) for p, o in zip(pages, outputs, strict=True)]
    rejected = [s for s in results["digest"] if s.out.note]
    for s in rejected:
        console.print(f"[red]{s.page.id} rejected by read_seed: {escape(s.out.note or '')}[/]")
    console.print(main_table(results, timings))
    console.print(title_line(results["digest"]))
    console.print(
        "time = wall time for all pages (digest: read_seed + normalise; trafilatura: "
        "gunzip + extract). ≈ = trafilatura's line shares are estimated by finding each "
        "line's words in its output."
    )
    if args.worst:
        console.print(worst_table(results["digest"], args.worst))


if __name__ == "__main__":
    main()
