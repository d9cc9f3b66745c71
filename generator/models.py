"""The values that flow between stages. All frozen, all tuples: a stage reads
what the one before it produced and never mutates it."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import StrEnum

# What a file's stat says of it: size, modification and change times (ns), inode, device.
Stamp = tuple[int, int, int, int, int]


@dataclass(frozen=True, slots=True)
class SeedFile:
    """One seed file as read, before decoding: its bytes and their SHA-256 (what the cache
    keys articles by). `data` is None for a seed not read again because its stamp is
    the one the last build read it with (read.read_folder): it is known by the digest
    recorded then."""

    source: str  # path relative to the seeds folder, with forward slashes
    suffix: str  # lower-cased file suffix: decides text or HTML
    data: bytes | None
    digest: str = ""  # hex SHA-256 of the bytes (made from `data` when not given)
    stamp: Stamp | None = None  # the file's, when it was read (or found unchanged)

    def __post_init__(self) -> None:
        if not self.digest:
            if self.data is None:
                raise ValueError(f"{self.source}: a seed not read needs its digest")
            object.__setattr__(self, "digest", hashlib.sha256(self.data).hexdigest())


@dataclass(frozen=True, slots=True)
class SeedFolder:
    """Everything a build reads from the seeds folder, each file read once: every seed's
    bytes (or why it is not read) and every photo file's bytes (or why not), sorted by
    path. The no-change check hashes exactly this, and the build then uses it."""

    seeds: tuple[SeedFile | Rejected, ...]
    images: tuple[tuple[str, bytes | str], ...]  # seed-relative path -> bytes, or a reason


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One seed file, decoded, before any interpretation."""

    source: str  # path relative to the seeds folder, with forward slashes
    text: str  # decoded body (front matter removed)
    encoding: str  # how the bytes were decoded, e.g. "utf-8", "cp1252"
    # front-matter keys that override heuristics; from an HTML page also "captions" (its
    # <figcaption>s, captions beside those the text gives)
    meta: tuple[tuple[str, object], ...] = ()
    body_line: int = 1  # line number in the file where `text` starts
    repairs: tuple[str, ...] = ()  # what text hygiene changed (ftfy, quotes, ...)

    def meta_value(self, key: str) -> object | None:
        return dict(self.meta).get(key)


@dataclass(frozen=True, slots=True)
class Outlet:
    """One entry of seeds/outlets.yml: a publication, its web domains and other names."""

    name: str
    domains: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Rejected:
    """A seed that cannot become an article, with the reason a user can act on."""

    source: str
    reason: str


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, place or organisation named in a story (generator/entities.py)."""

    kind: str  # "person", "place" or "organisation"
    name: str
    mentions: int = 1  # how often the text names it


@dataclass(frozen=True, slots=True)
class Caption:
    caption: str
    credit: str | None = None
    wire: str | None = None  # the long agency caption, when the page printed one


@dataclass(frozen=True, slots=True)
class Table:
    """A table of figures printed in the article (a player's statistics, a results box)."""

    title: str | None
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]  # each as wide as the header


@dataclass(frozen=True, slots=True)
class LineVerdict:
    """What normalisation made of one input line: kept as a field, or dropped by a rule."""

    line: int  # 1-based line number in the seed file
    text: str
    kind: str  # title, dek, dateline, date, credit, paragraph, caption, dropped, blank, ...
    rule: str | None = None  # the named rule that decided it (see normalise/patterns.py)


@dataclass(frozen=True, slots=True)
class Article:
    """A normalised article: the fields a reader needs, and why every other line went."""

    source: str
    title: str
    title_derived: bool  # True when the page had no headline and one was built from the lede
    dek: str | None
    dateline: str | None
    published: str | None  # ISO 8601, only when the text or front matter states it
    outlet: str | None
    credits: tuple[str, ...]
    paragraphs: tuple[str, ...]
    captions: tuple[Caption, ...]
    lines: tuple[LineVerdict, ...]  # one verdict per input line, in order
    url: str | None = None
    encoding: str = "utf-8"
    repairs: tuple[str, ...] = ()  # what reading changed besides decoding (RawDocument.repairs)
    highlights: tuple[str, ...] = ()  # summary points listed under the headline
    tables: tuple[Table, ...] = ()  # tables of figures printed between the paragraphs
    kicker: str | None = None  # the short label printed above the headline ("Dubai Airshow")
    # Read off the line verdicts when normalising, so that merging needs no verdicts:
    tags: tuple[str, ...] = ()  # the items of its tag lines (tags.article_tags)
    credited: tuple[tuple[str, str], ...] = ()  # (role, name) it credits (credits.article_credits)
    # Where it says the event happened: (block, street) of each "6700 block of S. Wabash".
    addresses: tuple[tuple[int, str], ...] = ()

    @property
    def dropped(self) -> tuple[LineVerdict, ...]:
        return tuple(v for v in self.lines if v.kind == "dropped")

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


class Relation(StrEnum):
    CANONICAL = "canonical"  # the story's lead text: the most complete original
    COPY = "copy"  # near-verbatim, possibly shorter or an older version
    REWRITE = "rewrite"  # paraphrase of another source's text
    COVERAGE = "coverage"  # own reporting of the same event


