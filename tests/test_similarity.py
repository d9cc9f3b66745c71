"""Per-article features and the global steps built from them (TF-IDF, kNN, LSH)."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace

import numpy as np
import pytest

from generator import similarity
from generator.cluster import MEANING_CHARS, _meanings, article_features, doc_text, embedded
from generator.similarity import (
    SAMPLE_MIN,
    STOP_WORDS,
    Features,
    _top_cells,
    align,
    among,
    copy_pairs,
    distinct,
    embed,
    exact_rows,
    nearest,
    overlap,
    overlaps,
    shingle_index,
    shingles,
    unique_inverse,
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
    assert back.meaning is None and back.paragraph_vectors is None


def test_features_with_embeddings_round_trip(samples):
    articles = [samples[name] for name in sorted(samples)]
    found_all = embedded(articles, [article_features(a) for a in articles])
    for article, found in zip(articles, found_all, strict=True):
        assert found.paragraph_vectors.shape == (len(article.paragraphs), found.meaning.shape[0])
        blob = found.to_bytes()
        back = Features.from_bytes(blob)
        for name in Features.__slots__:
            assert np.array_equal(getattr(back, name), getattr(found, name)), name
        with pytest.raises(ValueError):
            Features.from_bytes(blob[:-4])  # one float short of the last paragraph's vector


def test_a_texts_embedding_does_not_depend_on_its_batch(samples):
    """What lets each article be embedded where it is normalised, in batches of any
    make-up, and still give the vectors one call over the whole corpus gives."""
    texts = [p for name in sorted(samples) for p in samples[name].paragraphs]
    texts += [s for p in texts for s in p.split(". ")]  # more than the model's batch of 64
    texts += [doc_text(samples[name])[:2000] for name in sorted(samples)]
    together = embed(texts)
    assert together.dtype == np.float32 and len(texts) > 100  # two batches at least
    alone = np.stack([embed([t])[0] for t in texts[::7]])
    assert np.array_equal(alone, together[::7])  # bit for bit, not just close
    backwards = embed(texts[::-1])[::-1]
    assert np.array_equal(backwards, together)


def test_an_articles_meaning_is_its_headline_and_lead(samples):
    """The meaning is made from the paragraphs' own token sums (nothing tokenized twice):
    the direction of the headline's and the lead's tokens together, the lead being the
    paragraphs that start in the first MEANING_CHARS of the text."""
    article = samples[sorted(samples)[0]]
    lead = []
    at = len(article.title) + 1
    for paragraph in article.paragraphs:
        if at >= MEANING_CHARS:
            break
        lead.append(paragraph)
        at += len(paragraph) + 1
    assert 0 < len(lead) < len(article.paragraphs)  # the sample has text past its lead
    meaning = embedded([article], [article_features(article)])[0].meaning
    # One space between the pieces: each still starts a word, as it does tokenized alone.
    assert np.allclose(meaning, embed([" ".join([article.title, *lead])])[0], atol=1e-6)
    later = replace(article, paragraphs=(*article.paragraphs[:-1], "Something else entirely."))
    assert np.array_equal(embedded([later], [article_features(later)])[0].meaning, meaning)
    first = replace(article, paragraphs=("Something else entirely.", *article.paragraphs[1:]))
    assert not np.allclose(embedded([first], [article_features(first)])[0].meaning, meaning)


def test_meanings_made_in_clustering_are_the_ones_made_with_the_features(samples):
    """cluster() embeds the articles given without features in batches of its own: the
    same vectors, bit for bit, as pipeline.prepare's batches give."""
    articles = [samples[name] for name in sorted(samples)] * 60  # more than one batch
    found = [article_features(a) for a in articles]
    prepared = np.stack([f.meaning for f in embedded(articles[:7], found[:7])])
    here = _meanings(articles, found)
    assert here.shape[0] == len(articles) > 256
    assert np.array_equal(here[:7], prepared) and np.array_equal(here[-5:], here[:5])


