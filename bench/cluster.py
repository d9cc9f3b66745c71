"""Clustering bench: do articles that report the same story end up in one story?

For each development set in ``clustering/`` (ecbplus, allsides, gva: ``articles/*.txt``
and ``labels.json`` mapping file name -> gold cluster id) and for all of them pooled
(sources prefixed with the set name), runs the real pipeline ``read_seed`` ->
``normalise`` -> ``cluster`` and prints B-cubed precision / recall / F1, the adjusted
Rand index, predicted stories vs gold clusters, the largest predicted story, wall
time and peak memory.

Every input file lands in exactly one predicted cluster: a file ``read_seed`` rejects
or in which ``normalise`` finds no paragraph is a singleton (the pipeline leaves it
out of every story), and the bench checks that ``cluster`` returns every other
article exactly once.

Baseline, measured in the same run: TF-IDF (``TfidfVectorizer(sublinear_tf=True,
stop_words="english")`` on the raw file text) + ``AgglomerativeClustering(linkage=
"average")`` on cosine distance (passed as a precomputed cosine-distance matrix, which
gives the same tree as ``metric="cosine"`` without densifying the TF-IDF matrix).
Its distance threshold is tuned on half A of each set and scored on half B; files are
split by hashing their name (blake2b, low bit), so a file is in the same half in
the per-set and the pooled runs. Our pipeline is scored on the same half B, and on
the full set.

Time and memory: each scored run (ours on the full set, ours on half B, the baseline
on half B) runs in a fresh process; time is the wall time from the first file read
to the last cluster (the embedding model's load included, interpreter start-up not),
memory is that process's peak resident set size (``ru_maxrss``: interpreter, libraries,
model and run together).

``--sweep`` clusters half A of each set (and of the pool) with each ``same_story``
value, picks the best by B-cubed F1 on half A (``--criterion``), and scores it on
half B. Each value re-embeds the articles (``cluster`` embeds its input).

Run:
    .venv/bin/python bench/cluster.py
    .venv/bin/python bench/cluster.py --sets ecbplus --limit 200 --same-story 0.25
    .venv/bin/python bench/cluster.py --sweep                # 0.16..0.31, step 0.03
    .venv/bin/python bench/cluster.py --sweep 0.6,0.65,0.7 --no-pool

The data is read in place from ../shared/dev (or $DIGEST_DEV_DATA) and never copied;
when it is absent the bench says so and exits 0.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing
import resource
import time
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from common import MAX_BYTES, console, dev_data, mark, num
from rich.table import Table

SETS = ("ecbplus", "allsides", "gva")
POOL = "pooled"
TARGETS = {"ecbplus": (0.95, 0.90), "allsides": (0.93, 0.85), "gva": (0.95, 0.85)}
POOL_TOLERANCE = 0.02  # pooled scores must stay within this of the per-set scores
# Six values keep --sweep to a few minutes on all sets (every value re-runs cluster());
# pass a finer list for a closer look.
SWEEP_GRID = (0.16, 0.19, 0.22, 0.25, 0.28, 0.31)  # TF-IDF cosine (same_story)
BASELINE_GRID = tuple(round(0.05 + 0.025 * k, 3) for k in range(38))  # cosine distance

# A run's result, in plain types so it crosses process boundaries:
# (source -> predicted cluster id, files rejected, articles without paragraphs, seconds)
Assignment = dict[str, int]


@dataclass(frozen=True, slots=True)
class Item:
    set: str
    source: str  # "<set>/<file name>": unique across sets
    path: Path
    gold: str  # "<set>:<gold cluster id>"
    half: str  # "A" (tuning) or "B" (report)


def half_of(name: str) -> str:
    digest = hashlib.blake2b(name.encode(), digest_size=8).digest()
    return "A" if digest[-1] % 2 == 0 else "B"


def load_set(root: Path, name: str, limit: int | None) -> list[Item]:
    labels = json.loads((root / name / "labels.json").read_text(encoding="utf-8"))
    paths = sorted((root / name / "articles").glob("*.txt"))[:limit]
    missing = [p.name for p in paths if p.name not in labels]
    if missing:
        raise SystemExit(f"{name}: {len(missing)} articles have no gold label, e.g. {missing[0]}")
    return [
        Item(name, f"{name}/{p.name}", p, f"{name}:{labels[p.name]}", half_of(p.name))
        for p in paths
    ]


# --- the systems (run in a fresh process when measured) --------------------------------------
def run_pipeline(
    files: Sequence[tuple[str, str]], same_story: float
) -> tuple[Assignment, int, int, float]:
    """read_seed -> normalise -> cluster, as the generator's pipeline runs them."""
    from generator.cluster import cluster
    from generator.config import validated
    from generator.models import Rejected
    from generator.normalise import normalise
    from generator.read import read_seed

    config = validated({"same_story": same_story})
    start = time.perf_counter()
    articles = []
    rejected = empty = 0
    assignment: Assignment = {}
    for source, path in files:
        doc = read_seed(Path(path), source, MAX_BYTES)
        if isinstance(doc, Rejected):
            rejected += 1
            continue
        article = normalise(doc)
        if article.paragraphs:
            articles.append(article)
        else:
            empty += 1
    clusters = cluster(articles, config) if articles else ()
    seconds = time.perf_counter() - start
    for k, c in enumerate(clusters):
        for m in c.members:
            if m.article.source in assignment:
                raise AssertionError(f"{m.article.source} is in two predicted stories")
            assignment[m.article.source] = k
    lost = {a.source for a in articles} - set(assignment)
    if lost:
        raise AssertionError(f"cluster() lost {len(lost)} articles, e.g. {sorted(lost)[0]}")
    return _singletons(files, assignment), rejected, empty, seconds


