"""How readers find stories: the briefing, the archive by day, topic and outlet pages,
related stories. Plain values computed from the stories; pages.py renders them.

- A story's *day* is the date of its latest report (`updated`, else `published`).
- Ranking: newest day first, then the most independent reports (an original and its
  copies and rewrites count once: the canonical article and each own report), then the
  most sources, the latest time, the slug.
- The briefing shows the stories of the `front_page_days` days up to the newest, at most
  `front_page_max`; when that makes fewer than FRONT_PAGE_MIN it fills up with the next
  stories in rank (older days, then undated ones), shown apart as earlier stories. Every
  story is in the archive too: one page per month (by day inside), and one for undated
  stories.
- Topics: people, places and organisations (generator/entities.py) that at least
  `topic_min_stories` stories name; the most covered of them, one per TOPIC_SHARE stories.
- Related stories share named entities, weighted by how rare each is (IDF)."""

from __future__ import annotations

import json
import math
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from types import MappingProxyType

from .entities import entities
from .memo import Memo, remembered
from .merge import slugify
from .models import Entity, Member, Relation, Story

FRONT_PAGE_MIN = 10  # the briefing never shows fewer stories than this, when there are more
STORY_MIN_MENTIONS = 2  # a story names an entity when its text does so this often (or its title)
ENTITIES_PER_STORY = 12  # the most mentioned ones: enough to relate and file a story
# At most one topic page per TOPIC_SHARE stories (the most covered names), and at least
# TOPICS_FLOOR: every page costs build time, and a name in a handful of stories among
# thousands is better found by search.
TOPIC_SHARE, TOPICS_FLOOR = 10, 25
RELATED_MAX = 5  # related stories listed on a story page
RELATED_COMMON = 200  # an entity in more stories than this relates nothing (too common)
INDEPENDENT = (Relation.CANONICAL, Relation.COVERAGE)


@dataclass(frozen=True, slots=True)
class Topic:
    kind: str  # "person", "place" or "organisation"
    name: str
    slug: str
    stories: tuple[Story, ...]  # ranked


@dataclass(frozen=True, slots=True)
class OutletPage:
    name: str
    slug: str
    articles: tuple[tuple[Story, Member], ...]  # newest first


@dataclass(frozen=True, slots=True)
class Related:
    story: Story
    shared: tuple[str, ...]  # the names both stories carry, rarest first


@dataclass(frozen=True, slots=True)
class Day:
    date: str  # YYYY-MM-DD
    stories: tuple[Story, ...]  # ranked


@dataclass(frozen=True, slots=True)
class Navigation:
    ranked: tuple[Story, ...]  # every story, in briefing order
    newest: tuple[Story, ...]  # the briefing's stories of the newest days
    earlier: tuple[Story, ...]  # the stories that fill the briefing up from older days
    days: tuple[Day, ...]  # newest first
    undated: tuple[Story, ...]
    topics: tuple[Topic, ...]  # by kind, then name
    outlets: tuple[OutletPage, ...]  # by name
    # Per story, looked up once per story page: read-only mappings, not tuples of pairs,
    # so 5,000 story pages make 5,000 lookups, not 5,000 scans.
    named: Mapping[str, tuple[Entity, ...]]  # story id -> entities it names
    related: Mapping[str, tuple[Related, ...]]  # story id -> related stories
    filed: Mapping[str, tuple[Topic, ...]]  # story id -> its topic pages

    def topics_of(self, story: Story) -> tuple[Topic, ...]:
        return self.filed.get(story.id, ())

    def related_to(self, story: Story) -> tuple[Related, ...]:
        return self.related.get(story.id, ())

    @property
    def front(self) -> tuple[Story, ...]:
        """Every story the briefing shows: the newest days', then the earlier ones."""
        return self.newest + self.earlier


def day(story: Story) -> str | None:
    when = story.updated or story.published
    return when[:10] if when else None


def independent(story: Story) -> int:
    return sum(m.relation in INDEPENDENT for m in story.members)


def ranked(stories: Sequence[Story]) -> tuple[Story, ...]:
    by_weight = sorted(
        stories,
        key=lambda s: (
            -independent(s),
            -len(s.members),
            _negated(s.updated or s.published),
            s.slug,
        ),
    )
    return tuple(sorted(by_weight, key=lambda s: day(s) or "", reverse=True))


