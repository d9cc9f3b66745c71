"""Similarity measures and candidate search, shared by the cluster and merge stages.

- word 5-gram shingles (hashed with a fixed hash, so runs are reproducible) for
  verbatim copying, with MinHash-LSH (rensa) to find copy candidates;
- wordllama sentence embeddings (weights ship inside the wheel, loaded offline)
  for meaning, with exact nearest neighbours (scikit-learn) as candidates;
- paragraph alignment of one article against the canonical text."""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from .models import ParagraphMatch

SHINGLE = 5  # words per shingle: the usual near-duplicate unit
# A paragraph below the `reworded` cosine still counts as reworded when its best
# counterpart is at least CLEAR_FLOOR and beats the runner-up by CLEAR_MARGIN: a
# paraphrase has one obvious source paragraph, a same-topic paragraph has several.
CLEAR_FLOOR = 0.75
CLEAR_MARGIN = 0.25
_TOKEN = re.compile(r"\w+")


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.casefold())


@lru_cache(maxsize=1 << 16)
def shingles(text: str, n: int = SHINGLE) -> frozenset[int]:
    """Hashed word n-grams; a text shorter than n words is one shingle. Paragraphs are
    compared many times over, so the sets are remembered."""
    words = tokens(text)
    grams = [" ".join(words[i : i + n]).encode() for i in range(max(1, len(words) - n + 1))]
    return frozenset(_hash(g) for g in grams if g)


def _hash(gram: bytes) -> int:
    """A fixed 64-bit hash (Python's own hash() changes from run to run)."""
    return zlib.crc32(gram) << 32 | zlib.adler32(gram)


def containment(part: frozenset[int], whole: frozenset[int]) -> float:
    """Share of `part`'s shingles found in `whole`."""
    return len(part & whole) / len(part) if part else 0.0


# --- embeddings ------------------------------------------------------------------------------
@cache
def _model() -> Any:
    import wordllama
    from wordllama import WordLlama

    return WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)


def embed(texts: Sequence[str]) -> np.ndarray:
    """Unit-length float32 rows, one per text (zeros for an empty text)."""
    if not texts:
        return np.zeros((0, 1), dtype=np.float32)
    vectors = np.asarray(_model().embed(list(texts), norm=False), dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return np.divide(vectors, norms, out=np.zeros_like(vectors), where=norms > 0)


def word_vectors(texts: Sequence[str]) -> Any:
    """TF-IDF rows (sparse, unit length) over the corpus itself: rare shared words (names,
    places, numbers) are what tell one event from another of the same kind."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(sublinear_tf=True, stop_words="english", dtype=np.float32)
    try:
        return vectorizer.fit_transform(texts).tocsr()
    except ValueError:  # only stop words in every text: no vocabulary
        from scipy.sparse import csr_matrix

        return csr_matrix((len(texts), 1), dtype=np.float32)


# --- candidates ------------------------------------------------------------------------------
def neighbour_pairs(vectors: np.ndarray, k: int, floor: float) -> dict[tuple[int, int], float]:
    """Each row's k nearest rows by cosine, kept when at least `floor`; (i<j) -> cosine."""
    n = len(vectors)
    if n < 2:
        return {}
    from sklearn.neighbors import NearestNeighbors

    index = NearestNeighbors(n_neighbors=min(k + 1, n), metric="cosine", algorithm="brute")
    distances, found = index.fit(vectors).kneighbors(vectors)
    pairs: dict[tuple[int, int], float] = {}
    for i, (row_d, row_j) in enumerate(zip(distances, found, strict=True)):
        for d, j in zip(row_d, row_j, strict=True):
            sim = round(1.0 - float(d), 6)
            if j != i and sim >= floor:
                pairs[(min(i, int(j)), max(i, int(j)))] = sim
    return pairs


def copy_pairs(sets: Sequence[frozenset[int]], threshold: float = 0.3) -> set[tuple[int, int]]:
    """Pairs whose shingle sets MinHash-LSH estimates as overlapping (copy candidates)."""
    from rensa import RMinHash, RMinHashLSH

    perms, bands = 128, 32
    lsh = RMinHashLSH(threshold=threshold, num_perm=perms, num_bands=bands)
    hashes = []
    for i, s in enumerate(sets):
        mh = RMinHash(num_perm=perms, seed=42)
        mh.update([str(h) for h in sorted(s)])
        lsh.insert(i, mh)
        hashes.append(mh)
    pairs: set[tuple[int, int]] = set()
    for i, mh in enumerate(hashes):
        for j in lsh.query(mh):
            if j != i:
                pairs.add((min(i, j), max(i, j)))
    return pairs


# --- paragraph alignment ----------------------------------------------------------------------
def align(
    member: Sequence[str],
    canonical: Sequence[str],
    member_vectors: np.ndarray,
    canonical_vectors: np.ndarray,
    copy_overlap: float,
    reworded: float,
) -> tuple[ParagraphMatch, ...]:
    """For each member paragraph: the canonical paragraph that carries it, and how.

    Verbatim: most of the paragraph's 5-grams (or of the canonical paragraph's, when
    one was split in two) recur. Reworded: no such overlap, but the meaning matches."""
    canon_sets = [shingles(p) for p in canonical]
    sims = member_vectors @ canonical_vectors.T if len(canonical) else np.zeros((len(member), 0))
    matches = []
    for i, text in enumerate(member):
        own = shingles(text)
        lexical = [len(own & c) / max(1, min(len(own), len(c))) for c in canon_sets]
        best_lex = int(np.argmax(lexical)) if lexical else None
        best_sem = int(np.argmax(sims[i])) if len(canonical) else None
        if best_lex is not None and lexical[best_lex] >= copy_overlap:
            matches.append(ParagraphMatch(i, best_lex, "verbatim", round(lexical[best_lex], 3)))
        elif best_sem is not None and _means_same(sims[i], best_sem, reworded):
            matches.append(
                ParagraphMatch(i, best_sem, "reworded", round(float(sims[i, best_sem]), 3))
            )
        else:
            matches.append(ParagraphMatch(i, None, None, 0.0))
    return tuple(matches)


def _means_same(row: np.ndarray, best: int, reworded: float) -> bool:
    top = float(row[best])
    runner_up = float(np.partition(row, -2)[-2]) if len(row) > 1 else 0.0
    return top >= reworded or (top >= CLEAR_FLOOR and top - runner_up >= CLEAR_MARGIN)
