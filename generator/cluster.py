"""Stage 3, cluster: articles -> stories, and each article's relation to its story.

Candidates come from indexes (nearest neighbours on embeddings, MinHash-LSH on
shingles), never from an all-pairs matrix. Stories grow by average link: two
groups join only when their members are similar *on average*, which stops the
chaining that single link suffers on large pools."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from . import similarity as sim
from .config import DigestConfig
from .models import Article, Cluster, Member, ParagraphMatch, Relation

NEIGHBOURS = 10  # nearest neighbours per article considered as story candidates
COPY_SHARE = 0.6  # share of paragraphs copied verbatim that makes an article a copy
REWRITE_SHARE = 0.5  # share of paragraphs matched (verbatim or reworded) that makes a rewrite
# How a copy or rewrite credits its origin: "according to X", "X reported", "via X".
CREDIT_PHRASES = (
    r"(?:according to|reported by|via|courtesy of|(?:first|originally) "
    r"(?:appeared|published|reported) (?:in|on|by))\s+(?:the\s+)?{outlet}",
    r"{outlet}\s+(?:first\s+)?reported",
)


@dataclass(frozen=True, slots=True)
class _Doc:
    article: Article
    vector: np.ndarray
    shingles: frozenset[int]


def cluster(articles: Sequence[Article], config: DigestConfig) -> tuple[Cluster, ...]:
    docs = [
        _Doc(a, v, sim.shingles(a.text))
        for a, v in zip(articles, sim.embed([doc_text(a) for a in articles]), strict=True)
    ]
    groups = group(docs, config)
    return tuple(relate([docs[i] for i in g], config) for g in groups)


def doc_text(article: Article) -> str:
    return "\n".join((article.title, *(article.paragraphs or (article.title,))))


def group(docs: Sequence[_Doc], config: DigestConfig) -> list[list[int]]:
    """Average-link agglomeration over candidate pairs, strongest pair first."""
    vectors = np.stack([d.vector for d in docs]) if docs else np.zeros((0, 1))
    pairs = sim.neighbour_pairs(vectors, NEIGHBOURS, config.same_story)
    for i, j in sim.copy_pairs([d.shingles for d in docs]):
        pairs.setdefault((i, j), float(vectors[i] @ vectors[j]))
    parent = list(range(len(docs)))
    total = {i: vectors[i].astype(np.float64) for i in range(len(docs))}
    size = dict.fromkeys(range(len(docs)), 1)

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for (i, j), _score in sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0])):
        a, b = find(i), find(j)
        if a == b:
            continue
        average = float(total[a] @ total[b]) / (size[a] * size[b])
        copied = (
            sim.containment(docs[i].shingles, docs[j].shingles) >= config.copy_overlap
            or sim.containment(docs[j].shingles, docs[i].shingles) >= config.copy_overlap
        )
        if average >= config.same_story or copied:
            keep, gone = min(a, b), max(a, b)
            parent[gone] = keep
            total[keep] = total[keep] + total.pop(gone)
            size[keep] += size.pop(gone)
    members: dict[int, list[int]] = {}
    for i in range(len(docs)):
        members.setdefault(find(i), []).append(i)
    return sorted(members.values())


def relate(docs: Sequence[_Doc], config: DigestConfig) -> Cluster:
    """Pick the canonical article and label every other member against it."""
    vectors = [sim.embed(d.article.paragraphs) for d in docs] if len(docs) > 1 else []
    canonical = choose_canonical(docs, config)
    lead = docs[canonical]
    members = [Member(lead.article, Relation.CANONICAL, 1.0, _self_alignment(lead.article))]
    scores = []
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
        )
        relation = label(alignment)
        similarity = round(float(d.vector @ lead.vector), 3)
        scores.append((d.article.source, lead.article.source, similarity))
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
    return Cluster((head, *rest), tuple(scores))


def _member_order(m: Member) -> tuple[int, float, str]:
    order = [Relation.COPY, Relation.REWRITE, Relation.COVERAGE]
    return (order.index(m.relation), -m.similarity, m.article.source)


def _self_alignment(article: Article) -> tuple[ParagraphMatch, ...]:
    return tuple(ParagraphMatch(i, i, "verbatim", 1.0) for i in range(len(article.paragraphs)))


def label(alignment: Sequence[ParagraphMatch]) -> Relation:
    if not alignment:
        return Relation.COVERAGE
    verbatim = sum(m.how == "verbatim" for m in alignment) / len(alignment)
    matched = sum(m.how is not None for m in alignment) / len(alignment)
    if verbatim >= COPY_SHARE:
        return Relation.COPY
    if matched >= REWRITE_SHARE:
        return Relation.REWRITE
    return Relation.COVERAGE


def choose_canonical(docs: Sequence[_Doc], config: DigestConfig) -> int:
    """The most complete original: among the largest family of verbatim copies (the
    text others republished), the member with the most body text; then the one that
    credits its reporters, the earliest date, the source path."""
    n = len(docs)
    root = list(range(n))

    def find(i: int) -> int:
        while root[i] != i:
            i = root[i]
        return i

    for i in range(n):
        for j in range(i + 1, n):
            a, b = docs[i].shingles, docs[j].shingles
            if max(sim.containment(a, b), sim.containment(b, a)) >= config.copy_overlap:
                root[find(j)] = find(i)
    family = [find(k) for k in range(n)]
    sizes = Counter(family)

    def rank(k: int) -> tuple[object, ...]:
        a = docs[k].article
        body = sum(len(sim.tokens(p)) for p in a.paragraphs)
        return (-sizes[family[k]], -bool(a.credits), -body, a.published or "9999", a.source)

    return min(range(n), key=rank)


def credits_origin(article: Article, origin: Article) -> bool:
    """Does the article name where its text came from (outlet or reporters)?"""
    if set(article.credits) & set(origin.credits):
        return True
    if not origin.outlet or article.outlet == origin.outlet:
        return article.outlet is not None and article.outlet == origin.outlet
    outlet = re.escape(origin.outlet)
    text = article.text
    return any(re.search(p.format(outlet=outlet), text, re.IGNORECASE) for p in CREDIT_PHRASES)
