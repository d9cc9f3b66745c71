"""Similarity measures and candidate search, shared by the cluster and merge stages.

- word 5-gram shingles (hashed with a fixed hash, so runs are reproducible) for
  verbatim copying, with MinHash (rensa) and LSH banding to find copy candidates;
- TF-IDF rows built from each article's cached term counts (the global step is
  array arithmetic, so a rebuild after one new article is cheap);
- wordllama sentence embeddings (weights ship inside the wheel, loaded offline)
  for meaning, with exact nearest neighbours (blocked numpy) as candidates;
- paragraph alignment of one article against the canonical text."""

from __future__ import annotations

import hashlib
import json
import math
import re
import struct
import sys
import zlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import chain, combinations, pairwise
from pathlib import Path
from types import ModuleType
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
    return shingle_set(text, n)


def shingle_set(text: str, n: int = SHINGLE) -> frozenset[int]:
    """shingles() without the memory: for whole articles, each seen once."""
    words = tokens(text)
    grams = [" ".join(words[i : i + n]).encode() for i in range(max(1, len(words) - n + 1))]
    crc32, adler32 = zlib.crc32, zlib.adler32  # _hash(), inlined: this runs once per word
    return frozenset([crc32(g) << 32 | adler32(g) for g in grams if g])


def _hash(gram: bytes) -> int:
    """A fixed 64-bit hash (Python's own hash() changes from run to run)."""
    return zlib.crc32(gram) << 32 | zlib.adler32(gram)


def overlap(a: frozenset[int], b: frozenset[int]) -> float:
    """Shared shingles over the smaller set's size: the larger of the two containments
    (how much of the shorter text the longer one holds); 0 when either is empty."""
    smaller = min(len(a), len(b))
    return len(a & b) / smaller if smaller else 0.0


# --- embeddings ------------------------------------------------------------------------------
# The model's two files inside the wordllama wheel (what WordLlama.load(dim=256) reads).
MODEL_WEIGHTS = ("weights", "l2_supercat_256.safetensors")
MODEL_TOKENIZER = ("tokenizers", "l2_supercat_tokenizer_config.json")
MODEL_TENSOR = "embedding.weight"


# The numpy submodules sparse() leaves listed: the array API's extensions (linalg, fft),
# and those array-api-compat imports or looks up by name.
ARRAY_API_SUBMODULES = frozenset({"linalg", "fft", "typing", "dtypes", "exceptions", "lib"})


def sparse() -> ModuleType:
    """scipy.sparse, imported without loading the numpy submodules that load on first use
    (numpy.f2py, numpy.testing, numpy.ma and more). Importing it makes scipy's vendored
    array-api-compat copy numpy's namespace, by `from numpy import *` and by reading every
    name numpy lists, and that loads each of them: 0.1 s of every process that imports
    scipy.sparse (a rebuild's, and its worker's), for modules nothing here uses. While
    scipy.sparse is imported, numpy does not list them; then it lists them again."""
    if "scipy.sparse" in sys.modules:
        return sys.modules["scipy.sparse"]
    listed, submodules = np.__all__, getattr(np, "__numpy_submodules__", None)
    if not isinstance(submodules, (set, frozenset)):  # a numpy that lists none this way
        import scipy.sparse

        return scipy.sparse
    unloaded = {n for n in submodules if f"numpy.{n}" not in sys.modules} - ARRAY_API_SUBMODULES
    names = vars(np)  # __numpy_submodules__: what numpy's __dir__ lists beside its globals
    try:
        names.update(__all__=[n for n in listed if n not in unloaded])
        names.update(__numpy_submodules__=submodules - unloaded)
        import scipy.sparse
    finally:
        names.update(__all__=listed, __numpy_submodules__=submodules)
    return scipy.sparse


@cache
def _model() -> Any:
    """wordllama's own model, loaded from the wheel with downloads off. embed() needs
    only its token vectors and tokenizer, read straight from the same files (see
    _model_files); this is the fallback when they are not where this version keeps them,
    and what the tests compare embed() with."""
    import wordllama
    from wordllama import WordLlama

    return WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)


@cache
def _model_files() -> tuple[Path, Path] | None:
    """The weights and tokenizer files in the installed wordllama package, found without
    importing it (its import and WordLlama.load are a third of a second of a rebuild that
    embeds one new article, and the package sets up logging on import); None when absent."""
    from importlib.util import find_spec

    spec = find_spec("wordllama")
    for folder in spec.submodule_search_locations or () if spec else ():
        weights, tokenizer = Path(folder, *MODEL_WEIGHTS), Path(folder, *MODEL_TOKENIZER)
        if weights.is_file() and tokenizer.is_file():
            return weights, tokenizer
    return None


@cache
def _table() -> np.ndarray:
    """The model's token vectors, one row per token id, as the wheel keeps them (float16),
    mapped from its file rather than read: a build that embeds a few texts reads only
    their tokens' rows (converting all 32,000 rows was 0.03-0.04 s of it). wordllama's
    own (float32) when the file is not as this version expects."""
    files = _model_files()
    mapped = _mapped_tensor(files[0], MODEL_TENSOR) if files else None
    return mapped if mapped is not None else _model().embedding


