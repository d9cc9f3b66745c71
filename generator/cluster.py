"""Stage 3, cluster: articles -> stories, and each article's relation to its story.

Candidates come from indexes (nearest neighbours on embeddings, MinHash-LSH on
shingles), never from an all-pairs matrix. Stories grow by average link: two
groups join only when their members are similar *on average*, which stops the
chaining that single link suffers on large pools. Two groups that each say where the
event happened (a street address) and name no place in common are two events, however
alike their words: two shootings in one city are told in the same words."""

from __future__ import annotations

import copy
import json
import os
import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

import numpy as np

from . import similarity as sim
from .config import DigestConfig
from .models import Article, Cluster, Join, Member, Overrides, ParagraphMatch, Relation
from .trace import REASONS, Trace, fingerprints, key_prints

NEIGHBOURS = 20  # nearest neighbours by meaning per article considered as story candidates
MEANING_CHARS = 2000  # an article's meaning: its headline and the paragraphs starting in this much
CANDIDATE_FLOOR = 0.3  # embedding cosine below which a neighbour is not even a candidate
# Two groups of at least this many articles each are formed stories: they join at
# `same_story_formed`, not `same_story`. An average over nine or more pairs leaves little
# to chance, and two events of one kind (two earthquakes, two rulings on one law) that
# each drew several reports average just above `same_story`. Nor does one copied pair
# join two formed stories: a roundup that reprints two stories is a copy of each, and
# copies join on one pair (single link), so roundups would chain stories into one.
FORMED = 3
RELATE_OPTIONS = ("copy_overlap", "reworded")  # the settings relate() reads
# Two addresses are one place when they are on one street (its name spelt the same, or
# with one letter more, fewer or other: "Moutainwood") and this many numbers apart at
# most: reports of one event give the block as the police did, or the next ones.
NEAR_BLOCKS = 500
STREET_SLIP_MIN = 5  # street names shorter than this must match exactly ("1st", "Ada")
# A headline that counts an event's dead and its wounded, once each ("4 Killed, 53 Wounded
# In Weekend Shootings Across Chicago"): two groups whose headlines share neither number
# report different events (a city's round-ups of different weekends, which share their
# words). A count given in words up to ten is read as a number.
HEADLINE_TOLL = re.compile(
    r"\b(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"(?:(?:people|persons|others?|men|women|teens?|children)\s+)?"
    r"(?P<kind>dead|killed|wounded|injured|hurt)\b",
    re.I,
)
TOLL_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
              "eight": 8, "nine": 9, "ten": 10}  # fmt: skip
TOLL_KINDS = {"dead": "dead", "killed": "dead", "wounded": "hurt", "injured": "hurt",
              "hurt": "hurt"}  # fmt: skip
# After the pass, a report still alone joins the story of LONE_STORY_MIN reports or more
# that it shares the most words with on average, when that average is LONE_JOIN or more
# and beats any other story's by LONE_MARGIN: the follow-up or the other outlet's report
# of an event told in other words, which no single pair brings to `same_story`.
LONE_STORY_MIN, LONE_JOIN, LONE_MARGIN = 4, 0.15, 0.05
CLOSEST = "closest story"  # the Join.reason of such a join
COPY_SHARE = 0.6  # share of paragraphs copied verbatim that makes an article a copy
REWRITE_SHARE = 0.5  # share of paragraphs matched (verbatim or reworded) that makes a rewrite
# ... and how many paragraphs at least: one paragraph told in other words is a summary,
# which two outlets write of one event without either paraphrasing the other (a
# one-paragraph brief whose meaning matches another's lede is its own report).
REWRITE_MIN_PARAGRAPHS = 2
# How a copy or rewrite credits its origin: "according to X", "X reported", "via X".
CREDIT_PHRASES = (
    r"(?:according to|reported by|via|courtesy of|(?:first|originally) "
    r"(?:appeared|published|reported) (?:in|on|by))\s+(?:the\s+)?{outlet}",
    r"{outlet}\s+(?:first\s+)?reported",
)


NO_OVERRIDES = Overrides()
NO_SHINGLES: frozenset[int] = frozenset()
Embed = Callable[[Sequence[str]], np.ndarray]


@dataclass(frozen=True, slots=True)
class _Doc:
    article: Article
    vector: np.ndarray
    shingles: frozenset[int]  # NO_SHINGLES when `features` holds them (made into a set on use)
    features: sim.Features | None = None  # computed from the article when not given


class Memo(Protocol):
    """Where the grouping pass is remembered between builds (the cache implements it)."""

    def grouping(self) -> bytes | None: ...

    def keep_grouping(self, body: bytes) -> None: ...


def cluster(
    articles: Sequence[Article],
    config: DigestConfig,
    overrides: Overrides = NO_OVERRIDES,
    embed: Embed = sim.embed,
    memo: Memo | None = None,
    found: Sequence[sim.Features] | None = None,
) -> tuple[Cluster, ...]:
    """Stories of `articles`: group() them, then relate_all(). `found` are their features
    (sim.features), when the caller already has them, say from the cache; otherwise
    they are computed here, and so are the meanings they do not carry (lead_meanings).
    Paragraph embeddings they do not carry are asked of `embed` (the cache's memory of
    the model) when relating."""
    return relate_all(group(articles, config, overrides, memo, found), config, embed)


def group(
    articles: Sequence[Article],
    config: DigestConfig,
    overrides: Overrides = NO_OVERRIDES,
    memo: Memo | None = None,
    found: Sequence[sim.Features] | None = None,
    keys: Sequence[str] | None = None,
) -> list[Group]:
    """The articles of each story, and the joins behind it, in a stable order (by each
    story's first article): the grouping pass, replayed from `memo` where it can be.
    `keys` name each article's whole making (the cache's keys: its seed's bytes, the
    outlets registry and the generator's code), when the caller has them: the trace
    then knows an article by its key, and need not hash its features (trace.fingerprint)."""
    found = found if found is not None else [article_features(a) for a in articles]
    vectors = _meanings(articles, found)
    docs = [_Doc(a, v, NO_SHINGLES, f) for a, v, f in zip(articles, vectors, found, strict=True)]
    previous = Trace.from_bytes(memo.grouping()) if memo is not None else None
    groups = Groups(docs, config, overrides, previous, key_prints(keys) if keys else None)
    groups.run()
    if memo is not None:
        memo.keep_grouping(groups.trace().to_bytes())
    joins = groups.joins_by_group()
    return [
        ([docs[i] for i in members], joins.get(groups.find(members[0]), ()))
        for members in groups.members()
    ]