@dataclass(frozen=True, slots=True)
class ParagraphMatch:
    """How one paragraph of a member lines up with the canonical text."""

    index: int  # paragraph index in the member article
    canonical: int | None  # best canonical paragraph, None when nothing corresponds
    how: str | None  # "verbatim", "reworded", or None (the member's own addition)
    score: float  # the lexical overlap (verbatim) or embedding cosine (reworded) behind it


@dataclass(frozen=True, slots=True)
class Member:
    """An article's place in its story."""

    article: Article
    relation: Relation
    similarity: float  # document similarity to the canonical article, 0..1
    alignment: tuple[ParagraphMatch, ...] = ()  # one entry per paragraph of the article
    credits_original: bool = True  # False for a copy/rewrite that never names its origin


@dataclass(frozen=True, slots=True)
class Join:
    """One decision that put two articles' groups into the same story."""

    a: str  # source of the article on one side
    b: str  # source of the article on the other side
    words: float  # TF-IDF cosine of the pair
    meaning: float  # embedding cosine of the pair
    average_words: float  # average TF-IDF cosine between the two groups when they joined
    average_meaning: float  # average embedding cosine between the two groups
    # "shared words", "same meaning", "copied", "closest story" (a lone report, after the
    # pass) or "editor" (stories.yml)
    reason: str


@dataclass(frozen=True, slots=True)
class Overrides:
    """Editor corrections from seeds/stories.yml: sources forced together or kept apart."""

    together: tuple[tuple[str, ...], ...] = ()
    apart: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True, slots=True)
class Cluster:
    """Articles that report the same event, canonical first."""

    members: tuple[Member, ...]
    joins: tuple[Join, ...] = ()  # why each member is here

    @property
    def canonical(self) -> Article:
        return self.members[0].article


@dataclass(frozen=True, slots=True)
class Provenance:
    source: str
    outlet: str | None
    how: str  # "verbatim" or "reworded"


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str
    source: str  # the article the text is taken from
    also_in: tuple[Provenance, ...] = ()  # other sources carrying the same paragraph


@dataclass(frozen=True, slots=True)
class Addition:
    """What one non-canonical source adds: its paragraphs with no counterpart."""

    source: str
    outlet: str | None
    paragraphs: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Image:
    """A photo file a seed brought (see generator/images.py for the naming convention)."""

    file: str  # path relative to the seeds folder, as found
    name: str  # output file name: content hash + the extension of its detected type
    data: bytes = field(repr=False, compare=False)


@dataclass(frozen=True, slots=True)
class GalleryItem:
    caption: str
    credit: str | None
    wire: str | None
    sources: tuple[str, ...]
    image: Image | None = None  # the photo file, when a seed brought one for this caption


@dataclass(frozen=True, slots=True)
class Credit:
    """One name in a story's credits, in wire style, and the sources that print it."""

    role: str  # "reporting", "contributing", "agency" or "photo" (see generator/credits.py)
    name: str
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class MatchedPair:
    """A paragraph of the original beside the paragraph another source made of it."""

    original: str
    derived: str
    how: str  # "verbatim" or "reworded"
    score: float


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why a copy or rewrite that never credits the original is flagged: the paragraphs
    it shares with the original, side by side."""

    source: str
    outlet: str | None
    relation: Relation
    pairs: tuple[MatchedPair, ...]


@dataclass(frozen=True, slots=True)
class Story:
    """One story page: the merged text, its sources and its gallery."""

    id: str
    slug: str
    title: str
    dek: str | None
    dateline: str | None
    published: str | None
    updated: str | None
    members: tuple[Member, ...]
    paragraphs: tuple[Paragraph, ...]
    additions: tuple[Addition, ...]
    gallery: tuple[GalleryItem, ...]
    credits: tuple[str, ...] = field(default=())
    joins: tuple[Join, ...] = field(default=())  # why each member is in the story
    abstract: tuple[str, ...] = field(default=())  # lead sentences of the independent reports
    credit_roll: tuple[Credit, ...] = field(default=())  # every source's credits, wire style
    evidence: tuple[Evidence, ...] = field(default=())  # one per uncredited copy or rewrite
    tags: tuple[str, ...] = field(default=())  # the sources' own tag lists (generator/tags.py)
    highlights: tuple[str, ...] = field(default=())  # the lead article's summary points
    tables: tuple[Table, ...] = field(default=())  # the lead article's tables of figures
    kicker: str | None = None  # the lead article's label above its headline
    # A hash of everything the story is made from (pipeline.story_key), "" when unknown:
    # with its id and slug (set after merging) it names the story's page.
    made_from: str = ""

    @property
    def canonical(self) -> Article:
        return self.members[0].article


@dataclass(frozen=True, slots=True)
class BuildResult:
    story_count: int
    rejected: tuple[Rejected, ...]
    written: tuple[str, ...]  # files whose bytes changed
    removed: tuple[str, ...]  # stale generated files pruned
    unchanged: bool = False  # True when the seeds, config and pages were as last built