SAFETENSORS_DTYPES = {"F16": "<f2", "F32": "<f4"}
SAFETENSORS_HEADER_MAX = 1 << 24  # bytes: the format's own limit is 100 MB; ours is ~100


def _mapped_tensor(path: Path, name: str) -> np.ndarray | None:
    """Tensor `name` of a safetensors file (an 8-byte header length, a JSON header, then
    the data) as a read-only memory map; None when the file does not hold it as a
    float16 or float32 array."""
    try:
        with path.open("rb") as file:
            size = int.from_bytes(file.read(8), "little")
            if size > SAFETENSORS_HEADER_MAX:
                return None
            entry = json.loads(file.read(size))[name]
        start, end = entry["data_offsets"]
        shape = tuple(int(n) for n in entry["shape"])
        dtype = np.dtype(SAFETENSORS_DTYPES[entry["dtype"]])
        if len(shape) != 2 or end - start != math.prod(shape) * dtype.itemsize:
            return None
        return np.memmap(path, dtype=dtype, mode="r", offset=8 + size + start, shape=shape)
    except (OSError, ValueError, KeyError, TypeError):
        return None


@cache
def _tokenizer() -> Any:
    """The model's tokenizer, without padding: each text's own tokens and no more."""
    from tokenizers import Tokenizer

    files = _model_files()
    if files is None:
        tokenizer = Tokenizer.from_str(_model().tokenizer.to_str())
    else:
        tokenizer = Tokenizer.from_file(str(files[1]))
    tokenizer.no_padding()
    tokenizer.no_truncation()
    return tokenizer


def embed(texts: Sequence[str]) -> np.ndarray:
    """Unit-length float32 rows, one per text (zeros for an empty text): the direction of
    the mean of the text's token vectors, which is what wordllama's embed() averages. A
    text's vector does not depend on its batch (tests/test_similarity.py checks that)."""
    return unit(token_sums(texts))


def token_sums(texts: Sequence[str]) -> np.ndarray:
    """Float32 rows, one per text: the sum of the model's vectors of the text's tokens
    (embed() is its direction). Each distinct token's vector is added once, times its
    count: wordllama pads each batch to its longest text and gathers a copy of every
    token's vector, a third of the time of embedding an article. Sums of several texts
    add up to the sum of their tokens (cluster.embedded builds an article's meaning from
    its paragraphs' sums).

    A text's sum is added up one token after the other, in the order of the token ids,
    whatever its batch: the k-th distinct token of every text is added in one step.
    (These are the sums a sparse matrix of counts times the vectors gives, bit for bit,
    without importing scipy: 0.05 s of a worker that embeds one new article.)"""
    if not texts:
        return np.zeros((0, 1), dtype=np.float32)
    table = _table()
    ids = [e.ids for e in _tokenizer().encode_batch(list(texts), add_special_tokens=False)]
    lengths = np.fromiter(map(len, ids), dtype=np.int64, count=len(ids))
    tokens = np.fromiter(chain.from_iterable(ids), dtype=np.int64, count=int(lengths.sum()))
    np.clip(tokens, 0, len(table) - 1, out=tokens)
    each = np.repeat(np.arange(len(ids), dtype=np.int64), lengths) * len(table) + tokens
    pairs, counts = np.unique(each, return_counts=True)  # by text, then by token id
    text, token = np.divmod(pairs, len(table))
    used, row = np.unique(token, return_inverse=True)
    vectors = np.asarray(table[used], dtype=np.float32)  # the rows these texts use, alone
    weights = counts.astype(np.float32)
    sums = np.zeros((len(ids), table.shape[1]), dtype=np.float32)
    if not len(pairs):
        return sums
    first = np.flatnonzero(np.diff(text, prepend=-1))  # each text's first distinct token
    place = np.arange(len(text)) - np.repeat(first, np.diff(first, append=len(text)))
    order = np.argsort(place, kind="stable")
    steps = np.searchsorted(place[order], np.arange(place[order[-1]] + 2))
    for start, stop in pairwise(steps.tolist()):
        at = order[start:stop]  # the k-th distinct token of each text that has that many
        sums[text[at]] += vectors[row[at]] * weights[at, None]
    return sums


def unit(vectors: np.ndarray) -> np.ndarray:
    """Each row scaled to length 1 (a zero row stays zero)."""
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return np.divide(vectors, norms, out=np.zeros_like(vectors), where=norms > 0)


# --- per-article features --------------------------------------------------------------------
_TERM = re.compile(r"(?u)\b\w\w+\b")  # a word TF-IDF counts: two or more word characters
PERMUTATIONS, BANDS = 128, 32  # MinHash size and LSH bands (4 rows each: Jaccard ~0.3 and up)
BAND_MIX = 0x9E3779B97F4A7C15  # an odd 64-bit multiplier (the golden ratio's) mixing a band
MINHASH_SEED = 42


NO_ROWS = 0xFFFFFFFF  # in a features blob's header: this array is absent
# The header: the lengths of the arrays and the vectors' width, as to_bytes writes them
# (np.uint32 in this machine's order). Read with struct: an add-one build reads 5,000.
_FEATURES_HEAD = struct.Struct("=6I")


