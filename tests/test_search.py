"""Search over the built site: Pagefind for a served site, Material's lunr index inlined
for an offline one, and the plugin choosing between them before anything renders."""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import pytest

from generator import search
from generator.errors import SearchError

pytest.importorskip("pagefind", reason="pagefind is a dependency: pip install -e .")

PAGE = """<!doctype html><html lang="en"><head><title>{title}</title></head><body>
<nav>Home · Topics · {nav}</nav>
{body}
</body></html>"""


def page(folder: Path, name: str, title: str, body: str, nav: str = "menu") -> None:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(PAGE.format(title=title, body=body, nav=nav), encoding="utf-8")


def fragments(bundle: Path) -> list[dict]:
    """Pagefind's per-page records (gzip: a signature, then JSON)."""
    out = []
    for path in sorted((bundle / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        out.append(json.loads(data[data.index(b"{") :]))
    return out


def test_pagefind_indexes_only_the_story_bodies(tmp_path: Path) -> None:
    site = tmp_path / "site"
    page(
        site,
        "stories/quake/index.html",
        "Quake",
        "<div data-pagefind-body><h1>Quake in Dong Dang</h1><p>Rescuers dig all night.</p>"
        "<figure><figcaption>Soldiers at the station.</figcaption></figure></div>",
        nav="navwordonly",
    )
    page(site, "about/index.html", "About", "<h1>About</h1><p>aboutwordonly</p>")
    bundle = search.pagefind_index(site)
    assert bundle == site / search.PAGEFIND_FOLDER and (bundle / "pagefind.js").is_file()
    records = fragments(bundle)
    assert [r["url"] for r in records] == ["/stories/quake/"]
    text = records[0]["content"]
    assert "Rescuers dig all night" in text and "Soldiers at the station" in text
    assert "aboutwordonly" not in text and "navwordonly" not in text
    assert records[0]["meta"]["title"] == "Quake in Dong Dang"


def test_pagefind_output_is_byte_stable(tmp_path: Path) -> None:
    def build(name: str) -> dict[str, bytes]:
        site = tmp_path / name
        for k in range(30):
            text = f"<h1>Story {k}</h1><p>word{k} shared text {k * 7}</p>"
            body = f"<div data-pagefind-body>{text}</div>"
            page(site, f"stories/s{k}/index.html", f"S{k}", body)
        bundle = search.pagefind_index(site)
        return {
            p.relative_to(bundle).as_posix(): p.read_bytes()
            for p in bundle.rglob("*")
            if p.is_file()
        }

    first, again = build("a"), build("b")
    assert sorted(first) == sorted(again)
    assert [name for name in first if first[name] != again[name]] == []


def test_pagefind_failure_is_a_search_error_naming_the_site(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(
        search,
        "pagefind_command",
        lambda site: [sys.executable, "-c", "import sys; sys.exit('pagefind: out of disk')"],
    )
    said = r"site: Pagefind failed \(exit 1\): pagefind: out of disk"
    with pytest.raises(SearchError, match=said):
        search.pagefind_index(tmp_path / "site")


def test_missing_pagefind_says_what_to_install(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(search.importlib.util, "find_spec", lambda name: None)
    with pytest.raises(SearchError, match=r"pip install 'pagefind\[bin\]'.*search: material"):
        search.pagefind_index(tmp_path)


def test_lunr_index_is_inlined_as_a_script(tmp_path: Path) -> None:
    index = {"config": {"lang": ["en"]}, "docs": [{"location": "a.html", "text": "</script> x"}]}
    (tmp_path / "search").mkdir()
    (tmp_path / search.LUNR_INDEX).write_text(json.dumps(index), encoding="utf-8")
    script = search.inline_lunr_index(tmp_path)
    assert script == tmp_path / search.LUNR_SCRIPT
    text = script.read_text(encoding="utf-8")
    assert text.startswith("var __index = ")
    assert json.loads(text.removeprefix("var __index = ")) == index


def test_no_lunr_index_no_script(tmp_path: Path) -> None:
    assert search.inline_lunr_index(tmp_path) is None
    assert not (tmp_path / search.LUNR_SCRIPT).exists()


# --- the plugin picks the search before anything renders ---------------------------------------


def _configured(tmp_path: Path, **options):
    from mkdocs.config.defaults import MkDocsConfig

    (tmp_path / "content").mkdir()
    config = MkDocsConfig(config_file_path=str(tmp_path / "mkdocs.yml"))
    config.load_dict(
        {
            "site_name": "t",
            "docs_dir": str(tmp_path / "content"),
            "theme": {"name": "material"},
            "plugins": ["search", {"digest": options}],
        }
    )
    failed, _ = config.validate()
    assert not failed
    config = config.plugins.on_config(config)
    return config, config.plugins["material/search"]


def test_pagefind_by_default_turns_materials_lunr_index_off(tmp_path: Path) -> None:
    config, lunr = _configured(tmp_path)
    assert config.extra["digest_search"] == "pagefind"
    assert lunr.config.enabled is False
    assert config.use_directory_urls is True
    assert search.OFFLINE_WORKER_SHIM not in (config.extra.get("polyfills") or [])


def test_material_search_keeps_lunr(tmp_path: Path) -> None:
    config, lunr = _configured(tmp_path, search="material")
    assert config.extra["digest_search"] == "material" and lunr.config.enabled is True


def test_offline_keeps_lunr_with_html_links_and_the_local_worker(tmp_path: Path) -> None:
    config, lunr = _configured(tmp_path, offline=True)
    assert config.extra["digest_search"] == "material" and lunr.config.enabled is True
    assert config.use_directory_urls is False
    assert config.extra["polyfills"] == [search.OFFLINE_WORKER_SHIM]


def test_an_unknown_search_engine_is_a_config_error(tmp_path: Path) -> None:
    from generator.config import validated
    from generator.errors import ConfigError

    with pytest.raises(ConfigError, match=r"plugins\.digest\.search"):
        validated({"search": "lunr"})


def test_site_options_leave_the_generator_fingerprint_alone(tmp_path: Path) -> None:
    """Switching search or offline changes the site, not the Markdown: no regeneration."""
    from generator.cache import BuildState
    from generator.config import Paths, validated

    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a.txt").write_text("Headline\n\nSome text of an article.\n")
    paths = Paths(tmp_path / "seeds", tmp_path / "content", tmp_path / "cache")
    state = BuildState(paths.cache)
    plain = state.fingerprint(validated({}), paths)
    assert plain is not None
    assert state.fingerprint(validated({"offline": True, "search": "material"}), paths) == plain
    assert state.fingerprint(validated({"same_story": 0.5}), paths) != plain
