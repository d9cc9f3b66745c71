"""The one typed config: the `digest` plugin's options in mkdocs.yml. The CLI reads
that block itself and the MkDocs plugin gets it from MkDocs; both check it here
(`validated`), so there is one source of truth. Nothing here imports MkDocs: its
config machinery is a tenth of a second of every `digest` command's start."""

from __future__ import annotations

import logging
import re
import types
import typing
from collections.abc import Mapping
from dataclasses import MISSING, dataclass, fields
from pathlib import Path
from typing import Any

import yaml

from .errors import ConfigError

log = logging.getLogger("mkdocs.plugins.digest")

DEFAULT_CACHE = ".cache/digest"
# pagefind: a sharded index written after the build, loaded a few shards per query;
# material: Material's own lunr search (one index holding every page, loaded up front).
SEARCH_ENGINES = ("pagefind", "material")
# Options that change only how MkDocs renders the site, never the generated Markdown:
# toggling them must not make the generator rebuild.
SITE_OPTIONS = frozenset({"search", "offline"})
# Options whose value is one of a few words.
CHOICES: dict[str, tuple[str, ...]] = {"search": SEARCH_ENGINES}
# The least (and most) value a number option takes: counts of at least one (a briefing
# of 0 days, a limit of -5 bytes mean nothing), fractions from 0 to 1 (cosines and
# shares).
RANGES: dict[str, tuple[float, float | None]] = {
    "max_file_bytes": (1, None),
    "front_page_days": (1, None),
    "front_page_max": (1, None),
    "topic_min_stories": (1, None),
    "feed_items": (1, None),
    **dict.fromkeys(
        ("same_story", "same_story_formed", "same_meaning", "name_weight", "copy_overlap",
         "reworded"),
        (0.0, 1.0),
    ),
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class DigestConfig:
    enabled: bool = True

    # Settings for input
    seeds: str = "seeds"  # folder of seed files, relative to mkdocs.yml
    max_file_bytes: int = 20_000_000  # larger seeds are rejected unread

    # Settings for output
    output: str = "stories"  # sub-folder of docs_dir the generator owns
    cache_dir: str | None = None  # per-article work between builds; unset: .cache/digest

    # Settings for clustering
    same_story: float = 0.22  # average TF-IDF cosine joining two groups
    same_story_formed: float = 0.28  # the same, when both are formed stories
    same_meaning: float = 0.8  # or: average embedding cosine joining them
    name_weight: float = 0.2  # share of the TF-IDF cosine from names and numbers
    copy_overlap: float = 0.5  # word 5-gram containment: paragraph copied verbatim
    reworded: float = 0.85  # paragraph embedding cosine: paragraph paraphrased

    # Settings for navigation (front page, archive, topics, feeds)
    front_page_days: int = 2  # the briefing shows the N calendar days up to the newest
    front_page_max: int = 40  # and at most this many stories
    topic_min_stories: int = 2  # a person/place/organisation gets a page from N
    feed_items: int = 50  # newest stories in the RSS, Atom and JSON feeds
    site_url: str | None = None  # absolute feed links; unset: mkdocs.yml's site_url
    feed_title: str | None = None  # unset: mkdocs.yml's site_name

    # Settings for the built site (read by the plugin only; the generated Markdown is the same)
    search: str = "pagefind"  # which search the site ships (CHOICES)
    offline: bool = False  # a site that works from a folder opened as file://


def _kinds() -> dict[str, tuple[type, bool]]:
    """Each option's type, and whether it may be unset (None), from the annotations."""
    kinds = {}
    for name, hint in typing.get_type_hints(DigestConfig).items():
        args = typing.get_args(hint) if isinstance(hint, types.UnionType) else (hint,)
        kinds[name] = (next(a for a in args if a is not type(None)), type(None) in args)
    return kinds


KINDS = _kinds()
DEFAULTS = {f.name: f.default for f in fields(DigestConfig) if f.default is not MISSING}


def checked(key: str, value: Any) -> Any:
    """`value` as option `key` takes it (unset: the default; a whole number for a
    fraction: that number), or ValueError saying what was expected."""
    kind, may_be_unset = KINDS[key]
    if value is None:
        return DEFAULTS[key]
    if key in CHOICES and value not in CHOICES[key]:
        raise ValueError(f"expected one of {', '.join(CHOICES[key])}, got {value!r}")
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
        unset = " or nothing" if may_be_unset else ""
        raise ValueError(f"expected {_KIND_NAMES[kind]}{unset}, got {value!r}")
    if key in RANGES:
        _check_range(key, typing.cast(float, value))  # an int or a float, checked above
    return value


def _check_range(key: str, value: float) -> None:
    low, high = RANGES[key]
    if value < low or (high is not None and value > high):
        bounds = f"from {low} to {high}" if high is not None else f"of at least {low}"
        raise ValueError(f"expected a value {bounds}, got {value!r}")


_KIND_NAMES = {bool: "true or false", int: "a whole number", float: "a number", str: "text"}


def validated(
    options: dict[str, Any],
    source: Path | str = "mkdocs.yml",
    lines: Mapping[str, int] | None = None,
) -> DigestConfig:
    """The plugin options as a DigestConfig, raising ConfigError at the first bad value;
    an option digest does not have is warned about and left out. `lines`: the line of
    each option in `source`, where known (option_lines)."""
    values = {}
    lines = lines or {}
    for key, value in options.items():
        if key not in KINDS:
            where = f"{source}:{lines[key]}" if key in lines else f"{source}"
            log.warning("%s: plugins.digest.%s is not a digest option (ignored)", where, key)
            continue
        try:
            values[key] = checked(key, value)
        except ValueError as err:
            raise ConfigError(source, f"plugins.digest.{key}: {err}", lines.get(key)) from None
    return DigestConfig(**values)


# The digest entry of mkdocs.yml's plugin list ("  - digest:") and an option under it.
_PLUGIN_ENTRY = re.compile(r"^(\s*)-\s*digest\s*:")
_OPTION = re.compile(r"^(\s+)([A-Za-z_][\w-]*)\s*:")


def option_lines(text: str) -> dict[str, int]:
    """The line (1-based) of each option in the block of the `digest` plugin entry, read
    off the text: YAML's loader keeps no line numbers. Empty when there is no block in
    that usual layout (errors then name the file alone)."""
    found: dict[str, int] = {}
    entry: int | None = None  # the indent of the entry's dash, once inside its block
    level: int | None = None  # the indent of its options (deeper lines are their values)
    for number, line in enumerate(text.splitlines(), 1):
        if entry is None:
            if start := _PLUGIN_ENTRY.match(line):
                entry = len(start.group(1))
            continue
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if len(line) - len(line.lstrip()) <= entry:
            break  # the next entry, or the end of the plugin list
        option = _OPTION.match(line)
        if option and len(option.group(1)) == (level := level or len(option.group(1))):
            found.setdefault(option.group(2), number)
    return found


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
    mkdocs_yml: Path | None, seeds: Path | None = None, content: Path | None = None
) -> tuple[DigestConfig, Paths]:
    """Config and paths for the CLI: explicit flags, then mkdocs.yml, then defaults. A
    config file given (`mkdocs_yml`) must exist; with none given, ./mkdocs.yml is read
    when there is one."""
    if mkdocs_yml is not None and not mkdocs_yml.is_file():
        raise ConfigError(mkdocs_yml, "no such config file (given with --config-file)")
    mkdocs_yml = mkdocs_yml or Path("mkdocs.yml")
    root = mkdocs_yml.parent
    options, docs_dir = plugin_options(mkdocs_yml) if mkdocs_yml.is_file() else ({}, None)
    lines = option_lines(mkdocs_yml.read_text(encoding="utf-8")) if options else {}
    config = validated(options, mkdocs_yml, lines)
    paths = Paths(
        seeds=seeds if seeds is not None else root / config.seeds,
        content=content if content is not None else root / (docs_dir or "content"),
        cache=cache_folder(config, root),
    )
    return config, paths


def cache_folder(config: DigestConfig, root: Path) -> Path:
    return root / (config.cache_dir or DEFAULT_CACHE)
