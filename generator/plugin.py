"""The MkDocs door: a thin adapter from MkDocs events to pipeline.build."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.base import BaseConfigOption, LegacyConfig, ValidationError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger

from . import pipeline, search
from .config import (
    DEFAULTS,
    KINDS,
    DigestConfig,
    Paths,
    cache_folder,
    checked,
    validated,
    with_site,
)
from .errors import DigestError, os_error

log = get_plugin_logger("digest")


class _Option(BaseConfigOption[Any]):
    """One of the digest options, as MkDocs validates it: by config.checked, as the CLI."""

    def __init__(self, key: str) -> None:
        super().__init__()
        self.key, self.default = key, DEFAULTS[key]

    def run_validation(self, value: object) -> Any:
        try:
            return checked(self.key, value)
        except ValueError as err:
            raise ValidationError(str(err)) from None


class DigestPlugin(BasePlugin[LegacyConfig]):
    config_scheme = tuple((key, _Option(key)) for key in KINDS)

    def settings(self, config: MkDocsConfig) -> DigestConfig:
        """The options as the pipeline takes them; the feeds' address and name are the
        site's unless the plugin block sets its own (as the CLI's config.plugin_options)."""
        options = {key: self.config[key] for key in KINDS}
        filled = with_site(options, config.site_url, config.site_name)
        return validated(filled, config.config_file_path or "mkdocs.yml")

    def _paths(self, config: MkDocsConfig) -> Paths:
        root = Path(config.config_file_path or ".").parent
        settings = self.settings(config)
        return Paths(
            seeds=root / settings.seeds,
            content=Path(config.docs_dir),
            cache=cache_folder(settings, root),
        )

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Before any page renders: the site's search."""
        self._choose_search(config)
        return config

    def _choose_search(self, config: MkDocsConfig) -> None:
        """Pick the site's search before any page is rendered, so the theme (which reads
        `extra.digest_search`) and Material's search plugin (which checks `enabled` on every
        event) agree. Offline: .html links, Material's lunr search with a local stand-in for
        Web Workers. Pagefind: Material's lunr index is not built at all."""
        settings = self.settings(config)
        engine = "material" if settings.offline else settings.search
        config.extra["digest_search"] = engine
        if settings.offline:
            config.use_directory_urls = False
            polyfills = list(config.extra.get("polyfills") or [])
            if search.OFFLINE_WORKER_SHIM not in polyfills:
                config.extra["polyfills"] = [*polyfills, search.OFFLINE_WORKER_SHIM]
        lunr = config.plugins.get("material/search")
        if engine == "pagefind" and lunr is not None:
            lunr.config.enabled = False

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Generate before MkDocs collects files, so new pages are part of this build."""
        if not self.config["enabled"]:
            return
        paths = self._paths(config)
        try:
            result = pipeline.build(self.settings(config), paths)
        except DigestError as error:  # it names its file: a seed, a registry, a page
            raise PluginError(f"digest: {error}") from error
        except OSError as error:  # the system refused a file: its name and the reason
            raise PluginError(f"digest: {os_error(error)}") from error
        log.info(
            "%d stories, %d rejected, %d files written",
            result.story_count,
            len(result.rejected),
            len(result.written),
        )

    def on_page_content(self, html: str, *, page: Any, config: MkDocsConfig, files: Any) -> str:
        """A story page's table headers ("Outlet Headline Relation Date Similarity") are
        left out of the search index, whose excerpts would quote them."""
        if self.config["enabled"] and page.meta.get("template") == "story.html":
            return html.replace("<thead>", "<thead data-pagefind-ignore>")
        return html

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        """Under `mkdocs serve`, a changed seed rebuilds the site like a changed page."""
        if self.config["enabled"]:
            server.watch(str(self._paths(config).seeds))
        return server

    @event_priority(-100)  # last: after every page, and Material's search index, is written
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Index the finished site: Pagefind reads the HTML MkDocs wrote; offline, Material's
        lunr index becomes a script a page opened from file:// can load."""
        site = Path(config.site_dir)
        settings = self.settings(config)
        try:
            if settings.offline:
                if search.inline_lunr_index(site) is None:
                    log.warning("offline site without search: add `- search` to plugins")
            elif settings.search == "pagefind":
                search.pagefind_index(site)
        except DigestError as error:
            raise PluginError(f"Error indexing the site for search:\n{error}") from error