Group = tuple[Sequence["_Doc"], tuple[Join, ...]]  # a story's articles and the joins behind it


def relate_all(stories: Sequence[Group], config: DigestConfig, embed: Embed) -> tuple[Cluster, ...]:
    """relate() of every story; those of two or more articles on every core when there
    are many of them."""
    shared = [k for k, (docs, _joins) in enumerate(stories) if len(docs) > 1]
    done = dict(zip(shared, _relate_many([stories[k] for k in shared], config, embed), strict=True))
    return tuple(
        done[k] if k in done else relate(docs, config, joins, embed)
        for k, (docs, joins) in enumerate(stories)
    )


PARALLEL_STORIES = 200  # fewer stories to relate than this: worker processes cost more
_WORK: tuple[Sequence[Group], DigestConfig, Embed] | None = None  # what forked workers relate


def without_paragraph_vectors(stories: Sequence[Group]) -> list[str]:
    """The sources of the articles in `stories` whose features have no paragraph vectors
    (read from the cache without them: pipeline.prepare_all)."""
    return [
        d.article.source
        for docs, _joins in stories
        for d in docs
        if d.features is not None and d.features.paragraph_vectors is None
    ]


def with_paragraph_vectors(
    stories: Sequence[Group], vectors: Mapping[str, np.ndarray]
) -> list[Group]:
    """`stories` with the paragraph vectors `vectors` holds (by source) put into the
    features of articles that lack them, one row per paragraph; an article left without
    is embedded when related (_paragraph_vectors)."""

    def filled(doc: _Doc) -> _Doc:
        rows = vectors.get(doc.article.source)
        features = doc.features
        if features is None or features.paragraph_vectors is not None or rows is None:
            return doc
        if len(rows) != len(doc.article.paragraphs):
            return doc
        return replace(doc, features=replace(features, paragraph_vectors=rows))

    return [([filled(d) for d in docs], joins) for docs, joins in stories]


