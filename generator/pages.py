"""Stage 5a, pages: Stories -> Markdown files with YAML front matter, plus the manifest.

Bodies come from Markdown templates in generator/templates/; every piece of
article text passes through `md_escape`, so what a page printed is shown as
literal text and can never become markup. Front matter is built as data and
dumped by YAML, never by string concatenation."""

from __future__ import annotations

import contextlib
import html
import io
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any, ClassVar

import jinja2
import yaml

from . import feeds, navigation
from .config import DigestConfig, validated
from .credits import ROLE_LABELS, ROLES
from .images import OUTPUT_FOLDER
from .memo import FieldsPickler, Memo, as_text, remembered
from .models import Article, Evidence, Member, Paragraph, Rejected, Relation, Story
from .navigation import Navigation

GENERATOR_MARK = "digest"  # front-matter `generator:` value on every page digest owns
MANIFEST = "stories.json"
ROOT_DATA = (MANIFEST, *feeds.FEED_FILES)  # files at the content root digest always rewrites
LEDE_CHARS = 280  # a card shows the dek, or the lede cut to about this many characters
RELATION_LABELS = {
    Relation.CANONICAL: "original",
    Relation.COPY: "copy",
    Relation.REWRITE: "rewrite",
    Relation.COVERAGE: "own report",
}
# ... and counted, in a story's count line (summary_line): "1 original · 3 own reports".
RELATION_PLURALS = {
    Relation.CANONICAL: "originals",
    Relation.COVERAGE: "own reports",
    Relation.COPY: "copies",
    Relation.REWRITE: "rewrites",
}

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|])")  # what Python-Markdown can escape
_LINE_START = re.compile(r"^(\s*)(\d+)([.)])|^(\s*)([-+>=])")


def md_escape(text: object) -> str:
    """Literal text in Markdown: HTML characters as entities, Markdown punctuation escaped."""
    s = html.escape(str(text), quote=False)
    s = _MD_SPECIAL.sub(r"\\\1", s)
    return _LINE_START.sub(lambda m: f"{m[1] or m[4] or ''}{m[2] or ''}\\{m[3] or m[5]}", s)


@cache
def _env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator", "templates"),
        autoescape=False,  # Markdown, not HTML: escaping is md_escape's job, per value
        keep_trailing_newline=True,
        trim_blocks=False,
        undefined=jinja2.StrictUndefined,
        auto_reload=False,  # templates are package files: no stat per page to check them
    )
    env.filters["md"] = md_escape
    env.globals.update(
        card_summary=card_summary,
        date_label=date_label,
        counts=summary_line,
        outlets=_outlets,
        day_label=day_label,
        relation_label=relation_label,
    )
    return env


class _CompiledTemplates(jinja2.FileSystemBytecodeCache):
    """Jinja's bytecode cache, in which a template that cannot be kept is compiled again
    next time: a cache is never a reason to fail a build."""

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def keep_compiled_templates(folder: Path) -> None:
    """Keep the templates compiled in `folder` (Jinja's bytecode cache, checked against
    each template's source and Jinja's and Python's versions): compiling them took 0.03
    s of every build that renders pages. A folder that cannot be made keeps nothing."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return
    _env().bytecode_cache = _CompiledTemplates(str(folder))


MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
KIND_HEADINGS = {"person": "People", "place": "Places", "organisation": "Organisations"}
KIND_LABELS = {"person": "Person", "place": "Place", "organisation": "Organisation"}


def day_label(date: str | None) -> str:
    """'2025-04-14' -> '14 April 2025' (no locale: the same bytes on every machine)."""
    if not date:
        return "Undated"
    return f"{int(date[8:10])} {MONTH_NAMES[int(date[5:7]) - 1]} {date[:4]}"


def date_label(story: Story) -> str:
    """The day a story's card and list line print: its last update's, else its own."""
    return day_label(navigation.day(story))


def month_label(date: str) -> str:
    return f"{MONTH_NAMES[int(date[5:7]) - 1]} {date[:4]}"


def card_summary(story: Story) -> str:
    """A card's summary, never invented: the dek, else the first lead sentence of the
    independent reports, else the opening of the text."""
    if story.dek:
        return story.dek
    if story.abstract:
        return story.abstract[0]
    return _lede(story)


def relation_label(member: Member) -> str:
    label = RELATION_LABELS[member.relation]
    if not member.credits_original:
        label += " (uncredited)"
    return label


def relation_cell(story: Story, member: Member) -> str:
    """The sources table's relation; an uncredited copy or rewrite carries a visible flag."""
    label = RELATION_LABELS[member.relation]
    if member.credits_original:
        return label
    lead = _name(story.canonical.outlet, story.canonical.source)
    title = html.escape(f"does not credit {lead}: the matched paragraphs are below", quote=True)
    return f'{label} <span class="digest-flag" title="{title}">uncredited</span>'


