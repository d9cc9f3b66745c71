"""The built site in a real browser: Debian's Chromium driven by Playwright.

The site is built once per module from the repo's seeds (`mkdocs build --strict` into a
temporary folder), served by http.server on 127.0.0.1 and checked as a reader sees it:
the briefing lists every story, Material's search finds a photo caption, a story page
shows its sources and gallery, and nothing asks any other host for anything. Full-page
screenshots (desktop and phone, light and dark) go to tests/artifacts/ for a human to look at.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest

sync_api = pytest.importorskip(
    "playwright.sync_api",
    reason="playwright is not installed: `pip install -e '.[test]'` (make test does this)",
)

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = next(
    (p for p in ("/usr/bin/chromium", shutil.which("chromium")) if p and os.access(p, os.X_OK)),
    None,
)
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# The seed whose gallery holds the caption the search test types (a phrase from it).
SEARCH_SEED = "004_509b700b257930df.txt"
SEARCH_PHRASE = "Lunar New Year celebration"
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        CHROMIUM is None,
        reason="Debian's chromium is not installed: `apt-get install chromium` "
        "(make test does this when run as root)",
    ),
]


def squash(text: str | None) -> str:
    """Whitespace as a reader sees it: runs collapsed, ends trimmed."""
    return re.sub(r"\s+", " ", text or "").strip()


# --- the site, its server and the browser: once per module ---------------------------------


def mkdocs_build(cwd: Path, out: Path, *options: str) -> Path:
    """`mkdocs build --strict` in `cwd` into `out`; fails the test with MkDocs' output."""
    mkdocs = Path(sys.executable).parent / "mkdocs"
    command = [str(mkdocs) if mkdocs.exists() else "mkdocs", "build", "--strict", *options]
    done = subprocess.run(
        [*command, "-d", str(out)],
        cwd=cwd,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, f"mkdocs build --strict failed:\n{done.stdout}\n{done.stderr}"
    return out


def project_copy(work: Path, seeds: Path | None = None) -> Path:
    """A copy of the project's site setup (config, theme, the hand-written page) in `work`,
    with `seeds` (default: an empty seeds folder)."""
    for name in ("mkdocs.yml", "mkdocs-offline.yml", "theme"):
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, work / name)
    (work / "content").mkdir()
    shutil.copy(ROOT / "content" / "about.md", work / "content" / "about.md")
    if seeds is None:
        (work / "seeds").mkdir()
    else:
        shutil.copytree(seeds, work / "seeds")
    return work


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built from the repo's seeds, strictly, into a temporary folder."""
    out = mkdocs_build(ROOT, tmp_path_factory.mktemp("site"))
    assert (out / "index.html").is_file() and (out / "stories.json").is_file()
    return out


