"""A rebuild reads the previous grouping pass (generator/trace.py) and decides afresh only
what changed articles touch: its stories must be exactly a full pass's, joins and all."""

from __future__ import annotations

import hashlib
import random
import zlib
from dataclasses import replace

import numpy as np
import pytest
from conftest import article_from, follow_up_texts

from generator import cluster as cluster_module
from generator import similarity
from generator.cluster import (
    CLOSEST,
    NO_SHINGLES,
    Groups,
    _Doc,
    article_features,
    cluster,
    group,
)
from generator.config import validated
from generator.models import Overrides, RawDocument
from generator.pipeline import prepare_all
from generator.trace import Trace

WORDS = """
ka lo mi ren tu sa vor eli dan pe ru zo ha ni quo bel tam
officials said the report described conditions across the region on monday while residents
waited for more information about what happened next and local leaders promised a full review
of the response within weeks according to statements released
""".strip().split("\n")
SYLLABLES = WORDS[0].split()  # made-up names are three of these
FILLER = " ".join(WORDS[1:]).split()  # words every report uses


def _name(rng: random.Random) -> str:
    return "".join(rng.sample(SYLLABLES, 3)).capitalize()


def _corpus(
    events: int = 66, seed: int = 3, prefix: str = "e", shared: int = 0
) -> list[RawDocument]:
    """Articles about made-up events: each event has its own names, places and figures, its
    reports share them and differ in wording and order; some events have one report, some
    four. Each event takes `shared` of its six names from the one before (a follow-up, or
    the same people elsewhere), which puts pairs of events near the thresholds."""
    rng = random.Random(seed)
    docs = []
    names: list[str] = []
    for e in range(events):
        names = names[:shared]
        names += [_name(rng) for _ in range(6 - len(names))]
        rng.shuffle(names)
        facts = [
            f"{names[k]} told reporters in {names[(k + 1) % 6]} that {rng.randrange(10, 999)} "
            f"people had been {rng.choice(DONE)} after the {rng.choice(EVENTS)} on "
            f"{rng.choice(DAYS)}, and that {names[(k + 2) % 6]} would {rng.choice(NEXT)}."
            for k in range(6)
        ]
        for r in range(1 + e % 4):
            body = [" ".join(rng.sample(facts, 2)) for _ in range(3)]
            body.append(" ".join(rng.sample(FILLER, 12)).capitalize() + ".")
            title = f"{names[0]} says {names[1]} will {rng.choice(NEXT)}"
            docs.append(RawDocument(f"{prefix}{e:03d}-{r}.txt", "\n".join([title, *body]), "utf-8"))
    return docs


DONE = ("moved to shelters", "treated in hospital", "questioned by police", "left without power")
EVENTS = ("storm", "fire", "flood", "collision", "protest", "power cut")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
NEXT = ("visit the area", "report to parliament", "meet the families", "review the plans")


def _embed(texts):
    """Bag of hashed words: a stand-in for the model that neighbours shared words."""
    out = np.zeros((len(texts), 64), dtype=np.float32)
    for row, text in enumerate(texts):
        for word in text.lower().split():
            out[row, zlib.crc32(word.encode()) % 64] += 1.0
    return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)


class DictMemo:
    def __init__(self) -> None:
        self.kept: dict[str, object] = {}

    def grouping(self):
        return self.kept.get("grouping")

    def keep_grouping(self, body):
        self.kept["grouping"] = body


def _prepared(docs):
    corpus = prepare_all(sorted(docs, key=lambda d: d.source))
    return list(corpus.articles), list(corpus.found)


def _outcome(clusters):
    return [
        (sorted(m.article.source for m in c.members), sorted(c.joins, key=repr)) for c in clusters
    ]


@pytest.fixture
def replays(monkeypatch):
    """How many articles each replayed pass decided afresh (tainted groups at the end)."""
    seen: list[int] = []
    original = cluster_module.Groups._replay

    def spy(self, reuse):
        original(self, reuse)
        seen.append(len(reuse.tainted))

    monkeypatch.setattr(cluster_module.Groups, "_replay", spy)
    return seen


