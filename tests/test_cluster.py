"""Cluster stage: stories and relations on the samples, and the guards behind them."""

from __future__ import annotations

import random
import re

import numpy as np
import pytest
from conftest import GOLD, SEEDS, article_from, follow_up_texts

from generator import cluster as cluster_module
from generator.cluster import (
    FORMED,
    CandidatePairs,
    Groups,
    _Doc,
    article_features,
    choose_canonical,
    cluster,
    counted_apart,
    credits_origin,
    elsewhere,
    headline_toll,
    label,
)
from generator.config import validated
from generator.models import Overrides, ParagraphMatch, RawDocument, Relation
from generator.pipeline import prepare_all
from generator.read import read_seed
from generator.similarity import shingles


def _stories(clusters):
    return [{m.article.source: m.relation.value for m in c.members} for c in clusters]


def test_samples_form_the_gold_stories_with_gold_relations(samples, config):
    got = _stories(cluster(list(samples.values()), config))
    assert sorted(got, key=sorted) == sorted((s["articles"] for s in GOLD["stories"]), key=sorted)


def test_canonical_leads_and_members_follow_in_relation_order(samples, config):
    for c in cluster(list(samples.values()), config):
        assert c.members[0].relation is Relation.CANONICAL
        assert c.members[0].similarity == 1.0
        assert all(m.relation is not Relation.CANONICAL for m in c.members[1:])


def test_uncredited_rewrite_is_flagged_and_credited_copy_is_not(samples, config):
    members = {
        m.article.source: m for c in cluster(list(samples.values()), config) for m in c.members
    }
    assert members["001_d287f615382e4c94.txt"].credits_original is False  # no credit to ABC
    assert members["002_6e10a5f34e632333.txt"].credits_original is True  # keeps ABC's credits


_WIRE_STORY = (
    "Officer killed in shootout\n"
    "A police officer was killed on Sunday in a shootout with a man who had barricaded "
    "himself in his home, officials said.\n"
    "The man was also killed. The officer had served on the force for 12 years.\n"
)


def test_a_copy_of_an_unknown_origin_or_of_one_agencys_text_is_not_called_uncredited():
    # nobody is named as the original's outlet or reporters: nothing to credit
    plain = article_from(_WIRE_STORY)
    assert credits_origin(article_from(_WIRE_STORY), plain)
    # both print the agency's rights line: each runs the agency's text, credited
    wire = _WIRE_STORY + "Copyright 2012 Associated Press. All rights reserved.\n"
    paper = article_from(wire, meta={"outlet": "Harbour Herald"})
    station = article_from(wire, meta={"outlet": "WHBR"})
    assert credits_origin(station, paper)
    # the original's outlet known, and the copy names neither it nor an agency they share
    assert not credits_origin(article_from(_WIRE_STORY, meta={"outlet": "WHBR"}), paper)


def test_unrelated_articles_stay_apart(config):
    a = article_from(
        "Storm closes schools\nHeavy snow closed every school in the county on "
        "Friday, and officials told drivers to stay home.\n"
    )
    b = article_from(
        "Chip maker beats forecasts\nThe company reported record quarterly revenue "
        "on strong demand for data-centre processors.\n"
    )
    assert len(cluster([a, b], config)) == 2


def _doc(vector, text):
    v = np.asarray(vector, dtype=np.float32)
    return _Doc(article_from(text), v / np.linalg.norm(v), frozenset({hash(tuple(vector))}))


def test_average_link_does_not_chain(config):
    # A~B and B~C are above the threshold, A~C is far below: single link would chain
    # all three; average link keeps C out of the A-B story.
    a = _doc([1.0, 0.0, 0.0], "Harbour plan\nThe council approved a harbour plan today.")
    b = _doc([0.8, 0.6, 0.0], "Ferry strike\nFerry crews walked out over pay on Monday.")
    c = _doc([0.28, 0.96, 0.0], "Bakery award\nA local baker won a national bread prize.")
    config = validated({"same_meaning": 0.79})
    assert float(a.vector @ b.vector) > config.same_meaning
    assert float(b.vector @ c.vector) > config.same_meaning
    assert float(a.vector @ c.vector) < 0.5
    groups = Groups([a, b, c], config, Overrides())
    groups.run()
    assert len(groups.members()) == 2
    assert not any({0, 2} <= set(g) for g in groups.members())