@pytest.fixture(scope="module")
def manifest(site: Path) -> dict[str, Any]:
    data = json.loads((site / "stories.json").read_text(encoding="utf-8"))
    assert data["stories"], "the seeds should make at least one story"
    return data


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    """The folder over HTTP on 127.0.0.1 (search needs a server, not file://)."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="module")
def base_url(site: Path) -> Iterator[str]:
    with serve(site) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


class Visit:
    """A browser context at one viewport and colour scheme that records what its pages do:
    every request, console errors and warnings, uncaught exceptions, failed responses."""

    def __init__(self, browser: Any, base_url: str, viewport: str, scheme: str) -> None:
        self.base_url = base_url
        self.context = browser.new_context(
            viewport=VIEWPORTS[viewport], color_scheme=scheme, service_workers="block"
        )
        self.requests: list[str] = []
        self.problems: list[str] = []
        self.context.on("request", lambda r: self.requests.append(r.url))
        self.context.on("console", self._console)
        self.context.on("weberror", lambda e: self.problems.append(f"uncaught: {e.error}"))
        self.context.on("requestfailed", lambda r: self.problems.append(f"failed: {r.url}"))
        self.context.on("response", self._response)
        self.page = self.context.new_page()

    def _console(self, message: Any) -> None:
        if message.type in ("error", "warning"):
            self.problems.append(f"console {message.type}: {message.text}")

    def _response(self, response: Any) -> None:
        if response.status >= 400:
            self.problems.append(f"HTTP {response.status}: {response.url}")

    def _goto(self, page: Any, path: str, wait_until: str) -> Any:
        response = page.goto(self.base_url + path, wait_until=wait_until)
        assert response is not None and response.ok, f"{path}: {response and response.status}"
        return page

    def open(self, path: str) -> Any:
        """The path in this visit's page, once the network has gone quiet."""
        return self._goto(self.page, path, "networkidle")

    def open_all(self, paths: list[str]) -> list[Any]:
        """Each path in a tab of its own, loading side by side; all settled on return."""
        pages = [self._goto(self.context.new_page(), path, "load") for path in paths]
        for page in pages:
            page.wait_for_load_state("networkidle")
        return pages

    def foreign_requests(self) -> list[str]:
        local = ("127.0.0.1",)
        return [
            u
            for u in self.requests
            if urlparse(u).scheme not in ("data", "blob") and urlparse(u).hostname not in local
        ]

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def visit(browser: Any, base_url: str) -> Iterator[Any]:
    opened: list[Visit] = []

    def make(viewport: str = "desktop", scheme: str = "light") -> Visit:
        opened.append(Visit(browser, base_url, viewport, scheme))
        return opened[-1]

    yield make
    for v in opened:
        v.close()


def story_with(manifest: dict[str, Any], source: str) -> dict[str, Any]:
    found = [s for s in manifest["stories"] if any(a["source"] == source for a in s["articles"])]
    assert len(found) == 1, f"{source} should be in exactly one story"
    return found[0]


# --- the tests --------------------------------------------------------------------------------


def card_links(page: Any, items: str = ".digest-briefing > ul > li") -> list[tuple[str, str]]:
    """(headline, path) of each story card on the briefing (or each entry of a list of
    stories, as on an archive page), in order."""
    out = []
    for item in page.locator(items).all():
        assert item.is_visible()
        link = item.locator("a").first
        out.append((squash(link.inner_text()), link.evaluate("a => new URL(a.href).pathname")))
    return out


def test_every_story_is_on_the_front_page_or_in_the_archive(
    visit: Any, manifest: dict[str, Any]
) -> None:
    v = visit()
    expected = {"/" + s["url"]: squash(s["title"]) for s in manifest["stories"]}
    front = card_links(v.open(""))
    assert front, "the briefing shows stories"
    assert all(expected.get(path) == title for title, path in front), front
    page = v.open("")
    page.locator(".digest-more a", has_text="Archive").click()
    page.wait_for_load_state("networkidle")
    archived: list[tuple[str, str]] = []
    months = [
        a.evaluate("a => new URL(a.href).pathname") for a in page.locator("article li a").all()
    ]
    assert months, "the archive lists months"
    for month in months:
        archived += card_links(v.open(month.lstrip("/")), "article li")
    assert sorted(path for _t, path in archived) == sorted(expected), "each story, once"
    assert all(expected[path] == title for title, path in archived)


def test_topic_and_outlet_pages_link_to_their_stories(visit: Any, manifest: dict[str, Any]) -> None:
    v = visit()
    urls = {"/" + s["url"] for s in manifest["stories"]}
    page = v.open("stories/topics/")
    topics = [
        a.evaluate("a => new URL(a.href).pathname") for a in page.locator("article li a").all()
    ]
    assert topics, "the samples share at least one name (Kim Jong Un)"
    for topic in topics:
        links = v.open(topic.lstrip("/")).locator("article li a")
        found = [a.evaluate("a => new URL(a.href).pathname") for a in links.all()]
        assert len(found) >= 2 and set(found) <= urls, (topic, found)

    by_outlet: dict[str, set[tuple[str, str]]] = {}
    for s in manifest["stories"]:
        for a in s["articles"]:
            if a["outlet"]:
                by_outlet.setdefault(a["outlet"], set()).add((squash(a["title"]), "/" + s["url"]))
    page = v.open("stories/outlets/")
    outlets = {
        squash(a.inner_text()): a.evaluate("a => new URL(a.href).pathname")
        for a in page.locator("article li a").all()
    }
    assert set(outlets) == set(by_outlet)
    for name, path in outlets.items():
        links = v.open(path.lstrip("/")).locator("article li > a")
        got = {
            (squash(a.inner_text()), a.evaluate("a => new URL(a.href).pathname"))
            for a in links.all()
        }
        assert got == by_outlet[name], name
    assert v.problems == []