@pytest.fixture
def searched(monkeypatch):
    """How many rows each nearest-neighbour search looked for afresh."""
    rows: list[int] = []
    original = similarity._tops

    def spy(whole, scale, found, k):
        rows.append(len(found))
        return original(whole, scale, found, k)

    monkeypatch.setattr(similarity, "_tops", spy)
    return rows


@pytest.fixture(scope="module")
def corpus():
    return _corpus()


def _edited(doc: RawDocument) -> RawDocument:
    return RawDocument(doc.source, doc.text + "\nA spokesman added nothing further.", "utf-8")


@pytest.mark.parametrize("change", ["add", "edit", "remove", "add to a story", "two changes"])
def test_a_replayed_pass_gives_exactly_the_stories_of_a_full_pass(
    corpus, replays, searched, change
):
    # 163 articles, 162 to 164 after the change: one step of the corpus size (CORPUS_STEP),
    # so only the articles that share a word with the changed ones move
    assert len(corpus) == 163
    docs = list(corpus)
    extra = _corpus(events=3, seed=11, prefix="x")
    if change == "add":
        docs.append(extra[0])
    elif change == "edit":
        docs[40] = _edited(docs[40])
    elif change == "remove":
        del docs[41]  # a report of a four-report event
    elif change == "add to a story":
        docs.append(RawDocument("e003-9.txt", docs[6].text + "\nMore later.", "utf-8"))
    else:
        docs[12] = _edited(docs[12])
        docs.append(extra[1])
    _same_as_a_full_pass(corpus, docs, replays, searched)


@pytest.mark.parametrize("seed", range(6))
def test_replays_on_events_that_share_names_match_full_passes(replays, searched, seed):
    """Events that share half their names sit near the thresholds: a change anywhere can
    tip a decision, and what it tips must be decided afresh."""
    rng = random.Random(seed)
    corpus = _corpus(events=66, seed=100 + seed, shared=2)
    docs = list(corpus)
    for _ in range(2):
        k = rng.randrange(len(docs))
        docs[k] = RawDocument(docs[k].source, docs[rng.randrange(len(docs))].text, "utf-8")
    del docs[rng.randrange(len(docs))]
    _same_as_a_full_pass(corpus, docs, replays, searched, tainted_share=1.0)


@pytest.mark.parametrize("seed", range(3))
def test_a_replay_that_taints_beyond_its_region_starts_again_and_matches_a_full_pass(
    monkeypatch, replays, searched, seed
):
    """A replay visits only the pairs that touch last time's stories of where taint
    starts. Made to start from no story at all, every group it taints lies beyond its
    region: it must widen the region and start again, as many times as it takes, and end
    with the full pass's stories."""
    rounds: list[int] = []
    starts: list[tuple[list[int], int, int]] = []  # each round's groups, joins and taint
    original = cluster_module.Groups._replay_over

    def counted(self, reuse, region):
        rounds.append(int(region.sum()))
        starts.append((list(self.parent), len(self.joins), len(reuse.tainted)))
        original(self, reuse, region)

    monkeypatch.setattr(cluster_module.Groups, "_replay_over", counted)
    monkeypatch.setattr(
        cluster_module.Groups, "_taint_starts", lambda self, reuse: np.zeros(len(self.docs), bool)
    )
    rng = random.Random(seed)
    corpus = _corpus(events=66, seed=100 + seed, shared=2)
    docs = list(corpus)
    k = rng.randrange(len(docs))
    docs[k] = RawDocument(docs[k].source, docs[rng.randrange(len(docs))].text, "utf-8")
    docs.append(_corpus(events=3, seed=11, prefix="x")[0])
    _same_as_a_full_pass(corpus, docs, replays, searched, tainted_share=1.0)
    assert len(rounds) >= 2 and rounds[0] == 0  # it started again, over a wider region
    assert rounds == sorted(rounds)
    assert all(start == starts[0] for start in starts)  # from where the first round started


