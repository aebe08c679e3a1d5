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
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from macros import state
from macros.errors import ContentErrors
from macros.exports.workbooks import write_workbooks
from macros.render.freshview import maintenance_pages, updates_data, with_freshness
from macros.render.htmlsafe import escape_meta, escape_nav
from macros.render.htmlspace import collapse
from macros.render.manifest import catalog, deal_data, manifest, stage_data, stage_script
from macros.render.navigation import build_nav
from macros.render.pagebody import index_sources, render_body, source_files
from macros.render.pages import generated_pages
from macros.render.quiz import key_path, key_script
from macros.resolve.dating import date_playbook
from macros.resolve.playbook import Playbook, load_playbook
from macros.safebuild import StagedSite, keep_serving, strict_warnings
from macros.search.build import write_site_index
from macros.search.sections import collect_unsegmented
from macros.search.worker import WorkerInstallError, install_worker

log = logging.getLogger("mkdocs.plugins.playbook")


class PlaybookConfig(Config):
    content_dir = c.Type(str, default="content")


class PlaybookPlugin(BasePlugin[PlaybookConfig]):
    playbook: Playbook
    staged: StagedSite | None = None
    dirty = False
    generated: dict[str, str]  # src path of each generated page → the YAML file it comes from

    def on_startup(self, command: str, dirty: bool) -> None:
        self.dirty = dirty

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
        self._read_history(root / self.config.content_dir, Path(config.docs_dir))
        if not self.dirty:  # a dirty build updates the site in place, by definition
            self.staged = StagedSite(Path(config.site_dir))
            config.site_dir = str(self.staged.staging)
        return config

    def _read_history(self, content_dir: Path, docs_dir: Path) -> None:
        """Dates, reviews and the change log, from one `git log` (never fails the build)."""
        fresh, changelog, summary = date_playbook(self.playbook, content_dir, docs_dir)
        state.set_freshness(fresh, changelog)
        log.info(summary)

    def on_pre_build(self, config: MkDocsConfig) -> None:
        # After every on_config: Material's search plugin has made its index by now.
        collect_unsegmented(config.plugins)

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        sources = {**index_sources(self.playbook), **source_files(self.playbook)}
        self.generated = {}
        for page in generated_pages(self.playbook) + maintenance_pages(state.freshness()):
            self.generated[page.src] = sources.get(page.src, self.config.content_dir + "/")
            files.append(File.generated(config, page.src, content=page.markdown))
        fresh = state.freshness()
        # Data for the page scripts, as .js so that it also loads from a file share (file://).
        for name, variable, data in (
            ("manifest.js", "PB_MANIFEST", manifest(self.playbook)),
            ("updates.js", "PB_UPDATES", updates_data(self.playbook, fresh) if fresh else {}),
        ):
            script = f"window.{variable} = {json.dumps(data, ensure_ascii=False)};\n"
            files.append(File.generated(config, f"assets/playbook/{name}", content=script))
        # Each course's quiz key, loaded by its page only after the quiz is handed in.
        for course in self.playbook.of_kind("course"):
            if course.quiz:
                files.append(File.generated(config, key_path(course.id), content=key_script(course)))
        # Loaded only by the pages that ask for them (data-pb-needs), merged into PB.manifest.
        needed = [("deal-data", deal_data(self.playbook)), ("catalog", catalog(self.playbook))]
        for stage in self.playbook.of_kind("stage"):  # a stage page's progress line
            needed.append((stage_script(stage.id), stage_data(self.playbook, stage.id)))
        for name, data in needed:
            variable = "PB_" + name.upper().replace("-", "_")  # as pb-core.js's loaded() reads it
            script = f"window.{variable} = {json.dumps(data, ensure_ascii=False)};\n"
            files.append(File.generated(config, f"assets/playbook/{name}.js", content=script))
        config.nav = build_nav(self.playbook, config.extra.get("nav_extra"))
        return files

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        return escape_nav(nav)

    def on_template_context(self, context: dict, template_name: str, config: MkDocsConfig) -> dict:
        # MkDocs gives 404.html absolute links (/assets/…); from a file share it is opened as the
        # file at the site root, where links relative to the root work.
        if template_name == "404.html":
            context["base_url"] = "."
        return context

    @event_priority(100)  # before mkdocs-macros and the tags plugin read the page
    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        source = self.generated.get(page.file.src_uri)
        if source is None:
            return markdown
        # Our pages are content: mkdocs-macros must not render their title (or anything else).
        page.meta["render_macros"] = False
        escape_meta(page.meta)
        try:
            return render_body(markdown, page.url)
        except Exception as error:
            log.error(f"{source}:1: (页面 {page.file.src_uri}): 生成页面时出错：{type(error).__name__}: {error}")
            raise PluginError(f"生成 {source} 的页面时出错，站点未生成，上一版站点保持不变。") from error

    def on_build_error(self, error: Exception) -> None:
        if self.staged is not None:
            self.staged.discard()
            log.error("构建失败，上一版站点保持不变。")

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        fresh = state.freshness()
        if fresh is not None:
            output = with_freshness(output, page.file.src_uri, page.url, fresh, state.renderer())
        return collapse(output)  # the theme's blank lines between tags: a third of a page

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder: Callable[[], None]) -> LiveReloadServer:
        # `mkdocs serve` watches docs/ only; content lives beside it.
        server.watch(str(Path(config.config_file_path).parent / self.config.content_dir))
        server.builder = keep_serving(server.builder)
        return server

    @event_priority(-200)  # after every other plugin (the search index is written, nothing else can fail)
    def on_post_build(self, config: MkDocsConfig) -> None:
        site = Path(config.site_dir)
        write_site_index(site, self.playbook)
        write_workbooks(self.playbook.of_kind("template"), site / "downloads" / "forms")
        try:
            install_worker(site)
        except WorkerInstallError as error:
            raise PluginError(str(error)) from None
        # Last step: swap the finished build in, unless --strict is about to abort it.
        if self.staged is not None and not strict_warnings():
            self.staged.commit()
            config.site_dir = str(self.staged.final)