@dataclass(frozen=True, slots=True, eq=False)
class Features:
    """What one article brings to candidate search, grouping and relating. A pure function
    of its text, so it is computed once (on any core) and cached with the article.

    The embeddings are optional: the pipeline embeds each article where it normalises it
    (pipeline.prepare, on every core), so clustering only reads them; cluster() embeds
    whatever article comes without them."""

    shingles: np.ndarray  # sorted unique uint64 hashes of the body's word 5-grams
    terms: np.ndarray  # sorted unique uint64 hashes of the words TF-IDF weighs
    counts: np.ndarray  # float32: how often each term occurs
    signature: np.ndarray  # uint32 MinHash of the shingles (PERMUTATIONS values)
    meaning: np.ndarray | None = None  # float32 embedding of headline and lead (cluster.py)
    paragraph_vectors: np.ndarray | None = None  # float32 embedding of each paragraph, in rows

    def to_bytes(self) -> bytes:
        width = next((v.shape[-1] for v in self._vectors() if v is not None), 0)
        head = np.array(
            [len(self.shingles), len(self.terms), len(self.signature), width]
            + [NO_ROWS if v is None else len(np.atleast_2d(v)) for v in self._vectors()],
            np.uint32,
        )
        parts = [self.shingles, self.terms, self.counts, self.signature]
        parts += [v for v in self._vectors() if v is not None]
        return head.tobytes() + b"".join(np.ascontiguousarray(p).tobytes() for p in parts)

    def _vectors(self) -> tuple[np.ndarray | None, np.ndarray | None]:
        return self.meaning, self.paragraph_vectors

    @classmethod
    def from_bytes(cls, blob: bytes) -> Features:
        """The inverse of to_bytes; ValueError when the blob is not one."""
        if len(blob) < 24:
            raise ValueError("features blob too short")
        n_sh, n_terms, n_sig, width, n_meaning, n_par = _FEATURES_HEAD.unpack_from(blob)
        rows = (0 if n_meaning == NO_ROWS else n_meaning) + (0 if n_par == NO_ROWS else n_par)
        size = 24 + 8 * n_sh + 12 * n_terms + 4 * n_sig + 4 * width * rows
        if len(blob) != size or n_sig != PERMUTATIONS or n_meaning not in (1, NO_ROWS):
            raise ValueError("features blob of the wrong size")
        at = 24
        shingles = np.frombuffer(blob, np.uint64, n_sh, at)
        at += 8 * n_sh
        terms = np.frombuffer(blob, np.uint64, n_terms, at)
        at += 8 * n_terms
        counts = np.frombuffer(blob, np.float32, n_terms, at)
        at += 4 * n_terms
        signature = np.frombuffer(blob, np.uint32, n_sig, at)
        at += 4 * n_sig
        meaning = None
        if n_meaning != NO_ROWS:
            meaning = np.frombuffer(blob, np.float32, width, at)
            at += 4 * width
        paragraphs = None
        if n_par != NO_ROWS:
            paragraphs = np.frombuffer(blob, np.float32, n_par * width, at).reshape(n_par, width)
        return cls(shingles, terms, counts, signature, meaning, paragraphs)


def features(words_text: str, body_text: str) -> Features:
    """Shingles and MinHash of the body; TF-IDF term counts of headline and body: its words,
    and (marked by NAME_BIT) its names and numbers, single and in pairs."""
    hashed = shingle_set(body_text)
    counted = Counter(t for t in _TERM.findall(words_text.lower()) if t not in STOP_WORDS)
    named = Counter(name_terms(words_text))
    by_hash = sorted(
        [(_term_hash(t), n) for t, n in counted.items()]
        + [(_term_hash(t) | NAME_BIT, n) for t, n in named.items()]
    )
    return Features(
        np.array(sorted(hashed), dtype=np.uint64),
        np.array([h for h, _ in by_hash], dtype=np.uint64),
        np.array([n for _, n in by_hash], dtype=np.float32),
        signature(hashed),
    )


def signature(hashed: frozenset[int]) -> np.ndarray:
    """The MinHash (rensa, PERMUTATIONS values) of a set of shingle hashes."""
    from rensa import RMinHash

    minhash = RMinHash(num_perm=PERMUTATIONS, seed=MINHASH_SEED)
    minhash.update([str(h) for h in sorted(hashed)])
    return np.array(minhash.digest(), dtype=np.uint32)


# Words TF-IDF leaves out: scikit-learn's ENGLISH_STOP_WORDS (the Glasgow IR group's
# list), copied so a rebuild need not import scikit-learn (seconds); a test keeps them equal.
_STOP_WORDS = """
a about above across after afterwards again against all almost alone along already also
although always am among amongst amoungst amount an and another any anyhow anyone
anything anyway anywhere are around as at back be became because become becomes becoming
been before beforehand behind being below beside besides between beyond bill both bottom
but by call can cannot cant co con could couldnt cry de describe detail do done down due
during each eg eight either eleven else elsewhere empty enough etc even ever every
everyone everything everywhere except few fifteen fifty fill find fire first five for
former formerly forty found four from front full further get give go had has hasnt have
he hence her here hereafter hereby herein hereupon hers herself him himself his how
however hundred i ie if in inc indeed interest into is it its itself keep last latter
latterly least less ltd made many may me meanwhile might mill mine more moreover most
mostly move much must my myself name namely neither never nevertheless next nine no
nobody none noone nor not nothing now nowhere of off often on once one only onto or
other others otherwise our ours ourselves out over own part per perhaps please put
rather re same see seem seemed seeming seems serious several she should show side since
sincere six sixty so some somehow someone something sometime sometimes somewhere still
such system take ten than that the their them themselves then thence there thereafter
thereby therefore therein thereupon these they thick thin third this those though three
through throughout thru thus to together too top toward towards twelve twenty two un
under until up upon us very via was we well were what whatever when whence whenever
where whereafter whereas whereby wherein whereupon wherever whether which while whither
who whoever whole whom whose why will with within without would yet you your yours
yourself yourselves
"""
STOP_WORDS = frozenset(_STOP_WORDS.split())