def test_a_replay_joins_a_lone_report_after_the_pass_as_a_full_pass_does(replays, searched):
    """A report joined after the pass (the story it is clearly closest to) is no join of
    the pass: a replay does not copy it into the pass, where it would change the stories'
    averages, but decides it again afterwards. One unrelated report added."""
    lone = [RawDocument(name, text, "utf-8") for name, text in follow_up_texts(6)]
    before = [*_corpus(), *lone]
    after = [*before, _corpus(events=3, seed=11, prefix="x")[0]]
    _same_as_a_full_pass(before, after, replays, searched)
    memo = DictMemo()  # the follow-up did join after the pass (at these sizes and words)
    articles, found = _prepared(after)
    cluster(articles, validated({}), memo=memo, embed=_embed, found=found)
    kept = Trace.from_bytes(memo.kept["grouping"]).joins()
    assert [join.a for *_pair, join in kept if join.reason == CLOSEST] == ["lone.txt"]


def test_a_replay_reads_a_lone_report_decided_on_what_is_as_it_was(monkeypatch):
    """The lone pass of a replay takes last time's decision for a report whose candidate
    pairs and stories are as they were (the follow-up's join, and each alone report's
    none), and decides afresh when it or one of its stories holds a changed article, or
    one of its pairs is new."""
    lone = [RawDocument(name, text, "utf-8") for name, text in follow_up_texts(6)]
    before = [*_corpus(), *lone]
    after = [*before, _corpus(events=3, seed=11, prefix="x")[0]]
    memo = DictMemo()
    articles, found = _prepared(before)
    cluster(articles, validated({}), memo=memo, embed=_embed, found=found)
    checked: list[bool] = []
    original = Groups._join_lone

    def check(groups, reuse=None):  # on the pass's stories, before the lone joins
        assert reuse is not None
        alone = {i for i in range(len(articles)) if groups.size[groups.find(i)] == 1}
        near: dict[int, list[tuple[float, int]]] = {}
        for (i, j), (words, _meaning) in groups.pairs.items():
            near.setdefault(i, []).append((words, j))
            near.setdefault(j, []).append((words, i))
        follow_up = next(i for i, a in enumerate(articles) if a.source == "lone.txt")
        assert follow_up in alone
        others = [i for i in alone if i in near]
        read = groups._as_before(reuse)
        kept = [i for i in others if read[i] and reuse.old[i] not in reuse.lone]
        assert 0 < len(kept) < len(others)  # some read (as no join), some decided afresh
        assert read[follow_up]  # last time's join, read
        j, join = reuse.lone[int(reuse.old[follow_up])]
        assert (join.a, join.reason) == ("lone.txt", CLOSEST)
        j = reuse.position[j]
        assert articles[j].source.startswith("s0") and groups.size[groups.find(j)] == 4
        for tainted in (groups.find(j), follow_up):  # a story it meets, or itself, changed
            reuse.tainted.add(tainted)
            assert not groups._as_before(reuse)[follow_up]
            reuse.tainted.discard(tainted)
        reuse.pair_counts[reuse.old[follow_up]] -= 1  # it has a pair it did not have
        assert not groups._as_before(reuse)[follow_up]
        reuse.pair_counts[reuse.old[follow_up]] += 1
        some = groups.pairs.index(follow_up, near[follow_up][0][1])
        reuse.known[some] = False  # one of its pairs scored afresh
        assert not groups._as_before(reuse)[follow_up]
        reuse.known[some] = True
        assert groups._as_before(reuse)[follow_up]  # as it was
        checked.append(True)
        return original(groups, reuse)

    monkeypatch.setattr(Groups, "_join_lone", check)
    articles, found = _prepared(after)
    cluster(articles, validated({}), memo=memo, embed=_embed, found=found)
    assert checked == [True]