def _singletons(files: Sequence[tuple[str, str]], assignment: Assignment) -> Assignment:
    """Every file not in a predicted story becomes a story of its own."""
    next_id = max(assignment.values(), default=-1) + 1
    out = dict(assignment)
    for source, _path in files:
        if source not in out:
            out[source] = next_id
            next_id += 1
    return out


def _distances(files: Sequence[tuple[str, str]]) -> Any:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_distances

    texts = [Path(p).read_text(encoding="utf-8", errors="replace") for _s, p in files]
    matrix = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(texts)
    distances = cosine_distances(matrix)
    distances[distances < 0] = 0.0
    return distances


def run_baseline(
    files: Sequence[tuple[str, str]], threshold: float
) -> tuple[Assignment, int, int, float]:
    """TF-IDF cosine, average link, cut at `threshold` (cosine distance)."""
    from sklearn.cluster import AgglomerativeClustering

    start = time.perf_counter()
    if len(files) < 2:
        return {s: i for i, (s, _p) in enumerate(files)}, 0, 0, time.perf_counter() - start
    model = AgglomerativeClustering(
        n_clusters=None, metric="precomputed", linkage="average", distance_threshold=threshold
    )
    labels = model.fit_predict(_distances(files))
    seconds = time.perf_counter() - start
    return {s: int(k) for (s, _p), k in zip(files, labels, strict=True)}, 0, 0, seconds


def tune_baseline(items: Sequence[Item]) -> tuple[float, float]:
    """The distance threshold with the best B-cubed F1 on `items`: one full tree, cut
    at every grid value by replaying its merges. Returns (threshold, F1)."""
    from sklearn.cluster import AgglomerativeClustering

    files = [(i.source, str(i.path)) for i in items]
    if len(files) < 2:
        return BASELINE_GRID[0], 1.0
    model = AgglomerativeClustering(
        n_clusters=None,
        metric="precomputed",
        linkage="average",
        distance_threshold=0.0,
        compute_full_tree=True,
    )
    model.fit(_distances(files))
    best = (BASELINE_GRID[0], -1.0)
    for t in BASELINE_GRID:
        labels = _cut(model.children_, model.distances_, len(files), t)
        f1 = bcubed([i.gold for i in items], labels)[2]
        if f1 > best[1]:
            best = (t, f1)
    return best