def test_feeds_are_linked_from_every_page_and_list_every_story(
    visit: Any, manifest: dict[str, Any]
) -> None:
    import xml.etree.ElementTree as ET

    v = visit()
    slugs = sorted(s["slug"] for s in manifest["stories"])
    # the 404 page too: its links are absolute from the site's root, not relative to it
    for path in ["", "stories/archive/", manifest["stories"][0]["url"], "404.html"]:
        page = v.open(path)
        feeds = page.locator("head link[rel=alternate]")
        types = sorted(f.get_attribute("type") for f in feeds.all())
        assert types == ["application/atom+xml", "application/feed+json", "application/rss+xml"]
        hrefs = {f.get_attribute("type"): f.evaluate("l => l.href") for f in feeds.all()}
        root = page.evaluate("() => location.origin") + "/"
        assert sorted(hrefs.values()) == [root + "atom.xml", root + "feed.json", root + "rss.xml"]

    def slugs_of(links: list[str]) -> list[str]:
        return sorted(link.rstrip("/").rsplit("/", 1)[-1] for link in links)

    rss = ET.fromstring(v.page.request.get(hrefs["application/rss+xml"]).text())
    assert slugs_of([i.findtext("link") or "" for i in rss.iter("item")]) == slugs
    atom_ns = "{http://www.w3.org/2005/Atom}"
    atom = ET.fromstring(v.page.request.get(hrefs["application/atom+xml"]).text())
    entries = atom.iter(f"{atom_ns}entry")
    assert slugs_of([e.find(f"{atom_ns}link").get("href") for e in entries]) == slugs
    data = json.loads(v.page.request.get(hrefs["application/feed+json"]).text())
    assert slugs_of([i["url"] for i in data["items"]]) == slugs


# What a reader types, and the seed whose story it must land on: a photo caption, a source
# (outlet) name that only the sources table carries, and a phrase from a story's body.
SEARCHES = {
    "caption": (SEARCH_PHRASE, SEARCH_SEED),
    "source": ("Secure Horizon Growth", "002_6e10a5f34e632333.txt"),
    "body": ("bulletproof train carrying Kim Jong Un", "000_769eb25042b505df.txt"),
}


def tab_to(page: Any, selector: str, presses: int) -> None:
    """Press Tab until the focused element matches `selector`; fail after `presses`."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    pytest.fail(f"Tab never reaches {selector}")


def open_search(page: Any, viewport: str) -> None:
    """The search field: in the header on a desktop, behind the magnifier on a phone."""
    if viewport == "phone":
        page.locator("label.md-header__button[for='__search']").click()
    else:
        page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").wait_for(state="visible")


def search_and_open_first(v: Any, viewport: str, query: str, shot: str) -> Any:
    page = v.open("")
    open_search(page, viewport)
    page.keyboard.type(query, delay=20)
    first = page.locator(".md-search-result__list > .md-search-result__item").first
    first.wait_for(state="visible", timeout=15_000)
    assert first.locator("mark").count() >= 1, "the excerpt marks what matched"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"{shot}.png")
    first.locator("a").first.click()
    return page


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
@pytest.mark.parametrize("kind", sorted(SEARCHES))
def test_search_lands_on_the_right_story(
    visit: Any, manifest: dict[str, Any], kind: str, viewport: str
) -> None:
    """Pagefind, in Material's search overlay: the first result is the story, at both widths."""
    query, seed = SEARCHES[kind]
    story = story_with(manifest, seed)
    v = visit(viewport)
    page = search_and_open_first(v, viewport, query, f"search-{kind}-{viewport}")
    page.wait_for_url(lambda url: urlparse(url).path == "/" + story["url"], timeout=10_000)
    assert squash(page.locator("article h1").first.inner_text()) == squash(story["title"])
    assert query in squash(page.locator("article").inner_text()), "the story carries the query"
    if kind == "caption":
        caption = next(c for c in story["captions"] if SEARCH_PHRASE in c["caption"])
        assert page.get_by_text(caption["caption"], exact=True).first.is_visible()
    searched = [u for u in v.requests if "/pagefind/" in u]
    assert any(u.endswith("pagefind.js") for u in searched), "Pagefind ran the search"
    assert not any("/search/search_index" in u for u in v.requests), "no lunr index loaded"
    assert v.foreign_requests() == [] and v.problems == []