def _same_as_a_full_pass(before, after, replays, searched, tainted_share=1 / 4):
    config = validated({})
    memo = DictMemo()
    articles, found = _prepared(before)
    cluster(articles, config, memo=memo, embed=_embed, found=found)
    articles, found = _prepared(after)
    replayed = cluster(articles, found=found, config=config, memo=memo, embed=_embed)
    assert len(replays) == 1, "the previous pass was not read"
    assert replays[0] < len(articles) * tainted_share  # most decisions were read, not made
    if tainted_share < 1:  # one or two changes: most neighbours were read from the trace
        assert searched[-1] < len(articles) * similarity.REDO_SHARE
    fresh = DictMemo()
    full = cluster(articles, found=found, config=config, embed=_embed, memo=fresh)
    assert searched[-1] == len(articles)
    assert _outcome(replayed) == _outcome(full)
    ours, theirs = (Trace.from_bytes(m.kept["grouping"]) for m in (memo, fresh))
    for name in ("k", "ptr", "columns", "values"):
        assert np.array_equal(getattr(ours.neighbours, name), getattr(theirs.neighbours, name))
    assert ours.joins() == theirs.joins()  # the same joins, in the same order, for next time
    assert sum(len(c.members) > 1 for c in full) > 20  # there were stories to get wrong


def test_the_corpus_forms_its_events(corpus):
    articles, found = _prepared(corpus)
    stories = cluster(articles, validated({}), embed=_embed, found=found)
    events = {tuple(sorted({m.article.source[:4] for m in c.members})) for c in stories}
    assert all(len(e) == 1 for e in events)  # no story mixes two events
    assert len(stories) <= 70  # 66 events: most of their reports found each other