def evidence_title(story: Story, evidence: Evidence) -> str:
    """'Cnews Live does not credit ABC News: 9 paragraphs match', for an admonition title."""
    lead = _name(story.canonical.outlet, story.canonical.source)
    who = _name(evidence.outlet, evidence.source)
    n = _plural(len(evidence.pairs), "paragraph matches", "paragraphs match")
    text = f"{who} ({evidence.relation.value}) does not credit {lead}: {n}"
    return md_escape(text).replace('"', "&quot;")


UNKNOWN_OUTLET = "Unknown outlet"


def _name(outlet: str | None, source: str) -> str:
    """Who ran a source: its outlet, or, when no outlet was found, its seed file, said to be
    one (a file name in the outlet column reads as an outlet called that)."""
    return outlet or f"{source} (outlet unknown)"


# Roles whose names carry the outlets that print them when a story has several sources.
OUTLET_ROLES = frozenset({"reporting", "contributing", "rights"})


def credit_roles(story: Story) -> list[tuple[str, str]]:
    """('Reporting', 'Jane Doe (ABC News), ...') per role, for the Credits section; people
    and rights notices carry the outlets that print them when the story has more than one
    source."""
    several = len(story.members) > 1
    lines = []
    for role in ROLES:
        names = []
        for credit in (c for c in story.credit_roll if c.role == role):
            name = md_escape(credit.name)
            if several and role in OUTLET_ROLES:  # in brackets: a file with no outlet
                outlets = ", ".join(  # is named alone, not "x.txt (outlet unknown)"
                    dict.fromkeys(_outlet(story, s, bracketed=True) for s in credit.sources)
                )
                name += f" ({md_escape(outlets)})"
            names.append(name)
        if names:
            lines.append((ROLE_LABELS[role], ", ".join(names)))
    return lines


def reporters(story: Story) -> list[str]:
    """The lead article's reporters: the byline above the story."""
    lead = story.canonical.source
    return [c.name for c in story.credit_roll if c.role == "reporting" and lead in c.sources]


def summary_line(story: Story) -> str:
    """'3 sources · 1 original · 1 copy · 1 rewrite', '4 sources · 1 original · 3 own
    reports': each relation counted by the name the sources table gives it."""
    parts = [_plural(len(story.members), "source", "sources")]
    for relation, many in RELATION_PLURALS.items():
        if n := sum(m.relation is relation for m in story.members):
            parts.append(_plural(n, RELATION_LABELS[relation], many))
    return " · ".join(parts)


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _outlet(story: Story, source: str, bracketed: bool = False) -> str:
    for m in story.members:
        if m.article.source == source:
            return (m.article.outlet or source) if bracketed else _name(m.article.outlet, source)
    return source


def _marker(story: Story, paragraph: Paragraph) -> str:
    sources = ", ".join(f"{_name(p.outlet, p.source)} ({p.how})" for p in paragraph.also_in)
    title = html.escape(f"Also in: {sources}", quote=True)
    return f'<sup class="digest-prov" title="{title}">+{len(paragraph.also_in)}</sup>'


def _lede(story: Story) -> str:
    text = story.paragraphs[0].text if story.paragraphs else ""
    if len(text) <= LEDE_CHARS:
        return text
    return text[:LEDE_CHARS].rsplit(" ", 1)[0] + "…"


def _outlets(story: Story) -> str:
    return ", ".join(dict.fromkeys(m.article.outlet or UNKNOWN_OUTLET for m in story.members))