def _relate_many(stories: Sequence[Group], config: DigestConfig, embed: Embed) -> list[Cluster]:
    """relate() of each story; on every core (forked workers, which inherit the stories
    rather than receive them) when there are many. Workers send back each result's plain
    form, the one the cache keeps, and it is rebuilt on the articles held here."""
    workers = min(os.cpu_count() or 1, 8)
    if len(stories) < PARALLEL_STORIES or workers < 2:
        return [relate(docs, config, joins, embed) for docs, joins in stories]
    from concurrent.futures import ProcessPoolExecutor  # only for this many stories
    from multiprocessing import get_all_start_methods, get_context

    if "fork" not in get_all_start_methods():
        return [relate(docs, config, joins, embed) for docs, joins in stories]
    global _WORK
    _WORK = (stories, config, embed)
    try:
        # the largest stories first, in small chunks, so no worker is left with them at the end
        order = sorted(range(len(stories)), key=lambda k: -len(stories[k][0]))
        with ProcessPoolExecutor(workers, mp_context=get_context("fork")) as pool:
            chunk = max(1, len(stories) // (32 * workers))
            plain = dict(zip(order, pool.map(_relate_plain, order, chunksize=chunk), strict=True))
    finally:
        _WORK = None
    return [_cluster_from_json(plain[k], d, j) for k, (d, j) in enumerate(stories)]


def _relate_plain(k: int) -> dict[str, object]:
    """In a forked worker: the k-th story of _WORK, related, in plain form."""
    assert _WORK is not None
    stories, config, embed = _WORK
    docs, joins = stories[k]
    return _cluster_to_json(relate(docs, config, joins, embed))


def embedded(articles: Sequence[Article], found: Sequence[sim.Features]) -> list[sim.Features]:
    """`found` with each article's meaning and paragraph embeddings, from one pass of the
    model over the paragraphs (and one over the headlines): the per-article work of
    clustering that can run on any core and be cached."""
    sums = sim.token_sums([p for a in articles for p in a.paragraphs])
    meanings = lead_meanings(articles, sums)
    paragraphs = sim.unit(sums)
    ends = np.cumsum([len(a.paragraphs) for a in articles]).tolist()
    return [
        replace(f, meaning=meanings[k], paragraph_vectors=paragraphs[end - len(a.paragraphs) : end])
        for k, (a, f, end) in enumerate(zip(articles, found, ends, strict=True))
    ]


def lead_meanings(articles: Sequence[Article], paragraph_sums: np.ndarray) -> np.ndarray:
    """Each article's meaning: the direction of the sum of the token vectors of its
    headline and of its lead, the paragraphs that start in the first MEANING_CHARS of
    the headline and text. `paragraph_sums` are sim.token_sums of every article's
    paragraphs in turn; the lead's are taken from them, so no paragraph is tokenized
    twice."""
    meanings = sim.token_sums([a.title for a in articles])
    start = 0
    for k, article in enumerate(articles):
        lead = _lead_count(article)
        if lead:
            meanings[k] += paragraph_sums[start : start + lead].sum(axis=0)
        start += len(article.paragraphs)
    return sim.unit(meanings)


def _lead_count(article: Article) -> int:
    """How many of the paragraphs start in the first MEANING_CHARS of the headline and
    text (each on its own line)."""
    at, count = len(article.title) + 1, 0
    for paragraph in article.paragraphs:
        if at >= MEANING_CHARS:
            break
        count += 1
        at += len(paragraph) + 1
    return count


MEANING_BATCH = 256  # articles embedded at once here: their paragraphs' sums, not all of them


def _meanings(articles: Sequence[Article], found: Sequence[sim.Features]) -> np.ndarray:
    """Every article's meaning embedding: from its features, else embedded here
    (MEANING_BATCH articles at a time)."""
    todo = [k for k, f in enumerate(found) if f.meaning is None]
    missing = [articles[k] for k in todo]
    made = np.concatenate(
        [
            lead_meanings(part, sim.token_sums([p for a in part for p in a.paragraphs]))
            for part in (
                missing[k : k + MEANING_BATCH] for k in range(0, len(missing) or 1, MEANING_BATCH)
            )
        ]
    )
    if len(todo) == len(found):
        return made
    known = [(k, f.meaning) for k, f in enumerate(found) if f.meaning is not None]
    vectors = np.zeros((len(found), len(known[0][1])), dtype=np.float32)
    vectors[[k for k, _ in known]] = sim.stacked([v for _, v in known])
    if todo:
        vectors[todo] = made
    return vectors


def doc_shingles(doc: _Doc) -> frozenset[int]:
    """The article's shingles as a set: given, or made from its features (for a story
    related on a worker, made there)."""
    if doc.shingles or doc.features is None:
        return doc.shingles
    return frozenset(doc.features.shingles.tolist())


def _cluster_to_json(c: Cluster) -> dict[str, object]:
    return {
        "members": [
            {
                "source": m.article.source,
                "relation": m.relation.value,
                "similarity": m.similarity,
                "alignment": [[a.index, a.canonical, a.how, a.score] for a in m.alignment],
                "credits_original": m.credits_original,
            }
            for m in c.members
        ]
    }


def _cluster_from_json(data: dict, docs: Sequence[_Doc], joins: tuple[Join, ...]) -> Cluster:
    by_source = {d.article.source: d.article for d in docs}
    members = tuple(
        Member(
            by_source[m["source"]],
            Relation(m["relation"]),
            float(m["similarity"]),
            tuple(
                ParagraphMatch(int(i), None if c is None else int(c), how, float(score))
                for i, c, how, score in m["alignment"]
            ),
            bool(m["credits_original"]),
        )
        for m in data["members"]
    )
    if sorted(m.article.source for m in members) != sorted(by_source):
        raise KeyError("remembered story has other articles")
    return Cluster(members, joins)


WordSum = tuple[np.ndarray, np.ndarray]  # sorted column indices, summed TF-IDF weights


def _dot(a: WordSum, b: WordSum) -> float:
    if len(a[0]) > len(b[0]):
        a, b = b, a
    at = np.minimum(np.searchsorted(b[0], a[0]), len(b[0]) - 1)  # past the end: not shared
    shared = b[0][at] == a[0]
    return float(np.dot(a[1][shared], b[1][at[shared]]))


def _add(a: WordSum, b: WordSum) -> WordSum:
    """The sum of two summed vectors. Their columns are two sorted runs, which a stable
    sort merges in one pass (np.unique sorts them afresh); a column in both is a's
    weight plus b's."""
    columns, weights = np.concatenate((a[0], b[0])), np.concatenate((a[1], b[1]))
    if not len(columns):
        return columns, weights
    order = np.argsort(columns, kind="stable")
    columns, weights = columns[order], weights[order]
    first = np.empty(len(columns), dtype=bool)
    first[0] = True
    np.not_equal(columns[1:], columns[:-1], out=first[1:])
    starts = np.flatnonzero(first)
    return columns[starts], np.add.reduceat(weights, starts)


def doc_text(article: Article) -> str:
    return "\n".join((article.title, *(article.paragraphs or (article.title,))))


def article_features(article: Article) -> sim.Features:
    return sim.features(doc_text(article), article.text)


@dataclass(frozen=True, slots=True)
class _Pending:
    """The summed TF-IDF vector of a join's two groups, not added up yet."""

    left: WordSum | _Pending | int
    right: WordSum | _Pending | int


class CandidatePairs(Mapping[tuple[int, int], tuple[float, float]]):
    """A pass's candidate pairs (i < j), in (i, j) order, with their TF-IDF and embedding
    cosines and whether each reached the copy overlap: arrays for what the pass does to
    all of them at once (order them, keep them in the trace), and a mapping from pair to
    cosines for its look-ups one at a time."""

    def __init__(self, pairs: np.ndarray, scores: np.ndarray, copied: np.ndarray) -> None:
        self.array = pairs.reshape(-1, 2).astype(np.int64, copy=False)
        self.scores = scores.reshape(-1, 2).astype(np.float64, copy=False)
        self.copied = copied.astype(bool, copy=False)
        self.width = int(self.array.max()) + 1 if len(self.array) else 0
        codes = self.array[:, 0] * self.width + self.array[:, 1]
        self._at = dict(zip(codes.tolist(), range(len(codes)), strict=True))
        self._scores = self.scores.tolist()

    @classmethod
    def none(cls) -> CandidatePairs:
        return cls(np.zeros((0, 2), np.int64), np.zeros((0, 2)), np.zeros(0, bool))

    def index(self, i: int, j: int) -> int | None:
        """Where pair (i, j), either way round, is in the arrays; None if no candidate."""
        low, high = (i, j) if i < j else (j, i)
        return self._at.get(low * self.width + high) if low >= 0 and high < self.width else None

    def __getitem__(self, pair: tuple[int, int]) -> tuple[float, float]:
        k = self.index(*pair)
        if k is None:
            raise KeyError(pair)
        words, meaning = self._scores[k]
        return words, meaning

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return ((i, j) for i, j in self.array.tolist())

    def __len__(self) -> int:
        return len(self.array)


# What a replayed pass changes as it goes (Groups._saved): its groups and their sums.
_REPLAYED = ("parent", "total", "word_total", "size", "places", "tolls", "joins", "averages")


@dataclass
class _Reuse:
    """What Groups._replay reads from the previous build."""

    previous: Trace
    old: np.ndarray  # each article's index in the previous pass; -1 when it changed
    tainted: set[int]  # roots of the groups whose decisions are made afresh
    joined: dict[tuple[int, int], Join]  # the previous pass's joins, by its pair indices
    known: np.ndarray  # bool, per candidate pair of this pass: scored by the previous build
    unchanged: np.ndarray  # each article's index in the previous pass; -1 when new or edited
    position: dict[int, int]  # this pass's index of each article of `old` (by its index there)
    lone: dict[int, tuple[int, Join]]  # the previous lone joins (_join_lone), by lone report
    pair_counts: np.ndarray  # how many candidate pairs each article had in the previous pass


class Groups:
    """Average-link agglomeration over candidate pairs, strongest pair first.

    Two groups are one story when their articles share rare words on average (TF-IDF
    cosine at least `same_story`, or `same_story_formed` when both are formed stories of
    FORMED articles or more) or mean the same on average (embedding cosine at least
    `same_meaning`), or when one copies the other (unless both are formed stories).
    Each group keeps the sums of its unit vectors, so an average over all cross pairs
    is one dot product. Editor overrides apply first: `together` groups are joined,
    `apart` pairs never meet.

    Given the `previous` build's trace, a decision between two groups that no changed
    article has touched is read from it instead of computed (see _replay)."""

    def __init__(
        self,
        docs: Sequence[_Doc],
        config: DigestConfig,
        overrides: Overrides,
        previous: Trace | None = None,
        prints: np.ndarray | None = None,
    ) -> None:
        self.docs, self.config, self.overrides, self.previous = docs, config, overrides, previous
        self.vectors = sim.stacked([d.vector for d in docs]) if docs else np.zeros((0, 1))
        found = [d.features or article_features(d.article) for d in docs]
        self.found = found
        self.prints = prints  # what the trace knows each article by: trace.fingerprint, once asked
        self.near = sim.Neighbours.none(len(docs))  # found by run()
        self.weights = sim.word_weights(found, float(config.name_weight))
        self.words = self.weights.matrix
        self.signatures = (
            sim.stacked([f.signature for f in found]) if found else np.zeros((0, 1), np.uint32)
        )
        self.same_story, self.same_meaning = float(config.same_story), float(config.same_meaning)
        self.same_story_formed = float(config.same_story_formed)
        self.copy_overlap = float(config.copy_overlap)
        self.sets: dict[int, frozenset[int]] = {}
        self.parent = list(range(len(docs)))
        self.total = {i: self.vectors[i].astype(np.float64) for i in range(len(docs))}
        self.word_total: dict[int, WordSum | _Pending] = {}  # group -> summed TF-IDF vector
        self.size = dict.fromkeys(range(len(docs)), 1)
        self.places = {i: frozenset(d.article.addresses) for i, d in enumerate(docs)}
        self.tolls = {i: headline_toll(d.article.title) for i, d in enumerate(docs)}
        self.joins: list[tuple[int, int, Join]] = []
        self.pairs = CandidatePairs.none()  # found by run()
        self.averages: dict[tuple[int, int, int, int], tuple[float, float]] = {}
        index = {d.article.source: i for i, d in enumerate(docs)}
        self.together = [[index[s] for s in g if s in index] for g in overrides.together]
        self.apart = [{index[s] for s in g if s in index} for g in overrides.apart]

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def run(self) -> None:
        for members in self.together:
            for j in members[1:]:
                self._join(members[0], j, "editor")
        reuse = self._reusable()
        self.pairs = self._pair_similarities(self._candidates(reuse), reuse)
        if reuse is None:
            for i, j in self._strongest_first():
                self._decide(i, j)
        else:
            self._replay(reuse)
        self._join_lone(reuse)

    def _join_lone(self, reuse: _Reuse | None = None) -> None:
        """Each report the pass left alone joins the formed story it is clearly closest
        to (LONE_JOIN, LONE_MARGIN), at its strongest candidate pair with that story.
        Decided on the pass's stories, all at once: no such join changes another. In a
        replay, a report whose every candidate pair and story is as it was last time is
        decided as it was then (_as_before)."""
        lone, touching, met, root = reports = self._lone()
        before = np.zeros_like(lone) if reuse is None else self._as_before(reuse, reports)
        near: dict[int, list[tuple[float, int]]] = {}
        afresh = lone & ~before
        listed = self.pairs.array[touching].tolist()
        for (i, j), words in zip(listed, self.pairs.scores[touching, 0].tolist(), strict=True):
            if afresh[i]:
                near.setdefault(i, []).append((words, j))
            if afresh[j]:
                near.setdefault(j, []).append((words, i))
        group = root.tolist()  # the pass's stories: no join is made until all are decided
        moves: list[tuple[int, int, Join | None]] = []
        for i in np.flatnonzero(met).tolist():
            if before[i]:
                if reuse is not None and int(reuse.old[i]) in reuse.lone:
                    j, join = reuse.lone[int(reuse.old[i])]
                    moves.append((i, reuse.position[j], join))
                continue
            pairs = near[i]
            a = group[i]
            stories = {group[j] for _, j in pairs}
            scores = sorted(
                (
                    (self._group_average(a, g)[0], g)
                    for g in stories
                    if self.size[g] >= LONE_STORY_MIN and not self._apart(a, g)
                ),
                reverse=True,
            )
            if not scores or scores[0][0] < LONE_JOIN:
                continue
            if len(scores) > 1 and scores[0][0] - scores[1][0] < LONE_MARGIN:
                continue
            best = scores[0][1]
            moves.append((i, max((w, j) for w, j in pairs if group[j] == best)[1], None))
        for i, j, known in moves:
            self._join(i, j, CLOSEST, known)

    def _lone(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """The reports the pass left alone (bool, per article), the candidate pairs with
        one (positions in the arrays), how many each report has, and each article's group."""
        root = np.array([self.find(i) for i in range(len(self.docs))], dtype=np.int64)
        lone = np.array([self.size[r] == 1 for r in root.tolist()], dtype=bool)
        every = self.pairs.array
        touching = np.flatnonzero(lone[every[:, 0]] | lone[every[:, 1]])
        ends = every[touching]
        met = np.bincount(ends[lone[ends]], minlength=len(self.docs))
        return lone, touching, met, root

    def _as_before(
        self,
        reuse: _Reuse,
        reports: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray] | None = None,
    ) -> np.ndarray:
        """The lone reports decided as last time (bool, per article): everything each
        was decided on is as it was. It is unchanged and alone as then (its group is
        untainted), it has the same candidate pairs (as many, each one scored last
        time), and every story it meets is untainted, so has the same reports, rows and
        places. `reports` is _lone(), when the caller has it."""
        lone, touching, met, root = reports or self._lone()
        tainted = np.zeros(len(self.docs), dtype=bool)
        tainted[list(reuse.tainted)] = True
        ends = self.pairs.array[touching]
        spoilt = ~reuse.known[touching] | tainted[root[ends]].any(axis=1)
        at_report = lone[ends]  # which end of each pair is a lone report (either, or both)
        per_end = np.repeat(spoilt[:, None], 2, axis=1)
        spoilt_at = np.bincount(ends[at_report], per_end[at_report], minlength=len(self.docs))
        old = reuse.old
        counted = reuse.pair_counts[np.maximum(old, 0)] == met
        return lone & (old >= 0) & ~tainted & counted & (spoilt_at == 0)

    def _decide(self, i: int, j: int) -> bool:
        """Join the groups of candidate pair (i, j) if they are one story; True if joined."""
        a, b = self.find(i), self.find(j)
        if a == b or self._apart(a, b):
            return False
        size = self.size
        if size[a] == 1 and size[b] == 1:
            words, meaning = self.pairs[(i, j)]  # two single articles: the pair itself
        else:
            words, meaning = self._group_average(a, b)
        if words >= (
            self.same_story_formed if min(size[a], size[b]) >= FORMED else self.same_story
        ):
            return self._join(i, j, "shared words")
        if meaning >= self.same_meaning:
            return self._join(i, j, "same meaning")
        if min(size[a], size[b]) >= FORMED:
            return False  # a copied pair joins only a lone article or a few (see FORMED)
        return self._copied(i, j) and self._join(i, j, "copied")

    def _replay(self, reuse: _Reuse) -> None:
        """The pass of run(), reading from the previous build what it can.

        A group is *tainted* once it holds a changed article (one that is new or edited, or
        whose TF-IDF row moved because a word's idf did) or once its fate can differ from
        last time: it joined a tainted group, or last time it joined at a pair where this
        time a tainted group is met. An untainted group has exactly the members it had at
        the same point of the last pass (the untouched pairs come in the same order, with
        the same scores), so at a pair of two untainted groups last time's decision is
        this time's: joined if it joined then (that join is copied), else apart. Only the
        tainted pairs are decided afresh, which makes the result the same as a full pass.

        Nor are all pairs visited: only last time's joins, the pairs not scored last time
        and those that touch the *region*, last time's stories of the articles where taint
        starts (_taint_starts). Any other pair is one of two untainted groups that stayed apart
        last time, so it does nothing, as long as taint stays inside the region. Should a
        tainted group reach beyond it (a story joins one it did not join last time), the
        pass starts again over the region widened by that group's stories: the result is
        the full pass's in any case."""
        find, tainted = self.find, reuse.tainted
        joined, position = reuse.joined, reuse.position
        for i, j in joined:  # a join at a pair that is no candidate now will not happen
            now_i, now_j = position.get(i), position.get(j)
            k = None if now_i is None or now_j is None else self.pairs.index(now_i, now_j)
            if k is None or not reuse.known[k]:
                tainted.update(find(position[m]) for m in (i, j) if m in position)
        stories = self._stories_before(reuse)
        region = sim.among(stories, stories[self._taint_starts(reuse)])
        saved = self._saved(reuse)
        while True:
            self._replay_over(reuse, region)
            spread = sim.among([find(i) for i in range(len(self.docs))], list(reuse.tainted))
            if not (spread & ~region).any():
                return
            self._restore(reuse, saved)
            region |= sim.among(stories, stories[spread])

    def _taint_starts(self, reuse: _Reuse) -> np.ndarray:
        """Where a replay's taint starts (bool, per article): the tainted groups' articles,
        and every article paired with a new or edited one (whose pairs are all new, and
        the likeliest to join)."""
        start = sim.among([self.find(i) for i in range(len(self.docs))], list(reuse.tainted))
        every = self.pairs.array
        start[every[(reuse.unchanged < 0)[every].any(axis=1)].ravel()] = True
        return start

    def _replay_over(self, reuse: _Reuse, region: np.ndarray) -> None:
        """_replay's pass over the pairs that can do anything while taint stays inside
        `region` (bool, per article)."""
        find, old, tainted = self.find, reuse.old, reuse.tainted
        joined, known = reuse.joined, reuse.known
        every = self.pairs.array
        mapped = old[every]
        width = len(reuse.previous.sources)
        codes = np.where((mapped >= 0).all(axis=1), mapped[:, 0] * width + mapped[:, 1], -1)
        before_codes = np.array([i * width + j for i, j in joined], dtype=np.int64)
        visit = region[every].any(axis=1) | ~known | sim.among(codes, before_codes)
        order = self._order()
        order = order[visit[order]]
        listed, was, known_at = every[order].tolist(), old.tolist(), known[order].tolist()
        for (i, j), scored in zip(listed, known_at, strict=True):
            a, b = find(i), find(j)
            if a == b:
                continue
            before = joined.get((was[i], was[j]))  # none for a changed article's (-1)
            if scored and a not in tainted and b not in tainted:
                if before is not None:
                    self._join(i, j, before.reason, before)
                continue
            if self._decide(i, j) or before is not None:
                tainted.update((a, b, find(i)))

    def _stories_before(self, reuse: _Reuse) -> np.ndarray:
        """Each article's story in the previous build (a number per story there, from the
        build's joins), or a number of its own (-1 - i) when it is new or edited."""
        stories = components(len(reuse.previous.sources), reuse.previous.joined)
        was = reuse.unchanged
        own = -1 - np.arange(len(self.docs), dtype=np.int64)
        return np.where(was >= 0, stories[np.maximum(was, 0)], own)

    def _saved(self, reuse: _Reuse) -> dict[str, object]:
        """What a replay changes, to start it again from (_restore)."""
        return {name: copy.copy(getattr(self, name)) for name in _REPLAYED} | {
            "tainted": set(reuse.tainted)
        }

    def _restore(self, reuse: _Reuse, saved: dict[str, object]) -> None:
        for name in _REPLAYED:
            setattr(self, name, copy.copy(saved[name]))
        reuse.tainted = set(saved["tainted"])  # type: ignore[call-overload]

    def _strongest_first(self) -> list[tuple[int, int]]:
        """Candidate pairs by how far past its threshold the stronger of the pair's two
        similarities is, strongest first; ties in (i, j) order (the pairs' own order)."""
        return [(i, j) for i, j in self.pairs.array[self._order()].tolist()]

    def _order(self) -> np.ndarray:
        """_strongest_first() as positions in the candidate arrays."""
        scores = self.pairs.scores
        strength = np.maximum(scores[:, 0] / self.same_story, scores[:, 1] / self.same_meaning)
        order: np.ndarray = np.argsort(-strength, kind="stable")
        return order

    def _candidates(self, reuse: _Reuse | None = None) -> np.ndarray:
        """Nearest neighbours by meaning (those of unchanged articles read from the
        previous build where they can be), and MinHash-LSH copy candidates; in (i, j)
        order."""
        whole, scale = sim.exact_rows(self.vectors)
        previous, old = (reuse.previous.neighbours, reuse.unchanged) if reuse else (None, None)
        self.near = sim.nearest(whole, scale, NEIGHBOURS, previous, old)
        copies = np.array(list(sim.copy_pairs(self.signatures)), dtype=np.int64).reshape(-1, 2)
        both = np.concatenate([self.near.pairs(CANDIDATE_FLOOR), copies])
        return sim.ordered_pairs(both[:, 0], both[:, 1], len(self.docs))

    def _pair_similarities(self, pairs: np.ndarray, reuse: _Reuse | None = None) -> CandidatePairs:
        """(TF-IDF cosine, embedding cosine) of every candidate pair (an int64 array of
        (i, j) rows, in (i, j) order), and whether it reached the copy overlap, in a few
        array operations; a pair of two unchanged articles the previous build scored is
        read."""
        if not len(pairs):
            return CandidatePairs.none()
        if reuse is not None:
            return self._reused_similarities(pairs, reuse)
        return CandidatePairs(pairs, *self._similarities(pairs))

    def _similarities(self, pairs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        left, right = pairs[:, 0], pairs[:, 1]
        meaning = np.concatenate(  # a block at a time: every pair's two rows gathered at
            [  # once are 600 MB at 20,000 articles, and ten times slower (page faults)
                np.einsum("ij,ij->i", self.vectors[lc], self.vectors[rc])
                for lc, rc in zip(sim.blocks(left), sim.blocks(right), strict=True)
            ]
        )
        copied = sim.overlaps(self.found, left, right) >= self.copy_overlap
        scores = np.stack([self._word_scores(pairs), meaning], axis=1).astype(np.float64)
        return scores, copied

    def _word_scores(self, pairs: np.ndarray) -> np.ndarray:
        """The TF-IDF cosine of each pair."""
        left, right = pairs[:, 0], pairs[:, 1]
        return np.concatenate(
            [
                np.asarray(self.words[lc].multiply(self.words[rc]).sum(axis=1)).ravel()
                for lc, rc in zip(sim.blocks(left), sim.blocks(right), strict=True)
            ]
        )

    def _reused_similarities(self, pairs: np.ndarray, reuse: _Reuse) -> CandidatePairs:
        """A pair the previous build scored keeps its scores when neither article changed
        (reuse.known). When only the idf of a word in one of them moved, it keeps its
        embedding cosine and copy verdict, which depend on the two texts alone, and its
        TF-IDF cosine is computed again."""
        previous = reuse.previous
        known, at = _scored_before(previous, reuse.old[pairs])  # -1: changed
        alike, at_alike = _scored_before(previous, reuse.unchanged[pairs])  # -1: new or edited
        scores = np.zeros((len(pairs), 2), dtype=np.float64)
        copied = np.zeros(len(pairs), dtype=bool)
        scores[known], copied[known] = previous.scores[at[known]], previous.copied[at[known]]
        rescored = np.flatnonzero(alike & ~known)
        if len(rescored):
            scores[rescored, 0] = self._word_scores(pairs[rescored])
            scores[rescored, 1] = previous.scores[at_alike[rescored], 1]
            copied[rescored] = previous.copied[at_alike[rescored]]
        fresh = np.flatnonzero(~alike)
        if len(fresh):
            scores[fresh], copied[fresh] = self._similarities(pairs[fresh])
        reuse.known = known
        return CandidatePairs(pairs, scores, copied)

    def _reusable(self) -> _Reuse | None:
        """What the previous build's trace can still answer, or None when it cannot be
        used: no trace, other thresholds or overrides, articles in another order, or so
        many changed articles (every idf moves when the corpus grows by a step) that a
        full pass is as quick."""
        previous = self.previous
        if previous is None or previous.key != self._key() or not self.docs:
            return None
        if any(d.features is None for d in self.docs):
            return None
        index = {source: k for k, source in enumerate(previous.sources)}
        old = np.array([index.get(d.article.source, -1) for d in self.docs], dtype=np.int64)
        kept = old[old >= 0]
        if np.any(np.diff(kept) <= 0):
            return None  # not in the same order: the pairs' order would not be kept
        prints = self._prints()
        same = old >= 0
        same[same] = previous.prints[old[same]] == prints[same]
        moved = self._moved_words(previous)
        changed = ~same | moved
        if changed.sum() * 2 > len(self.docs):
            return None
        unchanged = np.where(same, old, -1)
        old[changed] = -1
        joins = previous.joins()
        joined = {  # the pass's joins (not the editor's before it, nor the lone after it)
            (i, j): join for i, j, join in joins if join.reason not in ("editor", CLOSEST)
        }
        lone = {i: (j, join) for i, j, join in joins if join.reason == CLOSEST}
        tainted = {self.find(k) for k in np.flatnonzero(changed).tolist()}
        position = {int(k): i for i, k in enumerate(old.tolist()) if k >= 0}
        counts = np.bincount(previous.pairs.ravel(), minlength=len(previous.sources))
        none = np.zeros(0, dtype=bool)  # which pairs are known: found by _reused_similarities
        return _Reuse(previous, old, tainted, joined, none, unchanged, position, lone, counts)

    def _prints(self) -> np.ndarray:
        if self.prints is None:
            self.prints = fingerprints(self.found, self.vectors)
        return self.prints

    def _moved_words(self, previous: Trace) -> np.ndarray:
        """Articles whose TF-IDF row differs from the previous build's: those with a word
        whose idf is not what it was."""
        weights = self.weights
        at = np.minimum(
            np.searchsorted(previous.terms, weights.terms), max(len(previous.terms) - 1, 0)
        )
        same = (
            (previous.terms[at] == weights.terms) & (previous.idf[at] == weights.idf)
            if len(previous.terms)
            else np.zeros(len(weights.terms), dtype=bool)
        )
        moved = np.zeros(len(self.docs), dtype=bool)
        columns = ~same
        if columns.any():
            rows = np.repeat(np.arange(len(self.docs)), np.diff(self.words.indptr))
            moved[rows[columns[self.words.indices]]] = True
        return moved

    def _key(self) -> str:
        """What a trace must have been made with to be read: thresholds and overrides."""
        return json.dumps(
            [
                [self.same_story, self.same_story_formed, self.same_meaning, self.copy_overlap],
                [float(self.config.name_weight), NEIGHBOURS, CANDIDATE_FLOOR, FORMED, sim.BANDS],
                [sim.CORPUS_STEP, sim.DF_STEP],
                [list(g) for g in self.overrides.together],
                [list(g) for g in self.overrides.apart],
            ]
        )

    def trace(self) -> Trace:
        """This pass, for the next build (after run())."""
        joins = self.joins
        return Trace(
            self._key(),
            tuple(d.article.source for d in self.docs),
            self._prints(),
            self.weights.terms,
            self.weights.idf,
            self.pairs.array,
            self.pairs.scores,
            self.pairs.copied,
            np.array([(i, j) for i, j, _ in joins], dtype=np.int64).reshape(-1, 2),
            np.array(
                [(j.words, j.meaning, j.average_words, j.average_meaning) for _, _, j in joins],
                dtype=np.float64,
            ).reshape(-1, 4),
            np.array([REASONS.index(j.reason) for _, _, j in joins], dtype=np.uint8),
            self.near,
        )

    def _average(self, i: int, j: int) -> tuple[float, float]:
        """Average TF-IDF and embedding cosine over all pairs across the two groups."""
        a, b = self.find(i), self.find(j)
        if self.size[a] == self.size[b] == 1 and (min(a, b), max(a, b)) in self.pairs:
            return self.pairs[(min(a, b), max(a, b))]  # two single articles: the pair itself
        return self._group_average(a, b)

    def _group_average(self, a: int, b: int) -> tuple[float, float]:
        """_average() of the groups whose roots are a and b."""
        size_a, size_b = self.size[a], self.size[b]
        key = (min(a, b), max(a, b), size_a * size_b, size_a + size_b)
        known = self.averages.get(key)  # groups change only by joining, which changes their size
        if known is None:
            pairs = size_a * size_b
            words = _dot(self._word_sum(a), self._word_sum(b)) / pairs
            known = self.averages[key] = (words, float(self.total[a] @ self.total[b]) / pairs)
        return known

    def _word_sum(self, group: int) -> WordSum:
        """The group's summed TF-IDF vector (a single article's row until it joins)."""
        known = self.word_total.get(group, group)
        if not isinstance(known, tuple):
            known = self.word_total[group] = self._summed(known)
        return known

    def _summed(self, part: _Pending | int) -> WordSum:
        """The sum a join left pending, added up in the order the joins were made (so it
        is the same float for float however late it is asked for); a number is that
        article's row."""
        if isinstance(part, int):
            return self._row(part)
        left = part.left if isinstance(part.left, tuple) else self._summed(part.left)
        right = part.right if isinstance(part.right, tuple) else self._summed(part.right)
        return _add(left, right)

    def _copied(self, i: int, j: int) -> bool:
        k = self.pairs.index(i, j)
        if k is not None and self.docs[i].features and self.docs[j].features:
            return bool(self.pairs.copied[k])
        return sim.overlap(self._shingles(i), self._shingles(j)) >= self.copy_overlap

    def _shingles(self, i: int) -> frozenset[int]:
        if i not in self.sets:
            self.sets[i] = doc_shingles(self.docs[i])
        return self.sets[i]

    def _join(self, i: int, j: int, reason: str, known: Join | None = None) -> bool:
        """Join the groups of articles i and j, unless an editor keeps them apart; the
        Join recorded is `known` when given (the previous build's, for the same groups)."""
        a, b = self.find(i), self.find(j)
        if a == b or self._kept_apart(a, b):
            return False
        join = known or self._new_join(i, j, reason)
        keep, gone = min(a, b), max(a, b)
        self.parent[gone] = keep
        self.total[keep] = self.total[keep] + self.total.pop(gone)
        # summed when first asked for: most groups are never compared again
        self.word_total[keep] = _Pending(
            self.word_total.get(keep, keep), self.word_total.pop(gone, gone)
        )
        self.size[keep] += self.size.pop(gone)
        self.places[keep] = self.places[keep] | self.places.pop(gone)
        self.tolls[keep] = self.tolls[keep] | self.tolls.pop(gone)
        self.joins.append((i, j, join))
        return True

    def _new_join(self, i: int, j: int, reason: str) -> Join:
        words, meaning = self._average(i, j)
        pair = self.pairs.get((min(i, j), max(i, j)))
        return Join(
            self.docs[i].article.source,
            self.docs[j].article.source,
            round(pair[0] if pair else _dot(self._row(i), self._row(j)), 3),
            round(float(self.vectors[i] @ self.vectors[j]), 3),
            round(words, 3),
            round(meaning, 3),
            reason,
        )

    def _row(self, i: int) -> WordSum:
        start, stop = self.words.indptr[i], self.words.indptr[i + 1]
        return self.words.indices[start:stop], self.words.data[start:stop].astype(np.float64)

    def _apart(self, a: int, b: int) -> bool:
        """Do groups a and b report different events, by their addresses or the tolls
        their headlines count?"""
        return elsewhere(self.places[a], self.places[b]) or counted_apart(
            self.tolls[a], self.tolls[b]
        )

    def _kept_apart(self, a: int, b: int) -> bool:
        for group in self.apart:
            in_a = any(self.find(k) == a for k in group)
            if in_a and any(self.find(k) == b for k in group):
                return True
        return False

    def members(self) -> list[list[int]]:
        found: dict[int, list[int]] = {}
        for i in range(len(self.docs)):
            found.setdefault(self.find(i), []).append(i)
        return sorted(found.values())

    def joins_by_group(self) -> dict[int, tuple[Join, ...]]:
        """Every group's joins, by the group's root."""
        found: dict[int, list[Join]] = {}
        for i, _j, join in self.joins:
            found.setdefault(self.find(i), []).append(join)
        return {group: tuple(joins) for group, joins in found.items()}


Place = tuple[int, str]  # an address: block number, street (Article.addresses)
Toll = tuple[int, int]  # the dead and the wounded a headline counts (headline_toll)


def components(count: int, links: np.ndarray) -> np.ndarray:
    """For each of `count` nodes, the least node of its connected component under
    `links` (pairs of nodes). Labels flow to the lesser end of each link, then jump to
    their own label's label, until nothing moves: a few rounds, for stories' chains.
    (scipy's csgraph would do it too, but importing it costs an add-one build 0.04 s.)"""
    label = np.arange(count)
    if not len(links):
        return label
    left, right = links[:, 0], links[:, 1]
    while True:
        least = np.minimum(label[left], label[right])
        moved = label.copy()
        np.minimum.at(moved, left, least)
        np.minimum.at(moved, right, least)
        moved = moved[moved]
        if np.array_equal(moved, label):
            return label
        label = moved


def _scored_before(previous: Trace, mapped: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Which pairs, given as the previous pass's indices of their two articles (-1 where
    an article does not count as the same), the previous pass scored (bool), and where in
    its arrays."""
    width = len(previous.sources)
    codes = mapped[:, 0] * width + mapped[:, 1]
    known_codes = previous.pairs[:, 0] * width + previous.pairs[:, 1]  # sorted: (i, j) order
    found: np.ndarray = np.all(mapped >= 0, axis=1)
    if not len(known_codes):
        return np.zeros(len(mapped), dtype=bool), np.zeros(len(mapped), dtype=np.int64)
    at = np.minimum(np.searchsorted(known_codes, codes), len(known_codes) - 1)
    return found & (known_codes[at] == codes), at


def elsewhere(a: frozenset[Place], b: frozenset[Place]) -> bool:
    """Do two groups' addresses put their events in different places: both give one, and
    none of the first group's is near one of the second's?"""
    return bool(a and b) and not any(_one_place(x, y) for x in a for y in b)


def headline_toll(title: str) -> frozenset[Toll]:
    """The (dead, wounded) a headline counts, when it counts each once (HEADLINE_TOLL)."""
    found: dict[str, set[int]] = {}
    for m in HEADLINE_TOLL.finditer(title):
        n = m["n"].lower()
        found.setdefault(TOLL_KINDS[m["kind"].lower()], set()).add(TOLL_WORDS.get(n) or int(n))
    dead, hurt = found.get("dead", set()), found.get("hurt", set())
    return frozenset({(dead.pop(), hurt.pop())}) if len(dead) == len(hurt) == 1 else frozenset()


def counted_apart(a: frozenset[Toll], b: frozenset[Toll]) -> bool:
    """Do two groups' headline tolls make them different events: both count one, and no
    toll of the first shares its dead or its wounded with one of the second's?"""
    return bool(a and b) and not any(x[0] == y[0] or x[1] == y[1] for x in a for y in b)


def _one_place(a: Place, b: Place) -> bool:
    return abs(a[0] - b[0]) <= NEAR_BLOCKS and _one_street(a[1], b[1])


def _one_street(a: str, b: str) -> bool:
    """The same street name, or one slip of a letter apart (for names of STREET_SLIP_MIN
    letters or more)."""
    if a == b:
        return True
    if min(len(a), len(b)) < STREET_SLIP_MIN or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:k] + long[k + 1 :] == short for k in range(len(long)))


