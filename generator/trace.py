"""What one grouping pass saw and decided, kept in the cache for the next build.

A daily build adds a few articles to thousands. Grouping is a pass over every candidate
pair, strongest first (cluster.Groups); a decision between two groups that the new
articles do not touch comes out as it did last time, so the next build reads it from
here instead of computing it. What makes that safe is kept alongside: each article's
fingerprint (its features and meaning vector), the idf of every word (so an article
whose TF-IDF row changed is known), every candidate pair's scores, every join in the
order it was made, and each article's nearest neighbours by meaning. Anything that
does not parse back whole is no trace at all."""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .models import Join
from .similarity import Features, Neighbours

REASONS = ("editor", "shared words", "same meaning", "copied", "closest story")  # by number
FORMAT = "digest-grouping-2"  # changes when what is kept changes


@dataclass(frozen=True)
class Trace:
    key: str  # the thresholds and editor overrides the pass ran with
    sources: tuple[str, ...]  # the articles, in the pass's order
    prints: np.ndarray  # |S16: fingerprint() of each article
    terms: np.ndarray  # uint64: the term of each TF-IDF column
    idf: np.ndarray  # float64: its idf
    pairs: np.ndarray  # int64 (n, 2): candidate pairs (i < j), in (i, j) order
    scores: np.ndarray  # float64 (n, 2): their TF-IDF and embedding cosines
    copied: np.ndarray  # bool: the pair reached the copy overlap
    joined: np.ndarray  # int64 (m, 2): the articles of each join, in the order made
    values: np.ndarray  # float64 (m, 4): Join.words, meaning, average_words, average_meaning
    reasons: np.ndarray  # uint8: index in REASONS
    neighbours: Neighbours  # each article's nearest by meaning (kept as the NEAR arrays)

    def joins(self) -> list[tuple[int, int, Join]]:
        found = []
        for (i, j), values, reason in zip(
            self.joined.tolist(), self.values.tolist(), self.reasons.tolist(), strict=True
        ):
            words, meaning, average_words, average_meaning = values
            join = Join(
                self.sources[i],
                self.sources[j],
                words,
                meaning,
                average_words,
                average_meaning,
                REASONS[reason],
            )
            found.append((i, j, join))
        return found

    def to_bytes(self) -> bytes:
        out = io.BytesIO()
        arrays = {name: getattr(self, name) for name in _ARRAYS}
        near = self.neighbours
        kept = (np.array(near.k, dtype=np.int64), near.ptr, near.columns, near.values)
        arrays |= dict(zip(NEAR, kept, strict=True))
        np.savez(out, format=np.array(FORMAT), key=np.array(self.key),
                 sources=np.array(self.sources, dtype=str), **arrays)  # fmt: skip
        return out.getvalue()

    @classmethod
    def from_bytes(cls, blob: bytes | None) -> Trace | None:
        """The trace kept in `blob`, or None when there is none this version can trust
        (zip members carry a CRC: a damaged blob fails to load)."""
        if not blob:
            return None
        try:
            with np.load(io.BytesIO(blob), allow_pickle=False) as kept:
                if str(kept["format"]) != FORMAT:
                    return None
                k, ptr, columns, values = (kept[name] for name in NEAR)
                if k.shape != () or k.dtype.kind != "i":
                    return None
                trace = cls(
                    str(kept["key"]),
                    tuple(str(s) for s in kept["sources"]),
                    **{name: kept[name] for name in _ARRAYS},
                    neighbours=Neighbours(int(k), ptr, columns, values),
                )
        except (OSError, ValueError, KeyError, TypeError, EOFError, zipfile.BadZipFile):
            return None
        return trace if trace._whole() else None

    def _whole(self) -> bool:
        n, m, near = len(self.sources), len(self.joined), self.neighbours
        return (
            self.prints.shape == (n,)
            and self.terms.shape == self.idf.shape
            and self.pairs.shape == (len(self.scores), 2)
            and self.scores.shape[1:] == (2,)
            and self.copied.shape == (len(self.pairs),)
            and self.values.shape == (m, 4)
            and self.reasons.shape == (m,)
            and bool(np.all((self.pairs >= 0) & (self.pairs < n)))
            and bool(np.all((self.joined >= 0) & (self.joined < n)))
            and bool(np.all(self.reasons < len(REASONS)))
            and near.ptr.shape == (n + 1,)
            and near.columns.shape == near.values.shape == (int(near.ptr[-1]),)
            and bool(near.ptr[0] == 0 and np.all(np.diff(near.ptr) >= 0))
            and bool(np.all((near.columns >= 0) & (near.columns < n)))
        )


_ARRAYS = ("prints", "terms", "idf", "pairs", "scores", "copied", "joined", "values", "reasons")
NEAR = ("near_k", "near_ptr", "near_columns", "near_values")  # Neighbours' fields, as kept


def fingerprint(found: Features, vector: np.ndarray) -> bytes:
    """16 bytes that change when anything grouping reads of an article changes."""
    digest = hashlib.blake2b(digest_size=16)
    for part in (found.shingles, found.terms, found.counts, found.signature, vector):
        digest.update(np.ascontiguousarray(part).tobytes())
        digest.update(b"|")
    return digest.digest()


def key_prints(keys: Sequence[str]) -> np.ndarray:
    """Prints (as fingerprints() gives them) from keys that each name everything an
    article is made from (hex digests, as the cache's are): the first 16 bytes of each.
    Equal keys make equal articles and features, so they stand for a fingerprint; no key
    and a fingerprint agree but by chance (one in 2**128), so a trace made one way is
    read the other way as every article changed: a full pass."""
    return np.array([bytes.fromhex(key[:32]) for key in keys], dtype="S16")


def fingerprints(found: Sequence[Features], vectors: np.ndarray) -> np.ndarray:
    return np.array([fingerprint(f, v) for f, v in zip(found, vectors, strict=True)], dtype="S16")