_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml when present: same output, faster


def front_matter(data: Mapping[str, object]) -> str:
    dumped = yaml.dump(data, Dumper=_DUMPER, sort_keys=False, allow_unicode=True, width=1000)
    return f"---\n{dumped}---\n\n"


def story_page(story: Story, nav: Navigation | None = None, memo: Memo | None = None) -> str:
    return story_pages([story], nav, memo)[0]


def story_pages(
    stories: Sequence[Story], nav: Navigation | None = None, memo: Memo | None = None
) -> list[str]:
    """Each story's page: its own text (front matter and body), then the links the
    navigation gives it (related stories, topics); remembered in `memo` by the story's
    value and what its links print. An add-one build changes the links of a story or
    two, whose pages are made again; the rest are read whole."""

    def page(story: Story) -> str:
        return _story_text(page_view(story)) + _links(story, nav)

    def parts(story: Story) -> tuple[bytes | str, ...]:
        return (*_page_parts(story), *_link_parts(story, nav))

    return remembered(memo, "story page", stories, parts, page, as_text, as_text)


def _link_parts(story: Story, nav: Navigation | None) -> tuple[str, ...]:
    """What the links of the story's page print (story_nav.md): each related story's
    slug, headline and first shared names, each topic's name and slug."""
    related = nav.related_to(story) if nav else ()
    topics = nav.topics_of(story) if nav else ()
    if not related and not topics:
        return ()
    return (
        "related",
        *("\0".join((r.story.slug, r.story.title, *r.shared[:4])) for r in related),
        "topics",
        *("\0".join((t.name, t.slug)) for t in topics),
    )


def _links(story: Story, nav: Navigation | None) -> str:
    related = nav.related_to(story) if nav else ()
    topics = nav.topics_of(story) if nav else ()
    if not related and not topics:
        return _no_links()  # most stories: rendered once, not once each
    return _env().get_template("story_nav.md").render(related=related, topics=topics)


@cache
def _no_links() -> str:
    return _env().get_template("story_nav.md").render(related=(), topics=())


# What no page prints, by the value that holds it, and the blank each is given in the
# page's view: each article's line verdicts and paragraph alignment, the story's joins
# (whose TF-IDF scores move with every article added anywhere) and its key. A page is
# made from its story without these (page_view), and keyed without them (page_key).
UNPRINTED: dict[type, dict[str, Any]] = {
    Story: {"joins": (), "made_from": ""},
    Member: {"alignment": ()},
    Article: {"lines": ()},
}


def page_view(story: Story) -> Story:
    """The story as its page sees it: what UNPRINTED names blanked. The page is made
    from this value alone, so a key of it (page_key) names the page."""
    members = tuple(
        replace(m, article=replace(m.article, **UNPRINTED[Article]), **UNPRINTED[Member])
        for m in story.members
    )
    return replace(story, members=members, **UNPRINTED[Story])


def _page_parts(story: Story) -> tuple[bytes | str, ...]:
    """What names a story's page: what the story was made from, its id and slug (the
    fields set after merging); for a story made elsewhere, its page_key."""
    return (story.made_from, story.id, story.slug) if story.made_from else (page_key(story),)


def page_key(story: Story) -> bytes:
    """The story's value less what UNPRINTED names, as bytes: equal for two stories
    exactly when their page_views are equal. Pickled without the memo, which would write
    a shared object once and so depend on which fields happen to share one, and without
    building the view: each dataclass is written as its class and its printed fields."""
    out = io.BytesIO()
    pickler = _KeyPickler(out, protocol=5)
    pickler.fast = True  # no memo: every object written in full (stories have no cycles)
    pickler.dump(story)
    return out.getvalue()


class _KeyPickler(FieldsPickler):
    leaving: ClassVar[Mapping[type, frozenset[str]]] = {
        cls: frozenset(blanks) for cls, blanks in UNPRINTED.items()
    }


