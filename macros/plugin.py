"""The MkDocs plugin: validates content before anything is written, then adds its pages and nav."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files

from . import state
from .errors import ContentErrors
from .manifest import manifest
from .navigation import build_nav
from .pages import generated_pages
from .playbook import Playbook, load_playbook
from .searchindex import enrich_site_index
from .searchpatch import WorkerPatchError, patch_worker
from .vocabulary import teach_jieba, user_dictionary, words
from .workbook import write_workbooks

log = logging.getLogger("mkdocs.plugins.playbook")


class PlaybookConfig(Config):
    content_dir = c.Type(str, default="content")


class PlaybookPlugin(BasePlugin[PlaybookConfig]):
    playbook: Playbook

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # Runs before MkDocs cleans the site folder: broken content leaves the last good site alone.
        root = Path(config.config_file_path).parent
        try:
            self.playbook = load_playbook(root / self.config.content_dir, root)
        except ContentErrors as errors:
            for error in errors.errors:
                log.error(str(error))
            raise PluginError(f"内容有 {len(errors.errors)} 处错误，站点未生成，上一版站点保持不变。") from None
        state.set_current(self.playbook)
        teach_jieba(self.playbook)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        for page in generated_pages(self.playbook):
            files.append(File.generated(config, page.src, content=page.markdown))
        # Data for the page scripts, as .js so that it also loads from a file share (file://).
        for name, variable, data in (
            ("manifest.js", "PB_MANIFEST", manifest(self.playbook)),
            ("vocabulary.js", "PB_VOCABULARY", words(self.playbook)),
        ):
            script = f"window.{variable} = {json.dumps(data, ensure_ascii=False)};\n"
            files.append(File.generated(config, f"assets/playbook/{name}", content=script))
        config.nav = build_nav(self.playbook, config.extra.get("nav_extra"))
        return files

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder: Callable[[], None]) -> LiveReloadServer:
        # `mkdocs serve` watches docs/ only; content lives beside it.
        server.watch(str(Path(config.config_file_path).parent / self.config.content_dir))
        return server

    @event_priority(-50)  # after the search plugin has written its index
    def on_post_build(self, config: MkDocsConfig) -> None:
        enrich_site_index(Path(config.site_dir), self.playbook)
        assets = Path(config.site_dir) / "assets" / "playbook"
        (assets / "jieba-user-dict.txt").write_text(user_dictionary(self.playbook), "utf-8")
        write_workbooks(self.playbook.of_kind("template"), Path(config.site_dir) / "downloads" / "forms")
        try:
            patch_worker(Path(config.site_dir))
        except WorkerPatchError as error:
            raise PluginError(str(error)) from None
