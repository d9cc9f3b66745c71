"""The MkDocs door: `mkdocs build --strict` on a copy of the project builds the site."""

from __future__ import annotations

import gzip
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


def _mkdocs_build(work: Path, site: str, config: str = "mkdocs.yml") -> None:
    """`mkdocs build --strict` as a user runs it, with a fixed SOURCE_DATE_EPOCH."""
    mkdocs = Path(sys.executable).parent / "mkdocs"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}
    proc = subprocess.run(
        [str(mkdocs), "build", "--strict", "-f", config, "-d", site],
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
    # the story's header prints its day as the briefing's cards do, the stamp kept for
    # machines (the Russia story's lead, sample 002, is dated 2025-04-14T00:50:45)
    dated = next(s for s in manifest["stories"] if s["published"])
    page = (site / dated["url"] / "index.html").read_text(encoding="utf-8")
    assert '<time datetime="2025-04-14T00:50:45">14 April 2025</time>' in page
    assert "14 April 2025" in front


def _pagefind_records(site: Path) -> list[dict]:
    records = []
    for path in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        records.append(json.loads(data[data.index(b"{") :]))
    return records


def test_pagefind_indexes_every_story_with_its_captions_and_source_names(built):
    site = built / "site"
    manifest = json.loads((site / "stories.json").read_text(encoding="utf-8"))
    records = _pagefind_records(site)
    assert sorted(r["url"] for r in records) == sorted("/" + s["url"] for s in manifest["stories"])
    text = " ".join(r["content"] for r in records)
    assert not any(r["content"].startswith("Briefing") for r in records), "no theme chrome"
    # Related stories are other stories' headlines: shown on the page, not searched.
    assert "Same people and places" not in text
    story_page = (site / manifest["stories"][0]["url"] / "index.html").read_text(encoding="utf-8")
    # nor the tables' headers, which excerpts of a source's row would quote
    assert "Similarity" not in text and "<thead data-pagefind-ignore>" in story_page
    assert 'id="same-people-and-places"' in story_page
    assert "Lunar New Year celebration" in text
    assert "Secure Horizon Growth" in text
    assert (site / "pagefind" / "pagefind.js").is_file()
    # Material's lunr index (all text of every page in one file) is not built at all.
    assert not (site / "search").exists()
    front = (site / "index.html").read_text(encoding="utf-8")
    assert 'name="digest-search"' in front and 'name="search"' not in front


def test_offline_build_links_html_files_and_inlines_the_search_index(built):
    shutil.copy(ROOT / "mkdocs-offline.yml", built / "mkdocs-offline.yml")
    _mkdocs_build(built, "site-offline", "mkdocs-offline.yml")
    site = built / "site-offline"
    manifest = json.loads((site / "stories.json").read_text(encoding="utf-8"))
    front = (site / "index.html").read_text(encoding="utf-8")
    for story in manifest["stories"]:
        slug = story["url"].rstrip("/")
        assert f'href="{slug}.html"' in front
        assert (site / f"{slug}.html").is_file()
    script = (site / "search" / "search_index.js").read_text(encoding="utf-8")
    assert script.startswith("var __index = ") and "Lunar New Year celebration" in script
    assert 'src="assets/digest-worker-shim.js"' in front
    assert not (site / "pagefind").exists()
    for page in site.rglob("*.html"):
        assert "unpkg.com" not in page.read_text(encoding="utf-8"), page


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
    first, again = _tree(built / "site"), _tree(built / "site-again")
    assert sorted(first) == sorted(again)
    assert [name for name in first if first[name] != again[name]] == []


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_a_cold_build_elsewhere_from_seeds_written_in_another_order_gives_the_same_site(
    built, tmp_path
):
    """Another folder, no cache, the seeds written in reverse order (other inodes and
    times): the same bytes in every file of the site, SOURCE_DATE_EPOCH's date the only
    date stamped."""
    work = tmp_path / "elsewhere"
    work.mkdir()
    for name in ("mkdocs.yml", "theme"):
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, work / name)
    (work / "content").mkdir()
    shutil.copy(ROOT / "content" / "about.md", work / "content" / "about.md")
    (work / "seeds").mkdir()
    for seed in sorted((ROOT / "seeds").iterdir(), reverse=True):
        (work / "seeds" / seed.name).write_bytes(seed.read_bytes())
    _mkdocs_build(work, "site")
    first, cold = _tree(built / "site"), _tree(work / "site")
    assert sorted(first) == sorted(cold)
    assert [name for name in first if first[name] != cold[name]] == []
    # The one date a build stamps: the gzip header of sitemap.xml.gz, SOURCE_DATE_EPOCH's
    # day (1700000000 is 2023-11-14), not today's
    stamped = int.from_bytes(cold["sitemap.xml.gz"][4:8], "little")
    assert stamped == 1700000000 // 86400 * 86400


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
    with pytest.raises(PluginError, match=r"^digest: .*absent: seeds folder not found"):
        plugin.on_pre_build(config=config)