HARBOUR = (
    "Harbour plan approved\n"
    "The city council approved a plan on Tuesday to dredge the old harbour and rebuild "
    "its sea wall, after two years of arguments about the cost.\n"
    "Work on the northern quay begins in spring, and the ferry terminal will move to a "
    "temporary pier while the channel is deepened.\n"
    "Fishermen who moor in the inner basin said the plan gave them too little notice.\n"
)
ORCHESTRA = (
    "Orchestra names conductor\n"
    "The national orchestra has chosen a young violinist from Tallinn as its next music "
    "director, ending a search that lasted three seasons.\n"
    "She will conduct six programmes next year, including a cycle of Sibelius symphonies "
    "and two new commissions.\n"
    "Subscribers were told of the appointment in a letter sent on Monday evening.\n"
)


def test_one_copied_pair_does_not_join_two_formed_stories(config):
    """A roundup that reprints two stories whole is a copy of each; copied pairs join
    single link, so without a guard it would chain the two stories (at 50,000 articles of
    bench/scale.py's corpus such splices chained 41,068 articles into one story)."""
    roundup = HARBOUR + ORCHESTRA.split("\n", 1)[1]  # both stories' paragraphs

    def doc(vector, text):  # the meaning given, the copy overlap from the text's shingles
        article = article_from(text)
        v = np.asarray(vector, dtype=np.float32)
        return _Doc(article, v / np.linalg.norm(v), frozenset(), article_features(article))

    docs = [doc([1.0, 0.0], HARBOUR) for _ in range(3)]
    docs += [doc([0.0, 1.0], ORCHESTRA) for _ in range(3)]
    docs.append(doc([1.0, 1.0], roundup))
    groups = Groups(docs, config, Overrides())
    groups.run()
    stories = [set(g) for g in groups.members()]
    assert len(stories) == 2 and {0, 1, 2} in [g - {6} for g in stories]
    assert not any({0, 3} <= g for g in stories)


def test_label_thresholds():
    def m(*hows):
        return [ParagraphMatch(i, 0 if h else None, h, 1.0) for i, h in enumerate(hows)]

    assert label(m("verbatim", "verbatim", None)) is Relation.COPY
    assert label(m("reworded", "reworded", "verbatim", None)) is Relation.REWRITE
    assert label(m("reworded", None, None)) is Relation.COVERAGE
    assert label([]) is Relation.COVERAGE
    # a one-paragraph brief whose meaning matches the lead's lede is its own summary, not
    # a paraphrase (two outlets' briefs of one event); copied word for word, it is a copy
    assert label(m("reworded")) is Relation.COVERAGE
    assert label(m("verbatim")) is Relation.COPY
    assert label(m("reworded", "reworded")) is Relation.REWRITE


def test_canonical_is_the_most_complete_of_the_copied_text(samples, config):
    docs = [
        _Doc(a, np.ones(2, dtype=np.float32), shingles(a.text))
        for name, a in sorted(samples.items())
        if name[:3] in ("000", "001", "002")
    ]
    assert docs[choose_canonical(docs, config)].article.source.startswith("000")


def _sources(clusters):
    return sorted(sorted(m.article.source for m in c.members) for c in clusters)


def test_editor_can_force_articles_apart_and_together(samples, config):
    articles = list(samples.values())
    a, b, far = "000_769eb25042b505df.txt", "001_d287f615382e4c94.txt", "004_509b700b257930df.txt"
    assert any({a, b} <= set(g) for g in _sources(cluster(articles, config)))
    apart = _sources(cluster(articles, config, Overrides(apart=((a, b),))))
    assert not any({a, b} <= set(g) for g in apart)
    together = _sources(cluster(articles, config, Overrides(together=((a, far),))))
    assert any({a, far} <= set(g) for g in together)