def _story_text(story: Story) -> str:
    body = (
        _env()
        .get_template("story.md")
        .render(
            story=story,
            outlets_of=lambda sources: ", ".join(_outlet(story, s) for s in sources),
            marker=lambda p: _marker(story, p),
            relation_label=relation_label,
            relation_of={m.article.source: relation_label(m) for m in story.members},
            relation_cell=lambda m: relation_cell(story, m),
            evidence_title=lambda e: evidence_title(story, e),
            lead_name=_name(story.canonical.outlet, story.canonical.source),
            name_of=_name,
            credit_roles=credit_roles(story),
        )
    )
    meta: dict[str, object] = {
        "title": _html(story.title),
        "description": _html(story.dek or _lede(story)),
        "template": "story.html",
        "generator": GENERATOR_MARK,
        "digest": {
            "id": story.id,
            "kicker": _html(story.kicker),
            "dek": _html(story.dek),
            "dateline": _html(story.dateline),
            "published": story.published,
            "updated": story.updated,
            # the days as the briefing's cards print them ("14 April 2025")
            "published_label": day_label(story.published[:10]) if story.published else None,
            "updated_label": day_label(story.updated[:10]) if story.updated else None,
            "summary": summary_line(story),
            "abstract": [_html(sentence) for sentence in story.abstract],
            "credits": [_html(c) for c in reporters(story)],
            "rights": [_html(c.name) for c in story.credit_roll if c.role == "rights"],
            "outlets": [
                _html(o)
                for o in dict.fromkeys(m.article.outlet for m in story.members if m.article.outlet)
            ],
        },
    }
    if story.tags:  # Material's key: shown (and searchable) where its tags plugin is on
        meta["tags"] = [_html(t) for t in story.tags]
    return front_matter(meta) + body


def _html(value: str | None) -> str | None:
    """Front-matter text as HTML: MkDocs renders themes with autoescape off, so Material
    prints page titles and descriptions as they are. Escaping them here shows the text
    literally wherever a template puts it."""
    return html.escape(value, quote=True) if value is not None else None


def index_page(nav: Navigation, rejected: Sequence[Rejected], output: str) -> str:
    body = (
        _env()
        .get_template("index.md")
        .render(
            stories=nav.ranked,
            front=nav.newest,
            earlier=nav.earlier,
            earlier_heading=_earlier_heading(nav.earlier),
            edition=edition(nav),
            rejected=rejected,
            output=output,
        )
    )
    meta = {"title": "Briefing", "generator": GENERATOR_MARK, "hide": ["navigation", "toc"]}
    return front_matter(meta) + body


def _earlier_heading(stories: Sequence[Story]) -> str:
    dated = sum(1 for s in stories if navigation.day(s))
    if dated == len(stories):
        return "Earlier stories"
    return "Earlier and undated stories" if dated else "Undated stories"


def edition(nav: Navigation) -> str:
    """'14 April 2025 · 12 stories': the newest day the briefing shows (or the span of its
    newest days), and how many stories it has of them; the earlier stories that fill it
    up are listed under their own heading."""
    newest = nav.newest or nav.earlier
    dates = sorted({d for s in newest if (d := navigation.day(s))})
    span = day_label(dates[-1]) if dates else "Undated stories"
    if len(dates) > 1:
        span = f"{day_label(dates[0])} to {day_label(dates[-1])}"
    n = len(newest)
    return f"{span} · {n} stor{'y' if n == 1 else 'ies'}"


class StoryList:
    """The compact list of stories on topic and archive pages (`story_list(stories,
    prefix)` in their templates): a line per story with its headline, date and counts,
    `prefix` leading from the page to the stories folder. Each story's line is made once
    for every list it is in (it was a Jinja macro: a third of the navigation pages' time,
    most stories being on an archive page and on topic pages)."""

    def __init__(self) -> None:
        self._made: dict[str, tuple[str, str]] = {}  # story id -> its line's two halves

    def __call__(self, stories: Sequence[Story], prefix: str) -> str:
        lines = []
        for s in stories:
            halves = self._made.get(s.id)
            if halves is None:
                halves = self._made[s.id] = (
                    f"- [{md_escape(s.title)}](",
                    f"{s.slug}.md) <small>{date_label(s)} · {summary_line(s)}</small>\n",
                )
            lines.append(prefix.join(halves))
        return "".join(lines)


