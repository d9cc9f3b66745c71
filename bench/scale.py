"""Scale: time and peak memory of each stage (normalise, cluster, merge) on corpora of
growing size, beside datasketch's MinHash-LSH deduplication alone on the same corpus.

Corpora are made in memory from the dev clustering articles (../shared/dev or
DIGEST_DEV_DATA; the five sample seeds when absent) plus perturbed copies (paragraphs
dropped), rewrites (sentences shuffled within paragraphs) and distractors (paragraphs
of different articles spliced together). Each size runs in a fresh process, so its
peak memory (ru_maxrss) is its own.

    .venv/bin/python bench/scale.py                      # 1,000 and 5,000 articles
    .venv/bin/python bench/scale.py --sizes 1000,5000,20000,50000

Target (issue "Story clustering ... at scale"): 20k articles through normalise +
cluster + merge in <= 60 s on this 2-core machine and <= 2 GB peak, faster than
datasketch's MinHash-LSH deduplication alone."""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SENTENCE = re.compile(r"(?<=[.!?])\s+")


def base_texts() -> list[str]:
    import os

    root = Path(os.environ.get("DIGEST_DEV_DATA") or ROOT.parent / "shared" / "dev")
    texts = [
        p.read_text(encoding="utf-8") for p in sorted(root.glob("clustering/*/articles/*.txt"))
    ]
    return texts or [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]


def variant(texts: list[str], k: int, rng: random.Random) -> str:
    text = texts[k % len(texts)]
    lines = [line for line in text.split("\n") if line.strip()]
    kind = k // len(texts) % 3
    if kind == 0:  # copy, some paragraphs dropped
        lines = [line for line in lines if rng.random() > 0.2] or lines
    elif kind == 1:  # rewrite: sentences shuffled within each paragraph
        lines = [" ".join(rng.sample(s, len(s))) for s in (SENTENCE.split(x) for x in lines)]
    else:  # distractor: another article's paragraphs spliced in
        other = texts[rng.randrange(len(texts))].split("\n")
        lines = lines[: len(lines) // 2] + other[len(other) // 2 :]
    return "\n".join(lines)


def corpus(n: int) -> list[str]:
    rng = random.Random(n)
    texts = base_texts()
    return [texts[k] if k < len(texts) else variant(texts, k, rng) for k in range(n)]


def shingle_words(text: str) -> list[str]:
    words = re.findall(r"\w+", text.casefold())
    return [" ".join(words[i : i + 5]) for i in range(max(1, len(words) - 4))]


def cpu_seconds() -> float:
    """CPU time of this process and of the worker processes it has waited for: steadier
    than wall time on a machine shared with other work."""
    own, workers = (
        resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
    )
    return own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime


def run_size(n: int) -> dict[str, float]:
    """One size, in this process: stage times, then the datasketch baseline; with the
    garbage collector set as pipeline.build sets it for its stages."""
    from generator.pipeline import no_collections

    with no_collections():
        return _run_size(n)


def _run_size(n: int) -> dict[str, float]:
    from generator.cluster import cluster
    from generator.config import validated
    from generator.merge import merge
    from generator.models import RawDocument
    from generator.pipeline import prepare_all

    texts = corpus(n)
    docs = [RawDocument(f"{k:06d}.txt", t, "utf-8") for k, t in enumerate(texts)]
    out: dict[str, float] = {"articles": n}
    start, used = time.perf_counter(), cpu_seconds()
    prepared = prepare_all(docs)  # normalise + features, on every core
    articles, found = list(prepared.articles), list(prepared.found)
    out["normalise"] = time.perf_counter() - start
    out["normalise_cpu"] = cpu_seconds() - used
    start, used = time.perf_counter(), cpu_seconds()
    clusters = cluster(articles, validated({}), found=found)
    out["cluster"] = time.perf_counter() - start
    out["cluster_cpu"] = cpu_seconds() - used
    start, used = time.perf_counter(), cpu_seconds()
    stories = [merge(c) for c in clusters]
    out["merge"] = time.perf_counter() - start
    out["merge_cpu"] = cpu_seconds() - used
    out["stories"] = len(stories)
    out["largest"] = max(len(s.members) for s in stories)
    out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    out["worker_mb"] = children  # the largest worker process (normalisation on every core)
    out["ours_lsh"] = own_lsh(texts)
    try:
        from datasketch import MinHash, MinHashLSH
    except ImportError:
        out["datasketch"] = -1.0
        return out
    start = time.perf_counter()
    lsh = MinHashLSH(threshold=0.5, num_perm=128)
    hashes = []
    for k, text in enumerate(texts):
        mh = MinHash(num_perm=128)
        mh.update_batch([s.encode() for s in shingle_words(text)])
        lsh.insert(str(k), mh)
        hashes.append(mh)
    for mh in hashes:
        lsh.query(mh)
    out["datasketch"] = time.perf_counter() - start
    return out


def own_lsh(texts: list[str]) -> float:
    """Seconds for digest's own copy detection on the same job as datasketch's below (raw
    texts, word 5-grams, 128-permutation MinHash, LSH candidates), on one core: shingle
    hashes, rensa MinHash and banded buckets (similarity.copy_pairs)."""
    import numpy as np

    from generator.similarity import copy_pairs, shingle_set, signature

    start = time.perf_counter()
    copy_pairs(np.stack([signature(shingle_set(text)) for text in texts]))
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,5000")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # internal: one size
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_size(args.one)))
        return
    print(
        f"{'articles':>8} {'normalise':>10} {'cluster':>8} {'merge':>7} {'total':>7}"
        f" {'peak MB':>8} {'worker MB':>9} {'stories':>8} {'largest':>8} {'datasketch LSH':>15}"
        f" {'our LSH':>8}"
    )
    for n in (int(x) for x in args.sizes.split(",")):
        done = subprocess.run(
            [sys.executable, __file__, "--one", str(n)], check=True, capture_output=True, text=True
        )
        r = json.loads(done.stdout.strip().splitlines()[-1])
        total = r["normalise"] + r["cluster"] + r["merge"]
        ds = f"{r['datasketch']:.1f} s" if r["datasketch"] >= 0 else "not installed"
        print(
            f"{n:>8,} {r['normalise']:>9.1f}s {r['cluster']:>7.1f}s {r['merge']:>6.1f}s"
            f" {total:>6.1f}s {r['peak_mb']:>8.0f} {r['worker_mb']:>9.0f} {int(r['stories']):>8,}"
            f" {int(r['largest']):>8} {ds:>15} {r['ours_lsh']:>7.1f}s"
        )
        cpu = (r.get(f"{stage}_cpu", -1.0) for stage in ("normalise", "cluster", "merge"))
        print(f"{'':>8} CPU s (every process): " + " / ".join(f"{c:.1f}" for c in cpu))
    print(
        "target at 20,000: total <= 60 s, peak <= 2,048 MB, and faster than datasketch LSH"
        " (our LSH: the same copy-detection job done by digest's own code, one core)"
    )


if __name__ == "__main__":
    main()
