"""Stage 4, merge: a Cluster -> one Story with provenance per paragraph, what each
other source adds, and one gallery in which every photo appears once."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from .credits import credit_roll, photo_credit
from .models import (
    Addition,
    Caption,
    Cluster,
    Evidence,
    GalleryItem,
    Image,
    MatchedPair,
    Member,
    Paragraph,
    Provenance,
    Relation,
    Story,
)
from .normalise.fields import sentences
from .tags import story_tags

SLUG_MAX = 60  # characters of headline kept in a story's URL
SLUG_APOSTROPHES = re.compile(r"['’ʼ]")
ABSTRACT_SENTENCES = 3  # at most this many lead sentences make a story's summary
ABSTRACT_MIN_WORDS = 8  # a shorter "sentence" (an abbreviation's full stop) joins the next
SAME_SENTENCE = 0.5  # content-word overlap (Jaccard) at which two lead sentences say the same
# Two captions describe the same photo when their words overlap this much (Jaccard)...
SAME_CAPTION = 0.8
# ...or when they carry the same photo credit and overlap at least this much.
SAME_CAPTION_SAME_CREDIT = 0.5
# Words that say nothing about what a photo shows, left out when captions are compared.
CAPTION_STOPWORDS = frozenset(
    {
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "has",
        "he",
        "her",
        "his",
        "in",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "she",
        "the",
        "their",
        "they",
        "this",
        "to",
        "was",
        "were",
        "with",
    }
)


def merge(cluster: Cluster, images: Mapping[str, Sequence[Image]] | None = None) -> Story:
    """One story from a cluster; `images` are the photo files each seed brought (by source)."""
    lead = cluster.canonical
    dates = sorted(m.article.published for m in cluster.members if m.article.published)
    title = headline(cluster.members)
    return Story(
        id=story_id(lead.source),
        slug=slugify(title) or story_id(lead.source),
        title=title,
        dek=lead.dek,
        dateline=lead.dateline,
        published=lead.published or (dates[0] if dates else None),
        updated=dates[-1] if dates and dates[-1] != (lead.published or dates[0]) else None,
        members=cluster.members,
        paragraphs=provenance(cluster.members),
        additions=additions(cluster.members),
        gallery=gallery(cluster.members, images or {}),
        credits=lead.credits,
        joins=cluster.joins,
        abstract=abstract(cluster.members),
        credit_roll=credit_roll([m.article for m in cluster.members]),
        evidence=evidence(cluster.members),
        tags=story_tags([m.article for m in cluster.members]),
        highlights=lead.highlights,
        tables=lead.tables,
        kicker=lead.kicker,
    )


def headline(members: Sequence[Member]) -> str:
    """The canonical article's headline; when its page printed none (the title was built
    from its lede), the first headline another source printed, in member order."""
    printed = (m.article.title for m in members if not m.article.title_derived)
    return next(printed, members[0].article.title)


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
    """The paragraph's first sentence, or its first few when that is short (a quote's
    "He's gone." joins the sentence after it)."""
    sentence = ""
    for part in sentences(paragraph):
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


def evidence(members: Sequence[Member]) -> tuple[Evidence, ...]:
    """For each copy or rewrite that does not credit the original: the paragraphs it shares
    with the original, side by side, in the order the copy or rewrite printed them."""
    lead = members[0].article
    found = []
    for m in members[1:]:
        if m.credits_original or m.relation not in (Relation.COPY, Relation.REWRITE):
            continue
        pairs = tuple(
            MatchedPair(lead.paragraphs[a.canonical], m.article.paragraphs[a.index], a.how, a.score)
            for a in m.alignment
            if a.how is not None and a.canonical is not None
        )
        found.append(Evidence(m.article.source, m.article.outlet, m.relation, pairs))
    return tuple(found)


def gallery(
    members: Sequence[Member], images: Mapping[str, Sequence[Image]] | None = None
) -> tuple[GalleryItem, ...]:
    """Every photo once, in page order. The same photo run by two outlets is one item:
    the same or nearly the same caption, or the same credit and a similar caption.
    A seed's image files pair with its captions in order (see generator/images.py)."""
    items: list[GalleryItem] = []
    for m in members:
        files = (images or {}).get(m.article.source, ())
        for n, c in enumerate(m.article.captions):
            image = files[n] if n < len(files) else None
            item = GalleryItem(c.caption, _credit(c), c.wire, (m.article.source,), image)
            same = next((k for k, seen in enumerate(items) if same_photo(seen, item)), None)
            if same is None:
                items.append(item)
            else:
                items[same] = _combined(items[same], item)
    return tuple(items)


def _credit(caption: Caption) -> str | None:
    return photo_credit(caption.credit) if caption.credit else None