def test_a_hand_written_front_page_is_a_plugin_error_naming_it_not_the_seeds(tmp_path):
    """The error names what is wrong, the page digest would overwrite: not the seeds."""
    from mkdocs.exceptions import PluginError

    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    plugin, config = _plugin(tmp_path, cache_dir=str(tmp_path / "cache"))
    Path(config.docs_dir).mkdir(exist_ok=True)
    index = Path(config.docs_dir) / "index.md"
    index.write_text("# My own front page\n")
    with pytest.raises(PluginError) as raised:
        plugin.on_pre_build(config=config)
    assert str(raised.value).startswith(f"digest: {index}: exists and was not generated")
    assert "seeds" not in str(raised.value)


def test_a_file_the_system_refuses_is_a_plugin_error_naming_it(tmp_path):
    from mkdocs.exceptions import PluginError

    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "stories").write_text("a file where a folder must go")
    plugin, config = _plugin(tmp_path, seeds="seeds")
    with pytest.raises(PluginError, match=r"digest: .*content/stories.*: Not a directory"):
        plugin.on_pre_build(config=config)


def test_disabled_plugin_does_nothing(tmp_path):
    plugin, config = _plugin(tmp_path, seeds="absent", enabled=False)
    plugin.on_pre_build(config=config)
    assert not (tmp_path / "content").exists()


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({"same_story": "high"}, "expected a number"),
        ({"front_page_days": 2.5}, "expected a whole number"),
        ({"offline": "yes"}, "expected true or false"),
        ({"max_file_bytes": True}, "expected a whole number"),
        ({"search": "lunr"}, "expected one of pagefind, material"),
        ({"seeds": ["a", "b"]}, "expected text"),
    ],
)
def test_the_plugin_and_the_cli_reject_the_same_bad_value_the_same_way(tmp_path, options, expected):
    from generator.config import validated
    from generator.errors import ConfigError
    from generator.plugin import DigestPlugin

    failed, _warnings = DigestPlugin().load_config(options)
    [(key, error)] = failed
    assert key in options and expected in str(error)
    with pytest.raises(ConfigError, match=rf"plugins\.digest\.{key}: {expected}"):
        validated(options)


def test_the_plugin_and_the_cli_read_the_same_options(tmp_path):
    from generator.config import DigestConfig, load

    block = {"same_story": 1, "cache_dir": "c", "search": "material", "feed_items": 7}
    yml = tmp_path / "mkdocs.yml"
    yml.write_text(
        json.dumps({"site_name": "S", "site_url": "https://x.org/", "plugins": [{"digest": block}]})
    )
    plugin, config = _plugin(tmp_path, **block)
    config.site_url, config.site_name = "https://x.org/", "S"
    from_cli = load(yml)[0]
    assert plugin.settings(config) == from_cli
    assert from_cli.same_story == 1.0 and isinstance(from_cli.same_story, float)
    assert (from_cli.site_url, from_cli.feed_title) == ("https://x.org/", "S")
    assert from_cli.front_page_days == DigestConfig().front_page_days


def test_an_unknown_option_is_warned_about_and_left_out(caplog):
    from generator.config import DigestConfig, validated

    with caplog.at_level("WARNING", logger="mkdocs.plugins.digest"):
        config = validated({"same_stroy": 0.3}, "site/mkdocs.yml")
    assert config == DigestConfig()
    assert "site/mkdocs.yml: plugins.digest.same_stroy is not a digest option" in caplog.text


def test_the_cli_starts_without_importing_mkdocs():
    """MkDocs's config machinery is a tenth of a second of every digest command's start."""
    code = (
        "import sys, generator.cli; print(sorted(m for m in sys.modules if m.startswith('mkdocs')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