def _cut(children: Any, distances: Any, n: int, threshold: float) -> list[int]:
    """Flat clusters of an agglomeration tree: apply the merges below `threshold`."""
    parent = list(range(2 * n))
    for k, ((a, b), d) in enumerate(zip(children, distances, strict=True)):
        if d >= threshold:
            break
        parent[a] = parent[b] = n + k

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    return [root(i) for i in range(n)]


def measured(
    fn: Callable[..., tuple[Assignment, int, int, float]], *args: Any
) -> tuple[Assignment, int, int, float, float]:
    """Run fn in a fresh process; its result plus that process's peak RSS in MB."""
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=ctx) as pool:
        return pool.submit(_with_peak, fn, *args).result()


def _with_peak(
    fn: Callable[..., tuple[Assignment, int, int, float]], *args: Any
) -> tuple[Assignment, int, int, float, float]:
    result = fn(*args)
    return (*result, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


# --- scores ---------------------------------------------------------------------------------
def bcubed(
    gold: Sequence[str], pred: Sequence[int], pred_size: Counter[int] | None = None
) -> tuple[float, float, float]:
    """B-cubed precision, recall, F1 averaged over items. `pred_size` (predicted cluster
    sizes over a larger pool) scores a subset while counting mates outside it as wrong."""
    n = len(gold)
    if not n:
        return 1.0, 1.0, 1.0
    pairs = Counter(zip(gold, pred, strict=True))
    gold_size = Counter(gold)
    sizes = pred_size or Counter(pred)
    p = sum(c * c / sizes[k] for (_g, k), c in pairs.items()) / n
    r = sum(c * c / gold_size[g] for (g, _k), c in pairs.items()) / n
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass(frozen=True, slots=True)
class Scores:
    articles: int
    gold: int
    stories: int
    largest: int
    p: float
    r: float
    f1: float
    ari: float


def score(items: Sequence[Item], assignment: Assignment, pool: Assignment | None = None) -> Scores:
    """Scores of `assignment` on `items`; with `pool`, items are scored inside a larger
    pooled run (their predicted mates from other sets count against precision)."""
    from sklearn.metrics import adjusted_rand_score

    gold = [i.gold for i in items]
    pred = [assignment[i.source] for i in items]
    sizes = Counter((pool or assignment).values())
    p, r, f1 = bcubed(gold, pred, sizes)
    ari = float(adjusted_rand_score(gold, pred)) if len(items) > 1 else 1.0
    return Scores(
        len(items), len(set(gold)), len(set(pred)), max(sizes[k] for k in pred), p, r, f1, ari
    )


# --- reports --------------------------------------------------------------------------------
@dataclass
class Row:
    label: str
    scores: Scores
    seconds: float | None = None
    peak_mb: float | None = None
    note: str = ""


def result_table(name: str, rows: Sequence[Row]) -> Table:
    target = TARGETS.get(name)
    goal = (
        f"target B3 F1 ≥ {target[0]:.2f}, ARI ≥ {target[1]:.2f}"
        if target
        else f"target: each set within {POOL_TOLERANCE} of its own run (see below)"
    )
    table = Table(title=f"{name} ({goal})", title_justify="left")
    for heading in (
        "system · articles",
        "n",
        "gold",
        "stories",
        "largest",
        "B3 P",
        "B3 R",
        "B3 F1",
        "ARI",
        "time",
        "peak RSS",
        "note",
    ):
        table.add_column(
            heading, justify="left" if heading in ("system · articles", "note") else "right"
        )
    for row in rows:
        s = row.scores
        judged = target is not None and row.label.startswith("digest")
        table.add_row(
            row.label,
            str(s.articles),
            str(s.gold),
            str(s.stories),
            str(s.largest),
            num(s.p),
            num(s.r),
            num(s.f1) + (f" {mark(s.f1, target[0])}" if judged and target else ""),
            num(s.ari) + (f" {mark(s.ari, target[1])}" if judged and target else ""),
            "" if row.seconds is None else f"{row.seconds:.1f}s",
            "" if row.peak_mb is None else f"{row.peak_mb:,.0f} MB",
            row.note,
        )
    return table


def evaluate(name: str, items: list[Item], same_story: float) -> tuple[list[Row], Assignment]:
    files = [(i.source, str(i.path)) for i in items]
    half_a = [i for i in items if i.half == "A"]
    half_b = [i for i in items if i.half == "B"]
    files_b = [(i.source, str(i.path)) for i in half_b]
    rows = []

    full, rejected, empty, seconds, peak = measured(run_pipeline, files, same_story)
    note = f"same_story={same_story}; {rejected} rejected, {empty} without paragraphs"
    rows.append(Row("digest · full set", score(items, full), seconds, peak, note))

    ours_b, _r, _e, seconds, peak = measured(run_pipeline, files_b, same_story)
    rows.append(Row("digest · half B", score(half_b, ours_b), seconds, peak))

    start = time.perf_counter()
    threshold, tuned_f1 = tune_baseline(half_a)
    tuning = time.perf_counter() - start
    base_b, _r, _e, seconds, peak = measured(run_baseline, files_b, threshold)
    rows.append(
        Row(
            "tf-idf avg-link · half B",
            score(half_b, base_b),
            seconds,
            peak,
            f"distance < {threshold} (B3 F1 {tuned_f1:.3f} on half A, tuned in {tuning:.1f}s)",
        )
    )
    alone = {i.source: k for k, i in enumerate(items)}
    rows.append(Row("every article alone · full set", score(items, alone)))
    return rows, full


def pooled_table(per_set: dict[str, Scores], items: list[Item], pool: Assignment) -> Table:
    table = Table(
        title=f"pooled run, scored per set (target: within {POOL_TOLERANCE} of the "
        "set's own run; mates from other sets count against precision)",
        title_justify="left",
    )
    for heading in (
        "set",
        "own B3 F1",
        "pooled B3 F1",
        "Δ",
        "own ARI",
        "pooled ARI",
        "Δ",
        "stories mixing sets",
    ):
        table.add_column(heading, justify="left" if heading == "set" else "right")
    for name, own in per_set.items():
        members = [i for i in items if i.set == name]
        s = score(members, pool, pool)
        sets_of: dict[int, set[str]] = {}
        for i in items:
            sets_of.setdefault(pool[i.source], set()).add(i.set)
        mixed = len({pool[i.source] for i in members if len(sets_of[pool[i.source]]) > 1})
        d_f1, d_ari = s.f1 - own.f1, s.ari - own.ari
        table.add_row(
            name,
            num(own.f1),
            num(s.f1),
            f"{d_f1:+.3f} {mark(d_f1, -POOL_TOLERANCE)}",
            num(own.ari),
            num(s.ari),
            f"{d_ari:+.3f} {mark(d_ari, -POOL_TOLERANCE)}",
            str(mixed),
        )
    return table


def pair(s: Scores | None) -> str:
    return f"{s.f1:.3f} / {s.ari:.3f}" if s else "–"


def best_value(scores: dict[float, Scores], criterion: str) -> float:
    """The value scoring highest; the lowest such value on a tie."""
    return max(scores, key=lambda v: (criterion_value(scores[v], criterion), -v))


def criterion_value(s: Scores, criterion: str) -> float:
    return {"f1": s.f1, "ari": s.ari, "mean": (s.f1 + s.ari) / 2}[criterion]


def sweep(
    groups: dict[str, list[Item]],
    values: Sequence[float],
    criterion: str,
    reference: dict[str, dict[str, Scores]],
) -> None:
    """Each same_story value on half A of every group; the best scored on half B."""
    from generator.similarity import embed

    embed(["warm up the embedding model"])  # load once, outside the timings
    start_all = time.perf_counter()
    on_a: dict[str, dict[float, Scores]] = {g: {} for g in groups}
    seconds: dict[float, float] = {}
    for value in values:
        start = time.perf_counter()
        for g, items in groups.items():
            half_a = [i for i in items if i.half == "A"]
            assignment = run_pipeline([(i.source, str(i.path)) for i in half_a], value)[0]
            on_a[g][value] = score(half_a, assignment)
        seconds[value] = time.perf_counter() - start
        console.print(f"  same_story={value}: {seconds[value]:.1f}s", style="dim")

    table = Table(
        title=f"--sweep: half A, B3 F1 / ARI per same_story (best by {criterion} in bold)",
        title_justify="left",
    )
    table.add_column("same_story", justify="right")
    for g in groups:
        table.add_column(g, justify="right")
    table.add_column("time", justify="right")
    best = {g: best_value(on_a[g], criterion) for g in groups}
    for value in values:
        cells = []
        for g in groups:
            s = on_a[g][value]
            cell = f"{s.f1:.3f} / {s.ari:.3f}"
            cells.append(f"[bold]{cell}[/]" if best[g] == value else cell)
        table.add_row(f"{value:g}", *cells, f"{seconds[value]:.1f}s")
    console.print(table)

    result = Table(
        title="--sweep: the best same_story on half A, scored on half B", title_justify="left"
    )
    for heading in (
        "set",
        "best same_story",
        "half A F1 / ARI",
        "half B P",
        "half B R",
        "half B F1",
        "half B ARI",
        "default on B F1 / ARI",
        "tf-idf on B F1 / ARI",
    ):
        result.add_column(heading, justify="left" if heading == "set" else "right")
    for g, items in groups.items():
        half_b = [i for i in items if i.half == "B"]
        assignment = run_pipeline([(i.source, str(i.path)) for i in half_b], best[g])[0]
        s, a = score(half_b, assignment), on_a[g][best[g]]
        ref = reference.get(g, {})
        result.add_row(
            g,
            f"{best[g]:g}",
            pair(a),
            num(s.p),
            num(s.r),
            num(s.f1),
            num(s.ari),
            pair(ref.get("digest · half B")),
            pair(ref.get("tf-idf avg-link · half B")),
        )
    console.print(result)
    console.print(
        f"sweep wall time: {time.perf_counter() - start_all:.0f}s "
        f"({len(values)} values; every value re-embeds half A of each group)"
    )


# --- main -----------------------------------------------------------------------------------
def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", nargs="+", choices=SETS, default=list(SETS))
    parser.add_argument(
        "--same-story",
        type=float,
        default=None,
        help="passed to validated({'same_story': ...}); default: the config's",
    )
    parser.add_argument(
        "--limit", type=int, default=None, help="only the first N articles of each set (quick runs)"
    )
    parser.add_argument("--no-pool", action="store_true", help="skip the pooled run")
    parser.add_argument(
        "--sweep",
        nargs="?",
        const=",".join(map(str, SWEEP_GRID)),
        metavar="V1,V2,...",
        help="try these same_story values on half A",
    )
    parser.add_argument(
        "--criterion",
        choices=("f1", "ari", "mean"),
        default="f1",
        help="what --sweep maximises on half A (B3 F1, ARI, or their mean)",
    )
    args = parser.parse_args(argv)

    from generator.config import validated

    same_story = float(
        validated({} if args.same_story is None else {"same_story": args.same_story}).same_story
    )
    root = dev_data("clustering")
    groups = {name: load_set(root, name, args.limit) for name in args.sets}
    if len(groups) > 1 and not args.no_pool:
        groups[POOL] = [i for name in args.sets for i in groups[name]]
    console.print(
        ", ".join(
            f"{g}: {len(v)} articles ({sum(i.half == 'A' for i in v)} in half A)"
            for g, v in groups.items()
        )
        + f"; same_story={same_story}; data from {root}"
    )

    start = time.perf_counter()
    reference: dict[str, dict[str, Scores]] = {}
    own: dict[str, Scores] = {}
    for name, items in groups.items():
        rows, full = evaluate(name, items, same_story)
        reference[name] = {r.label: r.scores for r in rows}
        console.print(result_table(name, rows))
        if name == POOL:
            console.print(pooled_table(own, items, full))
        else:
            own[name] = rows[0].scores
    console.print(
        f"bench wall time {time.perf_counter() - start:.0f}s. time = wall time of the run "
        "(read, normalise, cluster; model load included); peak RSS = ru_maxrss of the fresh "
        "process that ran it (interpreter, libraries and model included)."
    )
    if args.sweep:
        values = [float(v) for v in args.sweep.split(",") if v.strip()]
        sweep(groups, values, args.criterion, reference)


if __name__ == "__main__":
    main()