def same_photo(a: GalleryItem, b: GalleryItem) -> bool:
    if a.image is not None and b.image is not None and a.image.name == b.image.name:
        return True
    if caption_key(a.caption) == caption_key(b.caption):
        return True
    overlap = _jaccard(_words(a.caption), _words(b.caption))
    if overlap >= SAME_CAPTION:
        return True
    same_credit = a.credit is not None and a.credit == b.credit
    return same_credit and overlap >= SAME_CAPTION_SAME_CREDIT


def _combined(first: GalleryItem, other: GalleryItem) -> GalleryItem:
    """One card for one photo: the first caption, whatever the other adds, both sources."""
    return GalleryItem(
        first.caption,
        first.credit or other.credit,
        first.wire or other.wire,
        tuple(dict.fromkeys((*first.sources, *other.sources))),
        first.image or other.image,
    )


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.casefold())) - CAPTION_STOPWORDS


def caption_key(caption: Caption | str) -> str:
    text = caption if isinstance(caption, str) else caption.caption
    return " ".join(re.findall(r"\w+", text.casefold()))


def story_id(source: str) -> str:
    """A story is named after its canonical article, so other stories never move."""
    return hashlib.sha1(source.encode()).hexdigest()[:12]


def slugify(text: str) -> str:
    """A URL's words for `text`: letters and digits in ASCII ("Über" is "uber"), an
    apostrophe joining its word ("Kim’s" is "kims"), any other mark between words, dashes
    and quotes of every script included, one hyphen ("Alaska–A" is "alaska-a")."""
    joined = SLUG_APOSTROPHES.sub("", unicodedata.normalize("NFKD", text))
    spaced = "".join(c if c.isalnum() or unicodedata.combining(c) else " " for c in joined)
    ascii_text = spaced.encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:SLUG_MAX].rstrip("-")


def keep_identities(
    stories: Sequence[Story], previous: Sequence[tuple[str, str, frozenset[str]]]
) -> list[Story]:
    """A story that shares sources with a story of the previous build keeps that story's
    id and slug, so a story gaining a source, or getting a new canonical article, stays at
    its URL. Each previous story passes to one story at most: pairs are settled from the
    most shared sources down, and on a tie the story named after the same canonical
    article (the same id) wins, then the lower id. A story that inherits nothing keeps its
    own id and slug, unless a story that did inherit holds either: its id is then made
    from its sources (distinct_id) and its slug gets the id's first six characters, so
    that two stories never share an id or a URL and the story that stayed does not move."""
    holding: dict[str, list[int]] = {}  # source -> the previous stories that had it
    for n, (_sid, _slug, old) in enumerate(previous):
        for source in old:
            holding.setdefault(source, []).append(n)
    pairs = []  # (most shared first, same id first, story's id, previous story, story)
    for k, story in enumerate(stories):
        shared: dict[int, int] = {}
        for source in {m.article.source for m in story.members}:
            for n in holding.get(source, ()):
                shared[n] = shared.get(n, 0) + 1
        pairs += [(-c, previous[n][0] != story.id, story.id, n, k) for n, c in shared.items()]
    inherited: dict[int, int] = {}  # story -> the previous story whose id it keeps
    ids: set[str] = set()
    for *_, n, k in sorted(pairs):
        if k not in inherited and previous[n][0] not in ids:
            inherited[k] = n
            ids.add(previous[n][0])
    slugs = {previous[n][1] for n in inherited.values()}
    kept = []
    for k, story in enumerate(stories):
        if k in inherited:
            old_id, old_slug, _sources = previous[inherited[k]]
            kept.append(replace(story, id=old_id, slug=old_slug))
            continue
        sid = distinct_id(story, ids)
        ids.add(sid)
        slug = f"{story.slug}-{sid[:6]}" if story.slug in slugs else story.slug
        kept.append(
            story if (sid, slug) == (story.id, story.slug) else replace(story, id=sid, slug=slug)
        )
    return kept


def distinct_id(story: Story, taken: set[str]) -> str:
    """The story's own id, or when a story that stayed holds it (this story lost its
    canonical article's old story to one that shares more with it), an id made from the
    story's sources, again until it is free."""
    sid = story.id
    sources = "\n".join(sorted(m.article.source for m in story.members))
    while sid in taken:
        sid = hashlib.sha1(f"{sid}\n{sources}".encode()).hexdigest()[:12]
    return sid


# Names of the pages and folders digest writes beside the stories (stories/archive/, ...):
# a story whose headline slug is one of these gets its id appended, like a clash.
RESERVED_SLUGS = frozenset({"archive", "topics", "outlets", "rejected", "index"})


def unique_slugs(stories: Iterable[Story]) -> tuple[Story, ...]:
    """Two stories with the same headline slug both get their id appended."""
    stories = tuple(stories)
    counts: dict[str, int] = dict.fromkeys(RESERVED_SLUGS, 1)
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