def test_embeddings_point_where_wordllamas_own_mean_pooling_points(samples):
    """embed() adds token vectors up itself (no padding); the direction is the model's."""
    from generator.similarity import _model

    texts = [p for name in sorted(samples) for p in samples[name].paragraphs][:40]
    texts += ["", "Kim Jong Un", "  spaced  out  "]
    ours = embed(texts)
    theirs = _model().embed(texts, norm=False)
    lengths = np.linalg.norm(theirs, axis=1, keepdims=True)
    theirs = np.divide(theirs, lengths, out=np.zeros_like(theirs), where=lengths > 0)
    assert np.allclose(ours, theirs, atol=1e-6)
    assert not ours[len(texts) - 3].any() and np.isclose(np.linalg.norm(ours[-1]), 1.0)


def test_the_model_read_from_its_files_is_the_one_wordllama_loads():
    """embed() reads the token vectors and tokenizer from the wheel's files itself; they
    are the very ones WordLlama.load gives (the tokenizer with its padding turned off)."""
    from tokenizers import Tokenizer

    from generator.similarity import _model, _model_files, _table, _tokenizer

    assert _model_files() is not None  # else embed() is on the fallback, and this proves nothing
    model = _model()
    assert np.array_equal(np.asarray(_table(), dtype=np.float32), model.embedding)
    theirs = Tokenizer.from_str(model.tokenizer.to_str())
    theirs.no_padding()
    theirs.no_truncation()
    assert _tokenizer().to_str() == theirs.to_str()


def test_token_sums_are_a_sparse_product_of_counts_and_vectors_bit_for_bit(samples):
    """Each text's sum is added up token by token in the order of the token ids, as a
    sparse matrix of token counts times the vectors adds it up, however many texts and
    however long: every float the same."""
    from generator.similarity import _table, _tokenizer, sparse, token_sums

    texts = [p for name in sorted(samples) for p in samples[name].paragraphs]
    texts += ["", "  ", "the the the", doc_text(samples[sorted(samples)[0]])]
    table = np.asarray(_table(), dtype=np.float32)
    counts = np.zeros((len(texts), len(table)), dtype=np.float32)
    for k, encoding in enumerate(_tokenizer().encode_batch(texts, add_special_tokens=False)):
        np.add.at(counts[k], encoding.ids, 1.0)
    product = np.asarray(sparse().csr_matrix(counts) @ table, dtype=np.float32)
    assert np.array_equal(token_sums(texts), product)
    assert np.array_equal(token_sums(texts[-1:]), product[-1:])


def test_a_weights_file_not_as_expected_is_not_mapped(tmp_path):
    """_mapped_tensor reads a safetensors file's header and maps its array; a file with
    another layout gives None (and the model is then loaded by wordllama itself)."""
    from generator.similarity import _mapped_tensor

    def weights(header, data):
        raw = json.dumps(header).encode()
        path = tmp_path / f"w{len(list(tmp_path.iterdir()))}.safetensors"
        path.write_bytes(len(raw).to_bytes(8, "little") + raw + data)
        return path

    rows = np.arange(6, dtype="<f2").reshape(3, 2)
    good = {"t": {"dtype": "F16", "shape": [3, 2], "data_offsets": [0, 12]}}
    mapped = _mapped_tensor(weights(good, rows.tobytes()), "t")
    assert mapped is not None and np.array_equal(mapped, rows)
    assert _mapped_tensor(weights(good, rows.tobytes()), "other") is None
    assert _mapped_tensor(weights(good, rows.tobytes()[:8]), "t") is None  # cut short
    bf16 = {"t": {"dtype": "BF16", "shape": [3, 2], "data_offsets": [0, 12]}}
    assert _mapped_tensor(weights(bf16, rows.tobytes()), "t") is None
    wrong = {"t": {"dtype": "F16", "shape": [3, 3], "data_offsets": [0, 12]}}
    assert _mapped_tensor(weights(wrong, rows.tobytes()), "t") is None
    (tmp_path / "junk").write_bytes(b"\xff" * 20)
    assert _mapped_tensor(tmp_path / "junk", "t") is None


