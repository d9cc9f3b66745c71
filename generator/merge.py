"""Stage 4, merge: a Cluster -> one Story with provenance per paragraph, what each
other source adds, and one gallery in which every photo appears once."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import replace

from .models import (
    Addition,
    Caption,
    Cluster,
    GalleryItem,
    Member,
    Paragraph,
    Provenance,
    Relation,
    Story,
)

SLUG_MAX = 60  # characters of headline kept in a story's URL
ABSTRACT_SENTENCES = 3  # at most this many lead sentences make a story's summary
ABSTRACT_MIN_WORDS = 8  # a shorter "sentence" (an abbreviation's full stop) joins the next
SAME_SENTENCE = 0.5  # content-word overlap (Jaccard) at which two lead sentences say the same
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’)]))\s+(?=[\"“‘(]?[A-Z])")


def merge(cluster: Cluster) -> Story:
    lead = cluster.canonical
    dates = sorted(m.article.published for m in cluster.members if m.article.published)
    return Story(
        id=story_id(lead.source),
        slug=slugify(lead.title) or story_id(lead.source),
        title=lead.title,
        dek=lead.dek,
        dateline=lead.dateline,
        published=lead.published or (dates[0] if dates else None),
        updated=dates[-1] if dates and dates[-1] != (lead.published or dates[0]) else None,
        members=cluster.members,
        paragraphs=provenance(cluster.members),
        additions=additions(cluster.members),
        gallery=gallery(cluster.members),
        credits=lead.credits,
        joins=cluster.joins,
        abstract=abstract(cluster.members),
    )


def abstract(members: Sequence[Member]) -> tuple[str, ...]:
    """A summary made only of sentences the sources printed: the first sentence of each
    independent report (the lead text, then each source's own coverage), repeats left out.
    Copies and rewrites are derived from the lead text, so they add nothing here."""
    chosen: list[str] = []
    for m in members:
        if m.relation not in (Relation.CANONICAL, Relation.COVERAGE) or not m.article.paragraphs:
            continue
        sentence = first_sentence(m.article.paragraphs[0])
        words = _content(sentence)
        if all(_jaccard(words, _content(c)) < SAME_SENTENCE for c in chosen):
            chosen.append(sentence)
        if len(chosen) == ABSTRACT_SENTENCES:
            break
    return tuple(chosen)


def first_sentence(paragraph: str) -> str:
    sentence = ""
    for part in _SENTENCE_END.split(paragraph):
        sentence = f"{sentence} {part}".strip()
        if len(sentence.split()) >= ABSTRACT_MIN_WORDS:
            break
    return sentence


def _content(text: str) -> set[str]:
    return {w for w in re.findall(r"[^\W\d_]{4,}", text.casefold())}


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 1.0


def provenance(members: Sequence[Member]) -> tuple[Paragraph, ...]:
    """The canonical paragraphs, each with the other sources that carry it."""
    lead = members[0].article
    carried: dict[int, dict[str, Provenance]] = {i: {} for i in range(len(lead.paragraphs))}
    for m in members[1:]:
        for match in m.alignment:
            if match.canonical is None or match.how is None:
                continue
            seen = carried[match.canonical].get(m.article.source)
            if seen is None or (seen.how == "reworded" and match.how == "verbatim"):
                carried[match.canonical][m.article.source] = Provenance(
                    m.article.source, m.article.outlet, match.how
                )
    return tuple(
        Paragraph(text, lead.source, tuple(carried[i][s] for s in sorted(carried[i])))
        for i, text in enumerate(lead.paragraphs)
    )


def additions(members: Sequence[Member]) -> tuple[Addition, ...]:
    """Per non-canonical source, its paragraphs with no counterpart in the canonical text."""
    found = []
    for m in members[1:]:
        extra = tuple(m.article.paragraphs[a.index] for a in m.alignment if a.how is None)
        if extra:
            found.append(Addition(m.article.source, m.article.outlet, extra))
    return tuple(found)


def gallery(members: Sequence[Member]) -> tuple[GalleryItem, ...]:
    """Every caption once (the same photo run by two outlets is one item), in page order."""
    items: dict[str, tuple[Caption, list[str]]] = {}
    for m in members:
        for c in m.article.captions:
            key = caption_key(c)
            if key in items:
                items[key][1].append(m.article.source)
            else:
                items[key] = (c, [m.article.source])
    return tuple(
        GalleryItem(c.caption, c.credit, c.wire, tuple(dict.fromkeys(sources)))
        for c, sources in items.values()
    )


def caption_key(caption: Caption) -> str:
    return " ".join(re.findall(r"\w+", caption.caption.casefold()))


def story_id(source: str) -> str:
    """A story is named after its canonical article, so other stories never move."""
    return hashlib.sha1(source.encode()).hexdigest()[:12]


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:SLUG_MAX].rstrip("-")


def keep_identities(
    stories: Sequence[Story], previous: Sequence[tuple[str, str, frozenset[str]]]
) -> list[Story]:
    """A story that shares sources with a story of the previous build keeps that story's
    id and slug (the one it shares most with), so a story gaining a source, or getting
    a new canonical article, stays at its URL."""
    claimed: set[str] = set()
    kept = []
    for story in stories:
        sources = {m.article.source for m in story.members}
        best = max(
            (
                (len(sources & old), -n, sid, slug)
                for n, (sid, slug, old) in enumerate(previous)
                if sources & old and sid not in claimed
            ),
            default=None,
        )
        if best is None:
            kept.append(story)
        else:
            claimed.add(best[2])
            kept.append(replace(story, id=best[2], slug=best[3]))
    return kept


def unique_slugs(stories: Iterable[Story]) -> tuple[Story, ...]:
    """Two stories with the same headline slug both get their id appended."""
    stories = tuple(stories)
    counts: dict[str, int] = {}
    for s in stories:
        counts[s.slug] = counts.get(s.slug, 0) + 1
    return tuple(
        replace(s, slug=f"{s.slug}-{s.id[:6]}") if counts[s.slug] > 1 else s for s in stories
    )


def ordered(stories: Iterable[Story]) -> tuple[Story, ...]:
    """The briefing order: newest first (undated last), then the most independent
    sources, then the most sources, then slug."""

    def weight(s: Story) -> tuple[int, int, str]:
        independent = sum(m.relation in (Relation.CANONICAL, Relation.COVERAGE) for m in s.members)
        return (-independent, -len(s.members), s.slug)

    by_weight = sorted(stories, key=weight)
    return tuple(sorted(by_weight, key=lambda s: s.updated or s.published or "", reverse=True))