def test_search_shows_text_from_a_page_as_text(visit: Any, hostile_url: str) -> None:
    """Excerpts are Pagefind's text with <mark>: markup in an article never becomes markup."""
    v = visit()
    v.base_url = hostile_url
    page = v.open("")
    open_search(page, "desktop")
    page.keyboard.type("window.__pwned", delay=20)
    first = page.locator(".md-search-result__list > .md-search-result__item").first
    first.wait_for(state="visible", timeout=15_000)
    assert "<img src=x onerror" in first.inner_text() or "<script>" in first.inner_text()
    assert first.locator("img, script, b").count() == 0
    assert page.evaluate("window.__pwned === undefined")
    assert v.problems == []


def test_story_pages_show_every_source_and_caption(visit: Any, manifest: dict[str, Any]) -> None:
    v = visit()
    for story in manifest["stories"]:
        page = v.open(story["url"])
        where = story["url"]
        assert page.locator("article h1").count() == 1, where
        assert squash(page.locator("article h1").inner_text()) == squash(story["title"])

        # The sources table: one row per article, under its outlet (or its file, if unknown).
        name_of = {
            a["source"]: a["outlet"] or f"{a['source']} (outlet unknown)" for a in story["articles"]
        }
        table = page.locator("article table", has=page.locator("th", has_text="Outlet"))
        assert table.count() == 1 and table.is_visible(), where
        rows = table.locator("tbody tr")
        outlets = [squash(t) for t in rows.locator("td:nth-child(1)").all_inner_texts()]
        headlines = [squash(t) for t in rows.locator("td:nth-child(2)").all_inner_texts()]
        assert sorted(outlets) == sorted(name_of.values()), where
        assert sorted(headlines) == sorted(squash(a["title"]) for a in story["articles"])

        # The gallery: one card per caption, in order: caption, credit, sources, wire caption.
        cards = page.locator(".digest-gallery > ul > li")
        assert cards.count() == len(story["captions"]), where
        for expected, card in zip(story["captions"], cards.all(), strict=True):
            assert card.is_visible()
            caption = card.locator(".digest-caption")
            assert caption.is_visible()
            assert squash(caption.inner_text()) == squash(expected["caption"])
            credit_line = card.locator(".digest-credit")
            assert credit_line.is_visible()
            assert squash(credit_line.locator("em").first.inner_text()) == (
                expected["credit"] or "Uncredited"
            )
            for source in expected["sources"]:
                assert name_of[source] in credit_line.inner_text(), (where, source)
            assert card.locator("details").count() == (1 if expected["wire"] else 0)
        with_wire = [i for i, c in enumerate(story["captions"]) if c["wire"]]
        if with_wire:
            details = cards.nth(with_wire[0]).locator("details")
            body = details.locator("p").last
            assert not body.is_visible(), "the wire caption starts collapsed"
            details.locator("summary").click()
            assert body.is_visible()
            assert squash(body.inner_text()) == squash(story["captions"][with_wire[0]]["wire"])
    assert any(s["captions"] for s in manifest["stories"]), "the seeds have photo captions"


def test_gallery_cards_keep_their_own_height(visit: Any, manifest: dict[str, Any]) -> None:
    """A card with a short caption is not stretched to the tallest card of its row."""
    story = story_with(manifest, SEARCH_SEED)
    page = visit().open(story["url"])
    heights = page.locator(".digest-gallery > ul > li").evaluate_all(
        "cards => cards.map(c => Math.round(c.getBoundingClientRect().height))"
    )
    assert len(set(heights)) > 1, heights


