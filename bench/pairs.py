"""Error analysis of story grouping, and a pairwise scorer fitted on its candidate pairs.

For each development set in ``clustering/`` and each half (the halves of
``bench/cluster.py``), groups the half with ``cluster.Groups`` (the pipeline's own
candidates and decisions) and prints:

- B-cubed precision and recall next to *pair* precision and recall (share of predicted
  same-story pairs that are right, share of gold pairs found), how many gold stories are
  split and how many predicted stories mix gold stories;
- how many gold pairs are candidates at all, and the share of gold pairs among the
  candidates by TF-IDF cosine (the zone where decisions go wrong);
- per pair feature, its ROC AUC in that hard zone (TF-IDF 0.10-0.40).

Then fits a logistic regression on the candidate pairs of half A of all sets together
(one model, as a user would get) and prints its coefficients and its AUC in the hard zone
of each set's half B next to the TF-IDF cosine alone. The features are the ones a
grouping pass could average over two groups (unit-vector kernels) plus shared numbers
and copy overlap. See bench/README.md, "What was tried for quality".

Run:
    .venv/bin/python bench/pairs.py
    .venv/bin/python bench/pairs.py --sets ecbplus --limit 300

The data is read in place from ../shared/dev (or $DIGEST_DEV_DATA) and never copied;
when it is absent the bench says so and exits 0.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from itertools import pairwise
from pathlib import Path
from typing import Any

import numpy as np
from cluster import SETS, Item, load_set
from common import MAX_BYTES, console, dev_data
from rich.table import Table

HARD = (0.10, 0.40)  # TF-IDF cosine zone where gold and non-gold candidate pairs mix
BINS = (0.0, 0.10, 0.15, 0.20, 0.25, 0.30, 0.40, 1.01)
LEAD_CHARS = 600  # headline and lead: paragraphs until this many characters
FEATURES = ("tfidf", "words", "names", "meaning", "lead", "title", "numbers", "copy")
NUMBER = re.compile(r"\b\d[\d,.:]*\b")


def grouped(items: Sequence[Item]) -> tuple[Any, list[Item]]:
    """The half's articles grouped by cluster.Groups, and the items that have an article."""
    from generator.cluster import (
        NO_OVERRIDES,
        NO_SHINGLES,
        Groups,
        _Doc,
        article_features,
        embedded,
    )
    from generator.config import validated
    from generator.models import Rejected
    from generator.normalise import normalise
    from generator.read import read_seed

    articles, kept = [], []
    for item in items:
        doc = read_seed(Path(item.path), item.source, MAX_BYTES)
        article = None if isinstance(doc, Rejected) else normalise(doc)
        if article is not None and article.paragraphs:
            articles.append(article)
            kept.append(item)
    found = embedded(articles, [article_features(a) for a in articles])
    docs = [_Doc(a, f.meaning, NO_SHINGLES, f) for a, f in zip(articles, found, strict=True)]
    groups = Groups(docs, validated({}), NO_OVERRIDES)
    groups.run()
    return groups, kept


def lead_text(article: Any) -> str:
    text = article.title
    for paragraph in article.paragraphs:
        if len(text) >= LEAD_CHARS:
            break
        text += "\n" + paragraph
    return text


def pair_features(groups: Any) -> np.ndarray:
    """One row per candidate pair, columns as FEATURES."""
    from generator import similarity as sim

    pairs = list(groups.pairs)
    left = np.array([i for i, _ in pairs])
    right = np.array([j for _, j in pairs])
    articles = [d.article for d in groups.docs]

    def cosine(found: Sequence[Any], name_weight: float) -> np.ndarray:
        m = sim.word_weights(found, name_weight).matrix
        return np.asarray(m[left].multiply(m[right]).sum(axis=1)).ravel()

    numbers = [set(NUMBER.findall(a.text)) for a in articles]
    shared = [
        len(numbers[i] & numbers[j]) / max(1, min(len(numbers[i]), len(numbers[j])))
        for i, j in pairs
    ]
    scores = groups.pairs.scores
    columns = [
        scores[:, 0],
        cosine(groups.found, 0.0),
        cosine(groups.found, 1.0),
        scores[:, 1],
        cosine([sim.features(lead_text(a), "") for a in articles], 0.2),
        cosine([sim.features(a.title, "") for a in articles], 0.2),
        np.array(shared),
        sim.overlaps(groups.found, left, right),
    ]
    return np.column_stack(columns)


