"""The one typed config. MkDocs validates it as the `digest` plugin's options;
the CLI reads the same block out of mkdocs.yml, so there is one source of truth."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from mkdocs.config import base
from mkdocs.config import config_options as c

from .errors import ConfigError

DEFAULT_CACHE = ".cache/digest"
# pagefind: a sharded index written after the build, loaded a few shards per query;
# material: Material's own lunr search (one index holding every page, loaded up front).
SEARCH_ENGINES = ("pagefind", "material")
# Options that change only how MkDocs renders the site, never the generated Markdown:
# toggling them must not make the generator rebuild.
SITE_OPTIONS = frozenset({"search", "offline"})


class DigestConfig(base.Config):
    enabled = c.Type(bool, default=True)

    # Settings for input
    seeds = c.Type(str, default="seeds")  # folder of seed files, relative to mkdocs.yml
    max_file_bytes = c.Type(int, default=20_000_000)  # larger seeds are rejected unread

    # Settings for output
    output = c.Type(str, default="stories")  # sub-folder of docs_dir the generator owns
    cache_dir = c.Optional(c.Type(str))  # per-article work between builds; unset: .cache/digest

    # Settings for clustering
    same_story = c.Type(float, default=0.22)  # average TF-IDF cosine joining two groups
    same_story_formed = c.Type(float, default=0.28)  # the same, when both are formed stories
    same_meaning = c.Type(float, default=0.8)  # or: average embedding cosine joining them
    name_weight = c.Type(float, default=0.2)  # share of the TF-IDF cosine from names and numbers
    copy_overlap = c.Type(float, default=0.5)  # word 5-gram containment: paragraph copied verbatim
    reworded = c.Type(float, default=0.85)  # paragraph embedding cosine: paragraph paraphrased

    # Settings for navigation (front page, archive, topics, feeds)
    front_page_days = c.Type(int, default=2)  # the briefing shows the newest N days present
    front_page_max = c.Type(int, default=40)  # and at most this many stories
    topic_min_stories = c.Type(int, default=2)  # a person/place/organisation gets a page from N
    feed_items = c.Type(int, default=50)  # newest stories in the RSS, Atom and JSON feeds
    site_url = c.Optional(c.Type(str))  # absolute feed links; unset: mkdocs.yml's site_url
    feed_title = c.Optional(c.Type(str))  # unset: mkdocs.yml's site_name

    # Settings for the built site (read by the plugin only; the generated Markdown is the same)
    search = c.Choice(SEARCH_ENGINES, default="pagefind")  # which search the site ships
    offline = c.Type(bool, default=False)  # a site that works from a folder opened as file://


@dataclass(frozen=True, slots=True)
class Paths:
    """Where the generator reads and writes, resolved against mkdocs.yml's folder."""

    seeds: Path
    content: Path
    cache: Path | None = None  # where per-article work is kept between builds; None: nowhere


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without executing its Python tags (!!python/name, !ENV)."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_scalar(node)  # type: ignore[arg-type]


_TolerantLoader.add_multi_constructor("", _ignore_tag)
_TolerantLoader.add_multi_constructor("!", _ignore_tag)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)


def validated(options: dict[str, Any], source: Path | str = "mkdocs.yml") -> DigestConfig:
    """Validate plugin options exactly as MkDocs would, raising ConfigError."""
    config = DigestConfig(config_file_path=str(source))
    config.load_dict(options)
    failed, _warnings = config.validate()
    if failed:
        key, err = failed[0]
        raise ConfigError(source, f"plugins.digest.{key}: {err}")
    return config


def plugin_options(mkdocs_yml: Path) -> tuple[dict[str, Any], str | None]:
    """The `digest` plugin block and `docs_dir` of a mkdocs.yml (empty when absent).
    The block's `site_url` and `feed_title` default to the site's `site_url`, `site_name`."""
    try:
        data = yaml.load(mkdocs_yml.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark else None
        raise ConfigError(mkdocs_yml, f"not valid YAML: {err}", line) from err
    options: dict[str, Any] = {}
    for entry in data.get("plugins") or []:
        if isinstance(entry, dict) and "digest" in entry:
            options = dict(entry["digest"] or {})
    return with_site(options, data.get("site_url"), data.get("site_name")), data.get("docs_dir")


def with_site(options: dict[str, Any], site_url: Any, site_name: Any) -> dict[str, Any]:
    """Plugin options with the site's URL and name filled in where the block leaves them
    unset: the CLI and the plugin make the same feeds from the same mkdocs.yml."""
    filled = dict(options)
    if filled.get("site_url") is None and isinstance(site_url, str) and site_url:
        filled["site_url"] = site_url
    if filled.get("feed_title") is None and isinstance(site_name, str) and site_name:
        filled["feed_title"] = site_name
    return filled


def load(
    mkdocs_yml: Path, seeds: Path | None = None, content: Path | None = None
) -> tuple[DigestConfig, Paths]:
    """Config and paths for the CLI: explicit flags, then mkdocs.yml, then defaults."""
    root = mkdocs_yml.parent
    options, docs_dir = plugin_options(mkdocs_yml) if mkdocs_yml.is_file() else ({}, None)
    config = validated(options, mkdocs_yml)
    paths = Paths(
        seeds=seeds if seeds is not None else root / config.seeds,
        content=content if content is not None else root / (docs_dir or "content"),
        cache=cache_folder(config, root),
    )
    return config, paths


def cache_folder(config: DigestConfig, root: Path) -> Path:
    return root / (config.cache_dir or DEFAULT_CACHE)