@lru_cache(maxsize=1 << 18)  # a corpus repeats its words: most terms are hashed once
def _term_hash(term: str) -> int:
    """63 bits of a fixed hash; the top bit tells names from words (NAME_BIT)."""
    digest = hashlib.blake2b(term.encode(), digest_size=8).digest()
    return int.from_bytes(digest, "little") & ~NAME_BIT


# --- names and numbers -----------------------------------------------------------------------
# Two reports of one event name the same people, places and figures; two events of one kind
# ("an earthquake", "a shooting") share their words but not their names. A name here is a
# capitalised word that does not open a sentence, a number is any token starting with a digit;
# consecutive ones also count as a pair ("tara reid", "6.1 magnitude" stays two names).
NAME_BIT = 1 << 63
_SENTENCES = re.compile(r"(?<=[.!?])[\"'”’)]*\s+|\n")
_NAME_TOKEN = re.compile(r"[\w][\w.'’-]*")


def name_terms(text: str) -> list[str]:
    """The names and numbers of a text, lower-cased, then each adjacent pair of them."""
    found: list[str] = []
    for sentence in _SENTENCES.split(text):
        for k, token in enumerate(_NAME_TOKEN.findall(sentence)):
            token = token.rstrip(".'’-")
            if token and ((k > 0 and token[0].isupper()) or token[0].isdigit()):
                found.append(token.lower())
    return found + [f"{a} {b}" for a, b in pairwise(found)]


# TF-IDF counts the corpus and each word's documents in steps rather than one by one: a
# word's weight changes only when its document count crosses a step (twice the
# documents), and every weight when the corpus crosses one (10 % more articles). A
# rebuild after a few new articles therefore leaves the weights of almost every other
# article as they were, and the grouping of the stories they do not touch is reused
# (cluster.Groups); scores on the dev sets are the same as with exact counts (bench/README).
# When one more article uses a word of n documents, the count crosses a step with a
# chance of about 1 / (n ln step), and then moves n rows: 1 / ln step rows per word, on
# average, 4.5 with steps of 25 % and 1.4 with doublings (the dev sets score the same).
# Counts up to EXACT_COUNTS are exact: a rare word shared by a few articles is what tells
# one event from another, and the articles it moves are the new one's neighbours anyway.
# A word in more than COMMON_SHARE of the articles (and more than EXACT_COUNTS of them)
# tells nothing about which event an article reports: it is left out, as
# TfidfVectorizer(max_df=0.2) would. (It also keeps a rebuild's moved rows few: such a
# word's idf would cross a step now and then, and move every article that uses it.)
CORPUS_STEP = 1.1
DF_STEP = 2.0
EXACT_COUNTS = 8
COMMON_SHARE = 0.2


@lru_cache(maxsize=4)
def _steps(growth: float, limit: int = 1 << 40) -> np.ndarray:
    """The integers where a count starts a new step: each one up to EXACT_COUNTS, then
    each step `growth` times the last, rounded up (integers, so the steps are the same
    on every machine)."""
    steps = list(range(1, EXACT_COUNTS + 1))
    while steps[-1] < limit:
        steps.append(max(steps[-1] + 1, int(np.ceil(steps[-1] * growth))))
    return np.array(steps, dtype=np.int64)


def stepped(counts: np.ndarray, growth: float) -> np.ndarray:
    """Each count (>= 1) rounded down to the start of its step."""
    steps = _steps(growth)
    return steps[np.searchsorted(steps, counts, side="right") - 1]


@dataclass(frozen=True)
class WordWeights:
    """word_matrix() and what its weights were made from: the term of each column and
    its idf, so a later build can tell which articles' rows are still the same."""

    matrix: Any  # scipy.sparse.csr_matrix, one row per article
    terms: np.ndarray  # uint64 term hash of each column
    idf: np.ndarray  # float64 idf of each column


