"""Cluster stage: stories and relations on the samples, and the guards behind them."""

from __future__ import annotations

import numpy as np
from conftest import GOLD, article_from

from generator.cluster import Groups, _Doc, choose_canonical, cluster, label
from generator.config import validated
from generator.models import Overrides, ParagraphMatch, Relation
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


def test_label_thresholds():
    def m(*hows):
        return [ParagraphMatch(i, 0 if h else None, h, 1.0) for i, h in enumerate(hows)]

    assert label(m("verbatim", "verbatim", None)) is Relation.COPY
    assert label(m("reworded", "reworded", "verbatim", None)) is Relation.REWRITE
    assert label(m("reworded", None, None)) is Relation.COVERAGE
    assert label([]) is Relation.COVERAGE


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