def test_uncredited_copy_or_rewrite_shows_its_evidence(visit: Any) -> None:
    """The flag in the sources table, and under it, by keyboard, the matched paragraphs:
    the original's beside the one that does not credit it."""
    v = visit("phone")
    data = json.loads(v.page.request.get(v.base_url + "stories.json").text())
    for story in data["stories"]:
        page = v.open(story["url"])
        if page.locator(".digest-flag").count():
            break
    else:
        pytest.fail("the samples hold an uncredited rewrite (Cnews Live)")
    flags = page.locator("article table .digest-flag")
    evidence = page.locator("details.digest-evidence")
    assert flags.count() == evidence.count() >= 1
    assert flags.first.is_visible() and squash(flags.first.inner_text()) == "uncredited"
    table = evidence.first.locator("table")
    assert not table.is_visible(), "the evidence starts collapsed"
    evidence.first.locator("summary").focus()
    page.keyboard.press("Enter")
    assert table.is_visible()
    body = squash(" ".join(page.locator(".digest-story > p").all_inner_texts()))
    rows = table.locator("tbody tr")
    assert rows.count() >= 1
    for row in rows.all():
        original, theirs, match = (squash(t) for t in row.locator("td").all_inner_texts())
        assert original and original[:60] in body, "the left column quotes the story's text"
        assert theirs and theirs != original
        assert re.fullmatch(r"(verbatim|reworded) [01]\.\d\d", match)
    ARTIFACTS.mkdir(exist_ok=True)
    evidence.first.screenshot(path=ARTIFACTS / "evidence-phone-light.png")
    assert v.problems == []


def test_keyboard_reaches_the_story_and_its_provenance_markers(
    visit: Any, manifest: dict[str, Any]
) -> None:
    """Skip link to the masthead; markers focusable, their sources on focus and on hover."""
    v = visit()
    for story in manifest["stories"]:
        page = v.open(story["url"])
        markers = page.locator(".digest-story sup.digest-prov")
        if markers.count():
            break
    else:
        pytest.skip("no story has a paragraph that other sources also ran")
    tip = page.locator("#digest-tip")
    assert not tip.is_visible()
    # The first Tab is Material's "Skip to content": it must land on the story's masthead,
    # not (as Material's default, the first heading in the body, would) past the story.
    page.keyboard.press("Tab")
    skip = page.locator("a.md-skip:focus")
    assert skip.count() == 1
    target = skip.get_attribute("href") or ""
    assert page.locator(f"article {target}.digest-header").count() == 1, target
    # Reachable by keyboard: Tab on from the top of the page lands on a marker.
    tab_to(page, "sup.digest-prov", 80)
    focused = page.locator("sup.digest-prov:focus")
    assert focused.get_attribute("aria-describedby") == "digest-tip"
    assert focused.get_attribute("title") is None, "no native tooltip on top of ours"
    assert tip.is_visible()
    assert squash(tip.inner_text()).startswith("Also in: ")
    box, tip_box = focused.bounding_box(), tip.bounding_box()
    assert box and tip_box, "marker and tooltip both laid out"
    below = abs(tip_box["y"] - (box["y"] + box["height"])) < 20
    above = abs(tip_box["y"] + tip_box["height"] - box["y"]) < 20
    assert below or above, f"the tooltip is not next to its marker: {box} {tip_box}"
    page.keyboard.press("Escape")
    assert not tip.is_visible()
    last = markers.last
    last.hover()
    assert tip.is_visible()
    assert squash(tip.inner_text()) == squash(last.get_attribute("data-also"))
    page.mouse.move(0, 0)
    assert not tip.is_visible()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_pages_load_cleanly_offline_and_screenshots(
    visit: Any, manifest: dict[str, Any], viewport: str, scheme: str
) -> None:
    """No console errors, no failed or off-host requests, no sideways scrolling; screenshots."""
    ARTIFACTS.mkdir(exist_ok=True)
    v = visit(viewport, scheme)
    named = {
        "front": "",
        "archive": "stories/archive/",
        "topics": "stories/topics/",
        "topic": "stories/topics/kim-jong-un/",
        "outlets": "stories/outlets/",
        "outlet": "stories/outlets/abc-news/",
    }
    named |= {f"story-{s['slug']}": s["url"] for s in manifest["stories"]}
    want = "slate" if scheme == "dark" else "default"
    for (name, path), page in zip(named.items(), v.open_all(list(named.values())), strict=True):
        assert page.locator("body").get_attribute("data-md-color-scheme") == want
        overflow = page.evaluate("document.documentElement.scrollWidth - innerWidth")
        assert overflow <= 0, f"{path or '/'} scrolls sideways by {overflow}px at {viewport}"
        page.screenshot(path=ARTIFACTS / f"{name}-{viewport}-{scheme}.png", full_page=True)
    assert v.foreign_requests() == [], "the site must not ask any other host for anything"
    assert v.problems == []


