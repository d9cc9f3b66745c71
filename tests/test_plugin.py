"""The MkDocs door: `mkdocs build --strict` on a copy of the project builds the site."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("project")
    for name in ("mkdocs.yml", "theme", "seeds"):
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, work / name)
    (work / "content").mkdir()
    shutil.copy(ROOT / "content" / "about.md", work / "content" / "about.md")
    mkdocs = Path(sys.executable).parent / "mkdocs"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run(
        [str(mkdocs), "build", "--strict"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    return work


def test_site_has_briefing_story_pages_and_manifest(built):
    site = built / "site"
    manifest = json.loads((site / "stories.json").read_text(encoding="utf-8"))
    assert len(manifest["stories"]) == 2
    for story in manifest["stories"]:
        page = (site / story["url"] / "index.html").read_text(encoding="utf-8")
        assert story["title"] in page
        assert 'class="digest-header"' in page  # the theme's story template was used
    front = (site / "index.html").read_text(encoding="utf-8")
    assert all(s["title"] in front for s in manifest["stories"])


def test_search_index_holds_captions_and_source_names(built):
    index = (built / "site" / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "Lunar New Year celebration" in index
    assert "Secure Horizon Growth" in index


def test_hand_written_page_is_untouched(built):
    assert (built / "content" / "about.md").read_text() == (
        ROOT / "content" / "about.md"
    ).read_text()
    assert (built / "site" / "about" / "index.html").is_file()


def test_site_makes_no_request_to_google_fonts(built):
    for page in (built / "site").rglob("*.html"):
        assert "fonts.googleapis.com" not in page.read_text(encoding="utf-8"), page