def test_no_replay_with_other_thresholds_or_overrides_or_a_damaged_trace(corpus, replays):
    articles, found = _prepared(corpus)
    memo = DictMemo()
    cluster(articles, validated({}), memo=memo, embed=_embed, found=found)
    kept = memo.kept["grouping"]
    assert Trace.from_bytes(kept) is not None
    cluster(articles, validated({"same_story": 0.3}), memo=memo, embed=_embed, found=found)
    apart = Overrides(apart=((articles[0].source, articles[1].source),))
    memo.kept["grouping"] = kept
    cluster(articles, validated({}), apart, memo=memo, embed=_embed, found=found)
    assert replays == []
    damaged = bytearray(kept)
    damaged[len(damaged) // 2] ^= 0xFF
    assert Trace.from_bytes(bytes(damaged)) is None
    assert Trace.from_bytes(b"not a trace") is None
    trace = Trace.from_bytes(kept)
    near = trace.neighbours
    n = len(trace.sources)
    for wrong in (
        replace(near, columns=near.columns + n),  # a neighbour that is no article
        replace(near, ptr=near.ptr[:-1]),  # a row short
        replace(near, values=near.values[:-1]),  # a cosine short
    ):
        assert Trace.from_bytes(replace(trace, neighbours=wrong).to_bytes()) is None
    memo.kept["grouping"] = bytes(damaged)
    full = cluster(articles, validated({}), memo=memo, embed=_embed, found=found)
    assert replays == []
    assert _outcome(full) == _outcome(cluster(articles, validated({}), embed=_embed, found=found))


def test_a_story_that_loses_an_article_is_decided_afresh():
    """c and u1 meet first, then u2 joins them. When c changes and leaves, u1 and u2 still
    meet, but their join is no longer last time's (c's share of the average is gone): the
    replay must not copy it."""
    rng = np.random.default_rng(5)
    random_words = random.Random(5)

    def doc(k: int, vector: np.ndarray) -> _Doc:
        words = " ".join(_name(random_words).lower() for _ in range(12))
        article = article_from(f"Report {k} {words}\nThe {words} were seen.\n", f"d{k:02d}.txt")
        unit = (vector / np.linalg.norm(vector)).astype(np.float32)
        return _Doc(article, unit, NO_SHINGLES, replace(article_features(article), meaning=unit))

    base = rng.normal(size=32)
    vectors = {
        "c": base + 0.05 * rng.normal(size=32),
        "u1": base,
        "u2": base + 0.45 * rng.normal(size=32),
    }
    docs = [doc(0, vectors["c"]), doc(1, vectors["u1"]), doc(2, vectors["u2"])]
    docs += [doc(k, rng.normal(size=32)) for k in range(3, 24)]
    config = validated({})
    first = Groups(docs, config, Overrides())
    first.run()
    assert [m for m in first.members() if len(m) > 1] == [[0, 1, 2]]
    assert [(i, j) for i, j, _ in first.joins] == [(0, 1), (1, 2)]  # c and u1 first
    changed = [replace(docs[0], vector=docs[3].vector), *docs[1:]]  # c now means what d03 does
    changed[0] = replace(changed[0], features=replace(changed[0].features, meaning=docs[3].vector))
    replayed = Groups(changed, config, Overrides(), Trace.from_bytes(first.trace().to_bytes()))
    replayed.run()
    full = Groups(changed, config, Overrides())
    full.run()
    assert [(i, j) for i, j, _ in full.joins if {i, j} == {1, 2}]  # u1 and u2 still meet
    assert replayed.joins == full.joins
    assert replayed.members() == full.members()


def test_a_pass_given_keys_knows_each_article_by_its_key(corpus, replays):
    """Given the cache's keys (each names everything its article is made from), the trace
    knows the articles by them: one whose key changed is decided afresh though its
    features are as they were, the rest are read; a trace made with keys, read without
    them, finds every article changed (a full pass)."""
    config = validated({})
    articles, found = _prepared(corpus)
    keys = [hashlib.sha256(a.source.encode()).hexdigest() for a in articles]
    memo = DictMemo()

    def outcome(groups):
        return [(sorted(d.article.source for d in docs), joins) for docs, joins in groups]

    full = outcome(group(articles, config, found=found))
    assert outcome(group(articles, config, memo=memo, found=found, keys=keys)) == full
    assert outcome(group(articles, config, memo=memo, found=found, keys=keys)) == full
    assert replays == [0]  # nothing changed: every decision read
    keys[40] = hashlib.sha256(b"the seed's new bytes").hexdigest()
    assert outcome(group(articles, config, memo=memo, found=found, keys=keys)) == full
    assert len(replays) == 2 and replays[1] >= 1  # article 40's group, decided afresh
    assert outcome(group(articles, config, memo=memo, found=found)) == full
    assert len(replays) == 2  # by fingerprints: every article changed, no replay


def test_a_replay_measures_copying_only_for_pairs_with_a_changed_article(corpus, monkeypatch):
    """Adding an article moves the idf of its words, so pairs of unchanged articles that use
    them are scored afresh by words; their meaning and copy overlap depend on the two texts
    alone and are read from the trace. The copy overlap is measured only for the pairs of
    the added article, and the stories are still a full pass's."""
    config = validated({})
    memo = DictMemo()
    articles, found = _prepared(corpus)
    cluster(articles, config, memo=memo, embed=_embed, found=found)
    docs = [*corpus, _corpus(events=3, seed=11, prefix="x")[0]]
    articles, found = _prepared(docs)
    added = next(k for k, a in enumerate(articles) if a.source.startswith("x"))
    overlapped: list[np.ndarray] = []
    rescored: list[int] = []
    overlaps, word_scores = similarity.overlaps, Groups._word_scores

    def overlaps_spy(found, left, right):
        overlapped.append(np.stack([left, right], axis=1))
        return overlaps(found, left, right)

    def word_scores_spy(self, pairs):
        rescored.append(len(pairs))
        return word_scores(self, pairs)

    monkeypatch.setattr(similarity, "overlaps", overlaps_spy)
    monkeypatch.setattr(Groups, "_word_scores", word_scores_spy)
    replayed = cluster(articles, config, memo=memo, embed=_embed, found=found)
    pairs = np.concatenate(overlapped)
    assert len(pairs) and np.all((pairs == added).any(axis=1))  # only the added one's pairs
    assert sum(rescored) > len(pairs)  # pairs of unchanged articles were scored by words again
    full = cluster(articles, config, memo=DictMemo(), embed=_embed, found=found)
    assert _outcome(replayed) == _outcome(full)
