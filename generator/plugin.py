"""The MkDocs door: a thin adapter from MkDocs events to pipeline.build."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger

from . import pipeline, search
from .config import DigestConfig, Paths, cache_folder
from .errors import DigestError

log = get_plugin_logger("digest")


class DigestPlugin(BasePlugin[DigestConfig]):
    def _paths(self, config: MkDocsConfig) -> Paths:
        root = Path(config.config_file_path or ".").parent
        return Paths(
            seeds=root / self.config.seeds,
            content=Path(config.docs_dir),
            cache=cache_folder(self.config, root),
        )

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Before any page renders: the feeds' address and name, and the site's search."""
        self._feed_defaults(config)
        self._choose_search(config)
        return config

    def _feed_defaults(self, config: MkDocsConfig) -> None:
        """Feeds need the site's address and name: take them from mkdocs.yml unless the
        plugin block sets its own (as the CLI does, in config.plugin_options)."""
        if self.config.site_url is None and config.site_url:
            self.config.site_url = config.site_url
        if self.config.feed_title is None and config.site_name:
            self.config.feed_title = config.site_name

    def _choose_search(self, config: MkDocsConfig) -> None:
        """Pick the site's search before any page is rendered, so the theme (which reads
        `extra.digest_search`) and Material's search plugin (which checks `enabled` on every
        event) agree. Offline: .html links, Material's lunr search with a local stand-in for
        Web Workers. Pagefind: Material's lunr index is not built at all."""
        engine = "material" if self.config.offline else self.config.search
        config.extra["digest_search"] = engine
        if self.config.offline:
            config.use_directory_urls = False
            polyfills = list(config.extra.get("polyfills") or [])
            if search.OFFLINE_WORKER_SHIM not in polyfills:
                config.extra["polyfills"] = [*polyfills, search.OFFLINE_WORKER_SHIM]
        lunr = config.plugins.get("material/search")
        if engine == "pagefind" and lunr is not None:
            lunr.config.enabled = False

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Generate before MkDocs collects files, so new pages are part of this build."""
        if not self.config.enabled:
            return
        paths = self._paths(config)
        try:
            result = pipeline.build(self.config, paths)
        except DigestError as error:
            raise PluginError(f"Error reading seeds in '{paths.seeds}':\n{error}") from error
        log.info(
            "%d stories, %d rejected, %d files written",
            result.story_count,
            len(result.rejected),
            len(result.written),
        )

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        """Under `mkdocs serve`, a changed seed rebuilds the site like a changed page."""
        if self.config.enabled:
            server.watch(str(self._paths(config).seeds))
        return server

    @event_priority(-100)  # last: after every page, and Material's search index, is written
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Index the finished site: Pagefind reads the HTML MkDocs wrote; offline, Material's
        lunr index becomes a script a page opened from file:// can load."""
        site = Path(config.site_dir)
        try:
            if self.config.offline:
                if search.inline_lunr_index(site) is None:
                    log.warning("offline site without search: add `- search` to plugins")
            elif self.config.search == "pagefind":
                search.pagefind_index(site)
        except DigestError as error:
            raise PluginError(f"Error indexing the site for search:\n{error}") from error