def navigation_pages(nav: Navigation, output: str, min_stories: int) -> dict[str, str]:
    """The archive (an index and a page per month), topics and outlets: all inside the
    stories folder, kept out of MkDocs' automatic navigation (`not_in_nav`)."""
    env = _env()
    story_list = StoryList()
    files = {
        f"{output}/archive/index.md": _page(
            "Archive",
            env.get_template("archive.md").render(
                total=len(nav.ranked), days=nav.days, undated=nav.undated, years=_years(nav)
            ),
        ),
        f"{output}/topics/index.md": _page(
            "People, places and organisations",
            env.get_template("topics.md").render(groups=_groups(nav), min_stories=min_stories),
        ),
        f"{output}/outlets/index.md": _page(
            "Outlets", env.get_template("outlets.md").render(outlets=nav.outlets)
        ),
    }
    month_page = env.get_template("month.md")
    months = _months(nav)
    for i, (key, label, days) in enumerate(months):
        newer = months[i - 1][:2] if i > 0 else None
        older = months[i + 1][:2] if i + 1 < len(months) else None
        files[f"{output}/archive/{key}.md"] = _page(
            label,
            month_page.render(
                heading=label,
                days=[(day_label(d.date), d.date, d.stories) for d in days],
                newer=newer,
                older=older,
                story_list=story_list,
            ),
        )
    if nav.undated:
        files[f"{output}/archive/undated.md"] = _page(
            "Undated stories",
            month_page.render(
                heading="Undated stories",
                days=[(None, None, nav.undated)],
                newer=None,
                older=None,
                story_list=story_list,
            ),
        )
    topic_page = env.get_template("topic.md")
    for t in nav.topics:
        files[f"{output}/topics/{t.slug}.md"] = _page(
            t.name,
            topic_page.render(topic=t, kind_label=KIND_LABELS[t.kind], story_list=story_list),
        )
    outlet_page = env.get_template("outlet.md")
    for o in nav.outlets:
        files[f"{output}/outlets/{o.slug}.md"] = _page(o.name, outlet_page.render(outlet=o))
    return files


# Navigation pages repeat story headlines and outlet names: kept out of search (Material's
# `search.exclude`), so a search lands on the story itself.
NAVIGATION_META = {"search": {"exclude": True}}


def _page(title: str, body: str) -> str:
    meta = {"title": _html(title), "generator": GENERATOR_MARK, **NAVIGATION_META}
    return front_matter(meta) + body


Month = tuple[str, str, list[navigation.Day]]  # "2025-04", "April 2025", its days


def _months(nav: Navigation) -> list[Month]:
    """The archive's pages, newest first: one per month (a page per day would add a page
    per day of news to every build; a month of cards is still a light page)."""
    months: dict[str, Month] = {}
    for d in nav.days:
        months.setdefault(d.date[:7], (d.date[:7], month_label(d.date), []))[2].append(d)
    return list(months.values())


def _years(nav: Navigation) -> list[tuple[str, list[tuple[str, str, int]]]]:
    """(year, [(month key, label, story count)]) for the archive's index, newest first."""
    years: dict[str, list[tuple[str, str, int]]] = {}
    for key, label, days in _months(nav):
        years.setdefault(key[:4], []).append((key, label, sum(len(d.stories) for d in days)))
    return list(years.items())


def _groups(nav: Navigation) -> list[tuple[str, list[navigation.Topic]]]:
    return [
        (heading, [t for t in nav.topics if t.kind == kind])
        for kind, heading in KIND_HEADINGS.items()
        if any(t.kind == kind for t in nav.topics)
    ]


def rejected_page(rejected: Sequence[Rejected]) -> str:
    body = _env().get_template("rejected.md").render(rejected=rejected)
    meta = {"title": "Not included", "generator": GENERATOR_MARK}
    return front_matter(meta) + body


