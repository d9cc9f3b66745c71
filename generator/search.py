"""Search over the built site, after MkDocs has written it.

A served site gets a Pagefind index: sharded, so a query loads the few shards it needs
instead of one index of every page (Material's lunr index grows by ~6 KB a story).
An offline site (opened from a folder as file://, where a browser fetches nothing)
keeps Material's lunr search, its index inlined into a script the page can load.
Knows nothing about MkDocs: the plugin calls these with the site folder."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

from .errors import SearchError

PAGEFIND_FOLDER = "pagefind"  # inside the site: the index and pagefind.js
PAGEFIND_TIMEOUT = 1800  # seconds; 5,000 stories take well under a minute
LUNR_INDEX = Path("search", "search_index.json")  # written by Material's search plugin
LUNR_SCRIPT = Path("search", "search_index.js")  # what Material loads from file://
# The offline page's stand-in for Web Workers, which Chromium refuses to start from
# file:// (Material's offline plugin points at a CDN copy of iframe-worker instead).
OFFLINE_WORKER_SHIM = "assets/digest-worker-shim.js"


def pagefind_command(site: Path) -> list[str]:
    """Index the pages of `site` (story pages only, by their data-pagefind-body)."""
    return [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(site),
        "--output-subdir",
        PAGEFIND_FOLDER,
        "--silent",
    ]


def pagefind_index(site: Path) -> Path:
    """Write the Pagefind index into site/pagefind/; raises SearchError naming the site."""
    if importlib.util.find_spec("pagefind") is None:
        raise SearchError(
            site,
            "Pagefind is not installed: `pip install 'pagefind[bin]'`, or set "
            "`search: material` under the digest plugin",
        )
    try:
        done = subprocess.run(
            pagefind_command(site),
            capture_output=True,
            text=True,
            timeout=PAGEFIND_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as err:
        raise SearchError(site, f"Pagefind could not index the site: {err}") from err
    bundle = site / PAGEFIND_FOLDER
    if done.returncode != 0 or not (bundle / "pagefind.js").is_file():
        said = (done.stderr or done.stdout).strip().splitlines()
        raise SearchError(
            site,
            f"Pagefind failed (exit {done.returncode}): {said[-1] if said else 'no output'}",
        )
    return bundle


def inline_lunr_index(site: Path) -> Path | None:
    """Material's lunr index as a script (`var __index = ...`), which a page opened from
    file:// can load with a <script> tag where it cannot fetch JSON. None without an index
    (Material's search plugin not listed)."""
    source = site / LUNR_INDEX
    if not source.is_file():
        return None
    target = site / LUNR_SCRIPT
    target.write_text("var __index = " + source.read_text(encoding="utf-8"), encoding="utf-8")
    return target