def relate(
    docs: Sequence[_Doc],
    config: DigestConfig,
    joins: tuple[Join, ...] = (),
    embed: Embed = sim.embed,
) -> Cluster:
    """Pick the canonical article and label every other member against it."""
    canonical = choose_canonical(docs, config)
    lead = docs[canonical]
    members = [Member(lead.article, Relation.CANONICAL, 1.0, _self_alignment(lead.article))]
    if len(docs) == 1:
        return Cluster(tuple(members), joins)  # most stories: nothing to align
    vectors = [_paragraph_vectors(d, embed) for d in docs]
    index = sim.shingle_index(lead.article.paragraphs)  # one for every member's alignment
    for k, d in enumerate(docs):
        if k == canonical:
            continue
        alignment = sim.align(
            d.article.paragraphs,
            lead.article.paragraphs,
            vectors[k],
            vectors[canonical],
            config.copy_overlap,
            config.reworded,
            index,
        )
        relation = label(alignment)
        similarity = round(float(d.vector @ lead.vector), 3)
        derived = relation in (Relation.COPY, Relation.REWRITE)
        members.append(
            Member(
                d.article,
                relation,
                similarity,
                alignment,
                credits_origin(d.article, lead.article) if derived else True,
            )
        )
    head, rest = members[0], sorted(members[1:], key=_member_order)
    return Cluster((head, *rest), joins)


