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
    _mkdocs_build(work, "site")
    return work


def _mkdocs_build(work: Path, site: str) -> None:
    """`mkdocs build --strict` as a user runs it, with a fixed SOURCE_DATE_EPOCH."""
    mkdocs = Path(sys.executable).parent / "mkdocs"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}
    proc = subprocess.run(
        [str(mkdocs), "build", "--strict", "-d", site],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr


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


def test_rebuilding_gives_a_byte_identical_site(built):
    _mkdocs_build(built, "site-again")

    def tree(folder):
        return {
            p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*"))
            if p.is_file()
        }

    first, again = tree(built / "site"), tree(built / "site-again")
    assert sorted(first) == sorted(again)
    assert [name for name in first if first[name] != again[name]] == []


class _Server:
    def __init__(self) -> None:
        self.watched: list[str] = []

    def watch(self, path: str) -> None:
        self.watched.append(path)


def _plugin(tmp_path: Path, **options):
    from mkdocs.config.defaults import MkDocsConfig

    from generator.plugin import DigestPlugin

    plugin = DigestPlugin()
    plugin.load_config(options)
    config = MkDocsConfig(config_file_path=str(tmp_path / "mkdocs.yml"))
    config.load_dict({"site_name": "t", "docs_dir": str(tmp_path / "content")})
    config.validate()
    return plugin, config


def test_serve_watches_the_seeds_folder(tmp_path):
    plugin, config = _plugin(tmp_path, seeds="my-seeds")
    server = plugin.on_serve(_Server(), config=config, builder=None)
    assert server.watched == [str(tmp_path / "my-seeds")]


def test_a_bad_seeds_folder_is_a_plugin_error_naming_it(tmp_path):
    from mkdocs.exceptions import PluginError

    plugin, config = _plugin(tmp_path, seeds="absent")
    with pytest.raises(
        PluginError, match=r"(?s)Error reading seeds in .*absent.*seeds folder not found"
    ):
        plugin.on_pre_build(config=config)


def test_disabled_plugin_does_nothing(tmp_path):
    plugin, config = _plugin(tmp_path, seeds="absent", enabled=False)
    plugin.on_pre_build(config=config)
    assert not (tmp_path / "content").exists()
