"""Stage 5a, pages: Stories -> Markdown files with YAML front matter, plus the manifest.

Bodies come from Markdown templates in generator/templates/; every piece of
article text passes through `md_escape`, so what a page printed is shown as
literal text and can never become markup. Front matter is built as data and
dumped by YAML, never by string concatenation."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path

import jinja2
import yaml

from .credits import ROLE_LABELS, ROLES
from .images import OUTPUT_FOLDER
from .models import Evidence, Member, Paragraph, Rejected, Relation, Story

GENERATOR_MARK = "digest"  # front-matter `generator:` value on every page digest owns
MANIFEST = "stories.json"
LEDE_CHARS = 280  # a card shows the dek, or the lede cut to about this many characters
RELATION_LABELS = {
    Relation.CANONICAL: "original",
    Relation.COPY: "copy",
    Relation.REWRITE: "rewrite",
    Relation.COVERAGE: "own report",
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
    )
    env.filters["md"] = md_escape
    return env


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


def _name(outlet: str | None, source: str) -> str:
    return outlet or source


def credit_roles(story: Story) -> list[tuple[str, str]]:
    """('Reporting', 'Jane Doe (ABC News), ...') per role, for the Credits section; people
    carry the outlets that print them when the story has more than one source."""
    several = len(story.members) > 1
    lines = []
    for role in ROLES:
        names = []
        for credit in (c for c in story.credit_roll if c.role == role):
            name = md_escape(credit.name)
            if several and role in ("reporting", "contributing"):
                outlets = ", ".join(dict.fromkeys(_outlet(story, s) for s in credit.sources))
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
    """'3 sources · 1 original report · 1 copy · 1 rewrite'."""

    def count(relations: tuple[Relation, ...]) -> int:
        return sum(m.relation in relations for m in story.members)

    parts = [
        _plural(len(story.members), "source", "sources"),
        _plural(
            count((Relation.CANONICAL, Relation.COVERAGE)), "original report", "original reports"
        ),
    ]
    if copies := count((Relation.COPY,)):
        parts.append(_plural(copies, "copy", "copies"))
    if rewrites := count((Relation.REWRITE,)):
        parts.append(_plural(rewrites, "rewrite", "rewrites"))
    return " · ".join(parts)


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _outlet(story: Story, source: str) -> str:
    for m in story.members:
        if m.article.source == source:
            return m.article.outlet or m.article.source
    return source


def _marker(story: Story, paragraph: Paragraph) -> str:
    sources = ", ".join(f"{p.outlet or p.source} ({p.how})" for p in paragraph.also_in)
    title = html.escape(f"Also in: {sources}", quote=True)
    return f'<sup class="digest-prov" title="{title}">+{len(paragraph.also_in)}</sup>'


def _lede(story: Story) -> str:
    text = story.paragraphs[0].text if story.paragraphs else ""
    if len(text) <= LEDE_CHARS:
        return text
    return text[:LEDE_CHARS].rsplit(" ", 1)[0] + "…"


def _outlets(story: Story) -> str:
    return ", ".join(dict.fromkeys(m.article.outlet or "Unknown outlet" for m in story.members))


_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml when present: same output, faster


def front_matter(data: Mapping[str, object]) -> str:
    dumped = yaml.dump(data, Dumper=_DUMPER, sort_keys=False, allow_unicode=True, width=1000)
    return f"---\n{dumped}---\n\n"


def story_page(story: Story) -> str:
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
            credit_roles=credit_roles(story),
        )
    )
    meta = {
        "title": _html(story.title),
        "description": _html(story.dek or _lede(story)),
        "template": "story.html",
        "generator": GENERATOR_MARK,
        "digest": {
            "id": story.id,
            "dek": _html(story.dek),
            "dateline": _html(story.dateline),
            "published": story.published,
            "updated": story.updated,
            "summary": summary_line(story),
            "abstract": [_html(sentence) for sentence in story.abstract],
            "credits": [_html(c) for c in reporters(story)],
            "outlets": [
                _html(o)
                for o in dict.fromkeys(m.article.outlet for m in story.members if m.article.outlet)
            ],
        },
    }
    return front_matter(meta) + body


def _html(value: str | None) -> str | None:
    """Front-matter text as HTML: MkDocs renders themes with autoescape off, so Material
    prints page titles and descriptions as they are. Escaping them here shows the text
    literally wherever a template puts it."""
    return html.escape(value, quote=True) if value is not None else None


def index_page(stories: Sequence[Story], rejected: Sequence[Rejected], output: str) -> str:
    body = (
        _env()
        .get_template("index.md")
        .render(stories=stories, rejected=rejected, output=output, lede=_lede, outlets=_outlets)
    )
    meta = {"title": "Briefing", "generator": GENERATOR_MARK, "hide": ["navigation", "toc"]}
    return front_matter(meta) + body


def rejected_page(rejected: Sequence[Rejected]) -> str:
    body = _env().get_template("rejected.md").render(rejected=rejected)
    meta = {"title": "Not included", "generator": GENERATOR_MARK}
    return front_matter(meta) + body


def manifest(stories: Sequence[Story], rejected: Sequence[Rejected], output: str) -> str:
    data = {
        "stories": [
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
        ],
        "rejected": [{"source": r.source, "reason": r.reason} for r in rejected],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


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
    stories: Sequence[Story], rejected: Sequence[Rejected], output: str
) -> dict[str, str | bytes]:
    """Every generated file, keyed by its path relative to the content folder: pages and
    the manifest as text, the gallery's photos as bytes (once each, named by content hash)."""
    files: dict[str, str | bytes] = {
        "index.md": index_page(stories, rejected, output),
        MANIFEST: manifest(stories, rejected, output),
    }
    for story in stories:
        files[f"{output}/{story.slug}.md"] = story_page(story)
    if rejected:
        files[f"{output}/rejected.md"] = rejected_page(rejected)
    for story in stories:
        for item in story.gallery:
            if item.image is not None:
                files[f"{output}/{OUTPUT_FOLDER}/{item.image.name}"] = item.image.data
    return files


def owned(path: Path) -> bool:
    """Is this existing page one digest generated (and may overwrite)?"""
    try:
        head = path.read_text(encoding="utf-8")[:2000]
    except (OSError, UnicodeDecodeError):
        return False
    return bool(re.search(rf"(?m)^generator: {GENERATOR_MARK}$", head.split("\n---", 1)[0]))