def _negated(when: str | None) -> tuple[int, ...]:
    """Sorts later times first, with no time last."""
    return tuple(-ord(ch) for ch in when) if when else (1,)


def plan(
    stories: Sequence[Story],
    front_page_days: int,
    front_page_max: int,
    topic_min_stories: int,
    memo: Memo | None = None,
) -> Navigation:
    order = ranked(stories)
    named = dict(zip((s.id for s in order), story_entities(order, memo), strict=True))
    days, undated = _days(order)
    index = _index(order, named)
    rank = {s.id: i for i, s in enumerate(order)}
    topics = _topics(order, named, topic_min_stories)
    filed: dict[str, list[Topic]] = defaultdict(list)
    for topic in topics:
        for s in topic.stories:
            filed[s.id].append(topic)
    newest, earlier = front_page(order, front_page_days, front_page_max)
    return Navigation(
        ranked=order,
        newest=newest,
        earlier=earlier,
        days=days,
        undated=undated,
        topics=topics,
        outlets=_outlets(order),
        named=MappingProxyType(named),
        related=MappingProxyType({s.id: _related(s, order, named, index, rank) for s in order}),
        filed=MappingProxyType({sid: tuple(found) for sid, found in filed.items()}),
    )


def front_page(
    order: Sequence[Story], days: int, most: int
) -> tuple[tuple[Story, ...], tuple[Story, ...]]:
    """The briefing: the stories of the `days` calendar days up to the newest story's
    (at most `most`), and those that fill it up to FRONT_PAGE_MIN from older days and
    undated stories, in rank. Days, not days with stories: seeds a year apart make a
    briefing of the newest day, the older story listed as an earlier one."""
    dated = [d for s in order if (d := day(s))]
    window = _days_up_to(max(dated), days) if dated else set()
    shown = [s for s in order if day(s) in window][: max(most, 0)]
    taken = set(map(id, shown))
    fill = [s for s in order if id(s) not in taken][: max(FRONT_PAGE_MIN - len(shown), 0)]
    return tuple(shown), tuple(fill)


def _days_up_to(last: str, days: int) -> set[str]:
    """The `days` calendar days ending on `last` (YYYY-MM-DD), as dates."""
    try:
        end = date.fromisoformat(last)
    except ValueError:  # not a whole date: that day alone
        return {last} if days > 0 else set()
    return {(end - timedelta(days=k)).isoformat() for k in range(days)}


def _days(order: Sequence[Story]) -> tuple[tuple[Day, ...], tuple[Story, ...]]:
    by_day: dict[str, list[Story]] = defaultdict(list)
    undated = []
    for s in order:
        when = day(s)
        if when:
            by_day[when].append(s)
        else:
            undated.append(s)
    days = tuple(Day(d, tuple(by_day[d])) for d in sorted(by_day, reverse=True))
    return days, tuple(undated)


def story_entities(stories: Sequence[Story], memo: Memo | None = None) -> list[tuple[Entity, ...]]:
    """The entities each story is about: named often in its text, or in its headline;
    never its own outlets or the people and agencies credited for it (the sources list
    and the credits name those: a reporter's name in a sign-off or "contact" line is no
    topic). Remembered in `memo` by what the story was made from (Story.made_from names
    the story, so its text, title, outlets and credits), or, for a story made elsewhere,
    by those inputs themselves."""
    return remembered(
        memo,
        "entities",
        stories,
        _entity_parts,
        lambda story: _story_entities(*_entity_inputs(story)),
        _entities_json,
        _entities_from_json,
    )


def _entity_parts(story: Story) -> tuple[str, ...]:
    if story.made_from:
        return ("made from", story.made_from)
    text, title, excluded = _entity_inputs(story)
    return (text, title, *sorted(excluded))


def _entity_inputs(story: Story) -> tuple[str, str, set[str]]:
    """What a story's entities are found in (its text and title) and which names are
    left out (its outlets and credited names)."""
    text = "\n\n".join([story.dek or "", *(p.text for p in story.paragraphs)])
    outlets = {m.article.outlet for m in story.members if m.article.outlet}
    credited = {part.strip() for c in story.credit_roll for part in c.name.split("/")}
    return text, story.title, (outlets | credited) - {""}


