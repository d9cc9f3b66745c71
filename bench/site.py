"""The built site at scale: sites of 100, 1,000 and 5,000 stories made from synthetic
seeds through the real tool (`digest build`, then `mkdocs build` with the digest plugin,
which renders and indexes the site with Pagefind), beside a bare Material site of the same
story pages (plain Markdown, kept out of the nav, Material's default lunr search) built in
the same run.

For each: build wall time and CPU time (the process and every child it waited for), peak
memory (summed RSS of the build's process tree, sampled every 50 ms), site size on disk,
and the search payload: bytes the browser loads for search before the first result of a
typical query (a phrase from one story's body) is on screen, measured in Chromium over a
local server without compression (a host that gzips sends less). The query must land on
its story.

    .venv/bin/python bench/site.py                      # 100, 1,000 and 5,000 stories
    .venv/bin/python bench/site.py --sizes 100,1000 --no-browser

Targets at 5,000 stories (issue "A briefing site ... that stays fast at 5,000 stories"):
the site build (`mkdocs build`) <= 1.3x the bare Material site's, site <= 250 MB, search
payload before the first result <= 1 MB. Seeds are written in a temporary folder, never in
the repo. The machine may be shared: compare the two rows of one run, not runs."""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import yaml

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
CHROMIUM = "/usr/bin/chromium"
MB = 1_000_000
TARGET_RATIO, TARGET_SITE_MB, TARGET_PAYLOAD_MB = 1.3, 250, 1.0
OUTLETS = ("Reuters", "AP", "The Ledger", "Daily Courier", "Morning Star", "Evening Post")
# Requests that exist only for search: the index and its code (ours and Material's).
SEARCH_PATHS = ("pagefind/", "search/", "assets/javascripts/workers/", "assets/digest-search.js")


# --- synthetic seeds ------------------------------------------------------------------------
def vocabulary() -> list[str]:
    """Plain English words: the whole-word entries of the embedding model's tokenizer (in
    the wheel), else the words of the sample seeds."""
    words: set[str] = set()
    with contextlib.suppress(ImportError, OSError, ValueError, KeyError):
        import wordllama

        folder = Path(wordllama.__file__).parent / "tokenizers"
        for path in folder.glob("*.json"):
            vocab = json.loads(path.read_text(encoding="utf-8"))["model"]["vocab"]
            words |= {t[1:] for t in vocab if re.fullmatch(r"▁[a-z]{4,12}", t)}
    if len(words) < 2000:
        for path in (ROOT / "seeds").glob("*.txt"):
            words |= set(re.findall(r"\b[a-z]{4,12}\b", path.read_text(encoding="utf-8")))
    return sorted(words)


def name(rng: random.Random) -> str:
    syllables = ("ka", "lo", "mi", "ra", "ten", "vo", "shi", "dan", "bre", "quo", "zel", "nu")
    return "".join(rng.choice(syllables) for _ in range(rng.randint(2, 3))).capitalize()


@dataclass(frozen=True, slots=True)
class Story:
    title: str
    place: str
    paragraphs: tuple[str, ...]
    captions: tuple[tuple[str, str], ...]  # (caption, credit)


def story(rng: random.Random, words: list[str]) -> Story:
    """An article-shaped story: its own people, place and topic words, 6-9 paragraphs."""
    topic = rng.sample(words, 40)
    people = [f"{name(rng)} {name(rng)}" for _ in range(3)]
    place = name(rng)

    def sentence() -> str:
        picked = [rng.choice(topic) if rng.random() < 0.6 else rng.choice(words) for _ in range(14)]
        picked.insert(rng.randrange(len(picked)), rng.choice(people))
        if rng.random() < 0.5:
            picked.insert(rng.randrange(len(picked)), f"in {place}")
        return " ".join(picked).capitalize() + "."

    paragraphs = tuple(
        " ".join(sentence() for _ in range(rng.randint(2, 4))) for _ in range(rng.randint(6, 9))
    )
    captions = tuple(
        (f"{rng.choice(people)} {' '.join(rng.sample(topic, 6))} in {place}.", credit(rng))
        for _ in range(rng.randint(1, 3))
    )
    title = " ".join([rng.choice(people).split()[1], *rng.sample(topic, 5), "in", place])
    return Story(title.capitalize(), place, paragraphs, captions)