def test_joins_record_why_each_member_is_in_its_story(samples, config):
    for c in cluster(list(samples.values()), config):
        assert len(c.joins) == len(c.members) - 1
        for join in c.joins:
            assert join.reason in ("shared words", "same meaning", "copied", "editor")
            if join.reason == "shared words":
                assert join.average_words >= config.same_story
            if join.reason == "same meaning":
                assert join.average_meaning >= config.same_meaning


# --- the faster paths give the same stories --------------------------------------------------
@pytest.fixture(scope="module")
def crowd():
    """About 160 articles made from the samples the way bench/scale.py makes its corpus:
    copies with paragraphs dropped, rewrites with sentences shuffled, and articles spliced
    from two others, so groups grow, meet other groups and are kept apart."""
    rng = random.Random(7)
    texts = [read_seed(p, p.name, 10**7).text for p in sorted(SEEDS.glob("*.txt"))]
    made = []
    for k in range(160):
        lines = [line for line in texts[k % len(texts)].split("\n") if line.strip()]
        kind = k // len(texts) % 3
        if kind == 0:
            lines = [line for line in lines if rng.random() > 0.3] or lines
        elif kind == 1:
            split = (re.split(r"(?<=[.!?])\s+", line) for line in lines)
            lines = [" ".join(rng.sample(s, len(s))) for s in split]
        else:
            other = [x for x in texts[rng.randrange(len(texts))].split("\n") if x.strip()]
            lines = lines[: len(lines) // 2] + other[len(other) // 2 :]
        made.append(RawDocument(f"crowd/{k:03d}.txt", "\n".join(lines), "utf-8"))
    corpus = prepare_all(made)
    return list(corpus.articles), list(corpus.found)


def _old_dot(a, b):
    if len(a[0]) > len(b[0]):
        a, b = b, a
    at = np.searchsorted(b[0], a[0])
    at[at == len(b[0])] = 0
    shared = b[0][at] == a[0]
    return float(np.dot(a[1][shared], b[1][at[shared]]))


class ReferenceGroups(Groups):
    """The grouping loop as it was before it was made faster, kept to check the new one."""

    def run(self):
        for members in self.together:
            for j in members[1:]:
                self._join(members[0], j, "editor")
        self.pairs = self._pair_similarities(self._candidates())
        for i, j in self._strongest_first():
            if self.find(i) == self.find(j):
                continue
            words, meaning = self._average(i, j)
            if words >= self.same_story:
                self._join(i, j, "shared words")
            elif meaning >= self.same_meaning:
                self._join(i, j, "same meaning")
            elif min(self.size[self.find(i)], self.size[self.find(j)]) < FORMED and self._copied(
                i, j
            ):
                self._join(i, j, "copied")

    def _average(self, i, j):
        a, b = self.find(i), self.find(j)
        if self.size[a] == self.size[b] == 1 and (min(a, b), max(a, b)) in self.pairs:
            return self.pairs[(min(a, b), max(a, b))]
        key = (min(a, b), max(a, b), self.size[a] * self.size[b], self.size[a] + self.size[b])
        if key not in self.averages:
            pairs = self.size[a] * self.size[b]
            words = _old_dot(self._word_sum(a), self._word_sum(b)) / pairs
            self.averages[key] = (words, float(self.total[a] @ self.total[b]) / pairs)
        return self.averages[key]


@pytest.mark.parametrize("same_story", [0.12, 0.22, 0.4])
def test_grouping_joins_exactly_as_the_reference_loop(crowd, same_story):
    articles, found = crowd
    # one threshold for every pair of groups, as the reference loop knows no formed stories
    config = validated({"same_story": same_story, "same_story_formed": same_story})
    docs = [_Doc(a, f.meaning, frozenset(), f) for a, f in zip(articles, found, strict=True)]
    apart = Overrides(apart=((articles[0].source, articles[5].source),))
    runs = []
    for kind in (Groups, ReferenceGroups):
        groups = kind(docs, config, apart)
        groups.run()
        runs.append((groups.joins, groups.members()))
    assert runs[0] == runs[1]  # the same joins, in order, to the last bit of every average
    joins = [join for _i, _j, join in runs[0][0]]
    assert len(joins) > 40 and len(runs[0][1]) > 1
    assert any(j.average_words != j.words for j in joins)  # groups met groups, not just pairs


def _plain(clusters):
    return [
        (
            c.joins,
            [
                (m.article, m.relation, m.similarity, m.alignment, m.credits_original)
                for m in c.members
            ],
        )
        for c in clusters
    ]


def test_embeddings_from_prepare_and_relating_on_every_core_change_nothing(
    crowd, config, monkeypatch
):
    articles, found = crowd
    assert all(f.meaning is not None and f.paragraph_vectors is not None for f in found)
    alone = _plain(cluster(articles, config))  # cluster() embeds, relates on this core
    assert sorted(len(c[1]) for c in alone)[-2:] > [20, 20]  # stories of many articles
    monkeypatch.setattr(cluster_module, "PARALLEL_STORIES", 1)
    monkeypatch.setattr(cluster_module.os, "cpu_count", lambda: 2)
    assert _plain(cluster(articles, config, found=found)) == alone


QUAKE = (
    "A strong earthquake shook the coast on {day}, collapsing buildings and cutting power to "
    "thousands of homes. Rescue teams searched the rubble through the night as aftershocks "
    "rattled the region."
)
QUAKES = {  # two earthquakes: one kind of event, two stories, three reports each
    "chile": (
        "Monday",
        "Officials in Valparaiso said the magnitude 7.1 quake killed 12 people. Mayor Jorge "
        "Sharp asked residents of Vina del Mar to stay outdoors. Engineers from Santiago "
        "inspected the port cranes at Valparaiso. The Chilean navy lifted a tsunami warning "
        "for Juan Fernandez island. Copper mines near Antofagasta halted their night shifts.",
    ),
    "peru": (
        "Thursday",
        "Authorities in Arequipa said the magnitude 6.8 quake killed 9 people. Governor Kim "
        "Schmitz asked residents of Camana to stay outdoors. Engineers from Lima inspected the "
        "colonial churches of Arequipa. The Peruvian army sent tents to the Colca valley "
        "villages. Trains to Cusco and Puno were suspended while tracks were checked.",
    ),
}
SIDE_NOTES = (
    "Hospitals treated dozens of injured people.",
    "Schools were closed for the rest of the week.",
    "The government promised emergency funds for reconstruction.",
)


def test_two_formed_stories_of_one_kind_need_more_shared_words_to_join():
    articles = [
        article_from(
            f"Quake report {k}\n{QUAKE.format(day=day)}\n{detail}\n{note}\n", f"{place}-{k}.txt"
        )
        for place, (day, detail) in QUAKES.items()
        for k, note in enumerate(SIDE_NOTES)
    ]
    apart = cluster(articles, validated({}))
    assert sorted(sorted(m.article.source[:4] for m in c.members) for c in apart) == [
        ["chil"] * 3,
        ["peru"] * 3,
    ]
    # The two stories share words above `same_story` on average: judged like any two
    # groups, they would be one.
    joined = cluster(articles, validated({"same_story_formed": 0.22}))
    assert len(joined) == 1
    between = [j.average_words for j in joined[0].joins if j.a[:4] != j.b[:4]]
    assert len(between) == 1 and 0.22 <= between[0] < 0.28


SHOOTING = (
    "{title}\n"
    "CHICAGO -- Two men were wounded in a shooting {where} late Saturday night, "
    "police said.\n"
    "The men, 24 and 31, were standing on the sidewalk when a gunman walked up and "
    "opened fire, according to police. Both were taken to Stroger Hospital in fair "
    "condition.\n"
    "No one was in custody Sunday and detectives were investigating, police said.\n"
)


def test_reports_that_put_an_event_at_different_addresses_stay_apart(config):
    """Two shootings in one city are told in the same words: the addresses tell them
    apart. A report giving a nearby block, or the street with a letter slipped, or no
    address at all, is about the same place."""
    first = article_from(
        SHOOTING.format(title="Two men shot on South Side", where="in the 6700 block of "
                        "South Wabash Avenue"), "a.txt")  # fmt: skip
    other = article_from(
        SHOOTING.format(title="Two men shot on South Side", where="in the 1200 block of "
                        "West Garfield Boulevard"), "b.txt")  # fmt: skip
    assert first.addresses == ((6700, "wabash"),) and other.addresses == ((1200, "garfield"),)
    assert len(cluster([first, other], config)) == 2
    for name, where in (
        ("near.txt", "in the 6900 block of S. Wabash Ave."),
        ("slip.txt", "in the 6700 block of South Wabsh Avenue"),
        ("none.txt", "on the South Side"),
    ):
        same = article_from(SHOOTING.format(title="Two men shot on South Side", where=where), name)
        assert len(cluster([first, same], config)) == 1, name
    # a story keeps the addresses of all its reports: the one without says nothing
    apart = cluster([same, first, other], config)
    assert sorted(sorted(m.article.source for m in c.members) for c in apart) == [
        ["a.txt", "none.txt"],
        ["b.txt"],
    ]


def test_a_headline_s_house_address_places_the_event(config):
    """Police releases title each shooting by its house address ("Investigation into
    Fatal Shooting at 9780 Bissonnet"), over the same words: the addresses tell them
    apart; a report of the same house goes with it."""
    title = "Investigation into Fatal Shooting at {}"
    where = "on the South Side"
    first = article_from(SHOOTING.format(title=title.format("9780 Bissonnet"), where=where), "a")
    other = article_from(SHOOTING.format(title=title.format("8449 Gulf Freeway"), where=where), "b")
    again = article_from(
        SHOOTING.format(title="Suspect charged in shooting at 9780 Bissonnet", where=where), "c"
    )
    assert first.addresses == ((9780, "bissonnet"),) and other.addresses == ((8449, "gulf"),)
    assert len(cluster([first, other], config)) == 2
    assert len(cluster([first, again], config)) == 1


def test_an_address_is_one_place_near_its_block_on_one_street():
    wabash = frozenset({(6700, "wabash")})
    assert elsewhere(wabash, frozenset({(1200, "garfield")}))
    assert elsewhere(wabash, frozenset({(7300, "wabash")}))  # six blocks on: another place
    assert not elsewhere(wabash, frozenset({(7200, "wabash")}))
    assert not elsewhere(wabash, frozenset({(6700, "wabsh")}))  # a letter left out
    assert elsewhere(frozenset({(100, "1st")}), frozenset({(100, "2nd")}))  # short: exact
    assert not elsewhere(wabash, frozenset())  # no address: nothing said
    roundup = frozenset({(1200, "garfield"), (6700, "wabash"), (300, "kedzie")})
    assert not elsewhere(wabash, roundup)  # a weekend round-up names this one too


ROUNDUP = (
    "{title}\n"
    "CHICAGO -- Gunfire across the city over the weekend left people dead and wounded, "
    "police said, in shootings from the South Side to the West Side.\n"
    "Among the wounded were two teenagers shot while standing outside a home in the "
    "Austin neighborhood, according to police.\n"
    "No one was in custody in most of the shootings and detectives were investigating.\n"
)


def test_round_ups_whose_headlines_count_other_tolls_stay_apart(config):
    """A city's weekend round-ups are told in the same words: the dead and wounded their
    headlines count tell them apart when neither number is shared. A headline that shares
    one of them, or counts no toll, may be the same event's."""
    first = article_from(ROUNDUP.format(title="4 Killed, 53 Wounded In Weekend Shootings"), "a.txt")
    other = article_from(ROUNDUP.format(title="8 dead, 27 wounded in weekend shootings"), "b.txt")
    assert len(cluster([first, other], config)) == 2
    for name, title in (
        ("update.txt", "Five killed, 53 wounded in weekend shootings"),  # one more dead
        ("none.txt", "Weekend shootings across the city"),
    ):
        same = article_from(ROUNDUP.format(title=title), name)
        assert len(cluster([first, same], config)) == 1, name


def test_a_headline_toll_counts_the_dead_and_the_wounded_once_each():
    assert headline_toll("4 Killed, 53 Wounded In Weekend Shootings") == {(4, 53)}
    assert headline_toll("Two dead, 10 injured in Chicago shootings") == {(2, 10)}
    assert headline_toll("3 dead, 11 others wounded, including a toddler") == {(3, 11)}
    assert headline_toll("Two dead in crash") == frozenset()  # no wounded counted
    assert headline_toll("2 dead, 3 dead in separate shootings, 4 wounded") == frozenset()
    assert counted_apart(frozenset({(4, 53)}), frozenset({(8, 27)}))
    assert not counted_apart(frozenset({(4, 53)}), frozenset({(5, 53)}))  # one shared
    assert not counted_apart(frozenset({(4, 53)}), frozenset())  # no toll: nothing said
    assert not counted_apart(frozenset({(4, 53), (8, 27)}), frozenset({(8, 30)}))


def _follow_up_corpus(shared: int, events: int = 1, where: str = "") -> list:
    return [article_from(text, name) for name, text in follow_up_texts(shared, events, where)]


def _story_of(source: str, clusters) -> list[str]:
    return next(sorted(m.article.source for m in c.members) for c in clusters
                if source in {m.article.source for m in c.members})  # fmt: skip


def test_a_lone_report_joins_the_formed_story_it_is_clearly_closest_to(config, monkeypatch):
    """No pair of the follow-up and a report shares `same_story` of its words, but on
    average it is close to the four reports: after the pass it joins them. Not a story of
    fewer reports, not below LONE_JOIN, not when another story is about as close, not
    when the addresses differ."""
    docs = _follow_up_corpus(shared=14)
    joined = cluster(docs, config)
    assert _story_of("lone.txt", joined) == ["lone.txt", "s00.txt", "s01.txt", "s02.txt", "s03.txt"]
    (join,) = [j for c in joined for j in c.joins if "lone.txt" in (j.a, j.b)]
    assert join.reason == cluster_module.CLOSEST and join.words < config.same_story
    with monkeypatch.context() as m:
        m.setattr(cluster_module, "LONE_STORY_MIN", 5)
        assert _story_of("lone.txt", cluster(docs, config)) == ["lone.txt"]
    with monkeypatch.context() as m:
        m.setattr(cluster_module, "LONE_JOIN", join.average_words + 0.01)
        assert _story_of("lone.txt", cluster(docs, config)) == ["lone.txt"]
    two = _follow_up_corpus(shared=8, events=2)  # as close to both events' reports
    assert _story_of("lone.txt", cluster(two, config)) == ["lone.txt"]
    with monkeypatch.context() as m:
        m.setattr(cluster_module, "LONE_MARGIN", 0.0)
        assert len(_story_of("lone.txt", cluster(two, config))) == 5
    wabash = "in the 6700 block of South Wabash Avenue"
    there = [article_from(f"{d.title}\n" + "\n".join(d.paragraphs) + f"\nIt happened {wabash}.",
                          d.source) for d in docs[:4]]  # fmt: skip
    elsewhere = _follow_up_corpus(shared=14, where="in the 1200 block of West Garfield Boulevard")
    assert _story_of("lone.txt", cluster([*there, elsewhere[-1]], config)) == ["lone.txt"]
    here = _follow_up_corpus(shared=14, where=wabash)
    assert len(_story_of("lone.txt", cluster([*there, here[-1]], config))) == 5


def test_candidate_pairs_are_arrays_and_a_mapping_of_the_same_pairs():
    pairs = np.array([[0, 3], [1, 2], [2, 5]], dtype=np.int64)
    scores = np.array([[0.5, 0.9], [0.125, 0.25], [0.3, 0.7]])
    found = CandidatePairs(pairs, scores, np.array([True, False, False]))
    assert dict(found) == {(0, 3): (0.5, 0.9), (1, 2): (0.125, 0.25), (2, 5): (0.3, 0.7)}
    assert list(found) == [(0, 3), (1, 2), (2, 5)] and len(found) == 3
    assert found.index(3, 0) == found.index(0, 3) == 0 and found[(5, 2)] == (0.3, 0.7)
    for absent in ((0, 1), (3, 5), (2, 6), (6, 2), (-1, 4)):
        assert found.index(*absent) is None and absent not in found
    assert found.copied.tolist() == [True, False, False]
    empty = CandidatePairs.none()
    assert len(empty) == 0 and empty.index(0, 1) is None and dict(empty) == {}