def unique_inverse(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """np.unique(values, return_inverse=True), by a stable sort: the arrays of many
    articles, each sorted, put end to end are sorted runs, which timsort finds and merges
    (np.unique sorts them from scratch: 1.1 of the 1.3 s of word_weights at 20,000
    articles). The inverse is int32 (index_type): what a sparse matrix's columns are."""
    kind = index_type(len(values))
    if not len(values):
        return values[:0], np.zeros(0, dtype=kind)
    order = np.argsort(values, kind="stable")
    ordered = values[order]
    first = np.empty(len(ordered), dtype=bool)
    first[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=first[1:])
    inverse = np.empty(len(values), dtype=kind)
    inverse[order] = np.cumsum(first, dtype=kind) - 1
    return ordered[first], inverse


def index_type(count: int) -> type[np.signedinteger]:
    """The integer type of the indices into `count` things that a sparse matrix takes as
    they are: int32 below 2**31. Given int64 indices whose values fit, scipy checks every
    one and copies them all to int32: in an add-one build of 5,000 articles that and the
    int64 arrays made on the way were half of word_weights (median 0.175 -> 0.09 s)."""
    return np.int32 if count < 2**31 else np.int64


def word_matrix(found: Sequence[Features], name_weight: float = 0.0) -> Any:
    return word_weights(found, name_weight).matrix


def word_weights(found: Sequence[Features], name_weight: float = 0.0) -> WordWeights:
    """TF-IDF rows (sparse, sorted columns) over the corpus itself, from each article's
    cached term counts: rare shared words (names, places, numbers) are what tell one event
    from another of the same kind. Sublinear tf, smoothed idf, as scikit-learn's
    TfidfVectorizer(sublinear_tf=True, stop_words="english", max_df=COMMON_SHARE) weighs
    them, with counts in steps (CORPUS_STEP, DF_STEP).

    Words and names are two unit vectors side by side, scaled so that the dot product of
    two rows is (1 - name_weight) x word cosine + name_weight x name cosine: a linear
    blend, so the group sums of average link still work."""
    csr_matrix = sparse().csr_matrix
    n = len(found)  # the corpus, and each column's idf, are counted in steps (CORPUS_STEP)
    terms = np.concatenate([f.terms for f in found]) if found else np.zeros(0, np.uint64)
    counts = np.concatenate([f.counts for f in found]) if found else np.zeros(0, np.float32)
    kind = index_type(len(terms))
    rows = np.repeat(np.arange(n, dtype=kind), [len(f.terms) for f in found])
    columns, where = unique_inverse(terms)
    del terms  # the largest of the arrays, not needed again
    df = np.bincount(where, minlength=len(columns))
    is_name = (columns & np.uint64(NAME_BIT)) != 0
    corpus = stepped(np.array([max(n, 1)]), CORPUS_STEP)[0]
    keep = df <= max(EXACT_COUNTS, int(corpus * COMMON_SHARE))
    keep &= ~is_name if name_weight <= 0 else True
    kept = keep[where]
    if not kept.any():
        return WordWeights(csr_matrix((n, 1), dtype=np.float32), columns[:0], np.zeros(0))
    renumber = np.cumsum(keep, dtype=kind) - 1
    where, rows, counts = renumber[where[kept]], rows[kept], counts[kept].astype(np.float64)
    named = is_name[keep][where]
    idf = np.log((1 + corpus) / (1 + stepped(df[keep], DF_STEP))) + 1
    weights = (1 + np.log(counts)) * idf[where]
    for part, share in ((~named, 1.0 - name_weight), (named, name_weight)):
        norms = np.sqrt(np.bincount(rows[part], weights=weights[part] ** 2, minlength=n))
        weights[part] *= np.sqrt(share) / np.where(norms > 0, norms, 1.0)[rows[part]]
    indptr = np.zeros(n + 1, dtype=kind)
    np.cumsum(np.bincount(rows, minlength=n), out=indptr[1:])
    matrix = csr_matrix((weights.astype(np.float32), where, indptr), shape=(n, int(keep.sum())))
    return WordWeights(matrix, columns[keep], idf)


# overlaps() puts each shingle in the column its top COLUMN_BITS bits name: a sparse
# matrix needs column numbers below 2**63, and numbering the distinct shingles (np.unique
# over every article's) took as long as counting what the pairs share.
COLUMN_BITS = 62
COLUMNS = 1 << COLUMN_BITS


def overlaps(found: Sequence[Features], left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """For each pair (left[k], right[k]): shared shingles over the smaller set's size, the
    larger of the two containments (0 when either set is empty). A block of pairs at a
    time, as sparse row products, instead of one set intersection per pair. Two shingles
    count as one when their top COLUMN_BITS bits agree: among the 4.5 million shingles of
    20,000 articles, about 2e-6 such pairs are expected in all (within one article they
    are told apart)."""
    csr_matrix = sparse().csr_matrix
    involved, at = np.unique(np.concatenate((left, right)), return_inverse=True)
    found = [found[k] for k in involved.tolist()]  # only the articles of the pairs
    left, right = at[: len(left)], at[len(left) :]
    sizes = np.array([len(f.shingles) for f in found], dtype=np.int64)
    if not len(left) or not sizes.sum():
        return np.zeros(len(left))
    indptr = np.concatenate(([0], np.cumsum(sizes)))
    hashes = np.concatenate([f.shingles for f in found])
    where = (hashes >> np.uint64(64 - COLUMN_BITS)).astype(np.int64)  # sorted in each row
    same = np.diff(where) == 0
    starts = indptr[1:-1]
    same[starts[(starts > 0) & (starts < len(where))] - 1] = False  # one article's, the next's
    if same.any():  # two shingles of one article in one column: number them instead
        _, where = unique_inverse(hashes)
    sets = csr_matrix((np.ones(len(where), np.float32), where, indptr), shape=(len(found), COLUMNS))
    shared = np.concatenate(
        [
            np.asarray(sets[lc].multiply(sets[rc]).sum(axis=1), dtype=np.float64).ravel()
            for lc, rc in zip(blocks(left), blocks(right), strict=True)
        ]
    )
    smaller = np.minimum(sizes[left], sizes[right])
    return np.where(smaller > 0, shared / np.maximum(smaller, 1), 0.0)


def stacked(rows: Sequence[np.ndarray]) -> np.ndarray:
    """np.stack of 1-D rows of one length, a third of its time for thousands of rows
    (np.stack makes each row a 2-D view first): one concatenation, then the shape."""
    whole = np.concatenate(rows)
    width = len(rows[0])
    if len(whole) != width * len(rows):
        raise ValueError(f"rows of different lengths: {len(whole)} values in {len(rows)} rows")
    return whole.reshape(len(rows), width)


def blocks(index: np.ndarray, size: int = 8192) -> list[np.ndarray]:
    """Pair indices a block at a time: gathering the rows of every pair at once would hold
    all their words in memory (gigabytes at 20,000 articles)."""
    return [index[k : k + size] for k in range(0, len(index), size)] or [index]


# --- candidates ------------------------------------------------------------------------------
# Nearest neighbours are found on the meaning vectors rounded to whole numbers, each row
# scaled so that its largest component is `levels` (exact_rows): every product and every
# partial sum of a dot product is then a whole number below 2**24, which float32 holds
# exactly, so a cell's value does not depend on how the matrix product is blocked or in
# what order it adds up. A row's neighbours are therefore the same whether found over the
# whole corpus or, in a rebuild, from the last build's list and the changed rows alone
# (nearest with `previous`). The rounding moves a cosine by about 0.001.
CHUNK = 1024  # rows of the similarity matrix held at once
EXACT_SUM = 1 << 24  # float32 holds every whole number up to this exactly
REDO_SHARE = 0.25  # more rows than this to find afresh: one pass over them all is as quick


def exact_rows(vectors: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(whole, scale): float32 rows of whole numbers of at most `levels` in size, where
    levels**2 times the width stays below EXACT_SUM, and each row's float32 scale, so
    that vectors ≈ whole * scale[:, None]."""
    width = max(vectors.shape[1], 1)
    levels = math.isqrt(EXACT_SUM // width) - 1
    peak = np.abs(vectors).max(axis=1) if vectors.size else np.zeros(len(vectors))
    scale = (peak / levels).astype(np.float32)
    whole = np.zeros(vectors.shape, dtype=np.float32)
    nonzero = scale > 0
    whole[nonzero] = np.rint(vectors[nonzero] / scale[nonzero, None])
    np.clip(whole, -levels, levels, out=whole)
    return whole, scale


@dataclass(frozen=True, eq=False)
class Neighbours:
    """Each row's nearest other rows by cosine of exact_rows: row i's are
    columns[ptr[i]:ptr[i+1]] (ascending) with their cosines, every cell at least the
    row's k-th largest (cells tied with it are all kept, rather than some at random)."""

    k: int
    ptr: np.ndarray  # int64 (rows + 1)
    columns: np.ndarray  # int64
    values: np.ndarray  # float32

    @classmethod
    def none(cls, n: int, k: int = 0) -> Neighbours:
        """n rows without a neighbour."""
        empty = np.zeros(0, dtype=np.int64)
        return cls(k, np.zeros(n + 1, dtype=np.int64), empty, empty.astype(np.float32))

    def pairs(self, floor: float) -> np.ndarray:
        """Every (i < j) where one is the other's neighbour with a cosine of `floor` or
        more, once, in (i, j) order: int64 (pairs, 2)."""
        n = len(self.ptr) - 1
        rows = np.repeat(np.arange(n), np.diff(self.ptr))
        keep = self.values >= floor
        left, right = rows[keep], self.columns[keep]
        return ordered_pairs(np.minimum(left, right), np.maximum(left, right), n)

    def row(self, i: int) -> tuple[np.ndarray, np.ndarray]:
        cells = slice(self.ptr[i], self.ptr[i + 1])
        return self.columns[cells], self.values[cells]


def distinct(values: np.ndarray) -> np.ndarray:
    """np.unique(values) of a 1-d array, by a sort. numpy 2.3's np.unique, asked for the
    values alone, imports numpy.ma on its first call (13 ms of an add-one build's)."""
    ordered = np.sort(values)
    first = np.empty(len(ordered), dtype=bool)
    first[:1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=first[1:])
    return ordered[first]


def among(values: object, wanted: object) -> np.ndarray:
    """np.isin(values, wanted) for integers, by a sort and a binary search (np.isin
    calls np.unique on `wanted`: see distinct)."""
    values = np.asarray(values, dtype=np.int64)
    known = np.sort(np.asarray(wanted, dtype=np.int64).ravel())
    if not len(known):
        return np.zeros(values.shape, dtype=bool)
    found: np.ndarray = known[np.minimum(np.searchsorted(known, values), len(known) - 1)] == values
    return found


def ordered_pairs(low: np.ndarray, high: np.ndarray, n: int) -> np.ndarray:
    """The pairs (low[k], high[k]) of rows below `n`, each once, in (i, j) order."""
    codes = distinct(low.astype(np.int64) * n + high.astype(np.int64))
    return np.stack([codes // max(n, 1), codes % max(n, 1)], axis=1)


def nearest(
    whole: np.ndarray,
    scale: np.ndarray,
    k: int,
    previous: Neighbours | None = None,
    old: np.ndarray | None = None,
) -> Neighbours:
    """The k nearest neighbours of every row of exact_rows (whole, scale). With the
    `previous` build's neighbours, where `old[i]` is row i's index in that build (-1 when
    it is new or its vector changed), only the rows that cannot be read from it are
    found afresh: new and changed rows, and rows that lost a neighbour. The others are
    last build's list and those new rows that reach its k-th cosine. Exact either way."""
    n = len(whole)
    k = max(min(k, n - 1), 0)
    if n < 2:
        return Neighbours.none(n, k)
    if previous is None or old is None or previous.k != k:
        return _assemble(n, k, _tops(whole, scale, np.arange(n), k))
    was = len(previous.ptr) - 1
    now = np.full(was, -1, dtype=np.int64)  # each previous row's index in this build
    known = old >= 0
    now[old[known]] = np.flatnonzero(known)
    columns = now[previous.columns]
    redo = ~known
    owners = np.repeat(np.arange(was), np.diff(previous.ptr))
    lost = now[owners[columns < 0]]
    redo[lost[lost >= 0]] = True
    if redo.sum() > REDO_SHARE * n:
        return _assemble(n, k, _tops(whole, scale, np.arange(n), k))
    changed = np.flatnonzero(~known)
    kept = np.flatnonzero(~redo)
    reached = np.zeros(len(kept), dtype=bool)  # a new row reaches the row's k-th cosine
    if len(changed):
        cross = _cosines(whole, scale, kept, changed)
        kth = np.minimum.reduceat(previous.values, previous.ptr[:-1])[old[kept]]
        reached = (cross >= kth[:, None]).any(axis=1)
    rows = _tops(whole, scale, np.flatnonzero(redo), k)
    for at, i in enumerate(kept.tolist()):
        cols, vals = previous.row(int(old[i]))
        cols = now[cols]
        if reached[at]:  # the last list and the new rows, cut at the k-th again
            cols, vals = np.concatenate([cols, changed]), np.concatenate([vals, cross[at]])
            keep = vals >= np.sort(vals)[-k]
            cols, vals = cols[keep], vals[keep]
        rows.append((np.full(len(cols), i, dtype=np.int64), cols, vals))
    return _assemble(n, k, rows)  # ordered by row and column


def _cosines(
    whole: np.ndarray, scale: np.ndarray, rows: np.ndarray, columns: np.ndarray | None = None
) -> np.ndarray:
    """Cosines of `rows` against `columns` (all when None): the exact dot products of the
    whole-number rows, times the column's scale, times the row's, always in that order."""
    right = whole if columns is None else whole[columns]
    cells = whole[rows] @ right.T
    cells *= scale[None, :] if columns is None else scale[columns][None, :]
    cells *= scale[rows][:, None]
    return cells


def _tops(
    whole: np.ndarray, scale: np.ndarray, rows: np.ndarray, k: int
) -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """(row, column, cosine) of each of `rows`' top-k cells, CHUNK rows at a time. While
    one block's cells are picked (numpy lets go of the GIL), the next is multiplied."""
    from concurrent.futures import ThreadPoolExecutor

    found: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    with ThreadPoolExecutor(1) as picker:
        pending = None
        for start in range(0, len(rows), CHUNK):
            part = rows[start : start + CHUNK]
            block = _cosines(whole, scale, part)
            if pending is not None:
                found.append(pending.result())
            pending = picker.submit(_block_tops, block, part, k)
        if pending is not None:
            found.append(pending.result())
    return found


def _block_tops(
    block: np.ndarray, rows: np.ndarray, k: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    block[np.arange(len(rows)), rows] = -np.inf  # not its own neighbour
    row, column = _top_cells(block, k)
    return rows[row], column, block[row, column]


def _assemble(
    n: int, k: int, parts: Sequence[tuple[np.ndarray, np.ndarray, np.ndarray]]
) -> Neighbours:
    if not parts:
        return Neighbours.none(n, k)
    rows = np.concatenate([p[0] for p in parts])
    columns = np.concatenate([p[1] for p in parts]).astype(np.int64)
    values = np.concatenate([p[2] for p in parts]).astype(np.float32)
    order = np.lexsort((columns, rows))
    rows, columns, values = rows[order], columns[order], values[order]
    ptr = np.searchsorted(rows, np.arange(n + 1)).astype(np.int64)
    return Neighbours(k, ptr, columns, values)


SAMPLE_STRIDE = 8  # _top_cells finds a bound on each row's k-th largest in every 8th column
SAMPLE_MIN = 4096  # rows narrower than this are partitioned whole


def _top_cells(block: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """(row, column) of every cell at least its row's k-th largest value, by row.

    Partitioning whole rows costs as much as the matrix product itself at 20,000
    articles, so a wide block is partitioned on a sample of its columns first: the k-th
    largest of a sample is at most the row's own, so the cells at least that bound hold
    the row's top k (about k * SAMPLE_STRIDE cells), among which the k-th is found by
    sorting. Exact: the same cells as partitioning the whole row."""
    width = block.shape[1]
    if width < SAMPLE_MIN or width // SAMPLE_STRIDE <= k:
        kth = np.partition(block, width - k, axis=1)[:, width - k]
        row, column = np.nonzero(block >= kth[:, None])
        return row, column
    sample = block[:, ::SAMPLE_STRIDE]
    bound = np.partition(sample, sample.shape[1] - k, axis=1)[:, sample.shape[1] - k]
    row, column = np.nonzero(block >= bound[:, None])  # by row, at least k in each
    values = block[row, column]
    order = np.lexsort((-values, row))  # by row, largest first
    starts = np.searchsorted(row[order], np.arange(len(block)))
    kth = values[order][starts + k - 1]
    keep = values >= kth[row]
    return row[keep], column[keep]


def copy_pairs(signatures: np.ndarray, bands: int = BANDS) -> set[tuple[int, int]]:
    """Pairs whose MinHash signatures agree on all rows of at least one band: the
    MinHash-LSH copy candidates (Jaccard about 0.3 and up with 32 bands of 4). Each band's
    rows are mixed into one 64-bit key and every band's keys sorted at once; articles
    whose keys meet are then compared on the rows themselves, so a collision of keys
    adds no pair."""
    pairs: set[tuple[int, int]] = set()
    n = len(signatures)
    if n < 2:
        return pairs
    width = signatures.shape[1] // bands
    rows = signatures[:, : bands * width].astype(np.uint64).reshape(n, bands, width)
    keys = np.zeros((n, bands), dtype=np.uint64)
    for c in range(width):  # wraps around: a hash, checked below
        keys = keys * np.uint64(BAND_MIX) + rows[:, :, c]
    order = np.argsort(keys, axis=0, kind="stable")
    ordered = np.take_along_axis(keys, order, axis=0)
    meets = ordered[1:] == ordered[:-1]  # (n - 1, bands): the next article has the same key
    before, after = np.zeros_like(meets), np.zeros_like(meets)
    before[1:], after[:-1] = meets[:-1], meets[1:]
    at, column = np.nonzero(meets & ~before & ~after)  # a key two articles share: most copies
    left, right = order[at, column], order[at + 1, column]
    same = np.all(rows[left, column] == rows[right, column], axis=1)
    low, high = np.minimum(left, right)[same], np.maximum(left, right)[same]
    pairs.update(zip(low.tolist(), high.tolist(), strict=True))
    for b in np.flatnonzero((meets & (before | after)).any(axis=0)).tolist():  # three or more
        band = rows[:, b, :]
        starts = np.flatnonzero(np.concatenate(([True], ~meets[:, b])))
        ends = np.append(starts[1:], n)
        shared = ends - starts > 2
        for s, e in zip(starts[shared].tolist(), ends[shared].tolist(), strict=True):
            alike: dict[tuple[int, ...], list[int]] = {}
            for k in sorted(order[s:e, b].tolist()):
                alike.setdefault(tuple(band[k].tolist()), []).append(k)
            for bucket in alike.values():
                pairs.update(combinations(bucket, 2))
    return pairs


# --- paragraph alignment ----------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ShingleIndex:
    """A text's paragraphs by shingle: a paragraph's overlap with each of them is counted
    in one pass over its own shingles (most shingles are in one paragraph or none),
    rather than by a set intersection with every one of them."""

    sizes: tuple[int, ...]  # each paragraph's number of shingles
    where: dict[int, list[int]]  # shingle -> the paragraphs that have it


def shingle_index(paragraphs: Sequence[str]) -> ShingleIndex:
    where: dict[int, list[int]] = {}
    sets = [shingles(p) for p in paragraphs]
    for k, grams in enumerate(sets):
        for gram in grams:
            where.setdefault(gram, []).append(k)
    return ShingleIndex(tuple(len(g) for g in sets), where)


def align(
    member: Sequence[str],
    canonical: Sequence[str],
    member_vectors: np.ndarray,
    canonical_vectors: np.ndarray,
    copy_overlap: float,
    reworded: float,
    index: ShingleIndex | None = None,
) -> tuple[ParagraphMatch, ...]:
    """For each member paragraph: the canonical paragraph that carries it, and how.

    Verbatim: most of the paragraph's 5-grams (or of the canonical paragraph's, when
    one was split in two) recur. Reworded: no such overlap, but the meaning matches.
    `index` is shingle_index(canonical), when the caller aligns several members with it."""
    index = index or shingle_index(canonical)
    sims = member_vectors @ canonical_vectors.T if len(canonical) else np.zeros((len(member), 0))
    matches = []
    for i, text in enumerate(member):
        own = shingles(text)
        shared = Counter(chain.from_iterable(index.where[g] for g in own & index.where.keys()))
        # the first paragraph of the largest overlap (the first of all when none overlaps)
        best_lex, lexical = (0, 0.0) if len(canonical) else (None, 0.0)
        for k in sorted(shared):  # overlap() of the two sets, from the count: neither is empty
            share = shared[k] / min(len(own), index.sizes[k])
            if share > lexical:
                best_lex, lexical = k, share
        best_sem = int(np.argmax(sims[i])) if len(canonical) else None
        if best_lex is not None and lexical >= copy_overlap:
            matches.append(ParagraphMatch(i, best_lex, "verbatim", round(lexical, 3)))
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
