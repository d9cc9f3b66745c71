"""What the navigation pages (archive, topics, outlets) and feeds cost at scale.

Makes N synthetic stories (names, places, organisations, outlets and dates drawn from
fixed pools with a fixed seed, so runs compare), renders them with digest's pages stage,
and builds two sites with `mkdocs build` (Material, the project's theme, no digest plugin:
the content is already written) in the same run:

- stories: the briefing and the story pages only (navigation pages removed);
- full: everything digest writes (archive by day, topic and outlet pages, feeds).

Prints the time to render the pages (entity extraction included), for each site the
page count, build wall and CPU seconds (the mkdocs process; the fastest of --repeat
builds, since other work on a shared machine inflates any one), and site size.

    .venv/bin/python bench/navigation.py                  # 1,000 stories
    .venv/bin/python bench/navigation.py --stories 100 1000 5000

Target: the full site builds within 1.3x the stories-only site (the issue's budget for
all of digest over a bare Material site is 1.3x; navigation must stay a small part)."""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.config import validated  # noqa: E402
from generator.entities import KNOWN_ORGANISATIONS, KNOWN_PLACES  # noqa: E402
from generator.models import Article, Member, Paragraph, Relation, Story  # noqa: E402
from generator.pages import render  # noqa: E402

FIRST = ["Anna", "Boris", "Chen", "David", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas",
         "Karim", "Lena", "Maria", "Nikolai"]  # fmt: skip
LAST = ["Petrov", "Okafor", "Lindqvist", "Moreau", "Tanaka", "Haddad", "Kowalski", "Silva",
        "Novak", "Brennan", "Ito", "Reyes"]  # fmt: skip
VERBS = ["met", "criticised", "visited", "called", "praised", "warned", "thanked"]


def fake_stories(n: int, rng: random.Random) -> list[Story]:
    people = [f"{f} {last}" for f in FIRST for last in LAST]
    places = sorted(p for p in KNOWN_PLACES if " " not in p)
    orgs = sorted(KNOWN_ORGANISATIONS)
    outlets = [f"The {w} {k}" for w in ("Daily", "Evening", "Morning", "Weekly") for k in (
        "Post", "Herald", "Courier", "Star", "Ledger", "Mirror", "Record", "Gazette")]  # fmt: skip
    stories = []
    for i in range(n):
        who = rng.sample(people, 3)
        where = rng.sample(places, 2)
        org = rng.choice(orgs)
        paragraphs = []
        for k in range(10):
            a, b = who[k % 3], who[(k + 1) % 3]
            paragraphs.append(
                f"On the {k + 1}th call {a} {rng.choice(VERBS)} {b} in {where[k % 2]}, "
                f"according to a statement from {org}, and officials said the talks in "
                f"{where[(k + 1) % 2]} would go on for several days before any agreement."
            )
        day = None if i % 50 == 49 else f"2024-{1 + (i // 28) % 12:02d}-{1 + i % 28:02d}"
        others = [Relation.COPY, Relation.REWRITE, Relation.COVERAGE]
        relations = [Relation.CANONICAL, *rng.choices(others, k=rng.randint(0, 4))]
        members = tuple(
            Member(article(i, j, who, where, day, rng.choice(outlets), paragraphs), rel, 0.9)
            for j, rel in enumerate(relations)
        )
        stories.append(
            Story(
                id=f"{i:012x}",
                slug=f"story-{i}",
                title=f"{who[0]} and {who[1]} meet in {where[0]}",
                dek=None,
                dateline=None,
                published=day,
                updated=None,
                members=members,
                paragraphs=tuple(Paragraph(p, f"s{i}-0.txt") for p in paragraphs),
                additions=(),
                gallery=(),
            )
        )
    return stories


def article(i: int, j: int, who, where, day, outlet: str, paragraphs) -> Article:
    title = f"{who[0]} and {who[1]} in {where[0]} ({j})"
    return Article(f"s{i}-{j}.txt", title, False, None, None, day, outlet, (),
                   tuple(paragraphs), (), ())  # fmt: skip


MKDOCS_YML = """site_name: Bench
docs_dir: content
site_dir: site
theme:
  name: material
  custom_dir: theme
  font: false
extra_css: [assets/digest.css]
nav:
  - Briefing: index.md
not_in_nav: |
  /stories/
plugins: [search]
markdown_extensions: [attr_list, md_in_html, tables, admonition, pymdownx.details,
  pymdownx.superfences]
"""


def build_site(
    files: dict[str, str], keep: Callable[[str], bool], work: Path
) -> tuple[int, float, float, int]:
    if work.exists():
        shutil.rmtree(work)
    (work / "content").mkdir(parents=True)
    shutil.copytree(ROOT / "theme", work / "theme")
    (work / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    pages = 0
    for rel, text in files.items():
        if keep(rel):
            path = work / "content" / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            pages += rel.endswith(".md")
    mkdocs = Path(sys.executable).parent / "mkdocs"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [str(mkdocs), "build", "-q"],
        cwd=work,
        check=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    size = sum(p.stat().st_size for p in (work / "site").rglob("*") if p.is_file())
    return pages, wall, cpu, size


def is_navigation(rel: str) -> bool:
    return rel.startswith(("stories/archive/", "stories/topics/", "stories/outlets/")) or (
        rel in ("rss.xml", "atom.xml", "feed.json")
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stories", type=int, nargs="+", default=[1000])
    parser.add_argument("--repeat", type=int, default=2, help="builds per site; fastest kept")
    args = parser.parse_args()
    for n in args.stories:
        stories = fake_stories(n, random.Random(n))
        start = time.perf_counter()
        files = render(stories, [], "stories", validated({}))
        rendered = time.perf_counter() - start
        topics = sum(r.startswith("stories/topics/") for r in files) - 1
        days = sum(r.startswith("stories/archive/") for r in files) - 1
        outlets = sum(r.startswith("stories/outlets/") for r in files) - 1
        print(f"{n} stories: rendered {len(files)} files in {rendered:.1f} s "
              f"({topics} topic, {days} archive, {outlets} outlet pages)")  # fmt: skip
        with tempfile.TemporaryDirectory(prefix="digest-nav-") as tmp:
            results = {}
            for name, keep in (
                ("stories", lambda rel: not is_navigation(rel)),
                ("full", lambda _rel: True),
            ):
                runs = [build_site(files, keep, Path(tmp) / name) for _ in range(args.repeat)]
                pages, wall, cpu, size = min(runs, key=lambda run: run[2])
                results[name] = cpu
                print(f"  {name:8} {pages:6d} pages  build {wall:7.1f} s wall "
                      f"{cpu:7.1f} CPU-s  site {size / 1e6:7.1f} MB")  # fmt: skip
            print(f"  full / stories CPU: {results['full'] / results['stories']:.2f}x")


if __name__ == "__main__":
    main()
