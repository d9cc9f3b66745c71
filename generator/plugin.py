"""The MkDocs door: a thin adapter from MkDocs events to pipeline.build."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger

from . import pipeline
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
        """Feeds need the site's address and name: take them from mkdocs.yml unless the
        plugin block sets its own (as the CLI does, in config.plugin_options)."""
        if self.config.site_url is None and config.site_url:
            self.config.site_url = config.site_url
        if self.config.feed_title is None and config.site_name:
            self.config.feed_title = config.site_name
        return config

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