HOSTILE = (
    "Markup in a scraped page stays text\n"
    "The page said <script>window.__pwned = 1; alert('x')</script> and <img src=x "
    'onerror="window.__pwned = 2"> in the middle of its body text, as scrapers leave it.\n'
    "It also carried [a link](javascript:window.__pwned=3) and {{ config.site_name }} "
    "and {% raw %} and a footnote[^1] that are not markup here either.\n"
    "# Not a heading | not | a table | and <b>not bold</b>, all of it literal text.\n"
)


# Markup in every field a page prints (front matter sets them), and the blocks Markdown
# would make something of: raw HTML over lines, a table, a footnote's definition.
HOSTILE_FIELDS = (
    "---\n"
    'title: "Ferry <script>window.__pwned = 4</script> strike <b>ends</b>"\n'
    "dek: 'Crews return <img src=x onerror=\"window.__pwned = 5\"> and {{ page.title }}'\n"
    'outlet: "<i>Harbour</i> Gazette & Co"\n'
    "credits: ['<b>Ada Writer</b>']\n"
    "---\n"
    "The ferry crews voted on Friday to end their strike after the operator raised its offer.\n"
    "The operator said the first sailings would leave the harbour on Saturday morning.\n"
    '<div onclick="window.__pwned = 6">Union leaders said the vote was close, and that talks '
    "on rosters would go on next week.</div>\n"
    "Passengers had waited for three weeks for the service, and some island shops had closed.\n"
    "| Route | Sailings per day before the strike |\n"
    "|---|---|\n"
    "| Harbour line <b>one</b> | 12 |\n"
    "The union said its members would meet again in a month to review the new rosters.\n"
    "[^1]: A footnote's definition, as the operator published it with its offer this week.\n"
    "Services were expected to run normally from Monday, the operator said in a statement.\n"
)


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A site built from seeds full of markup, with the project's own theme."""
    work = project_copy(tmp_path_factory.mktemp("hostile"))
    (work / "seeds" / "markup.txt").write_text(HOSTILE, encoding="utf-8")
    (work / "seeds" / "fields.md").write_text(HOSTILE_FIELDS, encoding="utf-8")
    with serve(mkdocs_build(work, work / "site")) as url:
        yield url


def test_markup_in_an_article_shows_as_text_and_never_runs(visit: Any, hostile_url: str) -> None:
    v = visit()
    v.base_url = hostile_url
    dialogs: list[str] = []
    v.page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    data = json.loads(v.page.request.get(hostile_url + "stories.json").text())
    page = v.open(story_with(data, "markup.txt")["url"])
    story = page.locator(".digest-story")
    text = squash(story.inner_text())
    assert "<script>window.__pwned = 1; alert('x')</script>" in text
    assert '<img src=x onerror="window.__pwned = 2">' in text
    assert "[a link](javascript:window.__pwned=3)" in text
    assert "{{ config.site_name }}" in text and "{% raw %}" in text
    assert "# Not a heading | not | a table | and <b>not bold</b>" in text
    assert page.evaluate("window.__pwned === undefined")
    assert dialogs == []
    assert story.locator("script, img, b, h1").count() == 0
    assert story.locator("table").count() == 1  # the sources table, and no other
    assert story.locator("a[href^='javascript']").count() == 0
    assert page.locator("article h1").count() == 1
    assert v.problems == []


