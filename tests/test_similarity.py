"""Per-article features and the global steps built from them (TF-IDF, kNN, LSH)."""

from __future__ import annotations

import numpy as np
import pytest

from generator.cluster import article_features, doc_text
from generator.similarity import (
    STOP_WORDS,
    Features,
    copy_pairs,
    neighbour_pairs,
    shingles,
    word_matrix,
)


def test_stop_words_are_scikit_learns():
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    assert frozenset(ENGLISH_STOP_WORDS) == STOP_WORDS


def test_tf_idf_from_cached_counts_equals_scikit_learns(samples):
    from sklearn.feature_extraction.text import TfidfVectorizer

    articles = [samples[name] for name in sorted(samples)]
    ours = word_matrix([article_features(a) for a in articles])
    theirs = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(
        [doc_text(a) for a in articles]
    )
    assert ours.shape[1] == theirs.shape[1]  # one column per word, no hash collisions
    assert np.allclose((ours @ ours.T).toarray(), (theirs @ theirs.T).toarray(), atol=1e-6)
    for row in range(ours.shape[0]):  # sorted columns: what the group sums rely on
        columns = ours.indices[ours.indptr[row] : ours.indptr[row + 1]]
        assert np.all(np.diff(columns) > 0)


def test_features_round_trip_and_a_damaged_blob_is_refused(samples):
    article = samples[sorted(samples)[0]]
    found = article_features(article)
    assert set(found.shingles.tolist()) == set(shingles(article.text))
    back = Features.from_bytes(found.to_bytes())
    for name in ("shingles", "terms", "counts", "signature"):
        assert np.array_equal(getattr(back, name), getattr(found, name))
    with pytest.raises(ValueError):
        Features.from_bytes(found.to_bytes()[:-3])
    with pytest.raises(ValueError):
        Features.from_bytes(b"")


def test_neighbours_are_the_exact_k_nearest_above_the_floor():
    rng = np.random.default_rng(3)
    vectors = rng.normal(size=(2500, 8)).astype(np.float32)  # more rows than one block
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    found = neighbour_pairs(vectors, 3, 0.2)
    sims = vectors @ vectors.T
    np.fill_diagonal(sims, -np.inf)
    expected = set()
    for i, row in enumerate(sims):
        for j in np.argsort(-row)[:3]:
            if row[j] >= 0.2:
                expected.add((min(i, int(j)), max(i, int(j))))
    assert set(found) == expected


def test_lsh_pairs_share_a_whole_band_of_the_signature():
    rng = np.random.default_rng(5)
    signatures = rng.integers(0, 2**32, size=(50, 128), dtype=np.uint32)
    signatures[7, 4:8] = signatures[30, 4:8]  # one band in common
    signatures[9, 0:3] = signatures[11, 0:3]  # three rows of a band: not enough
    assert copy_pairs(signatures) == {(7, 30)}