def credit(rng: random.Random) -> str:
    return f"{rng.choice(('Reuters', 'AP Photo', 'AFP'))}/{name(rng)} {name(rng)}"


def article(s: Story, rng: random.Random, outlet: str, day: int, copy: bool) -> str:
    """A page dump as scrapers save it: front matter, dateline, paragraphs, captions."""
    paragraphs = list(s.paragraphs)
    if copy:  # a republished copy: some paragraphs dropped, one moved
        paragraphs = [p for i, p in enumerate(paragraphs) if i == 0 or rng.random() > 0.25]
    lines = [
        "---",
        f"title: {json.dumps(s.title)}",
        f"outlet: {outlet}",
        f"published: 2026-{1 + day // 28:02d}-{1 + day % 28:02d}",
        f"credits: [{name(rng)} {name(rng)}]",
        "---",
        f"{s.place.upper()} -- {paragraphs[0]}",
    ]
    for i, text in enumerate(paragraphs[1:], 1):
        lines += ["", text]
        if i - 1 < len(s.captions):
            caption, who = s.captions[i - 1]
            lines += ["", caption, f"Image: {who}"]
    return "\n".join(lines) + "\n"


def make_seeds(folder: Path, stories: int, seed: int = 20261122) -> list[Story]:
    """`stories` stories, about a third with a copy from another outlet."""
    rng, words = random.Random(seed), vocabulary()
    folder.mkdir(parents=True)
    made = []
    for k in range(stories):
        s = story(rng, words)
        made.append(s)
        day, outlets = rng.randrange(300), rng.sample(OUTLETS, 2)
        (folder / f"{k:05d}.txt").write_text(article(s, rng, outlets[0], day, False))
        if rng.random() < 0.33:
            (folder / f"{k:05d}-copy.txt").write_text(article(s, rng, outlets[1], day, True))
    return made


# --- measuring a build ----------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Run:
    wall: float
    cpu: float
    peak_rss: int  # bytes, the process tree's summed RSS at its largest


def _children(pid: int) -> list[int]:
    """Direct children, from /proc/PID/task/*/children (no scan of every process)."""
    out: list[int] = []
    with contextlib.suppress(OSError):
        for task in os.scandir(f"/proc/{pid}/task"):
            with contextlib.suppress(OSError):
                out += [int(c) for c in Path(task.path, "children").read_text().split()]
    return out


def _tree_rss(root: int) -> int:
    page, total, todo = os.sysconf("SC_PAGE_SIZE"), 0, [root]
    while todo:
        pid = todo.pop()
        with contextlib.suppress(OSError, IndexError, ValueError):
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * page
        todo += _children(pid)
    return total