def test_markup_in_every_field_shows_as_text_on_the_story_and_front_page(
    visit: Any, hostile_url: str
) -> None:
    """Headline, dek, outlet and credit set to markup, and raw HTML, a table and a
    footnote definition in the body: the story page and the briefing print them as text."""
    v = visit()
    v.base_url = hostile_url
    dialogs: list[str] = []
    v.page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    data = json.loads(v.page.request.get(hostile_url + "stories.json").text())
    story = story_with(data, "fields.md")
    page = v.open(story["url"])
    article = page.locator("article")
    text = squash(article.inner_text())
    assert squash(article.locator("h1").inner_text()) == (
        "Ferry <script>window.__pwned = 4</script> strike <b>ends</b>"
    )
    assert '<img src=x onerror="window.__pwned = 5"> and {{ page.title }}' in text
    assert "<i>Harbour</i> Gazette & Co" in text and "<b>Ada Writer</b>" in text
    assert '<div onclick="window.__pwned = 6">Union leaders said' in text
    assert "| Route | Sailings per day before the strike |" in text
    assert "| Harbour line <b>one</b> | 12 |" in text
    assert "[^1]: A footnote's definition" in text
    assert article.locator("script, img, b, i, [onclick], .footnote").count() == 0
    assert article.locator("table").count() == 1  # the sources table: the rows are text
    page.screenshot(path=ARTIFACTS / "hostile-fields.png", full_page=True)
    for path in ("", "stories/archive/undated/"):  # the briefing and the archive list it
        listing = v.open(path)
        assert "Ferry <script>window.__pwned = 4</script> strike <b>ends</b>" in squash(
            listing.locator("article").inner_text()
        )
        assert listing.locator("article script, article b, article img").count() == 0
    assert page.evaluate("window.__pwned === undefined")
    assert dialogs == []
    assert v.problems == []


@pytest.fixture(scope="module")
def photo_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The sample seeds with image files beside one of them (the README's convention)."""
    from conftest import png

    work = project_copy(tmp_path_factory.mktemp("photos"), ROOT / "seeds")
    stem = SEARCH_SEED.removesuffix(".txt")
    (work / "seeds" / f"{stem}-1.png").write_bytes(png(600, 400, (40, 90, 140)))
    (work / "seeds" / f"{stem}-2.png").write_bytes(png(400, 600, (150, 95, 40)))
    with serve(mkdocs_build(work, work / "site")) as url:
        yield url


@pytest.mark.parametrize(("viewport", "scheme"), [("desktop", "light"), ("phone", "dark")])
def test_photo_opens_in_a_lightbox_and_closes_by_keyboard(
    visit: Any, photo_url: str, viewport: str, scheme: str
) -> None:
    v = visit(viewport, scheme)
    v.base_url = photo_url
    data = json.loads(v.page.request.get(photo_url + "stories.json").text())
    story = story_with(data, SEARCH_SEED)
    page = v.open(story["url"])
    photos = page.locator(".digest-gallery a.digest-photo")
    assert photos.count() == 2, "one photo per image file, on the seed's first captions"
    cards = page.locator(".digest-gallery > ul > li")
    for n in range(2):
        img = cards.nth(n).locator("img")
        assert img.get_attribute("alt") == story["captions"][n]["caption"]
    assert cards.nth(2).locator("img").count() == 0, "a caption without a file stays a card"
    link = photos.first
    link.scroll_into_view_if_needed()
    link.evaluate("a => a.querySelector('img').decode()")
    assert link.locator("img").evaluate("i => i.naturalWidth") == 600
    dialog = page.locator("#digest-lightbox")
    # The photo is in the tab order: Tab from the Photos heading reaches it.
    page.locator(".digest-gallery").evaluate(
        "g => g.previousElementSibling.setAttribute('tabindex', '-1')"
    )
    page.locator(".digest-gallery").evaluate("g => g.previousElementSibling.focus()")
    tab_to(page, "a.digest-photo", 10)
    page.keyboard.press("Enter")
    dialog.wait_for(state="visible")
    assert page.evaluate("document.activeElement.closest('#digest-lightbox') !== null")
    big = dialog.locator("img")
    big.evaluate("i => i.decode()")
    assert big.evaluate("i => i.naturalWidth") == 600
    assert big.get_attribute("alt") == story["captions"][0]["caption"]
    caption = squash(dialog.locator("figcaption").inner_text())
    assert story["captions"][0]["caption"] in caption
    assert (story["captions"][0]["credit"] or "") in caption
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"lightbox-{viewport}-{scheme}.png")
    page.keyboard.press("Escape")
    dialog.wait_for(state="hidden")
    assert page.evaluate("document.activeElement.classList.contains('digest-photo')")
    # and again, closed with its button (keyboard: Enter on the focused Close button)
    page.keyboard.press("Enter")
    dialog.wait_for(state="visible")
    assert page.evaluate("document.activeElement.matches('.digest-lightbox-close')")
    page.keyboard.press("Enter")
    dialog.wait_for(state="hidden")
    assert v.foreign_requests() == []
    assert v.problems == []