def _story_entities(text: str, title: str, excluded: set[str]) -> tuple[Entity, ...]:
    kept = [
        e
        for e in entities(text)
        if e.name not in excluded and (e.mentions >= STORY_MIN_MENTIONS or e.name in title)
    ]
    return tuple(kept[:ENTITIES_PER_STORY])


def _entities_json(found: tuple[Entity, ...]) -> str:
    return json.dumps([[e.kind, e.name, e.mentions] for e in found], ensure_ascii=False)


def _entities_from_json(body: str) -> tuple[Entity, ...]:
    found = []
    for kind, name, mentions in json.loads(body):
        if not (isinstance(kind, str) and isinstance(name, str) and type(mentions) is int):
            raise TypeError(f"not an entity: {[kind, name, mentions]!r}")
        found.append(Entity(kind, name, mentions))
    return tuple(found)


def _topics(
    order: Sequence[Story], named: dict[str, tuple[Entity, ...]], min_stories: int
) -> tuple[Topic, ...]:
    carriers: dict[tuple[str, str], list[Story]] = defaultdict(list)
    for s in order:
        for e in named[s.id]:
            carriers[(e.kind, e.name)].append(s)
    kept = [key for key, found in carriers.items() if len(found) >= max(min_stories, 1)]
    most = max(TOPICS_FLOOR, len(order) // TOPIC_SHARE)
    kept = sorted(kept, key=lambda key: (-len(carriers[key]), key))[:most]
    slugs = _unique_slugs(sorted(kept))
    return tuple(
        Topic(kind, name, slugs[(kind, name)], tuple(carriers[(kind, name)]))
        for kind, name in sorted(kept)
    )


def _unique_slugs(keys: Sequence[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """One slug per (kind, name); a name shared by two kinds gets its kind appended."""
    base = {key: slugify(key[1]) or "topic" for key in keys}
    counts: dict[str, int] = defaultdict(int)
    for slug in base.values():
        counts[slug] += 1
    out = {key: slug if counts[slug] == 1 else f"{slug}-{key[0]}" for key, slug in base.items()}
    # a reserved name or a leftover clash (two spellings of one slug) gets a number
    taken: set[str] = {"index"}
    for key in keys:
        slug, n = out[key], 2
        while out[key] in taken:
            out[key] = f"{slug}-{n}"
            n += 1
        taken.add(out[key])
    return out


def _outlets(order: Sequence[Story]) -> tuple[OutletPage, ...]:
    found: dict[str, list[tuple[Story, Member]]] = defaultdict(list)
    for s in order:
        for m in s.members:
            if m.article.outlet:
                found[m.article.outlet].append((s, m))
    slugs = _unique_slugs([("outlet", name) for name in sorted(found)])
    return tuple(
        OutletPage(
            name,
            slugs[("outlet", name)],
            tuple(sorted(found[name], key=lambda sm: _negated(sm[1].article.published))),
        )
        for name in sorted(found)
    )


def _related(
    story: Story,
    order: Sequence[Story],
    named: dict[str, tuple[Entity, ...]],
    index: dict[tuple[str, str], tuple[str, ...]],
    rank: Mapping[str, int],
) -> tuple[Related, ...]:
    total = len(order)
    scores: dict[str, float] = defaultdict(float)
    shared: dict[str, list[tuple[float, str]]] = defaultdict(list)
    for e in named[story.id]:
        carriers = index[(e.kind, e.name)]
        if len(carriers) > RELATED_COMMON:
            continue
        weight = math.log(1 + total / len(carriers))
        for other in carriers:
            if other != story.id:
                scores[other] += weight
                shared[other].append((-weight, e.name))
    best = sorted(scores, key=lambda sid: (-round(scores[sid], 9), rank[sid]))[:RELATED_MAX]
    return tuple(
        Related(order[rank[sid]], tuple(name for _w, name in sorted(shared[sid]))) for sid in best
    )


def _index(
    order: Sequence[Story], named: dict[str, tuple[Entity, ...]]
) -> dict[tuple[str, str], tuple[str, ...]]:
    """Entity -> ids of the stories naming it."""
    postings: dict[tuple[str, str], list[str]] = defaultdict(list)
    for s in order:
        for e in named[s.id]:
            postings[(e.kind, e.name)].append(s.id)
    return {k: tuple(v) for k, v in postings.items()}