def manifest(stories: Sequence[Story], rejected: Sequence[Rejected], output: str) -> str:
    """stories.json: each story, and each rejected seed, on a line of its own, so a change
    to one story is a change to one line (and the file is written by json's C encoder:
    indenting makes it the pure-Python one: a tenth of a second for the 2,340 stories of
    5,000 articles)."""
    entries = [
        {
            "id": s.id,
            "slug": s.slug,
            "title": s.title,
            "url": f"{output}/{s.slug}/",
            "published": s.published,
            "articles": [
                {
                    "source": m.article.source,
                    "title": m.article.title,
                    "outlet": m.article.outlet,
                    "published": m.article.published,
                    "encoding": m.article.encoding,
                    "repairs": list(m.article.repairs),
                    "relation": m.relation.value,
                    "similarity": m.similarity,
                }
                for m in s.members
            ],
            "captions": [
                {
                    "caption": g.caption,
                    "credit": g.credit,
                    "wire": g.wire,
                    "sources": list(g.sources),
                }
                for g in s.gallery
            ],
        }
        for s in stories
    ]
    reasons = [{"source": r.source, "reason": r.reason} for r in rejected]
    return f'{{"stories": {_one_per_line(entries)},\n"rejected": {_one_per_line(reasons)}}}\n'


def _one_per_line(items: Sequence[object]) -> str:
    """A JSON list with each item on a line of its own."""
    lines = ",\n".join(json.dumps(item, ensure_ascii=False) for item in items)
    return f"[\n{lines}\n]" if items else "[]"


def left_behind(content: Path, output: str) -> list[str]:
    """Warnings for folders of `content` holding pages digest generated (owned) outside
    its output folder and the front page: a build with another `output` left them, and
    no build prunes or updates them now, yet MkDocs publishes them. One per folder."""
    out = (content / output).resolve()
    tops = sorted(p for p in content.iterdir() if p.is_dir()) if content.is_dir() else []
    found = {  # the output folder itself is not walked: it may hold many thousand pages
        top: n
        for top in tops
        if not out.is_relative_to(top.resolve())
        and (n := sum(owned(page) for page in top.rglob("*.md")))
    }
    return [
        f"{top}: {n} page(s) digest generated, outside its output folder '{output}' (left by "
        "a build with another output): no build updates or prunes them; remove them"
        for top, n in found.items()
    ]


def previous(content: Path) -> list[tuple[str, str, frozenset[str]]]:
    """(id, slug, sources) of each story in the last build's manifest; none if unreadable."""
    try:
        data = json.loads((content / MANIFEST).read_text(encoding="utf-8"))
        return [
            (s["id"], s["slug"], frozenset(a["source"] for a in s["articles"]))
            for s in data["stories"]
            if re.fullmatch(r"[a-z0-9-]{1,80}", s["slug"])
            and re.fullmatch(r"[0-9a-f]{12}", s["id"])
        ]
    except (OSError, ValueError, KeyError, TypeError):
        return []


def render(
    stories: Sequence[Story],
    rejected: Sequence[Rejected],
    output: str,
    config: DigestConfig | None = None,
    memo: Memo | None = None,
) -> dict[str, str | bytes]:
    """Every generated file, keyed by its path relative to the content folder: pages, the
    manifest and the feeds as text, the gallery's photos as bytes (once each, named by
    content hash). Story pages and stories' entities are remembered in `memo` (the
    cache), when given."""
    config = config or validated({})
    nav = navigation.plan(
        stories, config.front_page_days, config.front_page_max, config.topic_min_stories, memo
    )
    files: dict[str, str | bytes] = {
        "index.md": index_page(nav, rejected, output),
        MANIFEST: manifest(stories, rejected, output),
    }
    for story, page in zip(stories, story_pages(stories, nav, memo), strict=True):
        files[f"{output}/{story.slug}.md"] = page
    if rejected:
        files[f"{output}/rejected.md"] = rejected_page(rejected)
    for story in stories:
        for item in story.gallery:
            if item.image is not None:
                files[f"{output}/{OUTPUT_FOLDER}/{item.image.name}"] = item.image.data
    files |= navigation_pages(nav, output, config.topic_min_stories)
    files |= feeds.render(nav.ranked, output, config.site_url, config.feed_title, config.feed_items)
    return files


def owned(path: Path) -> bool:
    """Is this existing page one digest generated (and may overwrite)?"""
    try:
        head = path.read_text(encoding="utf-8")[:2000]
    except (OSError, UnicodeDecodeError):
        return False
    return bool(re.search(rf"(?m)^generator: {GENERATOR_MARK}$", head.split("\n---", 1)[0]))