# --- the offline build, opened from a folder ------------------------------------------------


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`mkdocs build -f mkdocs-offline.yml` of the repo's seeds, as handed over on a stick."""
    work = project_copy(tmp_path_factory.mktemp("offline"), ROOT / "seeds")
    return mkdocs_build(work, work / "site", "-f", "mkdocs-offline.yml")


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_offline_site_works_from_a_folder(
    browser: Any, offline_site: Path, manifest: dict[str, Any], viewport: str
) -> None:
    """file://: the briefing lists every story, a story opens, search finds a caption; the
    pages ask for nothing but files of the folder, and log no error."""
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport=VIEWPORTS[viewport], service_workers="block")
    requests: list[str] = []
    problems: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    context.on("requestfailed", lambda r: problems.append(f"failed: {r.url}"))
    context.on("weberror", lambda e: problems.append(f"uncaught: {e.error}"))
    loud = ("error", "warning")
    context.on(
        "console",
        lambda m: problems.append(f"console {m.type}: {m.text}") if m.type in loud else None,
    )
    try:
        page = context.new_page()
        front = (offline_site / "index.html").as_uri()
        page.goto(front, wait_until="load")
        cards = page.locator(".digest-briefing > ul > li")
        assert cards.count() == len(manifest["stories"])
        page.screenshot(path=ARTIFACTS / f"offline-front-{viewport}.png", full_page=True)

        # A story, by its card: the link is a file, not a folder.
        story = manifest["stories"][0]
        file = offline_site / (story["url"].rstrip("/") + ".html")
        cards.first.locator("a").first.click()
        page.wait_for_url(file.as_uri(), timeout=10_000)
        assert squash(page.locator("article h1").first.inner_text()) == squash(story["title"])
        page.screenshot(path=ARTIFACTS / f"offline-story-{viewport}.png", full_page=True)

        # Search, with Material's lunr index inlined and its worker run in a frame.
        page.goto(front, wait_until="load")
        open_search(page, viewport)
        page.keyboard.type(SEARCH_PHRASE, delay=20)
        first = page.locator(".md-search-result__list > .md-search-result__item").first
        first.wait_for(state="visible", timeout=15_000)
        page.screenshot(path=ARTIFACTS / f"offline-search-{viewport}.png")
        found = story_with(manifest, SEARCH_SEED)
        target = offline_site / (found["url"].rstrip("/") + ".html")
        first.locator("a").first.click()
        page.wait_for_url(lambda url: urlparse(url).path == urlparse(target.as_uri()).path)
        assert squash(page.locator("article h1").first.inner_text()) == squash(found["title"])
    finally:
        context.close()
    assert [u for u in requests if urlparse(u).scheme not in ("file", "data", "blob")] == []
    assert problems == []