def _paragraph_vectors(doc: _Doc, embed: Embed) -> np.ndarray:
    known = doc.features.paragraph_vectors if doc.features else None
    return known if known is not None else embed(doc.article.paragraphs)


def _member_order(m: Member) -> tuple[int, float, str]:
    order = [Relation.COPY, Relation.REWRITE, Relation.COVERAGE]
    return (order.index(m.relation), -m.similarity, m.article.source)


def _self_alignment(article: Article) -> tuple[ParagraphMatch, ...]:
    return tuple(ParagraphMatch(i, i, "verbatim", 1.0) for i in range(len(article.paragraphs)))


def label(alignment: Sequence[ParagraphMatch]) -> Relation:
    if not alignment:
        return Relation.COVERAGE
    verbatim = sum(m.how == "verbatim" for m in alignment) / len(alignment)
    matched = sum(m.how is not None for m in alignment)
    if verbatim >= COPY_SHARE:
        return Relation.COPY
    if matched / len(alignment) >= REWRITE_SHARE and matched >= REWRITE_MIN_PARAGRAPHS:
        return Relation.REWRITE
    return Relation.COVERAGE


def choose_canonical(docs: Sequence[_Doc], config: DigestConfig) -> int:
    """The most complete original: among the largest family of verbatim copies (the
    text others republished), the member with the most body text; then the one that
    credits its reporters, the earliest date, the source path."""
    n = len(docs)
    if n == 1:
        return 0
    root = list(range(n))

    def find(i: int) -> int:
        while root[i] != i:
            i = root[i]
        return i

    sets = [doc_shingles(d) for d in docs]
    for i in range(n):
        for j in range(i + 1, n):
            if find(j) == find(i):
                continue  # one family already: joining them again changes nothing
            if sim.overlap(sets[i], sets[j]) >= config.copy_overlap:
                root[find(j)] = find(i)
    family = [find(k) for k in range(n)]
    sizes = Counter(family)

    def rank(k: int) -> tuple[object, ...]:
        a = docs[k].article
        body = sum(len(sim.tokens(p)) for p in a.paragraphs)
        return (-sizes[family[k]], -bool(a.credits), -body, a.published or "9999", a.source)

    return min(range(n), key=rank)


def credits_origin(article: Article, origin: Article) -> bool:
    """Does the article name where its text came from (outlet or reporters)? Also when
    both credit the one agency or rights holder whose text they run ("Copyright 2012
    Associated Press" under both), and when the origin names neither outlet nor reporters:
    who it is is not known, so nothing can be said to go uncredited."""
    if set(article.credits) & set(origin.credits):
        return True
    if {name for _role, name in article.credited} & {name for _role, name in origin.credited}:
        return True
    if not origin.outlet and not origin.credits:
        return True
    if not origin.outlet or article.outlet == origin.outlet:
        return article.outlet is not None and article.outlet == origin.outlet
    outlet = re.escape(origin.outlet)
    text = article.text
    return any(re.search(p.format(outlet=outlet), text, re.IGNORECASE) for p in CREDIT_PHRASES)