def run(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> Run:
    """Run a build to the end; its wall time, CPU time and the process tree's peak RSS."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(
        command,
        cwd=cwd,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.wait(0.05):
            peak = max(peak, _tree_rss(proc.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _out, err = proc.communicate()
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode:
        sys.exit(f"{' '.join(command)} failed in {cwd}:\n{err[-3000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Run(wall, cpu, peak)


def size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


# --- the two sites --------------------------------------------------------------------------
def ours(work: Path) -> tuple[Run, Run]:
    """The project as a user has it: its mkdocs.yml and theme, synthetic seeds."""
    for name_ in ("mkdocs.yml", "theme"):
        src = ROOT / name_
        (shutil.copytree if src.is_dir() else shutil.copy)(src, work / name_)
    (work / "content").mkdir()
    shutil.copy(ROOT / "content" / "about.md", work / "content" / "about.md")
    generate = run([str(BIN / "digest"), "build", "--quiet"], work)
    render = run([str(BIN / "mkdocs"), "build", "-d", "site"], work)
    return generate, render


FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)


def bare(work: Path, generated: Path) -> Run:
    """Material alone: the same story pages as plain Markdown (front matter dropped, the
    title as a heading), out of the nav, Material's default search, our Markdown extensions."""
    docs = work / "docs" / "stories"
    docs.mkdir(parents=True)
    for page in sorted((generated / "stories").glob("*.md")):
        text = page.read_text(encoding="utf-8")
        meta = yaml.safe_load(text[4 : text.index("\n---\n")]) if text.startswith("---\n") else {}
        body = FRONT_MATTER.sub("", text)
        (docs / page.name).write_text(f"# {(meta or {}).get('title', page.stem)}\n\n{body}")
    (work / "docs" / "index.md").write_text("# Stories\n\nA bare Material site.\n")
    ours_config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config = {
        "site_name": "Bare",
        "docs_dir": "docs",
        "theme": {"name": "material", "font": False},
        "nav": ["index.md"],
        "not_in_nav": "/stories/\n",
        "plugins": ["search"],
        "markdown_extensions": ours_config.get("markdown_extensions", []),
    }
    (work / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    return run([str(BIN / "mkdocs"), "build", "-d", "site"], work)


# --- search payload in the browser ------------------------------------------------------------
class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@dataclass(frozen=True, slots=True)
class Payload:
    search_bytes: int  # requests that exist only for search (index, worker, search code)
    all_bytes: int  # everything the page loaded, from navigation to the first result
    seconds: float  # from typing the query to the first result on screen
    landed: bool  # the first result is the story the phrase came from


def payload(browser: Any, site: Path, query: str, story_path: str) -> Payload:
    with serve(site) as base:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        urls: list[str] = []
        page.on("request", lambda r: urls.append(r.url))
        page.goto(base, wait_until="load")
        page.locator("input.md-search__input").click()
        start = time.perf_counter()
        page.keyboard.type(query)
        first = page.locator(".md-search-result__list > .md-search-result__item a").first
        first.wait_for(state="visible", timeout=600_000)
        seconds = time.perf_counter() - start
        href = urlparse(first.evaluate("a => a.href")).path
        page.close()
    paths = [urlparse(u).path.lstrip("/") for u in urls if u.startswith(base)]
    files = [site / (p if p and not p.endswith("/") else p + "index.html") for p in paths]
    nbytes = [f.stat().st_size if f.is_file() else 0 for f in files]
    search = sum(n for p, n in zip(paths, nbytes, strict=True) if p.startswith(SEARCH_PATHS))
    landed = href.strip("/") == story_path.strip("/")
    if not landed:
        print(f"  first result in {site.parent.name}: {href}")
    return Payload(search, sum(nbytes), seconds, landed)


def typical_query(stories: list[Story], manifest: dict[str, Any]) -> tuple[str, str]:
    """A four-word phrase from the middle of one story's body, and that story's URL."""
    k = len(stories) // 2
    words = stories[k].paragraphs[2].split()
    phrase = " ".join(w.strip(".,") for w in words[5:9])
    url = next(s["url"] for s in manifest["stories"] if s["title"] == stories[k].title)
    return phrase, url


# --- the report -----------------------------------------------------------------------------
def row(label: str, r: Run, site_bytes: int, p: Payload | None, extra: str = "") -> str:
    found = "–" if p is None else f"{p.search_bytes / MB:7.3f} MB"
    total = "" if p is None else f" (page+search {p.all_bytes / MB:.2f} MB, {p.seconds:.1f} s"
    total += "" if p is None else (", lands on its story)" if p.landed else ", WRONG STORY)")
    return (
        f"  {label:<22} wall {r.wall:7.1f} s  cpu {r.cpu:7.1f} s  peak {r.peak_rss / MB:6.0f} MB"
        f"  site {site_bytes / MB:7.1f} MB  search {found}{total}{extra}"
    )


def check(ok: bool) -> str:
    return "met" if ok else "NOT met"


def measure(n: int, browser: Any) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix=f"digest-site-{n}-") as tmp:
        work = Path(tmp)
        start = time.perf_counter()
        stories = make_seeds(work / "ours" / "seeds", n)
        made = time.perf_counter() - start
        articles = len(list((work / "ours" / "seeds").iterdir()))
        print(f"\n{n} stories ({articles} seed articles, written in {made:.1f} s)")
        generate, render = ours(work / "ours")
        bare_run = bare(work / "bare", work / "ours" / "content")
        site, bare_site = work / "ours" / "site", work / "bare" / "site"
        manifest = json.loads((site / "stories.json").read_text(encoding="utf-8"))
        found = len(manifest["stories"])
        p = q = None
        if browser is not None:
            phrase, url = typical_query(stories, manifest)
            print(f"  query {phrase!r} -> {url}")
            p = payload(browser, site, phrase, url)
            q = payload(browser, bare_site, phrase, url)
        print(f"  digest stories made: {found} of {n}; rejected {len(manifest['rejected'])}")
        print(row("digest build", generate, 0, None, "  (seeds -> content/)"))
        note = "  (content/ -> site/ + Pagefind)"
        print(row("mkdocs build (digest)", render, size(site), p, note))
        print(row("mkdocs build (bare)", bare_run, size(bare_site), q))
        ratio = render.wall / bare_run.wall
        print(
            f"  site build {ratio:.2f}x the bare site's wall time ({render.cpu / bare_run.cpu:.2f}x"
            f" CPU); with the generator {(generate.wall + render.wall) / bare_run.wall:.2f}x"
        )
        return {
            "ratio": ratio,
            "cpu_ratio": render.cpu / bare_run.cpu,
            "site_mb": size(site) / MB,
            "payload_mb": p.search_bytes / MB if p else float("nan"),
            "landed": float(p.landed) if p else float("nan"),
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,1000,5000", help="story counts, comma-separated")
    parser.add_argument("--no-browser", action="store_true", help="skip the search payload")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    with contextlib.ExitStack() as stack:
        browser = None
        if not args.no_browser:
            browser = stack.enter_context(_browser())
        results = {n: measure(n, browser) for n in sizes}
    n = max(results)
    r = results[n]
    print(f"\ntargets at {n} stories (the issue sets them at 5,000):")
    ratio, cpu_ratio, site_mb = r["ratio"], r["cpu_ratio"], r["site_mb"]
    print(
        f"  site build <= {TARGET_RATIO}x bare Material: wall {ratio:.2f}x "
        f"{check(ratio <= TARGET_RATIO)}, CPU {cpu_ratio:.2f}x {check(cpu_ratio <= TARGET_RATIO)}"
    )
    print(f"  site <= {TARGET_SITE_MB} MB: {site_mb:.1f} MB  {check(site_mb <= TARGET_SITE_MB)}")
    if browser is not None:
        ok = r["payload_mb"] <= TARGET_PAYLOAD_MB and r["landed"] == 1.0
        print(f"  search payload <= {TARGET_PAYLOAD_MB} MB: {r['payload_mb']:.3f} MB  {check(ok)}")


@contextlib.contextmanager
def _browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sys.exit("playwright is not installed (pip install -e '.[test]'), or pass --no-browser")
    if not os.access(CHROMIUM, os.X_OK):
        sys.exit(f"{CHROMIUM} not found (apt-get install chromium), or pass --no-browser")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--headless=new", "--no-sandbox", "--disable-gpu"]
        )
        try:
            yield browser
        finally:
            browser.close()


if __name__ == "__main__":
    main()