def _unit_rows(rng, n, width):
    vectors = rng.normal(size=(n, width)).astype(np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def test_neighbours_are_the_exact_k_nearest_above_the_floor():
    vectors = _unit_rows(np.random.default_rng(3), 2500, 8)  # more rows than one block
    whole, scale = exact_rows(vectors)
    found = {(i, j) for i, j in nearest(whole, scale, 3).pairs(0.2).tolist()}
    rounded = whole.astype(np.float64) * scale[:, None]
    sims = rounded @ rounded.T
    np.fill_diagonal(sims, -np.inf)
    expected = set()
    for i, row in enumerate(sims):
        for j in np.argsort(-row)[:3]:
            if row[j] >= 0.2:
                expected.add((min(i, int(j)), max(i, int(j))))
    assert found == expected


def test_rounding_to_whole_numbers_moves_a_cosine_by_little_and_sums_exactly():
    vectors = _unit_rows(np.random.default_rng(5), 300, 256)
    whole, scale = exact_rows(vectors)
    assert np.all(whole == np.rint(whole)) and np.abs(whole).max() ** 2 * 256 < 1 << 24
    rounded = whole.astype(np.float64) * scale[:, None]
    assert np.abs(rounded @ rounded.T - vectors.astype(np.float64) @ vectors.T).max() < 0.002
    # the float32 product of whole numbers is exact, however it is blocked
    assert np.array_equal(whole @ whole.T, (whole.astype(np.int64) @ whole.T.astype(np.int64)))
    assert np.array_equal((whole[:7] @ whole.T)[3], whole[3] @ whole.T)


def test_neighbours_read_from_the_last_build_are_those_found_afresh():
    """A rebuild finds only new, changed and orphaned rows' neighbours; the rest come from
    the previous build's lists. Every kind of change, ties included, gives the exact
    neighbours a build of the new rows from nothing finds."""
    rng = np.random.default_rng(8)
    vectors = _unit_rows(rng, 1500, 16)
    vectors[100:110] = vectors[99]  # ten copies of one row: ties at every k-th cell
    before = nearest(*exact_rows(vectors), 5)
    gone = [7, 400, 1210]
    keep = np.setdiff1d(np.arange(len(vectors)), gone)
    after = np.concatenate([vectors[keep], _unit_rows(rng, 4, 16), vectors[[99]]])
    after[20] = _unit_rows(rng, 1, 16)[0]  # an edited row
    old = np.concatenate([keep, np.full(5, -1)])
    old[20] = -1
    fresh = nearest(*exact_rows(after), 5)
    reread = nearest(*exact_rows(after), 5, before, old)
    for name in ("ptr", "columns", "values"):
        assert np.array_equal(getattr(reread, name), getattr(fresh, name)), name
    assert reread.k == fresh.k == 5
    assert nearest(*exact_rows(after), 6, before, old).k == 6  # another k: found afresh


def test_a_wide_rows_top_cells_are_found_exactly_from_a_sample_ties_included():
    rng = np.random.default_rng(11)
    block = rng.normal(size=(40, SAMPLE_MIN + 500)).astype(np.float32)
    block[:, 100:130] = block[:, [7]]  # thirty cells tied with one another in every row
    block[3] = 1.0  # a row of one value throughout: every cell is its top
    block[5, ::2] = -np.inf
    row, column = _top_cells(block, 20)
    expected = set()
    for i, values in enumerate(block):
        kth = np.sort(values)[-20]
        expected |= {(i, int(j)) for j in np.flatnonzero(values >= kth)}
    assert set(zip(row.tolist(), column.tolist(), strict=True)) == expected
    assert np.all(np.diff(row) >= 0)  # by row


def test_alignment_counts_shared_shingles_as_set_intersections_would():
    rng = np.random.default_rng(2)
    words = [f"w{k}" for k in range(40)]
    canonical = [" ".join(rng.choice(words, 12)) for _ in range(6)] + ["short one"]
    member = [canonical[2], " ".join(canonical[4].split()[:7]), "short one", "w1 w2 w3 w4 w5 w6"]
    vectors = np.eye(len(member), 8, dtype=np.float32)
    canon_vectors = np.eye(len(canonical), 8, dtype=np.float32)
    found = align(member, canonical, vectors, canon_vectors, 0.5, 0.99, shingle_index(canonical))
    assert found == align(member, canonical, vectors, canon_vectors, 0.5, 0.99)
    for match, text in zip(found, member, strict=True):
        own = shingles(text)
        shared = [
            len(own & shingles(c)) / max(1, min(len(own), len(shingles(c)))) for c in canonical
        ]
        best = int(np.argmax(shared))
        if shared[best] >= 0.5:
            assert (match.canonical, match.how, match.score) == (
                best,
                "verbatim",
                round(shared[best], 3),
            )
        else:
            assert match.how != "verbatim"
    assert [m.canonical for m in found[:3]] == [2, 4, 6]


def test_lsh_pairs_share_a_whole_band_of_the_signature():
    rng = np.random.default_rng(5)
    signatures = rng.integers(0, 2**32, size=(50, 128), dtype=np.uint32)
    signatures[7, 4:8] = signatures[30, 4:8]  # one band in common
    signatures[9, 0:3] = signatures[11, 0:3]  # three rows of a band: not enough
    assert copy_pairs(signatures) == {(7, 30)}


def _equal_band_pairs(signatures: np.ndarray, bands: int) -> set[tuple[int, int]]:
    """Every pair of rows with an equal band, pair by pair: what copy_pairs must find."""
    split = signatures.reshape(len(signatures), bands, -1)
    return {
        (i, j)
        for i in range(len(signatures))
        for j in range(i + 1, len(signatures))
        if any(np.array_equal(split[i, b], split[j, b]) for b in range(bands))
    }


def test_lsh_pairs_are_every_pair_with_an_equal_band():
    rng = np.random.default_rng(6)
    signatures = rng.integers(0, 4, size=(120, 32), dtype=np.uint32)  # 8 bands of 4, values 0-3
    signatures[40:45, 8:12] = signatures[3, 8:12]  # a bucket of six
    expected = _equal_band_pairs(signatures, 8)
    assert len(expected) > 100
    assert copy_pairs(signatures, bands=8) == expected


@pytest.mark.parametrize("mix", [0, 1])
def test_lsh_keys_that_collide_make_no_pair(monkeypatch, mix):
    """With a mixing multiplier of 0 a band's key is its last row alone, with 1 the sum of
    its rows: keys of unequal bands meet all the time, and still only equal bands pair."""
    monkeypatch.setattr(similarity, "BAND_MIX", mix)
    rng = np.random.default_rng(7)
    signatures = rng.integers(0, 3, size=(90, 32), dtype=np.uint32)
    expected = _equal_band_pairs(signatures, 8)
    assert 0 < len(expected) < len(signatures) * (len(signatures) - 1) / 2 / 2
    assert copy_pairs(signatures, bands=8) == expected


def test_names_are_capitalised_words_inside_sentences_and_numbers():
    from generator.similarity import name_terms

    text = "Russian President Vladimir Putin met Kim in Vladivostok. The 6.1 quake hit."
    found = name_terms(text)
    assert found[:6] == ["president", "vladimir", "putin", "kim", "vladivostok", "6.1"]
    assert "russian" not in found and "the" not in found  # sentence openers are no evidence
    assert "vladimir putin" in found  # adjacent names also count as a pair


def test_word_and_name_cosines_blend_linearly(samples):
    """Rows are two unit vectors side by side, so a row product is the weighted sum of the
    word cosine and the name cosine, and sums of rows (average link) stay meaningful."""
    from generator.similarity import NAME_BIT

    found = [article_features(samples[name]) for name in sorted(samples)]
    words = word_matrix(found, 0.0)
    both = word_matrix(found, 0.25)
    only_names = [
        Features(f.shingles, f.terms[keep], f.counts[keep], f.signature)
        for f in found
        for keep in [(f.terms & np.uint64(NAME_BIT)) != 0]
    ]
    names = word_matrix(only_names, 1.0)
    expected = 0.75 * (words @ words.T).toarray() + 0.25 * (names @ names.T).toarray()
    assert np.allclose((both @ both.T).toarray(), expected, atol=1e-5)
    assert not np.allclose((both @ both.T).toarray(), (words @ words.T).toarray(), atol=1e-3)


def test_pair_overlaps_are_the_set_overlaps(samples):
    articles = [samples[name] for name in sorted(samples)]
    found = [article_features(a) for a in articles]
    pairs = [(i, j) for i in range(len(found)) for j in range(len(found)) if i != j]
    left, right = np.array([i for i, _ in pairs]), np.array([j for _, j in pairs])
    sets = [frozenset(f.shingles.tolist()) for f in found]
    want = [overlap(sets[i], sets[j]) for i, j in pairs]
    assert np.allclose(overlaps(found, left, right), want) and max(want) > 0.5


def test_two_shingles_of_one_article_in_one_column_are_still_two():
    """overlaps() files a shingle by its top bits: 8 and 9 share them (8 >> 2 == 9 >> 2),
    so within one article it must tell them apart, or the first article would hold
    shingle 9 twice over."""

    def found(*hashes: int) -> Features:
        empty = np.zeros(0, np.uint64)
        return Features(np.array(hashes, np.uint64), empty, np.zeros(0, np.float32), empty)

    top = np.uint64(1) << np.uint64(63)  # a shingle in the last column
    both = [found(8, 9, int(top)), found(9), found(int(top)), found()]
    got = overlaps(both, np.array([0, 1, 0, 3]), np.array([1, 0, 2, 0]))
    assert got.tolist() == [1.0, 1.0, 1.0, 0.0]


def test_unique_inverse_is_numpys_unique_with_the_inverse():
    rng = np.random.default_rng(4)
    runs = [np.unique(rng.integers(0, 50, size=rng.integers(0, 30))) for _ in range(40)]
    for values in (np.concatenate(runs).astype(np.uint64), rng.integers(0, 9, 200), np.zeros(0)):
        found, inverse = unique_inverse(values)
        expected, expected_inverse = np.unique(values, return_inverse=True)
        assert np.array_equal(found, expected) and found.dtype == values.dtype
        assert np.array_equal(inverse, expected_inverse.ravel())
        assert np.array_equal(found[inverse], values)
        assert inverse.dtype == np.int32  # a sparse matrix's column type: taken as it is


def test_distinct_and_among_are_numpys_unique_and_isin_and_leave_numpy_ma_unloaded():
    rng = np.random.default_rng(5)
    for values in (rng.integers(0, 40, 300), rng.integers(-5, 5, 7).astype(np.int64), np.zeros(0)):
        found = distinct(values)
        assert np.array_equal(found, np.unique(values)) and found.dtype == values.dtype
        for wanted in (rng.integers(-3, 45, 20), [], [7, 7, 2]):
            assert np.array_equal(among(values, wanted), np.isin(values, wanted))
    code = """
import sys, numpy as np
from generator.similarity import among, distinct, ordered_pairs
pairs = ordered_pairs(np.array([2, 0]), np.array([3, 1]), 4)
print(distinct(np.array([3, 1, 3])).tolist(), pairs.tolist(), among([1, 5], [5]).tolist())
print("numpy.ma" in sys.modules)
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split("\n")[:2] == ["[1, 3] [[0, 1], [2, 3]] [False, True]", "False"]


def test_scipy_sparse_is_imported_without_numpys_unused_submodules():
    """In a fresh process: sparse() gives a working scipy.sparse, numpy.f2py, numpy.testing
    and numpy.ma stay unloaded, and numpy lists every name again afterwards."""
    code = """
import sys, numpy as np
listed, dir_before = list(np.__all__), sorted(dir(np))
from generator.similarity import sparse
rows = sparse().csr_matrix(np.eye(3, dtype=np.float32))
print((rows @ np.ones((3, 2), dtype=np.float32)).sum())
print(sorted(m for m in ("numpy.f2py", "numpy.testing", "numpy.ma") if m in sys.modules))
print(np.__all__ == listed and sorted(dir(np)) == dir_before)
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split("\n")[:3] == ["6.0", "[]", "True"]
    assert similarity.sparse() is sys.modules["scipy.sparse"]


def test_stacked_rows_are_np_stack_and_refuse_rows_of_other_lengths():
    rng = np.random.default_rng(3)
    rows = [rng.random(7, dtype=np.float32) for _ in range(50)]
    assert np.array_equal(similarity.stacked(rows), np.stack(rows))
    assert similarity.stacked(rows).dtype == np.float32
    with pytest.raises(ValueError, match="different lengths"):
        similarity.stacked([*rows[:3], rng.random(14, dtype=np.float32)[:5], rows[0][:2]])