def analyse(
    name: str, half: str, groups: Any, kept: Sequence[Item]
) -> tuple[np.ndarray, np.ndarray]:
    """Print the half's error analysis; return its candidate pairs' features and labels."""
    from sklearn.metrics import roc_auc_score

    gold = [i.gold for i in kept]
    roots = [groups.find(k) for k in range(len(kept))]
    both = Counter(zip(gold, roots, strict=True))
    by_gold, by_pred = Counter(gold), Counter(roots)
    n = len(kept)
    p = sum(c * c / by_pred[k] for (_g, k), c in both.items()) / n
    r = sum(c * c / by_gold[g] for (g, _k), c in both.items()) / n
    pairs_of = lambda counts: sum(c * (c - 1) // 2 for c in counts.values())  # noqa: E731
    right, predicted, wanted = pairs_of(both), pairs_of(by_pred), pairs_of(by_gold)
    parts: defaultdict[str, set[int]] = defaultdict(set)
    mixes: defaultdict[int, set[str]] = defaultdict(set)
    for g, k in both:
        parts[g].add(k)
        mixes[k].add(g)
    x = pair_features(groups)
    y = np.array([gold[i] == gold[j] for i, j in groups.pairs])
    console.print(
        f"{name} half {half}: {n} articles, B3 P {p:.3f} R {r:.3f}; pair P "
        f"{right / max(predicted, 1):.3f} R {right / max(wanted, 1):.3f}; "
        f"{sum(len(v) > 1 for v in parts.values())} of {len(parts)} gold stories split, "
        f"{sum(len(v) > 1 for v in mixes.values())} predicted stories mixed; "
        f"{int(y.sum())} of {wanted} gold pairs are candidates"
    )
    bins = " ".join(
        f"[{lo:.2f},{hi:.2f}) {int(m.sum())}:{y[m].mean() if m.any() else 0:.2f}"
        for lo, hi in pairwise(BINS)
        for m in [(x[:, 0] >= lo) & (x[:, 0] < hi)]
    )
    console.print(f"  candidates by TF-IDF (n:gold share) {bins}")
    hard = (x[:, 0] >= HARD[0]) & (x[:, 0] < HARD[1])
    if 0 < y[hard].sum() < hard.sum():
        aucs = " ".join(
            f"{f} {roc_auc_score(y[hard], x[hard, k]):.2f}" for k, f in enumerate(FEATURES)
        )
        console.print(f"  hard-zone AUC: {aucs}")
    return x, y


def fit(found: dict[tuple[str, str], tuple[np.ndarray, np.ndarray]], sets: Sequence[str]) -> None:
    """Logistic regression on half A of every set at once; AUC on each half B."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score

    x = np.vstack([found[(s, "A")][0] for s in sets])
    y = np.concatenate([found[(s, "A")][1] for s in sets])
    model = LogisticRegression(C=10.0, max_iter=3000).fit(x, y)
    table = Table(title="logistic regression on half A of every set (candidate pairs)")
    for f in (*FEATURES, "intercept"):
        table.add_column(f, justify="right")
    table.add_row(*[f"{c:.2f}" for c in (*model.coef_[0], model.intercept_[0])])
    console.print(table)
    for s in sets:
        xb, yb = found[(s, "B")]
        hard = (xb[:, 0] >= HARD[0]) & (xb[:, 0] < HARD[1])
        if 0 < yb[hard].sum() < hard.sum():
            score = model.decision_function(xb)
            console.print(
                f"{s} half B hard zone AUC: TF-IDF {roc_auc_score(yb[hard], xb[hard, 0]):.3f}, "
                f"fitted {roc_auc_score(yb[hard], score[hard]):.3f}"
            )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sets", nargs="+", choices=SETS, default=list(SETS))
    parser.add_argument("--limit", type=int, default=None, help="first N files of each set")
    args = parser.parse_args(argv)
    root = dev_data("clustering")
    found = {}
    for name in args.sets:
        items = load_set(root, name, args.limit)
        for half in "AB":
            groups, kept = grouped([i for i in items if i.half == half])
            found[(name, half)] = analyse(name, half, groups, kept)
    fit(found, args.sets)


if __name__ == "__main__":
    main()
